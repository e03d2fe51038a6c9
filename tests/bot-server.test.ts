// Webhook server over real HTTP on 127.0.0.1: HTTP hygiene before any processing.
import type { AddressInfo } from "node:net";
import type { Transformer } from "grammy";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.ts";
import { createBot } from "../src/bot/index.ts";
import { createWebhookServer, type WebhookServer } from "../src/server.ts";
import { BOT_INFO, createHarness, type Harness, realEngine, textMessage, TOKEN } from "./support/bot-harness.ts";

const SECRET = "webhook_secret-123";
let h: Harness;
let server: WebhookServer;
let base: string;

beforeAll(async () => {
  h = await createHarness();
  server = createWebhookServer(h.bot, {
    secretToken: SECRET,
    logger: createLogger({ level: "silent" }),
    path: "/telegram",
    maxBodyBytes: 64 * 1024,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
});

beforeEach(() => {
  h.calls.length = 0;
});

let nextId = 1;
const update = (text = "مرحبا", updateId = nextId++) => JSON.stringify({ update_id: updateId, message: textMessage(text) });
const post = (body: string, headers: Record<string, string> = { "X-Telegram-Bot-Api-Secret-Token": SECRET }, path = "/telegram") =>
  fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

describe("webhook server", () => {
  it("GET /healthz → 200", async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("ok");
  });

  it("a valid update with the right secret → 200, and the bot answers", async () => {
    const res = await post(update());
    expect(res.status).toBe(200);
    await server.drain();
    expect(h.of("sendMessage")).toHaveLength(1);
  });

  it("the same update_id posted 4 times (Telegram redelivering) is answered once", async () => {
    const body = update("من هو الرئيس التنفيذي لشركة ميتا؟", 5_000);
    const statuses = await Promise.all([post(body), post(body), post(body), post(body)].map(async (res) => (await res).status));
    await server.drain();
    expect(statuses).toEqual([200, 200, 200, 200]);
    expect(h.of("sendMessage")).toHaveLength(1);
  });

  it("a missing or wrong secret → 401 and no processing", async () => {
    expect((await post(update(), {})).status).toBe(401);
    expect((await post(update(), { "X-Telegram-Bot-Api-Secret-Token": "wrong" })).status).toBe(401);
    expect((await post(update(), { "X-Telegram-Bot-Api-Secret-Token": `${SECRET}x` })).status).toBe(401);
    expect(h.calls).toEqual([]);
  });

  it("non-POST → 405", async () => {
    for (const method of ["GET", "PUT", "DELETE"]) {
      const res = await fetch(`${base}/telegram`, { method, headers: { "X-Telegram-Bot-Api-Secret-Token": SECRET } });
      expect(res.status).toBe(405);
    }
    expect(h.calls).toEqual([]);
  });

  it("a body over the limit → 413", async () => {
    const res = await post(JSON.stringify({ update_id: 1, padding: "x".repeat(100 * 1024) }));
    expect(res.status).toBe(413);
    expect(h.calls).toEqual([]);
  });

  it("invalid JSON, or JSON that is no update → 400", async () => {
    expect((await post("{not json")).status).toBe(400);
    expect((await post("[1,2]")).status).toBe(400);
    expect((await post("null")).status).toBe(400);
    expect(h.calls).toEqual([]);
  });

  it("another path → 404", async () => {
    expect((await post(update(), { "X-Telegram-Bot-Api-Secret-Token": SECRET }, "/other")).status).toBe(404);
    expect(h.calls).toEqual([]);
  });
});

describe("webhook answers Telegram promptly", () => {
  it("a send that hangs does not hold the webhook's answer; the update is handled after", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const sent: string[] = [];
    const hanging: Transformer = async (_prev, method, payload) => {
      if (method === "sendMessage") await gate; // Telegram's side stuck for as long as the test wants
      sent.push(method);
      return { ok: true, result: { message_id: 1, date: 0, chat: { id: 42, type: "private", first_name: "U" }, text: (payload as any).text } } as any;
    };
    const bot = createBot({ botToken: TOKEN }, { engine: realEngine(), logger: createLogger({ level: "silent" }) }, { botInfo: BOT_INFO, transformer: hanging });
    await bot.init();
    const hook = createWebhookServer(bot, { secretToken: SECRET, logger: createLogger({ level: "silent" }) });
    await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", resolve));
    const address = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/`;
    const res = await fetch(address, {
      method: "POST",
      headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET },
      body: update("من هو الرئيس التنفيذي لشركة ميتا؟"),
    });
    // Answered while the send is still stuck: Telegram has no reason to resend.
    expect(res.status).toBe(200);
    expect(sent).toEqual([]);
    release();
    await hook.drain();
    expect(sent).toEqual(["sendMessage"]);
    await new Promise<void>((resolve) => {
      hook.close(() => resolve());
      hook.closeAllConnections();
    });
  });
});
