// Builds the real bot over the fixture article (or a given engine), with an API transformer that
// records every outgoing call and answers it like Telegram would (no network).
import type { Bot, Transformer } from "grammy";
import type { Chat, InlineKeyboardMarkup, Message, Update, User, UserFromGetMe } from "grammy/types";
import { afterEach, expect } from "vitest";
import { createBot, type BotDeps, type BotOptions } from "../../src/bot/index.ts";
import { createEngine } from "../../src/engine.ts";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import { createLogger, type Logger } from "../../src/logger.ts";
import type { Engine } from "../../src/types.ts";
import { detectIncomingEntities, parseTelegramHtml, testBotInfo } from "../../src/playground/fake-telegram.ts";
import { telegramProblems } from "./telegram-rules.ts";

export const TOKEN = "123456:TEST-token-abcdefghijklmnopqrstuvwxyz";
export const BOT_INFO = testBotInfo() as UserFromGetMe;
export const BOT_USER: User = { id: BOT_INFO.id, is_bot: true, first_name: BOT_INFO.first_name, username: BOT_INFO.username };

export const USER_ID = 42;
export const GROUP_ID = -1001234567890;

let sharedEngine: Engine | undefined;
/** The real engine over the fixture article, built once per test file. */
export function realEngine(): Engine {
  sharedEngine ??= createEngine(loadKnowledge(new URL("../fixtures/article", import.meta.url).pathname));
  return sharedEngine;
}

export interface RecordedCall {
  method: string;
  payload: Record<string, any>;
}

export interface Harness {
  bot: Bot;
  calls: RecordedCall[];
  /** Calls of one method. */
  of(method: string): RecordedCall[];
  /** Feeds one update (without update_id) through bot.handleUpdate. */
  send(update: object): Promise<void>;
  /** Feeds an update with the given update_id (a redelivery when it was used before). */
  sendWithId(updateId: number, update: object): Promise<void>;
  /** The next call with this method fails once with this error (several: one after the other). */
  failNext(method: string, error: { error_code: number; description: string; parameters?: { retry_after?: number; migrate_to_chat_id?: number } }): void;
  /** Users getChatMember reports as administrators (everyone else is a member). */
  admins: Set<number>;
}

/** A clock for the bot whose waits take no time: each is recorded and moves `now` on. */
export function instantClock(start = 1_700_000_000_000) {
  let now = start;
  const waits: number[] = [];
  return {
    waits,
    clock: {
      now: () => now,
      sleep: async (ms: number) => {
        waits.push(ms);
        now += ms;
      },
    },
    advance: (ms: number) => void (now += ms),
  };
}

/** A clock whose waits last until `release()` (real time stands still): for "meanwhile" tests. */
export function heldClock(start = 1_700_000_000_000) {
  let now = start;
  const waiting: Array<{ ms: number; resolve: () => void }> = [];
  return {
    waits: () => waiting.map((wait) => wait.ms),
    clock: {
      now: () => now,
      sleep: (ms: number) => new Promise<void>((resolve) => waiting.push({ ms, resolve })),
    },
    /** Ends every wait begun so far, moving `now` past the longest. */
    release() {
      const ended = waiting.splice(0);
      now += Math.max(0, ...ended.map((wait) => wait.ms));
      for (const wait of ended) wait.resolve();
    },
  };
}

let nextUpdateId = 1;

export async function createHarness(
  options: Pick<BotOptions, "rateLimit" | "retry" | "clock" | "groupLimit" | "buttonLimit"> &
    Pick<BotDeps, "questionLog" | "admin"> & { logger?: Logger; engine?: Engine } = {},
): Promise<Harness> {
  const calls: RecordedCall[] = [];
  const failures = new Map<string, object[]>();
  const admins = new Set<number>();
  let nextMessageId = 5000;
  const transformer: Transformer = async (_prev, method, payload) => {
    const copy = JSON.parse(JSON.stringify(payload ?? {}));
    calls.push({ method, payload: copy });
    const failure = failures.get(method)?.shift();
    if (failure) return { ok: false, ...failure } as any;
    if (method === "getChatMember") {
      return { ok: true, result: { status: admins.has(copy.user_id) ? "administrator" : "member", user: user(copy.user_id) } } as any;
    }
    return { ok: true, result: fakeResult(method, copy, () => nextMessageId++) } as any;
  };
  const { logger = createLogger({ level: "silent" }), engine = realEngine(), questionLog, admin, ...botOptions } = options;
  // Tests of other things send many messages to one group: they are not paced unless they ask.
  const unpaced = { groupLimit: { limit: 1_000_000, windowMs: 60_000 } };
  const deps = { engine, logger, ...(questionLog && { questionLog }), ...(admin && { admin }) };
  const bot = createBot({ botToken: TOKEN }, deps, { botInfo: BOT_INFO, transformer, ...unpaced, ...botOptions });
  await bot.init();
  return {
    bot,
    calls,
    of: (method) => calls.filter((call) => call.method === method),
    send: (update) => bot.handleUpdate({ update_id: nextUpdateId++, ...update } as Update),
    sendWithId: (updateId, update) => bot.handleUpdate({ update_id: updateId, ...update } as Update),
    failNext: (method, error) => void failures.set(method, [...(failures.get(method) ?? []), error]),
    admins,
  };
}

function fakeResult(method: string, payload: Record<string, any>, messageId: () => number): unknown {
  if (method === "sendMessage" || method === "editMessageText") {
    const chatId = Number(payload.chat_id);
    return {
      message_id: method === "sendMessage" ? messageId() : payload.message_id,
      date: Math.floor(Date.now() / 1000),
      chat: chatId > 0 ? { id: chatId, type: "private", first_name: "User" } : { id: chatId, type: "supergroup", title: "Group" },
      from: BOT_USER,
      text: payload.text,
    };
  }
  if (method === "getFile") return { file_id: payload.file_id, file_unique_id: `u-${payload.file_id}`, file_path: `documents/${payload.file_id}` };
  return true;
}

// ---- update builders ---------------------------------------------------------

let nextIncomingId = 1;

export function user(id = USER_ID): User {
  return { id, is_bot: false, first_name: `User ${id}`, language_code: "ar" };
}

export const privateChat = (id = USER_ID): Chat.PrivateChat => ({ id, type: "private", first_name: `User ${id}` });
export const groupChat = (id = GROUP_ID): Chat.SupergroupChat => ({ id, type: "supergroup", title: "مجموعة الاختبار" });

/** A text message as Telegram delivers it, with bot_command/mention entities detected. */
export function textMessage(
  text: string,
  options: { chat?: Chat; from?: User; replyTo?: Message; extra?: Partial<Message> } = {},
): Message.TextMessage {
  const entities = detectIncomingEntities(text);
  return {
    message_id: nextIncomingId++,
    date: Math.floor(Date.now() / 1000),
    chat: options.chat ?? privateChat(),
    from: options.from ?? user(),
    text,
    ...(entities.length > 0 && { entities }),
    ...(options.replyTo && { reply_to_message: options.replyTo }),
    ...options.extra,
  } as Message.TextMessage;
}

/** A message the bot sent earlier (for replies and button presses). */
export function botMessage(
  text: string,
  options: { chat?: Chat; replyTo?: Message; keyboard?: InlineKeyboardMarkup } = {},
): Message.TextMessage {
  return {
    message_id: nextIncomingId++,
    date: Math.floor(Date.now() / 1000),
    chat: options.chat ?? privateChat(),
    from: BOT_USER,
    text,
    ...(options.replyTo && { reply_to_message: options.replyTo }),
    ...(options.keyboard && { reply_markup: options.keyboard }),
  } as Message.TextMessage;
}

export function callbackUpdate(data: string, message?: Message, from = user()) {
  return {
    callback_query: {
      id: `cb-${nextIncomingId++}`,
      from,
      chat_instance: "ci",
      data,
      ...(message && { message }),
    },
  };
}

export function inlineUpdate(query: string, from = user()) {
  return { inline_query: { id: `iq-${nextIncomingId++}`, from, query, offset: "" } };
}

// ---- checks on everything the bot sent ----------------------------------------

/**
 * Every call is one Telegram would accept (see telegram-rules.ts): texts parse as Telegram
 * HTML and fit in 4096 characters, every callback_data fits in 64 bytes, and so on.
 */
export function expectValidOutgoing(calls: RecordedCall[]): void {
  for (const { method, payload } of calls) {
    expect(telegramProblems(method, payload), `${method}: ${JSON.stringify(payload).slice(0, 300)}`).toEqual([]);
  }
}

/** callback_data of every button in a reply_markup, row by row flattened. */
export function buttonData(payload: Record<string, any>): string[] {
  return (payload.reply_markup?.inline_keyboard ?? []).flat().map((button: any) => button.callback_data);
}

export function buttonTexts(payload: Record<string, any>): string[] {
  return (payload.reply_markup?.inline_keyboard ?? []).flat().map((button: any) => button.text);
}

/** The plain text a user sees (HTML parsed). */
export function visibleText(html: string): string {
  const parsed = parseTelegramHtml(html);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.text;
}

/**
 * A `harness()` for a test file: each harness it makes has every outgoing call checked
 * (expectValidOutgoing) after its test.
 */
export function checkedHarnesses(): (options?: Parameters<typeof createHarness>[0]) => Promise<Harness> {
  const made: Harness[] = [];
  afterEach(() => {
    for (const h of made.splice(0)) expectValidOutgoing(h.calls);
  });
  return async (options) => {
    const created = await createHarness(options);
    made.push(created);
    return created;
  };
}
