// Answers never lost or doubled, through createBot with a recording transformer and a clock
// that skips the waits: 429 with long retry_after, per-chat order, redeliveries, refusals
// that are part of a group's life, and a group upgraded to a supergroup.
import { describe, expect, it } from "vitest";
import { RecentUpdates } from "../src/bot/redelivery.ts";
import {
  createHarness,
  groupChat,
  heldClock,
  instantClock,
  textMessage,
} from "./support/bot-harness.ts";
import { captureLogs, INFO, WARN } from "./support/log-capture.ts";

/** Lets the bot run until `condition` holds (checks between turns of the event loop). */
async function until(condition: () => boolean): Promise<void> {
  for (let turn = 0; !condition(); turn++) {
    if (turn > 1_000) throw new Error("until: condition never held");
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const QUESTION = "من هو الرئيس التنفيذي لشركة ميتا؟";
const tooMany = (seconds: number) => ({
  error_code: 429,
  description: `Too Many Requests: retry after ${seconds}`,
  parameters: { retry_after: seconds },
});

describe("429 Too Many Requests with a long retry_after", () => {
  it.each([15, 30])("retry_after %i: waits that long, then the answer arrives once", async (seconds) => {
    const { clock, waits } = instantClock();
    const logs = captureLogs({ level: "info" });
    const h = await createHarness({ clock, logger: logs.logger });
    h.failNext("sendMessage", tooMany(seconds));
    await h.send({ message: textMessage(`/ask ${QUESTION}`, { chat: groupChat() }) });
    expect(waits).toEqual([seconds * 1000]);
    const sends = h.of("sendMessage");
    expect(sends).toHaveLength(2); // the refused one and the one after the wait
    expect(sends[1]!.payload.text).toContain("<blockquote>");
    expect(logs.atLeast(WARN)).toEqual([]);
  });

  it("more than 60 s: gives the answer up with one log line saying why, and no apology", async () => {
    const { clock, waits } = instantClock();
    const logs = captureLogs({ level: "info" });
    const h = await createHarness({ clock, logger: logs.logger });
    h.failNext("sendMessage", tooMany(120));
    await h.send({ message: textMessage(QUESTION) });
    expect(waits).toEqual([]);
    expect(h.of("sendMessage")).toHaveLength(1);
    const lines = logs.atLeast(WARN);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.msg).toMatch(/gave up .*120 s, more than 60 s/);
  });

  it("keeps that chat's later answers in order behind the wait, and does not hold up other chats", async () => {
    const held = heldClock();
    const h = await createHarness({ clock: held.clock });
    const chatA = groupChat(-1001);
    const chatB = groupChat(-1002);
    h.failNext("sendMessage", tooMany(30));
    const first = textMessage(`/ask ${QUESTION}`, { chat: chatA });
    const second = textMessage("/ask لماذا ستحجب ميتا نموذج Llama عن الاتحاد الأوروبي؟", { chat: chatA });
    const a1 = h.send({ message: first });
    await until(() => held.waits().length === 1); // A's answer got its 429 and waits
    const a2 = h.send({ message: second });
    // Meanwhile another group is answered at once.
    await h.send({ message: textMessage(`/ask ${QUESTION}`, { chat: chatB }) });
    expect(held.waits()).toEqual([30_000]);
    const to = (chat: number) => h.of("sendMessage").filter((call) => call.payload.chat_id === chat);
    expect(to(chatB.id).map((call) => call.payload.text.includes("<blockquote>"))).toEqual([true]);
    expect(to(chatA.id)).toHaveLength(1); // the refused one; the second question waits behind it
    held.release();
    await Promise.all([a1, a2]);
    expect(to(chatA.id).map((call) => call.payload.reply_parameters.message_id)).toEqual([
      first.message_id,
      first.message_id,
      second.message_id,
    ]);
  });
});

describe("redelivered updates", () => {
  it("the same update_id handled twice is answered once (polling and webhook share this)", async () => {
    const h = await createHarness();
    const message = textMessage(QUESTION);
    await h.sendWithId(777_001, { message });
    await h.sendWithId(777_001, { message });
    await h.sendWithId(777_002, { message: textMessage(QUESTION) });
    expect(h.of("sendMessage")).toHaveLength(2);
  });
});

describe("refusals that are part of a group's life", () => {
  it.each([
    ["no right to send", 400, "Bad Request: not enough rights to send text messages to the chat"],
    ["a closed topic", 400, "Bad Request: TOPIC_CLOSED"],
    ["a thread that is gone", 400, "Bad Request: message thread not found"],
  ])("%s: one info line, no second send, no error", async (_name, code, description) => {
    const logs = captureLogs({ level: "info" });
    const h = await createHarness({ logger: logs.logger });
    h.failNext("sendMessage", { error_code: code, description });
    await h.send({ message: textMessage(`/ask ${QUESTION}`, { chat: groupChat() }) });
    expect(h.of("sendMessage")).toHaveLength(1);
    expect(logs.atLeast(WARN)).toEqual([]);
    expect(logs.atLeast(INFO).filter((line) => /cannot write here/.test(String(line.msg)))).toHaveLength(1);
  });

  it("a group upgraded to a supergroup: the answer goes to migrate_to_chat_id, once", async () => {
    const logs = captureLogs({ level: "info" });
    const h = await createHarness({ logger: logs.logger });
    const oldGroup = { id: -4242, type: "group", title: "مجموعة قديمة" } as const;
    h.failNext("sendMessage", {
      error_code: 400,
      description: "Bad Request: group chat was upgraded to a supergroup chat",
      parameters: { migrate_to_chat_id: -1009999 },
    });
    await h.send({ message: textMessage(`/ask ${QUESTION}`, { chat: oldGroup as any }) });
    const sends = h.of("sendMessage");
    expect(sends.map((call) => call.payload.chat_id)).toEqual([-4242, -1009999]);
    expect(sends[1]!.payload.text).toContain("<blockquote>");
    expect(sends[1]!.payload.reply_parameters).toBeUndefined(); // the old message ids mean nothing there
    expect(logs.atLeast(WARN)).toEqual([]);
  });
});

describe("RecentUpdates: the memory of seen update_ids stays bounded", () => {
  it("holds at most `max` ids, and forgets them after the window", () => {
    let now = 0;
    const recent = new RecentUpdates(60_000, 100, () => now);
    for (let id = 1; id <= 1_000; id++) expect(recent.firstTime(id)).toBe(true);
    expect(recent.size).toBeLessThanOrEqual(100);
    expect(recent.firstTime(1_000)).toBe(false); // the newest are remembered
    now += 60_001;
    expect(recent.firstTime(1_001)).toBe(true);
    expect(recent.size).toBe(1); // the rest aged out
  });
});
