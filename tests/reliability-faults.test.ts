// Telegram faults, injected by the local emulator while the real bot long-polls it:
// 429 (short and long retry_after), redelivered updates, deleteWebhook failing at start, 5xx, dropped connections, timeouts, 403, refused HTML, deleted questions, getUpdates
// outages — and SIGTERM with answers in flight, on the real process.
import { afterEach, describe, expect, it } from "vitest";
import { documentKey } from "../src/bot/callback-data.ts";
import { cutText, fallbackPayload } from "../src/bot/delivery.ts";
import { texts } from "../src/bot/texts.ts";
import { instantClock, realEngine } from "./support/bot-harness.ts";
import { type BotProcess, spawnBot } from "./support/bot-process.ts";
import { type ApiCall, FakeTelegram, parseTelegramHtml } from "../src/playground/fake-telegram.ts";
import { INFO, WARN } from "./support/log-capture.ts";
import { answerTo, type PollingBot, sendsTo, sleep, startPollingBot, waitUntil } from "./support/polling-bot.ts";

/** The fixture article in button data. */
const KEY = documentKey(realEngine().knowledge.documents[0]!.id);

const QUESTION = "من هو الرئيس التنفيذي لشركة ميتا؟";
const running: PollingBot[] = [];
async function start(options?: Parameters<typeof startPollingBot>[0]): Promise<PollingBot> {
  const b = await startPollingBot(options);
  running.push(b);
  return b;
}
afterEach(async () => {
  for (const b of running.splice(0)) await b.stop();
});

let nextUser = 500;
/** Asks one question from a new user; resolves with the user id and the call index before it. */
function ask(b: PollingBot, text = QUESTION) {
  const user = nextUser++;
  const mark = b.fake.calls.length;
  const message = b.fake.sendPrivateText(user, text);
  return { user, mark, message };
}

/** The bot still serves someone else, normally, after a fault. */
async function expectStillServing(b: PollingBot): Promise<void> {
  const other = ask(b);
  const answer = await answerTo(b.fake, other.user, other.mark);
  expect(String(answer.params.text)).toContain("<blockquote>");
  expect(sendsTo(b.fake, other.user, other.mark)).toHaveLength(1);
}

const gaps = (calls: ApiCall[]) => calls.slice(1).map((call, i) => call.at - calls[i]!.at);

describe("429 Too Many Requests", () => {
  it("waits retry_after, then sends the answer once", async () => {
    const b = await start();
    b.fake.fail("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
    const q = ask(b);
    await answerTo(b.fake, q.user, q.mark);
    await sleep(100); // nothing more comes
    const attempts = sendsTo(b.fake, q.user, q.mark);
    expect(attempts.map((call) => call.response?.ok)).toEqual([false, true]);
    expect(gaps(attempts)[0]).toBeGreaterThanOrEqual(950); // waited the second Telegram asked for
    expect(b.logs.atLeast(WARN)).toEqual([]);
  });
});

describe("429 with a long retry_after, over real HTTP", () => {
  it.each([15, 30])("retry_after %i: the answer is sent once after the wait (the clock skips it)", async (seconds) => {
    const { clock, waits } = instantClock();
    const b = await start({ clock });
    b.fake.fail("sendMessage", { error_code: 429, description: `Too Many Requests: retry after ${seconds}`, parameters: { retry_after: seconds } });
    const q = ask(b);
    await answerTo(b.fake, q.user, q.mark);
    expect(sendsTo(b.fake, q.user, q.mark).map((call) => call.response?.ok)).toEqual([false, true]);
    expect(waits).toEqual([seconds * 1000]);
    expect(b.logs.atLeast(WARN)).toEqual([]);
  });
});

describe("redelivered updates while polling", () => {
  it("the same update_id delivered twice is answered once", async () => {
    const b = await start();
    const q = ask(b);
    const update = b.fake.pendingUpdates.find((u) => u.message?.message_id === q.message.message_id)!;
    const { update_id, ...rest } = update;
    b.fake.pushUpdate(rest, { redeliver: update_id });
    await answerTo(b.fake, q.user, q.mark);
    await expectStillServing(b); // by then the repeat has long been through
    expect(sendsTo(b.fake, q.user, q.mark)).toHaveLength(1);
  });
});

describe("start-up while Telegram is away", () => {
  it("deleteWebhook failing 3 times with 502 is retried until it works; then questions are answered", async () => {
    const b = await start({ beforeStart: (fake) => fake.fail("deleteWebhook", { error_code: 502, description: "Bad Gateway" }, 3) });
    expect(b.fake.callsOf("deleteWebhook").map((call) => call.response?.ok)).toEqual([false, false, false, true]);
    await expectStillServing(b);
    expect(b.logs.atLeast(WARN).map((line) => line.msg)).toEqual(["a start-up call failed; retrying until Telegram answers"]);
  });
});

describe("5xx and network failures", () => {
  it.each([
    ["500", () => ({ error_code: 500, description: "Internal Server Error" })],
    ["502", () => ({ error_code: 502, description: "Bad Gateway" })],
  ])("%s twice: retried with growing waits, answered once on the third attempt", async (_name, error) => {
    const b = await start();
    b.fake.fail("sendMessage", error(), 2);
    const q = ask(b);
    await answerTo(b.fake, q.user, q.mark);
    const attempts = sendsTo(b.fake, q.user, q.mark);
    expect(attempts.map((call) => call.response?.ok)).toEqual([false, false, true]);
    const [first, second] = gaps(attempts);
    expect(first).toBeGreaterThanOrEqual(18); // base 20 ms, then doubled
    expect(second).toBeGreaterThanOrEqual(38);
    expect(b.logs.atLeast(WARN)).toEqual([]);
  });

  it("a dropped connection (ECONNRESET) is retried and the answer arrives once", async () => {
    const b = await start();
    b.fake.failNetwork("sendMessage", 2);
    const q = ask(b);
    await answerTo(b.fake, q.user, q.mark);
    expect(sendsTo(b.fake, q.user, q.mark).map((call) => call.response?.ok)).toEqual([undefined, undefined, true]);
    expect(b.logs.atLeast(WARN)).toEqual([]);
  });

  it("a call that times out is aborted and retried", async () => {
    const b = await start({ retry: { attempts: 3, baseDelayMs: 20, timeoutMs: 300 } });
    b.fake.hang("sendMessage");
    const q = ask(b);
    await answerTo(b.fake, q.user, q.mark);
    const attempts = sendsTo(b.fake, q.user, q.mark);
    expect(attempts.map((call) => call.response?.ok)).toEqual([undefined, true]);
    expect(gaps(attempts)[0]).toBeGreaterThanOrEqual(290);
  });

  // Exactly three failures are injected: a fourth attempt would succeed, and show.
  it.each([
    ["502 every time", (fake: FakeTelegram) => fake.fail("sendMessage", { error_code: 502, description: "Bad Gateway" }, 3)],
    ["the connection dropped every time", (fake: FakeTelegram) => fake.failNetwork("sendMessage", 3)],
    ["no answer every time", (fake: FakeTelegram) => fake.hang("sendMessage", 3)],
  ])("%s: 3 attempts, then given up with one log line; others are served after", async (_name, inject) => {
    const b = await start({ retry: { attempts: 3, baseDelayMs: 20, timeoutMs: 300 } });
    inject(b.fake);
    const q = ask(b);
    await waitUntil(() => b.logs.atLeast(WARN).length > 0, 10_000, "the give-up log line");
    await sleep(300); // time for a 4th attempt or an apology, which must not come
    expect(sendsTo(b.fake, q.user, q.mark)).toHaveLength(3);
    const lines = b.logs.atLeast(WARN);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.msg).toBe("feature failed");
    await expectStillServing(b);
  });
});

describe("403 Forbidden", () => {
  it.each([
    ["bot was blocked by the user", (b: PollingBot) => ask(b)],
    ["bot was kicked from the supergroup chat", (b: PollingBot) => {
      const user = nextUser++;
      const mark = b.fake.calls.length;
      b.fake.sendGroupText(-100555, user, `/ask ${QUESTION}`);
      return { user: -100555, mark, message: undefined };
    }],
  ])("%s: logged at info, no retry, no apology; others are served", async (reason, send) => {
    const b = await start();
    b.fake.fail("sendMessage", { error_code: 403, description: `Forbidden: ${reason}` });
    const q = send(b);
    await b.fake.waitFor((call, i) => i >= q.mark && call.method === "sendMessage");
    await expectStillServing(b);
    expect(sendsTo(b.fake, q.user, q.mark)).toHaveLength(1);
    expect(b.logs.atLeast(WARN)).toEqual([]);
    const info = b.logs.lines.filter((line) => line.level === INFO && String(line.msg).includes("blocked the bot"));
    expect(info).toHaveLength(1);
  });
});

describe("400 that a simpler message avoids", () => {
  it.each([
    "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 12",
    "Bad Request: message is too long",
  ])("%s → the answer is sent again as plain text, trimmed, still a reply with its buttons", async (description) => {
    const b = await start();
    b.fake.fail("sendMessage", { error_code: 400, description });
    const q = ask(b);
    const answer = await answerTo(b.fake, q.user, q.mark);
    const [refused] = sendsTo(b.fake, q.user, q.mark);
    expect(refused!.params.parse_mode).toBe("HTML");
    expect(answer.params.parse_mode).toBeUndefined();
    const text = String(answer.params.text);
    expect(text).not.toMatch(/<\/?(b|blockquote)>/);
    const visible = parseTelegramHtml(String(refused!.params.text));
    expect(visible.ok && visible.text).toBe(text); // what the user would have seen, minus the formatting
    expect(text.length).toBeLessThanOrEqual(4096);
    expect(answer.params.reply_parameters).toEqual(refused!.params.reply_parameters);
    expect(answer.params.reply_markup).toEqual(refused!.params.reply_markup);
    expect(sendsTo(b.fake, q.user, q.mark)).toHaveLength(2);
    expect(b.logs.atLeast(WARN).map((line) => line.msg)).toEqual(["Telegram refused the message; sent it as plain text"]);
  });

  it("message to reply not found (the question was deleted) → sent without the reply link", async () => {
    const b = await start();
    b.fake.fail("sendMessage", { error_code: 400, description: "Bad Request: message to be replied not found" });
    const q = ask(b);
    const answer = await answerTo(b.fake, q.user, q.mark);
    expect(answer.params.reply_parameters).toBeUndefined();
    expect(String(answer.params.text)).toContain("<blockquote>");
    expect(sendsTo(b.fake, q.user, q.mark)).toHaveLength(2);
    expect(b.logs.atLeast(WARN)).toEqual([]);
  });

  it("an edit refused for its HTML falls back to plain text too", async () => {
    const b = await start();
    const q = ask(b);
    const answer = await answerTo(b.fake, q.user, q.mark);
    const messageId = (answer.response as { result: { message_id: number } }).result.message_id;
    b.fake.fail("editMessageText", { error_code: 400, description: "Bad Request: can't parse entities: x" });
    const mark = b.fake.calls.length;
    b.fake.pressButton({ chatId: q.user, messageId, userId: q.user, data: `p:${KEY}:1` });
    const edit = await b.fake.waitFor((call, i) => i >= mark && call.method === "editMessageText" && call.response?.ok === true);
    expect(edit.params.parse_mode).toBeUndefined();
  });

  it("the plain-text fallback: tags dropped, entities decoded, cut below 4096 without splitting an emoji", () => {
    const html = `<blockquote>${"كلمة &amp; &lt;ب&gt; 😀 ".repeat(400)}</blockquote>\n📖 <a href="x">«مصدر»</a>`;
    const fallback = fallbackPayload({ chat_id: 1, text: html, parse_mode: "HTML", reply_parameters: { message_id: 3 } }, "Bad Request: message is too long");
    const text = String(fallback!.payload.text);
    expect(fallback!.payload.parse_mode).toBeUndefined();
    expect(fallback!.payload.reply_parameters).toEqual({ message_id: 3 });
    expect(text.length).toBeLessThanOrEqual(4096);
    expect(text.startsWith("كلمة & <ب> 😀")).toBe(true);
    expect(text.endsWith("…")).toBe(true);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(text)).toBe(false);
    expect(cutText("😀".repeat(3000), 4096).length).toBeLessThanOrEqual(4096);
    expect(fallbackPayload({ text: "x" }, "Bad Request: chat not found")).toBeUndefined();
  });
});

describe("getUpdates failing for a while", () => {
  it("polling recovers on its own: one warning, one recovery line, every update answered once", async () => {
    const b = await start();
    // The polls after the next one fail: 502s, dropped connections, a 429 with retry_after, 500s.
    b.fake.fail("getUpdates", { error_code: 502, description: "Bad Gateway" }, 2);
    b.fake.failNetwork("getUpdates", 2);
    b.fake.fail("getUpdates", { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
    b.fake.fail("getUpdates", { error_code: 500, description: "Internal Server Error" }, 2);
    const first = ask(b, "مرحبا"); // delivered by the poll being held now
    await answerTo(b.fake, first.user, first.mark);
    const second = ask(b); // queued while polling fails
    await answerTo(b.fake, second.user, second.mark, 20_000);
    const polls = b.fake.calls.slice(first.mark).filter((call) => call.method === "getUpdates");
    expect(polls.slice(0, 8).map((call) => call.response?.ok ?? "dropped")).toEqual([false, false, "dropped", "dropped", false, false, false, true]);
    expect(sendsTo(b.fake, first.user)).toHaveLength(1);
    expect(sendsTo(b.fake, second.user)).toHaveLength(1);
    expect(b.fatal).toEqual([]);
    const lines = b.logs.lines.filter((line) => line.level >= INFO && /Telegram/.test(String(line.msg)));
    expect(lines.map((line) => [line.level, line.msg])).toEqual([
      [WARN, "cannot reach Telegram; retrying until it works again"],
      [INFO, "Telegram reachable again"],
    ]);
  }, 30_000);

  it("401 (token revoked) stops polling for good, through onFatal", async () => {
    const b = await start();
    b.fake.fail("getUpdates", { error_code: 401, description: "Unauthorized" });
    const q = ask(b); // ends the held poll; the next one gets the 401
    await answerTo(b.fake, q.user, q.mark);
    for (let i = 0; i < 100 && b.fatal.length === 0; i++) await sleep(20);
    expect(b.fatal).toHaveLength(1);
    expect(b.fatal[0]).toMatchObject({ error_code: 401 });
  });
});

describe("SIGTERM with answers in flight (the real process)", () => {
  let p: BotProcess | undefined;
  let fake: FakeTelegram | undefined;
  afterEach(async () => {
    await p?.kill();
    await fake?.stop();
  });

  it("finishes every answer, confirms the updates, exits 0 — even with a second signal", async () => {
    fake = await FakeTelegram.start();
    p = spawnBot({ BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, BOT_MODE: "polling" });
    await fake.waitFor((call) => call.method === "getUpdates" && Number(call.params.timeout) > 0, 25_000);

    // Five users; every first send is told to wait 2 s, so all five answers are in flight.
    fake.fail("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 2", parameters: { retry_after: 2 } }, 5);
    const users = [9001, 9002, 9003, 9004, 9005];
    const mark = fake.calls.length;
    for (const user of users) fake.sendPrivateText(user, QUESTION);
    await fake.waitFor(() => fake!.calls.slice(mark).filter((c) => c.method === "sendMessage").length === 5, 10_000);
    const signalledAt = Date.now();
    p.child.kill("SIGTERM");
    await sleep(100);
    p.child.kill("SIGTERM"); // an impatient operator: still a clean stop
    expect(await p.exited).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(8_000); // the process's own deadline (exit 1 beyond it)
    for (const user of users) {
      expect(sendsTo(fake, user, mark).map((call) => call.response?.ok)).toEqual([false, true]);
    }
    // Nothing handled is left unconfirmed: a restart would not answer these again.
    expect(fake.pendingUpdates).toEqual([]);
    expect(p.output()).toContain('"msg":"stopped"');
    expect(p.output()).not.toContain(fake.token);
  }, 30_000);

  it("getMe failing 3 times with 502 at start: retried until it works, then it answers", async () => {
    fake = await FakeTelegram.start();
    fake.fail("getMe", { error_code: 502, description: "Bad Gateway" }, 3);
    p = spawnBot({ BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, BOT_MODE: "polling" });
    await fake.waitFor((call) => call.method === "getUpdates" && Number(call.params.timeout) > 0, 25_000);
    expect(fake.callsOf("getMe").map((call) => call.response?.ok)).toEqual([false, false, false, true]);
    const mark = fake.calls.length;
    fake.sendPrivateText(9100, QUESTION);
    await answerTo(fake, 9100, mark);
    expect(p.output()).not.toContain("uncaught exception");
  }, 30_000);
});
