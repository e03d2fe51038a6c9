/**
 * Tests for the local Bot API emulator, through plain fetch (the wire format)
 * and through grammY's own client (what the bot will actually use).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Api, Bot, GrammyError, HttpError } from "grammy";
import type { Message, Update } from "grammy/types";
import { FakeTelegram, parseTelegramHtml } from "../src/playground/fake-telegram.ts";

let fake: FakeTelegram;
let api: Api;

beforeEach(async () => {
  fake = await FakeTelegram.start();
  api = new Api(fake.token, { apiRoot: fake.apiRoot });
});

afterEach(async () => {
  await fake.stop();
});

/** POSTs JSON to the emulator and returns the HTTP status and decoded body. */
async function post(method: string, params: Record<string, unknown> = {}, token = fake.token) {
  const res = await fetch(`${fake.apiRoot}/bot${token}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(params),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Runs `fn` and returns what it threw (fails the test if it did not throw). */
async function thrown(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (err) {
    return err;
  }
  throw new Error("expected the call to throw");
}

async function grammyError(fn: () => Promise<unknown>): Promise<GrammyError> {
  const err = await thrown(fn);
  expect(err).toBeInstanceOf(GrammyError);
  return err as GrammyError;
}

describe("routing and getMe", () => {
  it("answers getMe over POST, GET and grammY", async () => {
    const viaPost = await post("getMe");
    expect(viaPost).toEqual({ status: 200, body: { ok: true, result: fake.botInfo } });

    const viaGet = await fetch(`${fake.apiRoot}/bot${fake.token}/getMe`);
    expect(await viaGet.json()).toEqual({ ok: true, result: fake.botInfo });

    const me = await api.getMe();
    expect(me).toEqual(fake.botInfo);
    expect(me).toMatchObject({ id: 123456, is_bot: true, username: "test_qa_bot", can_join_groups: true });
    expect(fake.callsOf("getMe")).toHaveLength(3);
  });

  it("rejects a wrong token with 401 and records the call", async () => {
    expect(await post("getMe", {}, "999:wrong")).toEqual({
      status: 401,
      body: { ok: false, error_code: 401, description: "Unauthorized" },
    });
    const err = await grammyError(() => new Api("999:wrong", { apiRoot: fake.apiRoot }).getMe());
    expect(err.error_code).toBe(401);
    expect(fake.callsOf("getMe").map((c) => c.response?.ok)).toEqual([false, false]);
  });

  it("answers unknown methods with 404 and accepts any method-name case", async () => {
    expect(await post("sendTelepathy", { chat_id: 1 })).toEqual({
      status: 404,
      body: { ok: false, error_code: 404, description: "Not Found: method not found" },
    });
    expect((await post("getme")).status).toBe(200);
    expect(fake.calls.map((c) => c.method)).toEqual(["sendTelepathy", "getMe"]);
  });

  it("accepts form-encoded parameters with JSON-encoded objects", async () => {
    const body = new URLSearchParams({
      chat_id: "5",
      text: "<b>مرحبا</b>",
      parse_mode: "HTML",
      reply_markup: JSON.stringify({ inline_keyboard: [[{ text: "x", callback_data: "y" }]] }),
    });
    const res = await fetch(`${fake.apiRoot}/bot${fake.token}/sendMessage`, { method: "POST", body });
    const json = (await res.json()) as { ok: boolean; result: Message.TextMessage };
    expect(json.ok).toBe(true);
    expect(json.result.text).toBe("مرحبا");
    expect(json.result.entities).toEqual([{ type: "bold", offset: 0, length: 5 }]);
    expect(json.result.reply_markup?.inline_keyboard[0]?.[0]).toEqual({ text: "x", callback_data: "y" });
  });
});

describe("getUpdates", () => {
  it("returns an update pushed while a long poll is waiting, promptly", async () => {
    const started = Date.now();
    const poll = api.getUpdates({ timeout: 20 });
    await fake.waitFor("getUpdates");
    const { update_id, message_id } = fake.sendPrivateText(42, "/start hello");

    const updates = await poll;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(updates).toHaveLength(1);
    const update = updates[0]!;
    expect(update.update_id).toBe(update_id);
    expect(update.message).toMatchObject({
      message_id,
      chat: { id: 42, type: "private" },
      from: { id: 42, is_bot: false },
      text: "/start hello",
      entities: [{ type: "bot_command", offset: 0, length: 6 }],
    });
  });

  it("keeps updates until an offset confirms them", async () => {
    const first = fake.sendPrivateText(1, "أ");
    const second = fake.sendPrivateText(1, "ب");
    expect(second.update_id).toBe(first.update_id + 1);

    expect((await api.getUpdates()).map((u) => u.update_id)).toEqual([first.update_id, second.update_id]);
    // Not confirmed yet: the same batch comes again.
    expect((await api.getUpdates({ limit: 1 })).map((u) => u.update_id)).toEqual([first.update_id]);
    // offset = first + 1 confirms only the first one.
    expect((await api.getUpdates({ offset: first.update_id + 1 })).map((u) => u.update_id)).toEqual([
      second.update_id,
    ]);
    expect(await api.getUpdates({ offset: second.update_id + 1 })).toEqual([]);
    expect(fake.pendingUpdates).toEqual([]);
  });

  it("returns [] when the long-poll timeout expires", async () => {
    const started = Date.now();
    expect(await api.getUpdates({ timeout: 1 })).toEqual([]);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(3_000);
  });

  it("answers the older of two concurrent polls with 409 like Telegram", async () => {
    const older = thrown(() => api.getUpdates({ timeout: 20 }));
    await fake.waitFor("getUpdates");
    const newer = api.getUpdates({ timeout: 20 });
    await fake.waitFor((_call, index) => index === 1);

    const err = (await older) as GrammyError;
    expect(err).toBeInstanceOf(GrammyError);
    expect(err.error_code).toBe(409);
    expect(err.description).toMatch(/^Conflict: terminated by other getUpdates request/);

    fake.pushUpdate({ message: privateMessage(7, "hi") });
    expect((await newer).map((u) => u.message?.text)).toEqual(["hi"]);
  });

  it("builds group messages with command and mention entities", async () => {
    fake.sendGroupText(-1001234, 9, "/ask@test_qa_bot ما هو @someone؟");
    const [update] = await api.getUpdates();
    expect(update?.message).toMatchObject({
      chat: { id: -1001234, type: "supergroup" },
      from: { id: 9 },
      entities: [
        { type: "bot_command", offset: 0, length: 16 },
        { type: "mention", offset: 23, length: 8 },
      ],
    });
    // "/start" glued to Arabic letters is not a command, as on Telegram.
    fake.sendGroupText(-1001234, 9, "/startمرحبا");
    const updates = await api.getUpdates({ offset: update!.update_id + 1 });
    expect(updates[0]?.message?.entities).toBeUndefined();
  });
});

describe("sendMessage", () => {
  it("records the call and returns a Message with per-chat increasing ids", async () => {
    const a = await api.sendMessage(5, "السلام عليكم");
    const b = await api.sendMessage(5, "ثانية");
    const other = await api.sendMessage(6, "x");
    expect(b.message_id).toBe(a.message_id + 1);
    expect(other.message_id).toBe(1);
    expect(a).toMatchObject({
      chat: { id: 5, type: "private" },
      from: { id: fake.botInfo.id, is_bot: true, username: "test_qa_bot" },
      text: "السلام عليكم",
    });
    expect(typeof a.date).toBe("number");

    const calls = fake.callsOf("sendMessage");
    expect(calls.map((c) => c.params.text)).toEqual(["السلام عليكم", "ثانية", "x"]);
    expect(calls[0]?.response).toEqual({ ok: true, result: a });
    expect((await fake.waitFor((c) => c.params.chat_id === 6)).response?.ok).toBe(true);
  });

  it("validates replies against messages it has seen in the chat", async () => {
    const incoming = fake.sendPrivateText(3, "سؤال");
    const reply = await api.sendMessage(3, "جواب", { reply_parameters: { message_id: incoming.message_id } });
    expect(reply.reply_to_message).toMatchObject({ message_id: incoming.message_id, text: "سؤال" });
    expect(reply.message_id).toBe(incoming.message_id + 1);

    const err = await grammyError(() => api.sendMessage(3, "x", { reply_parameters: { message_id: 999 } }));
    expect(err.error_code).toBe(400);
    expect(err.description).toBe("Bad Request: message to be replied not found");

    const lenient = await api.sendMessage(3, "x", {
      reply_parameters: { message_id: 999, allow_sending_without_reply: true },
    });
    expect(lenient.reply_to_message).toBeUndefined();
  });

  it("rejects empty and too long text", async () => {
    expect((await grammyError(() => api.sendMessage(1, ""))).description).toBe(
      "Bad Request: message text is empty",
    );
    expect((await grammyError(() => api.sendMessage(1, " \n "))).description).toBe(
      "Bad Request: message text is empty",
    );
    const tooLong = await grammyError(() => api.sendMessage(1, "ع".repeat(4097)));
    expect(tooLong.description).toBe("Bad Request: message is too long");

    await expect(api.sendMessage(1, "ع".repeat(4096))).resolves.toMatchObject({ text: "ع".repeat(4096) });
    // The limit applies after HTML parsing: tags and entities don't count.
    const html = `<b>${"&lt;".repeat(4096)}</b>`;
    await expect(api.sendMessage(1, html, { parse_mode: "HTML" })).resolves.toMatchObject({
      text: "<".repeat(4096),
    });
    await expect(api.sendMessage(1, `<b>${"&lt;".repeat(4097)}</b>`, { parse_mode: "HTML" })).rejects.toThrow(
      "message is too long",
    );
  });

  it("rejects invalid HTML with Telegram's error", async () => {
    const err = await grammyError(() => api.sendMessage(1, "<b>x</i>", { parse_mode: "HTML" }));
    expect(err.error_code).toBe(400);
    expect(err.description).toBe(
      `Bad Request: can't parse entities: Unmatched end tag at byte offset 4, expected "</b>", found "</i>"`,
    );
    // Without parse_mode the same text is fine.
    await expect(api.sendMessage(1, "<b>x</i>")).resolves.toMatchObject({ text: "<b>x</i>" });
    expect(fake.callsOf("sendMessage").map((c) => c.response?.ok)).toEqual([false, true]);
  });

  it("rejects callback_data over 64 bytes (Arabic is 2 bytes a letter)", async () => {
    const keyboard = (data: string) => ({ inline_keyboard: [[{ text: "زر", callback_data: data }]] });
    await expect(api.sendMessage(1, "ok", { reply_markup: keyboard("ب".repeat(32)) })).resolves.toBeDefined();
    const err = await grammyError(() => api.sendMessage(1, "x", { reply_markup: keyboard("ب".repeat(33)) }));
    expect(err.description).toBe("Bad Request: BUTTON_DATA_INVALID");
  });
});

describe("parseTelegramHtml", () => {
  it("accepts every supported tag, nested, and decodes entities", () => {
    const html =
      `<b>bold <i>both</i></b> <a href="https://example.com/?a=1&b=2">link</a> ` +
      `<span class="tg-spoiler">s</span><tg-spoiler>t</tg-spoiler> <u>u</u><ins>i</ins> ` +
      `<s>s</s><strike>k</strike><del>d</del> <code>c</code> <pre><code class="language-ts">x</code></pre> ` +
      `<blockquote expandable>q</blockquote><blockquote>r</blockquote> <tg-emoji emoji-id="5368324170671202286">👍</tg-emoji> ` +
      `&lt;&gt;&amp;&quot;&#39;&#x41;`;
    const parsed = parseTelegramHtml(html);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.text).toBe(`bold both link st ui skd c x qr 👍 <>&"'A`);
    expect(parsed.entities).toContainEqual({ type: "bold", offset: 0, length: 9 });
    expect(parsed.entities).toContainEqual({ type: "italic", offset: 5, length: 4 });
    expect(parsed.entities).toContainEqual({
      type: "text_link",
      offset: 10,
      length: 4,
      url: "https://example.com/?a=1&b=2",
    });
    expect(parsed.entities).toContainEqual({ type: "pre", offset: 27, length: 1, language: "ts" });
    expect(parsed.entities).toContainEqual({ type: "expandable_blockquote", offset: 29, length: 1 });
    expect(parsed.entities.filter((e) => e.type === "spoiler")).toHaveLength(2);
  });

  it.each([
    ["<b>x</i>", `Unmatched end tag at byte offset 4, expected "</b>", found "</i>"`],
    ["<b>x", `Can't find end tag corresponding to start tag "b"`],
    ["x</b>", "Unexpected end tag at byte offset 1"],
    ["<br>", `Unsupported start tag "br" at byte offset 0`],
    ["<div>x</div>", `Unsupported start tag "div" at byte offset 0`],
    ["1 < 2", `Unsupported start tag "" at byte offset 2`],
    ["x <b", "Unclosed start tag at byte offset 2"],
    ["<span>x</span>", `Tag "span" must have class "tg-spoiler" at byte offset 0`],
    // Byte offsets count UTF-8 bytes: "سؤال " is 9 bytes.
    ["سؤال <x>", `Unsupported start tag "x" at byte offset 9`],
  ])("rejects %j", (html, error) => {
    expect(parseTelegramHtml(html)).toEqual({ ok: false, error });
  });

  it("rejects a bare & (stricter than Telegram, which would show it literally)", () => {
    const result = parseTelegramHtml("Q&A");
    expect(result.ok).toBe(false);
    expect(parseTelegramHtml("Q&amp;A")).toEqual({ ok: true, text: "Q&A", entities: [] });
  });
});

describe("other methods", () => {
  it("edits and deletes messages like Telegram", async () => {
    const sent = await api.sendMessage(8, "قبل");
    const edited = await api.editMessageText(8, sent.message_id, "<i>بعد</i>", { parse_mode: "HTML" });
    expect(edited).toMatchObject({ message_id: sent.message_id, text: "بعد", entities: [{ type: "italic" }] });

    const same = await grammyError(() =>
      api.editMessageText(8, sent.message_id, "<i>بعد</i>", { parse_mode: "HTML" }),
    );
    expect(same.description).toMatch(/^Bad Request: message is not modified/);

    expect(await api.deleteMessage(8, sent.message_id)).toBe(true);
    expect((await grammyError(() => api.deleteMessage(8, sent.message_id))).description).toBe(
      "Bad Request: message to delete not found",
    );
    expect(fake.messages(8)).toEqual([]);
  });

  it("answers the usual setup and callback methods", async () => {
    expect(await api.deleteWebhook()).toBe(true);
    expect(await api.setMyCommands([{ command: "ask", description: "اسأل سؤالا" }])).toBe(true);
    expect(await api.getMyCommands()).toEqual([{ command: "ask", description: "اسأل سؤالا" }]);
    expect((await grammyError(() => api.setMyCommands([{ command: "Ask", description: "x" }]))).description).toBe(
      "Bad Request: BOT_COMMAND_INVALID",
    );
    expect(await api.sendChatAction(1, "typing")).toBe(true);
    expect(await api.setChatMenuButton({ menu_button: { type: "commands" } })).toBe(true);

    const sent = await api.sendMessage(4, "اختر", {
      reply_markup: { inline_keyboard: [[{ text: "نعم", callback_data: "yes" }]] },
    });
    const { callback_query_id } = fake.pressButton({ chatId: 4, messageId: sent.message_id, userId: 4, data: "yes" });
    const [update] = await api.getUpdates();
    expect(update?.callback_query).toMatchObject({ id: callback_query_id, data: "yes", message: { message_id: sent.message_id } });
    expect(await api.answerCallbackQuery(callback_query_id)).toBe(true);
    // A query can only be answered once.
    expect((await grammyError(() => api.answerCallbackQuery(callback_query_id))).error_code).toBe(400);
  });
});

describe("fault injection", () => {
  it("fail() makes the next calls return the given error, then recovers", async () => {
    fake.fail(
      "sendMessage",
      { error_code: 429, description: "Too Many Requests: retry after 7", parameters: { retry_after: 7 } },
      2,
    );
    for (let i = 0; i < 2; i++) {
      const err = await grammyError(() => api.sendMessage(1, "x"));
      expect(err.error_code).toBe(429);
      expect(err.description).toBe("Too Many Requests: retry after 7");
      expect(err.parameters.retry_after).toBe(7);
    }
    await expect(api.sendMessage(1, "x")).resolves.toMatchObject({ text: "x" });

    const raw = await post("getMe");
    expect(raw.status).toBe(200);
    fake.fail("*", { error_code: 502, description: "Bad Gateway" });
    expect(await post("getMe")).toEqual({
      status: 502,
      body: { ok: false, error_code: 502, description: "Bad Gateway" },
    });
    expect(fake.callsOf("sendMessage")).toHaveLength(3);
  });

  it('"*" does not hit getUpdates, so a polling bot cannot swallow it', async () => {
    fake.fail("*", { error_code: 500, description: "Internal Server Error" });
    await expect(api.getUpdates()).resolves.toEqual([]);
    await expect(api.sendMessage(1, "x")).rejects.toBeInstanceOf(GrammyError);
  });

  it("failNetwork() drops the connection, which grammY reports as HttpError", async () => {
    fake.failNetwork("sendMessage");
    const err = await thrown(() => api.sendMessage(1, "x"));
    expect(err).toBeInstanceOf(HttpError);
    expect(String((err as HttpError).message)).toContain("sendMessage");
    await expect(api.sendMessage(1, "x")).resolves.toMatchObject({ text: "x" });
    expect(fake.callsOf("sendMessage").map((c) => c.response?.ok)).toEqual([undefined, true]);
  });
});

describe("lifecycle", () => {
  it("stop() resolves promptly even with a pending long poll", async () => {
    const poll = api.getUpdates({ timeout: 30 });
    await fake.waitFor("getUpdates");
    const started = Date.now();
    await fake.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await poll).toEqual([]);
    // Calling stop() again (afterEach) is harmless.
    await fake.stop();
  });

  it("drives a real grammY Bot: long polling, reply, bot.stop()", async () => {
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot }, botInfo: fake.botInfo });
    bot.command("start", (ctx) => ctx.reply(`<b>أهلا</b> ${ctx.from?.first_name ?? ""}`, { parse_mode: "HTML" }));
    const running = bot.start({ timeout: 10 });
    await fake.waitFor("getUpdates");

    const { message_id } = fake.sendPrivateText(77, "/start", { from: { first_name: "سارة" } });
    const call = await fake.waitFor("sendMessage");
    expect(call.params).toMatchObject({ chat_id: 77, parse_mode: "HTML" });
    expect(call.response).toMatchObject({ ok: true, result: { text: "أهلا سارة", message_id: message_id + 1 } });

    await bot.stop();
    await running;
    // bot.stop() confirmed the processed update.
    expect(fake.pendingUpdates).toEqual([]);
  });
});

/** A minimal incoming private text message, for raw pushUpdate(). */
function privateMessage(userId: number, text: string): NonNullable<Update["message"]> {
  return {
    message_id: 1,
    date: Math.floor(Date.now() / 1000),
    chat: { id: userId, type: "private", first_name: "U" },
    from: { id: userId, is_bot: false, first_name: "U" },
    text,
  };
}
