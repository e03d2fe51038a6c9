// Security: the token never leaks (logs, errors, crash output) under forced failures;
// webhook hardening against the real process; tampered and replayed buttons.
import type { AddressInfo } from "node:net";
import { createServer, type Server } from "node:http";
import { once } from "node:events";
import { inspect } from "node:util";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { documentKey } from "../src/bot/callback-data.ts";
import { createBot } from "../src/bot/index.ts";
import { texts } from "../src/bot/texts.ts";
import { createWebhookServer } from "../src/server.ts";
import { createHarness, realEngine, textMessage } from "./support/bot-harness.ts";
import { type BotProcess, freePort, spawnBot } from "./support/bot-process.ts";
import { FakeTelegram } from "../src/playground/fake-telegram.ts";
import { captureLogs, INFO, WARN } from "./support/log-capture.ts";
import { answerTo, FAST_RETRY, type PollingBot, sendsTo, sleep, startPollingBot, waitUntil } from "./support/polling-bot.ts";

/** The fixture article in button data. */
const KEY = documentKey(realEngine().knowledge.documents[0]!.id);

const QUESTION = "من هو الرئيس التنفيذي لشركة ميتا؟";
// Well-formed, and not the emulator's: Telegram answers 401.
const WRONG_TOKEN = "7012345678:AAHk3v_Qx-9bYzT4mN2pLc8rWs6dFgJhKeQ";
const SECRET = "webhook-secret_0123456789abcdef";

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});
async function emulator(): Promise<FakeTelegram> {
  const fake = await FakeTelegram.start();
  cleanup.push(() => fake.stop());
  return fake;
}
function bot(env: Record<string, string>): BotProcess {
  const process = spawnBot(env);
  cleanup.push(() => process.kill());
  return process;
}

/** Neither the token nor its secret half anywhere in `text`. */
function expectNoToken(text: string, token: string): void {
  expect(text).not.toContain(token);
  expect(text).not.toContain(token.split(":")[1]);
}

describe("the token never leaks", () => {
  it("a well-formed but wrong token (401 at start-up): a clear message, exit 1, no token", async () => {
    const fake = await emulator();
    const p = bot({ BOT_TOKEN: WRONG_TOKEN, TELEGRAM_API_ROOT: fake.apiRoot });
    expect(await p.exited).toBe(1);
    expect(p.output()).toContain("401");
    expect(p.output()).toContain("@BotFather");
    expectNoToken(p.output(), WRONG_TOKEN);
    expect(fake.calls.map((call) => call.method)).toEqual(["getMe"]);
  });

  it("Telegram unreachable at start-up: a warning while it retries, no token", async () => {
    const closedPort = await freePort();
    const p = bot({ BOT_TOKEN: WRONG_TOKEN, TELEGRAM_API_ROOT: `http://127.0.0.1:${closedPort}` });
    await p.waitForOutput(/cannot reach Telegram/);
    await sleep(300);
    expect(p.child.exitCode).toBeNull(); // still trying
    expect(p.output()).toContain("bot[redacted]"); // the URL was there, redacted
    expectNoToken(p.output(), WRONG_TOKEN);
  });

  it("network failures, 5xx, then 401 (token revoked) while running: logged redacted, exit 1, no token", async () => {
    const fake = await emulator();
    const p = bot({ BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot });
    await fake.waitFor((call) => call.method === "getUpdates" && Number(call.params.timeout) > 0, 25_000);

    // A send that never gets through: three attempts, then one error line.
    fake.failNetwork("sendMessage", 3);
    fake.sendPrivateText(801, QUESTION);
    await p.waitForOutput(/"msg":"feature failed"/);

    // Polling broken for a while, then back.
    fake.failNetwork("getUpdates", 2);
    fake.fail("getUpdates", { error_code: 502, description: "Bad Gateway" });
    const mark = fake.calls.length;
    fake.sendPrivateText(802, QUESTION); // releases the poll being held; the next three fail
    await fake.waitFor(() => fake.calls.slice(mark).filter((c) => c.method === "getUpdates").length >= 4, 10_000);
    fake.sendPrivateText(803, QUESTION); // answers the poll that works again
    await p.waitForOutput(/Telegram reachable again/);

    // The token is revoked: polling stops for good and the process exits.
    fake.fail("getUpdates", { error_code: 401, description: "Unauthorized" });
    fake.sendPrivateText(804, QUESTION);
    expect(await p.exited).toBe(1);
    const output = p.output();
    expect(output).toContain("long polling stopped");
    expect(output).toContain("bot[redacted]");
    expectNoToken(output, fake.token);
  }, 40_000);

  it("errors thrown to callers carry no token even printed raw, and logs are redacted", async () => {
    const fake = await emulator();
    const logs = captureLogs({ level: "trace", secrets: [fake.token] });
    const b = createBot(
      { botToken: fake.token, apiRoot: fake.apiRoot },
      { engine: realEngine(), logger: logs.logger },
      { botInfo: fake.botInfo, retry: FAST_RETRY },
    );
    const failures: unknown[] = [];
    fake.failNetwork("sendMessage", 3);
    await b.api.sendMessage(1, "x").catch((error: unknown) => failures.push(error));
    fake.fail("sendMessage", { error_code: 500, description: "Internal Server Error" }, 3);
    await b.api.sendMessage(1, "x").catch((error: unknown) => failures.push(error));
    const wrong = createBot({ botToken: WRONG_TOKEN, apiRoot: fake.apiRoot }, { engine: realEngine(), logger: logs.logger });
    await wrong.init().catch((error: unknown) => failures.push(error));
    const closed = createBot(
      { botToken: WRONG_TOKEN, apiRoot: `http://127.0.0.1:${await freePort()}` },
      { engine: realEngine(), logger: logs.logger },
      { retry: FAST_RETRY },
    );
    await closed.api.getMe().catch((error: unknown) => failures.push(error));

    expect(failures).toHaveLength(4);
    for (const error of failures) {
      logs.logger.error({ err: error }, "failed");
      const printed = `${String(error)}\n${inspect(error, { depth: 10 })}\n${(error as Error).stack}`;
      expectNoToken(printed, fake.token);
      expectNoToken(printed, WRONG_TOKEN);
    }
    expect(inspect(failures[0], { depth: 10 })).toContain("bot[redacted]/sendMessage");
    expectNoToken(logs.raw, fake.token);
    expectNoToken(logs.raw, WRONG_TOKEN);
  });
});

describe("webhook mode: the real process against the emulator", () => {
  it("sets the webhook with its secret; only a POST with the secret is processed; 401/405/413/400/404; /healthz; exit 0", async () => {
    const fake = await emulator();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/telegram`;
    const p = bot({
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      BOT_MODE: "webhook",
      WEBHOOK_URL: url,
      WEBHOOK_SECRET: SECRET,
      PORT: String(port),
    });
    const setWebhook = await fake.waitFor("setWebhook", 25_000);
    expect(setWebhook.params).toMatchObject({ url, secret_token: SECRET });
    await p.waitForOutput(/webhook server listening/);

    const update = (chatId: number) =>
      JSON.stringify({ update_id: chatId, message: textMessage(QUESTION, { chat: { id: chatId, type: "private", first_name: "U" } }) });
    const post = (body: string, headers: Record<string, string> = { "x-telegram-bot-api-secret-token": SECRET }, path = "/telegram") =>
      fetch(`http://127.0.0.1:${port}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect((await post(update(11), {})).status).toBe(401);
    expect((await post(update(12), { "x-telegram-bot-api-secret-token": "wrong" })).status).toBe(401);
    expect((await post(update(13), { "x-telegram-bot-api-secret-token": SECRET.slice(0, -1) })).status).toBe(401);
    expect((await fetch(url, { headers: { "x-telegram-bot-api-secret-token": SECRET } })).status).toBe(405);
    expect((await fetch(url, { method: "PUT", headers: { "x-telegram-bot-api-secret-token": SECRET }, body: update(14) })).status).toBe(405);
    expect((await post(" ".repeat(1024 * 1024 + 1))).status).toBe(413);
    expect((await post("{not json")).status).toBe(400);
    expect((await post('{"message":{}}')).status).toBe(400);
    expect((await post(update(15), undefined, "/elsewhere")).status).toBe(404);

    const good = await post(update(16));
    expect(good.status).toBe(200);
    const answer = await answerTo(fake, 16);
    expect(String(answer.params.text)).toContain("<blockquote>");
    // Nothing was processed for the refused requests.
    for (const chatId of [11, 12, 13, 14, 15]) expect(sendsTo(fake, chatId)).toEqual([]);

    p.child.kill("SIGTERM");
    expect(await p.exited).toBe(0);
    expectNoToken(p.output(), fake.token);
    expect(p.output()).not.toContain(SECRET);
  }, 40_000);
});

describe("webhook start-up problems: one clear line, exit 1", () => {
  const webhookEnv = (fake: FakeTelegram, port: number) => ({
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    BOT_MODE: "webhook",
    WEBHOOK_URL: `http://127.0.0.1:${port}/telegram`,
    WEBHOOK_SECRET: SECRET,
    PORT: String(port),
  });
  const stackLines = (output: string) => output.split("\n").filter((line) => /^\s+at |"stack"/.test(line));

  it("PORT already in use", async () => {
    const fake = await emulator();
    const port = await freePort();
    const squatter = createServer().listen(port, "0.0.0.0");
    await once(squatter, "listening");
    try {
      const p = bot(webhookEnv(fake, port));
      expect(await p.exited).toBe(1);
      expect(p.output()).toContain(`PORT ${port} is in use`);
      expect(stackLines(p.output())).toEqual([]);
    } finally {
      squatter.close();
    }
  }, 30_000);

  it("setWebhook refused by Telegram", async () => {
    const fake = await emulator();
    fake.fail("setWebhook", { error_code: 400, description: "Bad Request: bad webhook: IP address 127.0.0.1 is reserved" });
    const p = bot(webhookEnv(fake, await freePort()));
    expect(await p.exited).toBe(1);
    expect(p.output()).toContain("Telegram refused WEBHOOK_URL: Bad Request: bad webhook: IP address 127.0.0.1 is reserved");
    expect(stackLines(p.output())).toEqual([]);
    expectNoToken(p.output(), fake.token);
  }, 30_000);
});

describe("webhook server: odd requests in process", () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => {
      if (!server) return resolve();
      server.close(() => resolve());
      server.closeAllConnections();
    });
    server = undefined;
  });

  async function listen(maxBodyBytes = 64 * 1024) {
    const logs = captureLogs({ level: "warn" });
    const h = await createHarness({ logger: logs.logger });
    server = createWebhookServer(h.bot, { secretToken: SECRET, logger: logs.logger, path: "/telegram", maxBodyBytes });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram`;
    return { h, logs, base };
  }

  it("a chunked body (no Content-Length) over the limit → 413, nothing processed", async () => {
    const { h, base } = await listen(16 * 1024);
    const chunk = new TextEncoder().encode(" ".repeat(4096));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 10) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await fetch(base, {
      method: "POST",
      headers: { "x-telegram-bot-api-secret-token": SECRET, "content-type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(h.calls).toEqual([]);
  });

  it("200 updates of any shape with the right secret: 200 or 400, never a crash, still serving after", async () => {
    const { h, base } = await listen();
    const post = (body: string) =>
      fetch(base, { method: "POST", headers: { "x-telegram-bot-api-secret-token": SECRET }, body }).then((res) => res.status);
    const shape = fc.oneof(
      fc.jsonValue(),
      fc.record({ update_id: fc.integer(), message: fc.jsonValue() }),
      fc.record({ update_id: fc.integer(), callback_query: fc.jsonValue() }),
      fc.record({ update_id: fc.integer(), inline_query: fc.record({ id: fc.string(), query: fc.jsonValue(), from: fc.jsonValue() }) }),
      fc.record({ update_id: fc.integer(), message: fc.record({ message_id: fc.integer(), chat: fc.jsonValue(), text: fc.jsonValue() }) }),
    );
    await fc.assert(
      fc.asyncProperty(shape, async (value) => {
        expect([200, 400]).toContain(await post(JSON.stringify(value)));
      }),
      { seed: 7, numRuns: 200 },
    );
    h.calls.length = 0;
    expect(await post(JSON.stringify({ update_id: 1, message: textMessage("مرحبا") }))).toBe(200);
    expect(h.of("sendMessage").map((call) => call.payload.text)).toEqual([texts.greeting]);
  });
});

describe("tampered and replayed buttons (real polling)", () => {
  let b: PollingBot | undefined;
  afterEach(async () => {
    await b?.stop();
    b = undefined;
  });

  async function answered(bot: PollingBot, user: number) {
    const mark = bot.fake.calls.length;
    bot.fake.sendPrivateText(user, QUESTION);
    const answer = await answerTo(bot.fake, user, mark);
    return (answer.response as { result: { message_id: number } }).result.message_id;
  }

  it("pressing the same button again and again: answered each time, one edit, no error", async () => {
    b = await startPollingBot();
    const messageId = await answered(b, 901);
    const mark = b.fake.calls.length;
    for (let i = 0; i < 5; i++) b.fake.pressButton({ chatId: 901, messageId, userId: 901, data: `p:${KEY}:1` });
    await waitUntil(() => b!.fake.calls.slice(mark).filter((call) => call.method === "answerCallbackQuery").length === 5);
    await sleep(200);
    const calls = b.fake.calls.slice(mark);
    expect(calls.filter((call) => call.method === "answerCallbackQuery").every((call) => call.response?.ok)).toBe(true);
    // The first press edits; the repeats ask for the same text, which Telegram refuses as "not modified".
    const edits = calls.filter((call) => call.method === "editMessageText");
    expect(edits.filter((call) => call.response?.ok)).toHaveLength(1);
    expect(b.logs.atLeast(WARN)).toEqual([]);
  });

  it("a press Telegram calls too old to answer is still carried out, logged at info", async () => {
    b = await startPollingBot();
    const messageId = await answered(b, 902);
    b.fake.fail("answerCallbackQuery", { error_code: 400, description: "Bad Request: query is too old and response timeout expired or query ID is invalid" });
    const mark = b.fake.calls.length;
    b.fake.pressButton({ chatId: 902, messageId, userId: 902, data: "n:1" });
    const edit = await b.fake.waitFor((call, i) => i >= mark && call.method === "editMessageText");
    expect(edit.response?.ok).toBe(true);
    expect(b.logs.atLeast(WARN)).toEqual([]);
    expect(b.logs.lines.some((line) => line.level === INFO && String(line.msg).includes("expired"))).toBe(true);
  });

  it("forged data on a real message (another user's button, huge numbers, junk): a polite toast, nothing else", async () => {
    b = await startPollingBot();
    const messageId = await answered(b, 903);
    const forged = ["p:999:1", `p:${KEY}:9999`, "p:0:1", "n:9999", `n:1:${KEY}:9999`, `ex:${KEY}:9999`, "ex:0", "x".repeat(64), "<b>", "n:1:0:0", "p:-1:1", "😀"];
    const mark = b.fake.calls.length;
    for (const data of forged) b.fake.pressButton({ chatId: 903, messageId, userId: 904, data });
    await waitUntil(() => b!.fake.calls.slice(mark).filter((call) => call.method === "answerCallbackQuery").length === forged.length);
    await sleep(200);
    const calls = b.fake.calls.slice(mark).filter((call) => call.method !== "getUpdates");
    expect(calls.map((call) => call.method)).toEqual(forged.map(() => "answerCallbackQuery"));
    expect(calls.every((call) => call.response?.ok && /[\u0600-\u06FF]/.test(String(call.params.text)))).toBe(true);
    expect(b.logs.atLeast(WARN)).toEqual([]);
  });
});
