// End to end: the real bot process (src/main.ts through tsx, as `npm start` runs it),
// long polling a local Telegram emulator on 127.0.0.1; then SIGTERM and a clean exit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { texts } from "../src/bot/texts.ts";
import { type BotProcess, spawnBot } from "./support/bot-process.ts";
import { type ApiCall, FakeTelegram, parseTelegramHtml } from "../src/playground/fake-telegram.ts";

const USER = 4242;
const GROUP = -1009876543210;
const QUESTION = "من هو الرئيس التنفيذي لشركة ميتا؟";

let fake: FakeTelegram;
let bot: BotProcess;

beforeAll(async () => {
  fake = await FakeTelegram.start();
  bot = spawnBot({ BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, BOT_MODE: "polling", LOG_LEVEL: "debug" });
  // Polling has started once the first long poll arrives.
  await fake.waitFor((call) => call.method === "getUpdates" && Number(call.params.timeout) > 0, 25_000);
}, 30_000);

afterAll(async () => {
  await bot?.kill();
  await fake?.stop();
});

const sentTo = (chatId: number, after: number) => (call: ApiCall, index: number) =>
  index >= after && call.method === "sendMessage" && Number(call.params.chat_id) === chatId;

describe("the bot process", () => {
  it("registers Arabic commands for private chats and groups, and clears any webhook", () => {
    const scopes = fake.callsOf("setMyCommands").map((call) => (call.params.scope as { type: string }).type);
    expect(scopes.sort()).toEqual(["all_group_chats", "all_private_chats"]);
    expect(fake.callsOf("deleteWebhook")).toHaveLength(1);
  });

  it("answers a private question with a quote in a blockquote, replying to it", async () => {
    const mark = fake.calls.length;
    const question = fake.sendPrivateText(USER, QUESTION);
    const call = await fake.waitFor(sentTo(USER, mark), 10_000);
    expect(call.response?.ok).toBe(true);
    const text = String(call.params.text);
    expect(text).toMatch(/<blockquote>[^]*زوكربيرج[^]*<\/blockquote>/);
    expect(parseTelegramHtml(text).ok).toBe(true);
    expect(call.params.reply_parameters).toMatchObject({ message_id: question.message_id });
    expect(fake.calls.slice(mark).filter((c) => c.method === "sendMessage")).toHaveLength(1);

    // «نتيجة أخرى» re-reads the question from the message the answer replies to.
    const answerId = (call.response as { result: { message_id: number } }).result.message_id;
    const editMark = fake.calls.length;
    fake.pressButton({ chatId: USER, messageId: answerId, userId: USER, data: "n:1" });
    const edit = await fake.waitFor((c, i) => i >= editMark && c.method === "editMessageText", 10_000);
    expect(edit.response?.ok).toBe(true);
    expect(String(edit.params.text)).toContain("<blockquote>");
  });

  it("answers /ask in a group", async () => {
    const mark = fake.calls.length;
    fake.sendGroupText(GROUP, 77, `/ask ${QUESTION}`);
    const call = await fake.waitFor(sentTo(GROUP, mark), 10_000);
    expect(call.response?.ok).toBe(true);
    expect(String(call.params.text)).toMatch(/<blockquote>[^]*زوكربيرج/);
  });

  it("stays silent in a group when not addressed", async () => {
    const mark = fake.calls.length;
    fake.sendGroupText(GROUP, 77, QUESTION);
    fake.sendPrivateText(USER, "مرحبا"); // a marker: once this is answered, the group update was handled too
    await fake.waitFor(sentTo(USER, mark), 10_000);
    expect(fake.calls.slice(mark).filter((c) => c.method === "sendMessage" && Number(c.params.chat_id) === GROUP)).toEqual([]);
  });

  it("survives a network failure (the send is retried) and never logs the token", async () => {
    const mark = fake.calls.length;
    fake.failNetwork("sendMessage");
    fake.sendPrivateText(USER, "شكرا");
    const answer = await fake.waitFor((c, i) => sentTo(USER, mark)(c, i) && c.response?.ok === true, 10_000);
    expect(answer.params.text).toBe(texts.thanksReply);
    // The dropped attempt, then the one that got through: one answer, no apology.
    expect(fake.calls.slice(mark).filter((c) => c.method === "sendMessage").map((c) => c.response?.ok)).toEqual([undefined, true]);
    expect(bot.output()).not.toContain(fake.token);
    expect(bot.output()).not.toContain(fake.token.split(":")[1]);
  });

  it("on SIGTERM finishes the answer in flight, then exits 0", async () => {
    // Telegram says "retry after 1 s": the answer is still in flight when SIGTERM arrives.
    fake.fail("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
    const mark = fake.calls.length;
    fake.sendPrivateText(USER, QUESTION);
    await fake.waitFor(sentTo(USER, mark), 10_000); // the refused first attempt
    bot.child.kill("SIGTERM");
    const code = await bot.exited;
    expect(code).toBe(0);
    const attempts = fake.calls.slice(mark).filter((c) => c.method === "sendMessage");
    expect(attempts.map((c) => c.response?.ok)).toEqual([false, true]);
    expect(bot.output()).toContain('"msg":"stopped"');
    expect(bot.output()).not.toContain(fake.token);
  }, 15_000);
});
