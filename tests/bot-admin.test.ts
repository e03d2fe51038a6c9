import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { texts } from "../src/bot/texts.ts";
import { operatorTexts } from "../src/bot/texts-operator.ts";
import { createEngine } from "../src/engine.ts";
import { startLiveKnowledge } from "../src/knowledge/live.ts";
import { loadKnowledge } from "../src/knowledge/load.ts";
import { createLogger } from "../src/logger.ts";
import { openQuestionLog } from "../src/questions/log.ts";
import { registerAdminCommands } from "../src/bot/features/admin.ts";
import { captureLogs, WARN, whatLogsSay } from "./support/log-capture.ts";
import { botMessage, buttonData, callbackUpdate, createHarness, privateChat, textMessage, user, visibleText } from "./support/bot-harness.ts";

const ADMIN = 1001;
const OLIVES = "---\npublisher: نشرة القرية\n---\n\n# موسم قطف الزيتون\n\nيبدأ موسم قطف الزيتون في القرية مع أول مطر في شهر تشرين الأول.\n\nتعصر الثمار في المعصرة القديمة خلال يومين من قطفها.\n";
const PAGE = readFileSync("tests/fixtures/source/article.wordpress.html", "utf8");

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

let server: Server;
let pageUrl: string;
beforeAll(async () => {
  server = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/2024/08/23/meta-spotify-eu-ai/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A bot over a temporary shelf (the shipped article's copy); uploads come from `files`. */
async function adminBot(files: Record<string, string> = {}, withLog = false) {
  const dir = mkdtempSync(join(tmpdir(), "admin-"));
  cpSync("tests/fixtures/article", dir, { recursive: true });
  const logger = createLogger({ level: "silent" });
  const live = startLiveKnowledge(dir, createEngine(loadKnowledge(dir)), createEngine, logger, { watch: false });
  const dataDir = mkdtempSync(join(tmpdir(), "admin-data-"));
  const questionLog = withLog ? openQuestionLog(dataDir, { retentionDays: 90, logger }) : undefined;
  cleanups.push(() => questionLog?.close(), () => rmSync(dir, { recursive: true, force: true }), () => rmSync(dataDir, { recursive: true, force: true }));
  const download = async (path: string) => new TextEncoder().encode(files[path.replace("documents/", "")] ?? "");
  const harness = await createHarness({
    rateLimit: { limit: 100, windowMs: 10_000 },
    engine: live.engine,
    ...(questionLog && { questionLog }),
    admin: { userIds: [ADMIN], knowledgeDir: dir, reload: live.reload, download },
  });
  const from = user(ADMIN);
  const chat = privateChat(ADMIN);
  const say = (text: string) => harness.send({ message: textMessage(text, { from, chat }) });
  const upload = (name: string, caption?: string, sender = from) =>
    harness.send({ message: { message_id: 900, date: 1, chat: privateChat(sender.id), from: sender, document: { file_id: name, file_unique_id: name, file_name: name, file_size: 200 }, ...(caption && { caption }) } } as any);
  const lastText = () => visibleText(harness.of("sendMessage").at(-1)!.payload.text);
  return { dir, harness, say, upload, lastText, from, chat };
}

describe("admins in a private chat", () => {
  it("an uploaded .md is imported, saved and answered at once", async () => {
    const bot = await adminBot({ "olives.md": OLIVES });
    await bot.upload("olives.md", undefined);
    expect(bot.lastText()).toContain("أضفت المقالة «موسم قطف الزيتون»");
    expect(existsSync(join(bot.dir, "olives.md"))).toBe(true);
    await bot.say("متى يبدأ موسم قطف الزيتون؟");
    expect(bot.lastText()).toContain("تشرين الأول");
  });

  it("an upload with an existing name is refused unless the caption says استبدال", async () => {
    const bot = await adminBot({ "olives.md": OLIVES });
    await bot.upload("olives.md");
    await bot.upload("olives.md");
    expect(bot.lastText()).toContain("exists already");
    expect(bot.lastText()).toContain(operatorTexts.admin.replaceHint);
    await bot.upload("olives.md", "استبدال");
    expect(bot.lastText()).toContain("أضفت المقالة");
  });

  it("a link is offered for import with a button, and pressing it imports the page", async () => {
    const bot = await adminBot();
    rmSync(join(bot.dir, "meta-spotify-eu-ai.md")); // the shelf's copy of the same article
    const link = textMessage(pageUrl, { from: bot.from, chat: bot.chat });
    await bot.harness.send({ message: link });
    const offer = bot.harness.of("sendMessage").at(-1)!;
    expect(visibleText(offer.payload.text)).toBe(operatorTexts.admin.offerLink);
    expect(buttonData(offer.payload)).toEqual(["adm:imp"]);
    await bot.harness.send(callbackUpdate("adm:imp", botMessage(offer.payload.text, { chat: bot.chat, replyTo: link }), bot.from));
    expect(bot.lastText()).toContain("٩ فقرات");
    expect(existsSync(join(bot.dir, "meta-spotify-eu-ai.md"))).toBe(true);
  });

  it("/reload reports a broken file and keeps serving; /stats and /unanswered read the log", async () => {
    const bot = await adminBot({}, true);
    writeFileSync(join(bot.dir, "broken.md"), "---\ntitle: Meta: x\npublisher: ن\n---\n\nنص.\n");
    await bot.say("/reload");
    expect(bot.lastText()).toMatch(/ما زالت النسخة السابقة تعمل[\s\S]*broken\.md:2/);
    rmSync(join(bot.dir, "broken.md"));
    await bot.say("/reload");
    expect(bot.lastText()).toContain("أعدت تحميل المقالات");
    await bot.say("ما هو أفضل مطعم في القاهرة؟");
    await bot.say("ما هو افضل مطعم في القاهره");
    await bot.say("/unanswered");
    expect(bot.lastText()).toMatch(/\(٢\) ما هو افضل مطعم في القاهره/);
    await bot.say("/stats");
    expect(bot.lastText()).toMatch(/آخر ٢٤ ساعة: سؤالان، أُجيب ٠٪/);
  });

  it("a caption gives the details a file lacks, and a missing publisher says how", async () => {
    const bot = await adminBot({ "bees.txt": "يربي النحالون النحل في الجبال.\n\nيباع العسل في سوق المدينة." });
    await bot.upload("bees.txt");
    expect(bot.lastText()).toContain("publisher: اسم الناشر");
    await bot.upload("bees.txt", "title: النحل في الجبال\npublisher: نشرة القرية");
    expect(bot.lastText()).toContain("أضفت المقالة «النحل في الجبال»");
    expect(loadKnowledge(bot.dir).documents.find((d) => d.id === "bees")?.meta.publisher).toBe("نشرة القرية");
  });

  it("registers the admin commands in each admin's chat, and counts refusals in one warning without ids", async () => {
    const bot = await adminBot();
    bot.harness.failNext("setMyCommands", { error_code: 400, description: "Bad Request: chat not found" });
    const logs = captureLogs();
    await registerAdminCommands(bot.harness.bot.api, [ADMIN, 2002], logs.logger);
    const calls = bot.harness.of("setMyCommands");
    expect(calls.map((c) => c.payload.scope)).toEqual([{ type: "chat", chat_id: ADMIN }, { type: "chat", chat_id: 2002 }]);
    expect(calls[1]!.payload.commands.map((c: { command: string }) => c.command)).toEqual(["start", "help", "about", "sources", "ask", "reload", "stats", "unanswered"]);
    expect(logs.atLeast(WARN)).toMatchObject([{ failed: 1, admins: 2 }]);
    expect(whatLogsSay(logs.raw)).not.toContain(String(ADMIN));
    expect(whatLogsSay(logs.raw)).not.toContain("2002");
  });

  it("everyone else: a document gets the files hint and is not imported, and admin commands are unknown", async () => {
    const bot = await adminBot({ "olives.md": OLIVES });
    await bot.upload("olives.md", undefined, user(7));
    expect(visibleText(bot.harness.of("sendMessage").at(-1)!.payload.text)).toBe(operatorTexts.documentHint);
    expect(bot.harness.of("getFile")).toEqual([]);
    expect(existsSync(join(bot.dir, "olives.md"))).toBe(false);
    await bot.harness.send({ message: textMessage("/reload", { from: user(7), chat: privateChat(7) }) });
    expect(visibleText(bot.harness.of("sendMessage").at(-1)!.payload.text)).toBe(visibleText(texts.unknownCommand));
  });
});
