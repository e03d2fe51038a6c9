// End to end: the bot process answers an article dropped into its KNOWLEDGE_DIR while it runs,
// and logs both questions (the unanswered one first) in DATA_DIR's SQLite database.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type BotProcess, spawnBot } from "./support/bot-process.ts";
import { whatLogsSay } from "./support/log-capture.ts";
import { type ApiCall, FakeTelegram } from "../src/playground/fake-telegram.ts";

const USER = 5151;
const QUESTION = "متى يبدأ موسم قطف الزيتون؟";
const OLIVES = "---\ntitle: موسم قطف الزيتون\npublisher: نشرة القرية\n---\n\nيبدأ موسم قطف الزيتون في القرية مع أول مطر في شهر تشرين الأول.\n\nتعصر الثمار في المعصرة القديمة خلال يومين من قطفها.\n";

let fake: FakeTelegram;
let bot: BotProcess;
const knowledge = mkdtempSync(join(tmpdir(), "live-e2e-"));
const data = mkdtempSync(join(tmpdir(), "live-e2e-data-"));

beforeAll(async () => {
  cpSync("tests/fixtures/article", knowledge, { recursive: true });
  fake = await FakeTelegram.start();
  bot = spawnBot({ BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, KNOWLEDGE_DIR: knowledge, DATA_DIR: data });
  await fake.waitFor((call) => call.method === "getUpdates" && Number(call.params.timeout) > 0, 25_000);
}, 30_000);

afterAll(async () => {
  await bot?.kill();
  await fake?.stop();
  rmSync(knowledge, { recursive: true, force: true });
  rmSync(data, { recursive: true, force: true });
});

const answerTo = (after: number) => (call: ApiCall, index: number) => index >= after && call.method === "sendMessage" && Number(call.params.chat_id) === USER;

it("answers an article dropped into the running bot's knowledge folder, and logs the questions", async () => {
  let mark = fake.calls.length;
  fake.sendPrivateText(USER, QUESTION);
  const before = await fake.waitFor(answerTo(mark), 10_000);
  expect(String(before.params.text)).not.toContain("تشرين الأول");

  writeFileSync(join(knowledge, ".#olives.md"), "an editor's lock file, not an article");
  writeFileSync(join(knowledge, "olives.md"), OLIVES);
  await bot.waitForOutput(/knowledge reloaded: added olives/, 10_000);

  mark = fake.calls.length;
  fake.sendPrivateText(USER, QUESTION);
  const after = await fake.waitFor(answerTo(mark), 10_000);
  expect(String(after.params.text)).toContain("تشرين الأول");
  expect(JSON.stringify(after.params.reply_markup)).toContain("fb:+:2");

  const db = new Database(join(data, "questions.sqlite"), { readonly: true });
  try {
    expect(db.prepare("SELECT question, answered, document_id AS document FROM questions ORDER BY id").all()).toEqual([
      { question: QUESTION, answered: 0, document: null },
      { question: QUESTION, answered: 1, document: "olives" },
    ]);
  } finally {
    db.close();
  }
  expect(whatLogsSay(bot.output())).not.toContain(String(USER));
}, 40_000);
