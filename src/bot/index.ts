// The bot: an error boundary, then one Composer per feature, the fallback last.
// Nothing here knows how updates arrive (polling or webhook): main.ts decides.
import { autoRetry } from "@grammyjs/auto-retry";
import { limit } from "@grammyjs/ratelimiter";
import { sequentialize } from "@grammyjs/runner";
import { type Api, Bot, type BotError, type Context, type Transformer } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { TelegramConnection } from "../config.ts";
import type { Logger } from "../logger.ts";
import type { Engine } from "../types.ts";
import { type FeatureDeps, replyHtml } from "./ask.ts";
import {
  expectedFailure,
  fallbackTransformer,
  isDeliveryFailure,
  redactErrors,
  type RetryOptions,
  retryTransformer,
  watchConnection,
} from "./delivery.ts";
import { askPrivateFeature } from "./features/ask-private.ts";
import { callbacksFeature } from "./features/callbacks.ts";
import { commandsFeature } from "./features/commands.ts";
import { fallbackFeature } from "./features/fallback.ts";
import { groupFeature } from "./features/group.ts";
import { inlineFeature } from "./features/inline.ts";
import { membershipFeature } from "./features/membership.ts";
import { nonTextFeature } from "./features/non-text.ts";
import { WindowStore } from "./rate-limit.ts";
import { texts } from "./texts.ts";

export interface BotDeps {
  engine: Engine;
  logger: Logger;
}

export interface BotOptions {
  /** Skips getMe (tests, or a known bot). */
  botInfo?: UserFromGetMe;
  /** Installed closest to the network, under auto-retry: tests record and fake calls here. */
  transformer?: Transformer;
  /** Questions allowed per user per window. */
  rateLimit?: { limit: number; windowMs: number };
  /** Retries of outgoing calls on network failures and 5xx (tests shorten the waits). */
  retry?: RetryOptions;
}

/** The only update kinds the bot handles; edits and channel posts are not even requested. */
export const ALLOWED_UPDATES = ["message", "callback_query", "inline_query", "my_chat_member"] as const;

const DEFAULT_RATE_LIMIT = { limit: 5, windowMs: 10_000 };

export function createBot(
  config: TelegramConnection,
  { engine, logger }: BotDeps,
  options: BotOptions = {},
): Bot {
  const bot = new Bot(config.botToken, {
    ...(options.botInfo && { botInfo: options.botInfo }),
    client: { ...(config.apiRoot && { apiRoot: config.apiRoot }) },
  });
  // Transformers, from the network outwards (each `use` wraps the ones before it).
  bot.api.config.use(redactErrors([config.botToken]));
  if (options.transformer) bot.api.config.use(options.transformer);
  // Network failures, timeouts and 5xx: 3 attempts, 0.5 s then 1 s apart (not getUpdates).
  bot.api.config.use(retryTransformer(options.retry, logger));
  // 429: waits retry_after (up to 10 s), twice at most. Its own loops for network errors
  // (unbounded in this plugin version) and 5xx are off: the transformer above does those.
  bot.api.config.use(
    autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 10, rethrowHttpErrors: true, rethrowInternalServerErrors: true }),
  );
  // Refused HTML, too long, question deleted: send a simpler message instead.
  bot.api.config.use(fallbackTransformer(logger));
  bot.api.config.use(watchConnection(logger));

  const rate = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const deps: FeatureDeps = {
    engine,
    logger,
    limitQuestions: limit<Context, WindowStore>({
      timeFrame: rate.windowMs,
      limit: rate.limit,
      keyGenerator: (ctx) => ctx.from?.id.toString(),
      // A window per user, from their first question (see rate-limit.ts).
      storageClient: new WindowStore(),
      // Called once per window, on the first question over the limit; later ones are dropped.
      onLimitExceeded: (ctx) => {
        if (!ctx.chat) return;
        replyHtml(ctx, texts.rateLimited, { replyTo: ctx.msg?.message_id }).catch((error: unknown) => {
          const expected = expectedFailure(error);
          if (expected) logger.info({ chat: ctx.chat?.id }, expected);
          else logger.warn({ err: error }, "could not send the rate-limit notice");
        });
      },
    }),
  };

  // Updates of one chat are handled in order; different chats run concurrently (runner).
  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString()));
  bot.catch((error) => logger.error({ err: error.error, update: error.ctx.update.update_id }, "unhandled bot error"));

  const handled = bot.on([...ALLOWED_UPDATES]).errorBoundary((error) => onFeatureError(error, logger));
  // Ignore our own inline results coming back as messages, and other bots.
  const features = handled.drop(
    (ctx) => ctx.message !== undefined && (ctx.message.via_bot?.id === ctx.me.id || (ctx.from?.is_bot === true && !ctx.message.sender_chat)),
  );
  features.chatType("private").on("message", deps.limitQuestions);
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
 * Logs the failure once and, when a message caused it, tells the user something went
 * wrong — unless the user cannot hear it (blocked the bot: logged at info) or Telegram
 * itself is what failed after the retries (the apology would fail the same way).
 */
async function onFeatureError(error: BotError<Context>, logger: Logger): Promise<void> {
  const ctx = error.ctx;
  const expected = expectedFailure(error.error);
  if (expected) return void logger.info({ chat: ctx.chat?.id, update: ctx.update.update_id }, expected);
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
