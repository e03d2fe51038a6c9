import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { parseVote } from "../src/bot/question-log.ts";
import { DATABASE_FILE, openQuestionLog, type QuestionLog, SALT_FILE } from "../src/questions/log.ts";
import { downvoted, lastDays, perArticle, summary, topUnanswered } from "../src/questions/report.ts";
import { botMessage, buttonData, callbackUpdate, createHarness, textMessage, USER_ID } from "./support/bot-harness.ts";
import { captureLogs, ERROR } from "./support/log-capture.ts";

const run = promisify(execFile);
const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 11, 1, 12);
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "data-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
function open(dir: string, logs = captureLogs()): QuestionLog {
  const log = openQuestionLog(dir, { retentionDays: 90, logger: logs.logger });
  cleanups.unshift(() => log.close());
  return log;
}
const unanswered = (question: string) => ({ chatType: "private", userId: USER_ID, question, answered: false, confidence: 0.1 });

describe("question log", () => {
  it("stores time, chat type, a salted user hash, the question, the answer's confidence and quote, in WAL mode", () => {
    const dir = dataDir();
    const log = open(dir);
    const id = log.record({ chatType: "supergroup", userId: 987654321, question: "من هو مؤسس سبوتيفاي؟", answered: true, confidence: 0.8, documentId: "meta-spotify-eu-ai", paragraph: 1 }, NOW);
    expect(id).toBe(1);
    const row = log.database!.prepare("SELECT * FROM questions").get() as Record<string, unknown>;
    expect(row).toMatchObject({ at: NOW, chat_type: "supergroup", question: "من هو مؤسس سبوتيفاي؟", answered: 1, confidence: 0.8, document_id: "meta-spotify-eu-ai", paragraph: 1 });
    expect(row.user_hash).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(row)).not.toContain("987654321");
    expect(log.database!.pragma("journal_mode", { simple: true })).toBe("wal");
    // The salt is made once and kept: the same user hashes the same after a restart.
    const salt = readFileSync(join(dir, SALT_FILE), "utf8");
    log.close();
    const again = open(dir);
    again.record({ chatType: "private", userId: 987654321, question: "سؤال", answered: false, confidence: 0 });
    expect(readFileSync(join(dir, SALT_FILE), "utf8")).toBe(salt);
    const hashes = again.database!.prepare("SELECT DISTINCT user_hash FROM questions").all();
    expect(hashes).toHaveLength(1);
  });

  it("keeps one vote per user per answer, and prunes rows older than the retention", () => {
    const log = open(dataDir());
    const id = log.record({ chatType: "private", userId: 1, question: "س", answered: true, confidence: 0.9, documentId: "a", paragraph: 2 }, NOW)!;
    expect(log.vote(id, 7, 1)).toBe(true);
    expect(log.vote(id, 7, -1)).toBe(true);
    expect(log.vote(id, 8, -1)).toBe(true);
    expect(log.vote(999, 8, -1)).toBe(false);
    expect(downvoted(log.database!, 10)).toEqual([{ question: "س", documentId: "a", paragraph: 2, down: 2, up: 0 }]);
    log.record(unanswered("قديم"), NOW - 91 * DAY);
    expect(log.prune(NOW)).toBe(1);
    expect(topUnanswered(log.database!, 10)).toEqual([]);
  });

  it("groups unanswered questions by their normalised text, and counts per article and per day", () => {
    const log = open(dataDir());
    log.record(unanswered("ما هي ميتا؟"), NOW - 2 * DAY);
    log.record(unanswered("ما هى  ميتا"), NOW - DAY);
    log.record(unanswered("كم عمر إيك؟"), NOW);
    log.record({ chatType: "private", question: "س", answered: true, confidence: 0.9, documentId: "a", paragraph: 1 }, NOW);
    const db = log.database!;
    expect(topUnanswered(db, 10)).toEqual([
      { question: "ما هى  ميتا", asked: 2, last: NOW - DAY },
      { question: "كم عمر إيك؟", asked: 1, last: NOW },
    ]);
    expect(perArticle(db)).toEqual([{ documentId: "a", answers: 1, up: 0, down: 0 }]);
    expect(lastDays(db, 3, NOW)).toEqual([
      { day: "2026-11-29", asked: 1, answered: 0 },
      { day: "2026-11-30", asked: 1, answered: 0 },
      { day: "2026-12-01", asked: 2, answered: 1 },
    ]);
    expect(summary(db, NOW - DAY / 2)).toEqual({ asked: 2, answered: 1, up: 0, down: 0 });
  });

  it("a locked database is logged once, and logging resumes when it is free", () => {
    const dir = dataDir();
    const logs = captureLogs();
    const log = open(dir, logs);
    const other = new Database(join(dir, DATABASE_FILE));
    other.exec("BEGIN EXCLUSIVE");
    expect(log.record(unanswered("أول"))).toBeUndefined();
    expect(log.record(unanswered("ثان"))).toBeUndefined();
    expect(logs.atLeast(ERROR)).toHaveLength(1);
    expect(logs.atLeast(ERROR)[0]!.msg).toMatch(/question log: cannot write a question; the bot answers on/);
    other.exec("COMMIT");
    other.close();
    expect(log.record(unanswered("ثالث"))).toBeTypeOf("number");
  });

  it("an unwritable data folder is logged once and nothing throws", () => {
    const file = join(dataDir(), "not-a-folder");
    writeFileSync(file, "");
    const logs = captureLogs();
    const log = open(file, logs);
    expect(log.record(unanswered("س"))).toBeUndefined();
    expect(log.vote(1, 1, 1)).toBe(false);
    expect(logs.atLeast(ERROR)).toHaveLength(1);
    expect(logs.atLeast(ERROR)[0]!.msg).toMatch(/cannot open the database/);
  });
});

describe("the bot's question log and feedback", () => {
  it("records a private question, puts 👍/👎 under the answer, and thanks the voter once per vote", async () => {
    const log = open(dataDir());
    const harness = await createHarness({ questionLog: log });
    await harness.send({ message: textMessage("من هو الرئيس التنفيذي لشركة سبوتيفاي؟") });
    const [reply] = harness.of("sendMessage");
    const votes = buttonData(reply!.payload).filter((data) => parseVote(data));
    expect(votes).toEqual(["fb:+:1", "fb:-:1"]);
    const row = log.database!.prepare("SELECT chat_type, answered, document_id FROM questions").get();
    expect(row).toEqual({ chat_type: "private", answered: 1, document_id: "meta-spotify-eu-ai" });

    // «نتيجة أخرى» edits the answer: its vote row stays, and no second question is logged.
    const question = textMessage("من هو الرئيس التنفيذي لشركة سبوتيفاي؟");
    await harness.send(callbackUpdate("n:1", botMessage(reply!.payload.text, { replyTo: question, keyboard: reply!.payload.reply_markup })));
    expect(buttonData(harness.of("editMessageText")[0]!.payload).filter((data) => parseVote(data))).toEqual(["fb:+:1", "fb:-:1"]);
    expect(log.database!.prepare("SELECT COUNT(*) AS n FROM questions").get()).toEqual({ n: 1 });

    await harness.send(callbackUpdate("fb:-:1"));
    await harness.send(callbackUpdate("fb:-:1"));
    expect(harness.of("answerCallbackQuery").slice(-2).map((c) => c.payload.text)).toEqual(["شكرًا لك! سجّلنا رأيك.", "شكرًا لك! سجّلنا رأيك."]);
    expect(downvoted(log.database!, 10)).toMatchObject([{ down: 1, up: 0 }]);
  });

  it("records an unanswered question without vote buttons, and npm run report shows it", async () => {
    const dir = dataDir();
    const log = open(dir);
    const harness = await createHarness({ questionLog: log });
    await harness.send({ message: textMessage("ما هو أفضل مطعم في القاهرة؟") });
    expect(buttonData(harness.of("sendMessage")[0]!.payload).filter((data) => parseVote(data))).toEqual([]);
    const { stdout } = await run(process.execPath, ["--import", "tsx", "src/cli/report.ts", "--data", dir]);
    expect(stdout).toMatch(/Top unanswered questions[\s\S]*1 .*ما هو أفضل مطعم في القاهرة؟/);
    expect(stdout).toContain("Last 7 days");
  });
});
