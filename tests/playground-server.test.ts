// The playground's pieces without a browser: the emulator's privacy mode, the web server's
// guards (127.0.0.1 only, its own Host, JSON posts, a fixed set of files) and the session.
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeTelegram } from "../src/playground/fake-telegram.ts";
import { GROUP, ME } from "../src/playground/people.ts";
import { type PlaygroundServer, startPlaygroundServer } from "../src/playground/server.ts";
import { type PlaygroundEvent, PlaygroundSession } from "../src/playground/session.ts";
import { freePort } from "./support/bot-process.ts";

describe("the emulator's group privacy mode", () => {
  let fake: FakeTelegram;
  beforeAll(async () => {
    fake = await FakeTelegram.start({ groupPrivacy: true, botUsername: "qa_bot" });
  });
  afterAll(() => fake.stop());

  it("delivers commands, mentions and replies to the bot; stores but withholds the rest", async () => {
    const group = -1001;
    const plain = fake.sendGroupText(group, 7, "سؤال عادي");
    expect(plain.update_id).toBeUndefined();
    const delivered = [
      fake.sendGroupText(group, 7, "/ask سؤال"),
      fake.sendGroupText(group, 7, "/ask@qa_bot سؤال"),
      fake.sendGroupText(group, 7, "سؤال @qa_bot"),
      // "/ask" as a reply to the withheld message: Telegram still knows that message.
      fake.sendGroupText(group, 7, "/ask", { replyToMessageId: plain.message_id }),
    ];
    expect(fake.sendGroupText(group, 7, "/ask@other_bot سؤال").update_id).toBeUndefined();
    expect(fake.sendGroupText(group, 7, "@other_bot سؤال").update_id).toBeUndefined();
    const sent = await fetch(`${fake.apiRoot}/bot${fake.token}/sendMessage`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ chat_id: group, text: "جواب" }),
    }).then((r) => r.json() as Promise<{ result: { message_id: number } }>);
    delivered.push(fake.sendGroupText(group, 7, "شكرًا", { replyToMessageId: sent.result.message_id }));

    expect(delivered.map((m) => m.update_id)).not.toContain(undefined);
    expect(fake.pendingUpdates.map((u) => u.message?.text)).toEqual(["/ask سؤال", "/ask@qa_bot سؤال", "سؤال @qa_bot", "/ask", "شكرًا"]);
    expect(fake.messages(group).map((m) => m.text)).toContain("سؤال عادي");
  });
});

describe("the playground web server", () => {
  let fake: FakeTelegram;
  let session: PlaygroundSession;
  let web: PlaygroundServer;
  let root: string;
  const events: PlaygroundEvent[] = [];

  beforeAll(async () => {
    fake = await FakeTelegram.start({ groupPrivacy: true, recordCalls: false });
    session = new PlaygroundSession(fake);
    session.subscribe((event) => events.push(event));
    web = await startPlaygroundServer(session, await freePort());
    const { address, port } = web.server.address() as AddressInfo;
    expect(address).toBe("127.0.0.1");
    root = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await web.close();
    await fake.stop();
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = { "content-type": "application/json" }) =>
    fetch(`${root}${path}`, { method: "POST", headers, body: JSON.stringify(body) });

  it("serves the page with a strict content security policy, and nothing outside its files", async () => {
    const page = await fetch(`${root}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(await page.text()).toContain('dir="rtl"');
    for (const path of ["/package.json", "/../package.json", "/%2e%2e/package.json", "/server.ts", "/page/app.js"]) {
      expect((await fetch(`${root}${path}`)).status).toBe(404);
    }
  });

  it("refuses another site's requests: a foreign Host, a form post", async () => {
    const { request } = await import("node:http");
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(`${root}/api/state`, { headers: { host: "evil.example" } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on("error", reject);
      req.end();
    });
    expect(status).toBe(403);
    const form = await post("/api/send", { tab: "private", text: "x", from: ME.id }, { "content-type": "application/x-www-form-urlencoded" });
    expect(form.status).toBe(415);
    expect(fake.messages(ME.id)).toEqual([]);
  });

  it("turns what you do into updates, and explains in Arabic what cannot be done", async () => {
    expect((await post("/api/send", { tab: "private", text: "مرحبا", from: ME.id })).status).toBe(200);
    expect(fake.pendingUpdates.at(-1)?.message?.text).toBe("مرحبا");
    expect(events.at(-1)).toMatchObject({ type: "message", tab: "private", message: { text: "مرحبا" } });

    const refused = await post("/api/send", { tab: "group", text: "رد", from: ME.id, replyTo: 999 });
    expect(refused.status).toBe(400);
    expect((await refused.json()) as unknown).toEqual({ error: "لم تعد هذه الرسالة موجودة." });
    expect((await post("/api/send", { tab: "private", text: "x", from: 4242 })).status).toBe(400);
    expect((await post("/api/send", { tab: "channel", text: "x", from: ME.id })).status).toBe(400);

    await post("/api/group/open", {});
    await post("/api/group/open", {});
    expect(fake.pendingUpdates.filter((u) => u.my_chat_member?.chat.id === GROUP.id)).toHaveLength(1);
  });
});
