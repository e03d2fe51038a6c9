// The real bot, long polling the local Telegram emulator through the same runner setup
// as `npm start` (startPolling), in this process, with its logs captured.
import type { Bot } from "grammy";
import { type BotOptions, createBot } from "../../src/bot/index.ts";
import { type Polling, startPolling } from "../../src/bot/polling.ts";
import { realEngine } from "./bot-harness.ts";
import { type ApiCall, FakeTelegram } from "../../src/playground/fake-telegram.ts";
import { type CapturedLogs, captureLogs } from "./log-capture.ts";

export interface PollingBot {
  fake: FakeTelegram;
  bot: Bot;
  polling: Polling;
  logs: CapturedLogs;
  /** Errors that stopped polling for good (onFatal). */
  fatal: unknown[];
  /** Stops the bot (letting answers finish), then the emulator. */
  stop(): Promise<void>;
}

/** Short waits so fault tests stay quick; the defaults are 0.5 s, 1 s and 15 s. */
export const FAST_RETRY = { attempts: 3, baseDelayMs: 20, timeoutMs: 1_000 };

export async function startPollingBot(
  options: Pick<BotOptions, "retry" | "rateLimit" | "clock"> & { beforeStart?: (fake: FakeTelegram) => void } = {},
): Promise<PollingBot> {
  const fake = await FakeTelegram.start();
  options.beforeStart?.(fake);
  const logs = captureLogs({ level: "debug", secrets: [fake.token] });
  const bot = createBot(
    { botToken: fake.token, apiRoot: fake.apiRoot },
    { engine: realEngine(), logger: logs.logger },
    {
      botInfo: fake.botInfo,
      retry: options.retry ?? FAST_RETRY,
      ...(options.rateLimit && { rateLimit: options.rateLimit }),
      ...(options.clock && { clock: options.clock }),
    },
  );
  const fatal: unknown[] = [];
  const polling = await startPolling(bot, logs.logger, { onFatal: (error) => fatal.push(error) });
  // Polling has started once the first long poll arrives.
  await fake.waitFor((call) => call.method === "getUpdates" && Number(call.params.timeout) > 0);
  let stopped = false;
  return {
    fake,
    bot,
    polling,
    logs,
    fatal,
    async stop() {
      if (stopped) return;
      stopped = true;
      await polling.stop();
      await fake.stop();
    },
  };
}

/** sendMessage calls to `chatId` (all attempts, failed ones included) from call index `from` on. */
export function sendsTo(fake: FakeTelegram, chatId: number, from = 0): ApiCall[] {
  return fake.calls.slice(from).filter((call) => call.method === "sendMessage" && Number(call.params.chat_id) === chatId);
}

/** Waits for a sendMessage to `chatId` that Telegram accepted. */
export function answerTo(fake: FakeTelegram, chatId: number, from = 0, timeoutMs = 10_000): Promise<ApiCall> {
  return fake.waitFor(
    (call, index) => index >= from && call.method === "sendMessage" && Number(call.params.chat_id) === chatId && call.response?.ok === true,
    timeoutMs,
  );
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `condition` every 10 ms until it holds; throws after `timeoutMs`. */
export async function waitUntil(condition: () => boolean, timeoutMs = 10_000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`waitUntil: ${what} not met after ${timeoutMs} ms`);
    await sleep(10);
  }
}
