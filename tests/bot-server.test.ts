// Webhook server over real HTTP on 127.0.0.1: HTTP hygiene before any processing.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.ts";
import { createWebhookServer } from "../src/server.ts";
import { createHarness, type Harness, textMessage } from "./support/bot-harness.ts";

const SECRET = "webhook_secret-123";
let h: Harness;
let server: Server;
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

const update = (text = "مرحبا") => JSON.stringify({ update_id: 1, message: textMessage(text) });
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
