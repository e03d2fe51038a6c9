// The bot: an error boundary, then one Composer per feature, the fallback last.
// Nothing here knows how updates arrive (polling or webhook): main.ts decides.
import { limit } from "@grammyjs/ratelimiter";
import { sequentialize } from "@grammyjs/runner";
import { type Api, Bot, type BotError, type Context, GrammyError, type Transformer } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { TelegramConnection } from "../config.ts";
import type { Logger } from "../logger.ts";
import type { QuestionLog } from "../questions/log.ts";
import type { Engine } from "../types.ts";
import {
  expectedFailure,
  fallbackTransformer,
  floodWaitTransformer,
  isDeliveryFailure,
  migrateTransformer,
  redactErrors,
  type RetryOptions,
  retryTransformer,
  watchConnection,
} from "./delivery.ts";
import type { FeatureDeps } from "./deps.ts";
import { askPrivateFeature } from "./features/ask-private.ts";
import { type AdminDeps, adminFeature, telegramFileDownloader } from "./features/admin.ts";
import { callbacksFeature } from "./features/callbacks.ts";
import { feedbackFeature } from "./features/feedback.ts";
import { commandsFeature } from "./features/commands.ts";
import { fallbackFeature } from "./features/fallback.ts";
import { groupFeature } from "./features/group.ts";
import { inlineFeature } from "./features/inline.ts";
import { membershipFeature } from "./features/membership.ts";
import { nonTextFeature } from "./features/non-text.ts";
import { feedbackButtons, loggingEngine, questionContext } from "./question-log.ts";
import { GroupPace, WindowStore } from "./rate-limit.ts";
import { RecentUpdates } from "./redelivery.ts";
import { replyHtml } from "./reply.ts";
import { texts } from "./texts.ts";

export interface BotDeps {
  engine: Engine;
  logger: Logger;
  /** Records questions and 👍/👎 votes; no log, no vote buttons. */
  questionLog?: QuestionLog;
  /** Admin tools in private chats (see features/admin.ts); off without admin ids. */
  admin?: Pick<AdminDeps, "userIds" | "knowledgeDir" | "reload"> & Partial<Pick<AdminDeps, "download">>;
}

interface Rate {
  limit: number;
  windowMs: number;
}

/** Time as the bot sees it: tests pass one that skips the waits. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface BotOptions {
  /** Skips getMe (tests, or a known bot). */
  botInfo?: UserFromGetMe;
  /** Installed closest to the network, under the retries: tests record and fake calls here. */
  transformer?: Transformer;
  /** Questions allowed per sender per window. */
  rateLimit?: Rate;
  /** Button presses allowed per user per window. */
  buttonLimit?: Rate;
  /** Answers per group per window; more wait for a free slot. */
  groupLimit?: Rate;
  /** Retries of outgoing calls on network failures and 5xx (tests shorten the waits). */
  retry?: RetryOptions;
  clock?: Clock;
}

/** The only update kinds the bot handles; edits and channel posts are not even requested. */
export const ALLOWED_UPDATES = ["message", "callback_query", "inline_query", "my_chat_member"] as const;

const DEFAULT_RATE_LIMIT: Rate = { limit: 5, windowMs: 10_000 };
const DEFAULT_BUTTON_LIMIT: Rate = { limit: 20, windowMs: 10_000 };
/** Telegram allows about 20 messages a minute per group; this leaves room for notices. */
const DEFAULT_GROUP_LIMIT: Rate = { limit: 15, windowMs: 60_000 };

const realClock: Clock = { now: Date.now, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

export function createBot(
  config: TelegramConnection,
  { engine, logger, questionLog, admin }: BotDeps,
  options: BotOptions = {},
): Bot {
  const clock = options.clock ?? realClock;
  const bot = new Bot(config.botToken, {
    ...(options.botInfo && { botInfo: options.botInfo }),
    client: { ...(config.apiRoot && { apiRoot: config.apiRoot }) },
  });
  // Transformers, from the network outwards (each `use` wraps the ones before it).
  bot.api.config.use(redactErrors([config.botToken]));
  if (options.transformer) bot.api.config.use(options.transformer);
  // Network failures, timeouts and 5xx: 3 attempts, 0.5 s then 1 s apart (not getUpdates).
  bot.api.config.use(retryTransformer(options.retry, logger));
  // 429: waits retry_after, up to 60 s, three times at most; longer gives the call up.
  bot.api.config.use(floodWaitTransformer(logger, { sleep: clock.sleep }));
  // Refused HTML, too long, question deleted: send a simpler message instead.
  bot.api.config.use(fallbackTransformer(logger));
  bot.api.config.use(migrateTransformer(logger));
  bot.api.config.use(watchConnection(logger));
  if (questionLog) bot.api.config.use(feedbackButtons());

  const notify = (ctx: Context, html: string, what: string) =>
    replyHtml(ctx, html, { replyTo: ctx.msg?.message_id }).catch((error: unknown) => {
      const expected = expectedFailure(error);
      if (expected) logger.info(expected);
      else logger.warn({ err: error }, `could not send the ${what} notice`);
    });
  const perSender = (rate: Rate, onLimit: (ctx: Context) => void) =>
    limit<Context, WindowStore>({
      timeFrame: rate.windowMs,
      limit: rate.limit,
      // Anonymous group admins and channels post as sender_chat: a bucket each, not one for all.
      keyGenerator: (ctx) => (ctx.message?.sender_chat?.id ?? ctx.from?.id)?.toString(),
      // A window per sender, from their first hit (see rate-limit.ts).
      storageClient: new WindowStore(clock.now),
      // Called once per window, on the first hit over the limit; later ones are dropped.
      onLimitExceeded: onLimit,
    });

  const deps: FeatureDeps = {
    engine: questionLog ? loggingEngine(engine, questionLog) : engine,
    logger,
    limitQuestions: perSender(options.rateLimit ?? DEFAULT_RATE_LIMIT, (ctx) => {
      if (ctx.chat) void notify(ctx, texts.rateLimited, "rate-limit");
    }),
    limitButtons: perSender(options.buttonLimit ?? DEFAULT_BUTTON_LIMIT, (ctx) => {
      void ctx.answerCallbackQuery({ text: texts.rateLimited }).catch(() => undefined);
    }),
    paceGroup: groupPacer(options.groupLimit ?? DEFAULT_GROUP_LIMIT, clock, (ctx) => notify(ctx, texts.groupBusy, "busy-group")),
  };

  // Telegram redelivers updates it thinks were missed: each update_id is handled once.
  const recent = new RecentUpdates(5 * 60_000, 20_000, clock.now);
  bot.use((ctx, next) => {
    if (recent.firstTime(ctx.update.update_id)) return next();
    logger.debug({ update: ctx.update.update_id }, "dropped a redelivered update");
  });
  // Updates of one chat are handled in order; different chats run concurrently (runner).
  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString()));
  bot.catch((error) => logger.error({ err: error.error, update: error.ctx.update.update_id }, "unhandled bot error"));

  const handled = bot.on([...ALLOWED_UPDATES]).errorBoundary((error) => onFeatureError(error, logger));
  // Ignore our own inline results coming back as messages, and other bots.
  const features = handled.drop(
    (ctx) => ctx.message !== undefined && (ctx.message.via_bot?.id === ctx.me.id || (ctx.from?.is_bot === true && !ctx.message.sender_chat)),
  );
  if (questionLog) features.use(questionContext(), feedbackFeature(questionLog));
  if (admin && admin.userIds.length > 0) {
    const download = admin.download ?? telegramFileDownloader(config.botToken, config.apiRoot);
    features.use(adminFeature({ ...admin, download, logger, ...(questionLog && { questionLog }) }));
  }
  features.use(commandsFeature(deps));
  features.use(askPrivateFeature(deps));
  features.use(groupFeature(deps));
  features.use(inlineFeature(deps));
  features.use(callbacksFeature(deps));
  features.use(membershipFeature(deps));
  features.use(nonTextFeature(deps));
  features.use(fallbackFeature(deps));
  return bot;
}

/**
 * Waits for a group's next free slot; the first answer that has to wait says so, once
 * until the group's queue has drained. Other chats pass at once.
 */
function groupPacer(rate: Rate, clock: Clock, sayBusy: (ctx: Context) => Promise<unknown>): FeatureDeps["paceGroup"] {
  const pace = new GroupPace(rate.limit, rate.windowMs, clock.now);
  const busyUntil = new Map<number, number>();
  return async (ctx) => {
    const chat = ctx.chat;
    if (chat?.type !== "group" && chat?.type !== "supergroup") return;
    const wait = pace.reserve(chat.id);
    if (wait <= 0) return;
    const now = clock.now();
    if ((busyUntil.get(chat.id) ?? 0) <= now) await sayBusy(ctx);
    busyUntil.set(chat.id, now + wait);
    await clock.sleep(wait);
    if ((busyUntil.get(chat.id) ?? 0) <= clock.now()) busyUntil.delete(chat.id);
  };
}

/**
 * Logs the failure once and, when a message caused it, tells the user something went
 * wrong — unless the user cannot hear it (blocked the bot: logged at info) or Telegram
 * itself is what failed after the retries (the apology would fail the same way).
 */
async function onFeatureError(error: BotError<Context>, logger: Logger): Promise<void> {
  const ctx = error.ctx;
  const expected = expectedFailure(error.error);
  if (expected) return void logger.info({ update: ctx.update.update_id }, expected);
  // A 429 given up was logged, with its reason, where it was given up.
  if (error.error instanceof GrammyError && error.error.error_code === 429) return;
  logger.error({ err: error.error, update: ctx.update.update_id }, "feature failed");
  if (isDeliveryFailure(error.error)) return;
  try {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: texts.failed });
    else if (ctx.message && ctx.chat) await replyHtml(ctx, texts.failed, { replyTo: ctx.message.message_id });
  } catch {
    // Telegram itself may be what failed; the error is logged already.
  }
}

/** Arabic command menus: everything in private chats, /ask and /help in groups. */
export async function registerCommands(api: Api): Promise<void> {
  await api.setMyCommands(texts.commands.private, { scope: { type: "all_private_chats" } });
  await api.setMyCommands(texts.commands.group, { scope: { type: "all_group_chats" } });
}
