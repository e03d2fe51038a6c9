// Load test (npm run test:load): 10,000 questions from 1,000 users through the real bot
// process (src/main.ts, long polling, default settings — the 5-per-10-s limit included)
// against the local Telegram emulator. Checks that every question is answered exactly
// once, nothing fails, the process never dies, and its heap after GC stays flat; then
// Telegram redelivers a sample of the updates (same update_id), which must get no second
// answer; then SIGTERM and a clean exit. Prints a report; exits 1 on any failure.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { texts } from "../../src/bot/texts.ts";
import type { Update } from "grammy/types";
import { FakeTelegram } from "../../src/playground/fake-telegram.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const USERS = 1_000;
const QUESTIONS_PER_USER = Number(process.env.LOAD_QUESTIONS_PER_USER ?? 10);
/** The bot's default limit: 5 questions per user per 10 s window. Each phase sends 5 per user. */
const PER_PHASE = 5;
const WINDOW_MS = 10_000;
/** Group questions are spread so no group passes the bot's own group pace (15 a minute). */
const GROUPS = 100;
/** Updates Telegram sends a second time, after they were answered. */
const REDELIVERED = 500;
const FAULTS = { badGateway: 100, network: 100, tooMany: 50 };
const INJECTED = FAULTS.badGateway + FAULTS.network + FAULTS.tooMany;
const TIME_LIMIT_MS = 170_000;
/** Heap after GC may grow this much from after warm-up to the end (caches, JIT, the limiter's users). */
const HEAP_SLACK_BYTES = 16 * 1024 * 1024;

const POOL = [
  "من هو الرئيس التنفيذي لشركة ميتا؟",
  "ماذا قال زوكربيرج وإيك عن قواعد الذكاء الاصطناعي في أوروبا؟",
  "لماذا ستحجب ميتا نموذج Llama عن الاتحاد الأوروبي؟",
  "ماذا قالت Spotify عن خطة امتثال Apple؟",
  "من هو الرئيس التنفيذي لسبوتيفاي",
  "ما موقف ميتا من تنظيم الذكاء الاصطناعي؟",
  "متى نشر المقال؟",
  "ما هي عاصمة فرنسا؟",
  "كم عدد سكان القاهرة؟",
  "مرحبا",
  "شكرا جزيلا",
  "/help",
  "😀🙏",
  "<b>ميتا</b>",
  "مـيـتـا وَالذَّكَاءُ الاصْطِنَاعِيُّ",
  "Meta AI regulation EU",
];

const started = Date.now();
const failures: string[] = [];
const fail = (message: string) => {
  failures.push(message);
  console.error(`FAIL: ${message}`);
};
process.on("unhandledRejection", (error) => fail(`unhandled rejection in the load driver: ${String(error)}`));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

const fake = await FakeTelegram.start();
const child: ChildProcess = spawn(
  process.execPath,
  ["--expose-gc", "--import", "tsx", "--import", "./tests/load/heap-probe.ts", "src/main.ts"],
  {
    cwd: ROOT,
    env: { ...process.env, BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, BOT_MODE: "polling", LOG_LEVEL: "info", KNOWLEDGE_DIR: "./tests/fixtures/article" },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  },
);
let output = "";
child.stdout!.on("data", (chunk) => (output += chunk));
child.stderr!.on("data", (chunk) => (output += chunk));
let exitCode: number | null | undefined;
const exited = new Promise<number | null>((resolve) =>
  child.once("exit", (code) => {
    exitCode = code;
    resolve(code);
  }),
);

/** Heap used after GC in the bot process. */
function heap(): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the heap probe did not answer")), 10_000);
    child.once("message", (message: { heapUsed: number }) => {
      clearTimeout(timer);
      resolve(message.heapUsed);
    });
    child.send("heap");
  });
}

// ---- bookkeeping: every question and its answers -------------------------------

interface Question {
  chatId: number;
  user: number;
  answers: number;
  update: Update;
}
const questions = new Map<string, Question>();
const firstAnswerAt = new Map<number, number>(); // user → time of their first answer this phase
let cursor = 0;
let unexpected = 0;
let refused = 0;

/** Reads the emulator's new calls, matches answers to questions, and forgets the calls. */
function collect(): void {
  const calls = fake.calls;
  for (; cursor < calls.length; cursor++) {
    const call = calls[cursor]!;
    if (call.method !== "sendMessage") continue;
    const chatId = Number(call.params.chat_id);
    if (call.response?.ok !== true) {
      refused++; // an injected fault: the bot must retry it
      continue;
    }
    const replyTo = (call.params.reply_parameters as { message_id?: number } | undefined)?.message_id;
    const question = questions.get(`${chatId}:${replyTo}`);
    const text = String(call.params.text);
    if (!question || text === texts.failed || text === texts.rateLimited) {
      unexpected++;
      if (unexpected <= 5) fail(`unexpected message to ${chatId}: ${text.slice(0, 80)}`);
      continue;
    }
    question.answers++;
    if (!firstAnswerAt.has(question.user)) firstAnswerAt.set(question.user, call.at);
  }
  calls.splice(0); // the emulator's log would otherwise grow with every call
  cursor = 0;
}

const pending = () => [...questions.values()].filter((q) => q.answers === 0).length;

async function waitForAnswers(what: string): Promise<void> {
  let last = -1;
  let stalledSince = Date.now();
  for (;;) {
    collect();
    const left = pending();
    if (left === 0) return;
    if (exitCode !== undefined) throw new Error(`the bot process exited (${exitCode}) with ${left} questions unanswered`);
    if (left !== last) {
      last = left;
      stalledSince = Date.now();
    } else if (Date.now() - stalledSince > 20_000) {
      throw new Error(`${what}: ${left} questions still unanswered after 20 s without progress`);
    }
    if (Date.now() - started > TIME_LIMIT_MS) throw new Error(`${what}: over the time limit with ${left} unanswered`);
    await sleep(50);
  }
}

/** Sends `perUser` questions from every user, spread over `spreadMs`, in private chats and groups. */
async function phase(name: string, users: number[], perUser: number, spreadMs: number): Promise<number> {
  firstAnswerAt.clear();
  const t0 = Date.now();
  const total = users.length * perUser;
  const waves = Math.max(1, Math.round(spreadMs / 100));
  const perWave = Math.ceil(total / waves);
  let sent = 0;
  let k = 0;
  for (let wave = 0; sent < total; wave++) {
    for (let i = 0; i < perWave && sent < total; i++, sent++) {
      // User by user, round-robin over their questions.
      const user = users[sent % users.length]!;
      const text = POOL[(user + k++) % POOL.length]!;
      const inGroup = user % 10 === 0; // a tenth of the users ask with /ask in one of the groups
      const queued = inGroup
        ? fake.sendGroupText(-1_000_000_000_001 - (Math.floor(user / 10) % GROUPS), user, `/ask ${text}`)
        : fake.sendPrivateText(user, text);
      const chatId = queued.message.chat.id;
      const update = { update_id: queued.update_id, message: queued.message } as Update;
      questions.set(`${chatId}:${queued.message_id}`, { chatId, user, answers: 0, update });
    }
    collect();
    await sleep(100);
  }
  await waitForAnswers(name);
  const ms = Date.now() - t0;
  console.log(`${name}: ${total} questions answered in ${(ms / 1000).toFixed(1)} s (${Math.round((total / ms) * 1000)}/s) — at ${elapsed()}`);
  return ms;
}

// ---- the run --------------------------------------------------------------------

let heapStart = 0;
let heapWarm = 0;
const heapAfterPhase: number[] = [];
let heapEnd = 0;
let total = 0;
try {
  await fake.waitFor((call) => call.method === "getUpdates" && Number(call.params.timeout) > 0, 30_000);
  heapStart = await heap();
  console.log(`bot ready at ${elapsed()}; heap after GC ${mb(heapStart)}`);

  // Warm-up: 200 other users, one question each (JIT, caches), not counted below.
  const warmUsers = Array.from({ length: 200 }, (_, i) => 900_000 + i);
  await phase("warm-up", warmUsers, 1, 500);
  heapWarm = await heap();
  console.log(`heap after warm-up ${mb(heapWarm)}`);

  const users = Array.from({ length: USERS }, (_, i) => 10_000 + i);
  const phases = QUESTIONS_PER_USER / PER_PHASE;
  for (let n = 1; n <= phases; n++) {
    if (n > 1) {
      // Every user's window started just before their first answer: wait until all have ended.
      const windowsEnd = Math.max(...firstAnswerAt.values()) + WINDOW_MS + 250;
      if (windowsEnd > Date.now()) await sleep(windowsEnd - Date.now());
    }
    const last = n === phases;
    if (last) {
      // The last phase runs while Telegram misbehaves: its first sends get 502s, dropped
      // connections and 429s (retry after 1 s); every one must be retried.
      fake.fail("sendMessage", { error_code: 502, description: "Bad Gateway" }, FAULTS.badGateway);
      fake.failNetwork("sendMessage", FAULTS.network);
      fake.fail("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } }, FAULTS.tooMany);
    }
    // Five questions per user within one window of theirs.
    await phase(`phase ${n}${last ? " (with faults)" : ""}`, users, PER_PHASE, 1_000);
    const after = await heap();
    heapAfterPhase.push(after);
    console.log(`heap after phase ${n}: ${mb(after)}`);
  }
  // Redeliveries: Telegram sends answered updates again (as after a slow webhook answer).
  const again = [...questions.values()].filter((q) => q.user < 900_000).slice(0, REDELIVERED);
  for (const q of again) {
    const { update_id, ...rest } = q.update;
    fake.pushUpdate(rest, { redeliver: update_id });
  }
  // The next question after them answered means the bot has been through them all.
  const marker = fake.sendPrivateText(999_999, POOL[0]!);
  questions.set(`999999:${marker.message_id}`, { chatId: 999_999, user: 999_999, answers: 0, update: { update_id: marker.update_id, message: marker.message } as Update });
  await waitForAnswers("redeliveries");
  console.log(`redelivered ${again.length} answered updates — at ${elapsed()}`);
  await sleep(500);
  collect();
  heapEnd = await heap();

  total = [...questions.values()].filter((q) => q.user < 900_000).length;
  const answeredOnce = [...questions.values()].filter((q) => q.answers === 1).length;
  const twice = [...questions.values()].filter((q) => q.answers > 1).length;
  if (total !== USERS * QUESTIONS_PER_USER) fail(`sent ${total} questions, expected ${USERS * QUESTIONS_PER_USER}`);
  if (answeredOnce !== questions.size) fail(`${questions.size - answeredOnce} questions not answered exactly once (${twice} more than once)`);
  if (refused !== INJECTED) fail(`${refused} sends refused, but ${INJECTED} faults were injected`);
  if (unexpected > 0) fail(`${unexpected} unexpected messages (apologies, rate-limit notices or replies to nothing)`);
  if (heapEnd - heapWarm > HEAP_SLACK_BYTES) fail(`heap grew from ${mb(heapWarm)} to ${mb(heapEnd)}`);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

// ---- stop: SIGTERM, clean exit ------------------------------------------------------
if (exitCode === undefined) {
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  const code = await exited;
  clearTimeout(timer);
  if (code !== 0) fail(`the bot exited with ${code} after SIGTERM`);
} else fail(`the bot process died during the run (exit ${exitCode})`);
await fake.stop();

const badLines = output.split("\n").filter((line) => /"level":(5|6)0/.test(line) || /unhandled/i.test(line));
if (badLines.length > 0) fail(`${badLines.length} error lines in the bot's log, e.g. ${badLines[0]!.slice(0, 300)}`);
if (output.includes(fake.token)) fail("the token appears in the bot's output");

const lost = USERS * QUESTIONS_PER_USER - [...questions.values()].filter((q) => q.user < 900_000 && q.answers >= 1).length;
const report = {
  questions: total,
  users: USERS,
  lost,
  duplicated: [...questions.values()].filter((q) => q.answers > 1).length,
  redelivered: REDELIVERED,
  faultsInjected: INJECTED,
  refusedSendsRetried: refused,
  heapAfterGcMB: { start: +(heapStart / 2 ** 20).toFixed(1), afterWarmUp: +(heapWarm / 2 ** 20).toFixed(1), afterPhases: heapAfterPhase.map((bytes) => +(bytes / 2 ** 20).toFixed(1)), end: +(heapEnd / 2 ** 20).toFixed(1) },
  durationSeconds: +((Date.now() - started) / 1000).toFixed(1),
  result: failures.length === 0 ? "pass" : "FAIL",
};
console.log(JSON.stringify(report, null, 2));
if (Date.now() - started > 180_000) fail("took over 3 minutes");
process.exit(failures.length === 0 ? 0 : 1);
