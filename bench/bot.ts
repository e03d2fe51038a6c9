// Bot throughput, two ways:
// - in-process: updates/s through bot.handleUpdate, with an API transformer that answers
//   every call at once (so it measures our code, not a network);
// - over loopback HTTP: answers/s from the real process (`npm start`, long polling)
//   against the local Bot API emulator, with 50 users waiting for their answers at once.
// The knowledge is the article (knowledge/), as the bot ships; the questions are the
// article's evaluation questions (in scope and out of scope), cycled. Every question
// comes from a user of its own, so the per-user rate limit (5 questions / 10 s) is
// exercised but never trips: it would otherwise drop most questions and flatter the figure.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import type { Transformer } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { createBot } from "../src/bot/index.ts";
import { createEngine } from "../src/engine.ts";
import { readJsonLines } from "../src/eval/evaluate.ts";
import { loadKnowledge } from "../src/knowledge/load.ts";
import { createLogger } from "../src/logger.ts";
import { type ApiCall, FakeTelegram } from "../src/playground/fake-telegram.ts";
import { ARTICLE_DIR, PROJECT_ROOT } from "./corpora.ts";
import { summarize, type LatencySummary } from "./stats.ts";

const TOKEN = "123456:BENCH-token-abcdefghijklmnopqrstuvwxyz";
const BOT_INFO = {
  id: 123456,
  is_bot: true,
  first_name: "Bench QA Bot",
  username: "bench_qa_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
} as UserFromGetMe;

export function articleQuestions(): string[] {
  return readJsonLines<{ question: string }>(join(PROJECT_ROOT, "tests", "eval", "article.jsonl")).map((q) => q.question);
}

let nextUser = 10_000_000;
function privateText(text: string, updateId: number): Update {
  const id = nextUser++;
  return {
    update_id: updateId,
    message: {
      message_id: 1,
      date: Math.floor(Date.now() / 1000),
      chat: { id, type: "private", first_name: `User ${id}` },
      from: { id, is_bot: false, first_name: `User ${id}`, language_code: "ar" },
      text,
    },
  } as Update;
}

// ---------------------------------------------------------------------------
// In-process
// ---------------------------------------------------------------------------

export interface InProcessResult {
  updates: number;
  /** Updates handled one after another (each awaited). */
  sequential: { updatesPerSecond: number; latency: LatencySummary };
  /** 50 handled at once, as the runner does. */
  concurrent50: { updatesPerSecond: number };
  /** sendMessage calls per update (1 = one reply each). */
  repliesPerUpdate: number;
}

export async function measureInProcess(updates = 5_000, warmup = 500): Promise<InProcessResult> {
  const engine = createEngine(loadKnowledge(ARTICLE_DIR));
  let sent = 0;
  let messageId = 1;
  // Answers every outgoing call at once, like Telegram would (a message for sendMessage).
  const transformer: Transformer = async (_prev, method, payload) => {
    if (method !== "sendMessage") return { ok: true, result: true } as never;
    sent++;
    const p = payload as { chat_id: number; text: string };
    const chat = { id: p.chat_id, type: "private", first_name: "User" };
    return { ok: true, result: { message_id: messageId++, date: 0, chat, from: BOT_INFO, text: p.text } } as never;
  };
  const bot = createBot({ botToken: TOKEN }, { engine, logger: createLogger({ level: "silent" }) }, { botInfo: BOT_INFO, transformer });
  await bot.init();
  const questions = articleQuestions();
  let updateId = 1;
  const next = () => privateText(questions[updateId % questions.length]!, updateId++);

  for (let i = 0; i < warmup; i++) await bot.handleUpdate(next());

  sent = 0;
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < updates; i++) {
    const t = performance.now();
    await bot.handleUpdate(next());
    latencies.push(performance.now() - t);
  }
  const sequentialMs = performance.now() - started;
  const repliesPerUpdate = sent / updates;

  let left = updates;
  const worker = async () => {
    while (left-- > 0) await bot.handleUpdate(next());
  };
  const concurrentStarted = performance.now();
  await Promise.all(Array.from({ length: 50 }, worker));
  const concurrentMs = performance.now() - concurrentStarted;

  return {
    updates,
    sequential: { updatesPerSecond: (updates / sequentialMs) * 1000, latency: summarize(latencies) },
    concurrent50: { updatesPerSecond: (updates / concurrentMs) * 1000 },
    repliesPerUpdate,
  };
}

// ---------------------------------------------------------------------------
// The real process over loopback HTTP
// ---------------------------------------------------------------------------

export interface HttpResult {
  users: number;
  /** Spawn of `npm start` → its first long poll (ms). */
  startupMs: number;
  seconds: number;
  answers: number;
  answersPerSecond: number;
  /** Question queued at the emulator → the bot's sendMessage arrives (ms). */
  latency: LatencySummary;
  failures: number;
}

/** FakeTelegram's public `calls` array, with a hook on every call it records. */
class ObservedCalls extends Array<ApiCall> {
  onCall: (call: ApiCall) => void = () => {};
  override push(...calls: ApiCall[]): number {
    const length = super.push(...calls);
    for (const call of calls) queueMicrotask(() => this.onCall(call)); // once it is answered
    return length;
  }
}

export async function measureHttp({ users = 50, warmupMs = 2_000, measureMs = 10_000 } = {}): Promise<HttpResult> {
  const fake = await FakeTelegram.start({ token: TOKEN });
  const calls = new ObservedCalls();
  fake.calls = calls;
  const waiting = new Map<number, (call: ApiCall) => void>();
  let polling: (() => void) | undefined;
  calls.onCall = (call) => {
    if (call.method === "getUpdates" && Number(call.params.timeout) > 0) polling?.();
    if (call.method !== "sendMessage") return;
    const chat = Number(call.params.chat_id);
    const resolve = waiting.get(chat);
    if (resolve) {
      waiting.delete(chat);
      resolve(call);
    }
  };

  const started = performance.now();
  const child = spawn("npm", ["start", "--silent"], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      BOT_MODE: "polling",
      KNOWLEDGE_DIR: "./knowledge",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group: npm → tsx → node are stopped together
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the bot did not start polling in 60 s:\n${output.slice(-1000)}`)), 60_000);
      polling = () => {
        clearTimeout(timer);
        resolve();
      };
      void exited.then(() => reject(new Error(`the bot exited:\n${output.slice(-1000)}`)));
    });
    polling = undefined;
    const startupMs = performance.now() - started;

    const questions = articleQuestions();
    let asked = 0;
    let failures = 0;
    const ask = async (): Promise<number | undefined> => {
      const user = nextUser++;
      const queued = performance.now();
      const answered = new Promise<ApiCall>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("no answer in 10 s")), 10_000);
        waiting.set(user, (call) => {
          clearTimeout(timer);
          resolve(call);
        });
      });
      fake.sendPrivateText(user, questions[asked++ % questions.length]!);
      try {
        const call = await answered;
        return call.response?.ok ? performance.now() - queued : undefined;
      } catch {
        waiting.delete(user);
        return undefined;
      }
    };

    // A closed loop: each of `users` asks, waits for the answer, asks again.
    const loop = async (until: number, latencies?: number[]) => {
      const slot = async () => {
        while (performance.now() < until) {
          const ms = await ask();
          if (ms === undefined) failures++;
          else latencies?.push(ms);
        }
      };
      await Promise.all(Array.from({ length: users }, slot));
    };
    await loop(performance.now() + warmupMs);
    failures = 0;
    const latencies: number[] = [];
    const from = performance.now();
    await loop(from + measureMs, latencies);
    const seconds = (performance.now() - from) / 1000;
    return {
      users,
      startupMs,
      seconds,
      answers: latencies.length,
      answersPerSecond: latencies.length / seconds,
      latency: summarize(latencies),
      failures,
    };
  } finally {
    await stopGroup(child, exited);
    await fake.stop();
  }
}

/** SIGTERM to the child's process group (npm, tsx, node), SIGKILL if it lingers. */
async function stopGroup(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null) return;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 10_000).unref());
  if ((await Promise.race([exited, timeout])) === "timeout") signal("SIGKILL");
}
