// Outgoing calls to Telegram, between the bot and the network:
//   retryTransformer     network failures, timeouts and 5xx: a few attempts with backoff, then give up
//   floodWaitTransformer 429: wait what Telegram asks, up to a bound, then send again
//   migrateTransformer   a group upgraded to a supergroup: send to the new chat instead
//   fallbackTransformer  a reply Telegram refuses (bad HTML, too long, question deleted): send it simpler
//   watchConnection      one log line when getMe/getUpdates start failing, one when they work again
//   redactErrors         no token in errors thrown to callers, even printed raw
// and how failed calls are reported (blocked users and expired buttons are no errors).
import { GrammyError, HttpError, type Transformer } from "grammy";
import { type Logger, redactSecrets } from "../logger.ts";
import { MAX_MESSAGE_LENGTH } from "./format.ts";
import { htmlToPlain, safeCut } from "./html.ts";

export interface RetryOptions {
  /** Attempts in all, the first one included. */
  attempts?: number;
  /** Wait before the second attempt; doubled before each further one. */
  baseDelayMs?: number;
  /** A call still unanswered after this long is aborted and counts as a network failure. */
  timeoutMs?: number;
}

export const DEFAULT_RETRY: Required<RetryOptions> = { attempts: 3, baseDelayMs: 500, timeoutMs: 15_000 };

/** grammY types signals with its abort-controller shim; at run time they are Node's. */
type CallSignal = Parameters<Transformer>[3];
interface Signal {
  readonly aborted: boolean;
  addEventListener(type: "abort", listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

/** The runner polls, times out and retries getUpdates itself; only other calls are retried here. */
const NOT_RETRIED = new Set(["getUpdates"]);

/**
 * Retries calls that failed on the way (HttpError: connection reset, refused, timed out)
 * or that Telegram answered with a 5xx, up to `attempts` times with doubling waits; then
 * returns or throws the last failure. Calls aborted by their caller are never retried.
 * Note: a send whose answer was lost may have reached Telegram; retrying it can, rarely,
 * deliver a message twice — preferred over losing it.
 */
export function retryTransformer(options: RetryOptions = {}, logger?: Logger): Transformer {
  const { attempts, baseDelayMs, timeoutMs } = { ...DEFAULT_RETRY, ...options };
  return async (prev, method, payload, signal) => {
    if (NOT_RETRIED.has(method)) return prev(method, payload, signal);
    for (let attempt = 1; ; attempt++) {
      const call = withTimeout(timeoutMs, signal as Signal | undefined);
      try {
        const result = await prev(method, payload, call.signal as unknown as CallSignal);
        if (result.ok || result.error_code < 500 || attempt >= attempts) return result;
        logger?.debug({ method, attempt, status: result.error_code }, "Telegram failed a call; retrying");
      } catch (error) {
        if (!(error instanceof HttpError) || signal?.aborted || attempt >= attempts) throw error;
        logger?.debug({ method, attempt, err: error }, "a call to Telegram failed on the way; retrying");
      } finally {
        call.done();
      }
      await pause(baseDelayMs * 2 ** (attempt - 1), signal as Signal | undefined);
    }
  };
}

function withTimeout(ms: number, outer: Signal | undefined): { signal: AbortSignal; done: () => void } {
  const controller = new AbortController();
  const abort = () => controller.abort();
  const timer = setTimeout(abort, ms);
  if (outer?.aborted) abort();
  else outer?.addEventListener("abort", abort);
  return {
    signal: controller.signal,
    done: () => {
      clearTimeout(timer);
      outer?.removeEventListener("abort", abort);
    },
  };
}

function pause(ms: number, signal: Signal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error("aborted while waiting to retry"));
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(new Error("aborted while waiting to retry"));
    }
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export interface FloodWaitOptions {
  /** The longest `retry_after` waited for; a longer one gives the call up (logged). */
  maxWaitSeconds?: number;
  /** Waits in all for one call. */
  maxWaits?: number;
  /** Injectable for tests: resolves after `ms`. */
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_FLOOD_WAIT = { maxWaitSeconds: 60, maxWaits: 3 };

/**
 * 429 Too Many Requests: waits the `retry_after` Telegram asks (up to `maxWaitSeconds`) and
 * sends again. Only the call that got the 429 waits, so only its chat is held up (its later
 * answers wait behind it: updates of a chat are handled in order); other chats go on. A call
 * given up is logged once, with the reason, and its 429 returned.
 */
export function floodWaitTransformer(logger: Logger, options: FloodWaitOptions = {}): Transformer {
  const { maxWaitSeconds, maxWaits } = { ...DEFAULT_FLOOD_WAIT, ...options };
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  return async (prev, method, payload, signal) => {
    // The runner paces getUpdates itself.
    if (method === "getUpdates") return prev(method, payload, signal);
    for (let waits = 0; ; waits++) {
      const result = await prev(method, payload, signal);
      if (result.ok || result.error_code !== 429) return result;
      const seconds = result.parameters?.retry_after ?? 1;
      const reason =
        seconds > maxWaitSeconds ? `Telegram asked to wait ${seconds} s, more than ${maxWaitSeconds} s`
        : waits >= maxWaits ? `still too many requests after ${maxWaits} waits`
        : signal?.aborted ? "the call was cancelled while waiting"
        : undefined;
      if (reason) {
        logger.warn({ method, retryAfter: seconds }, `gave up a call to Telegram: ${reason}`);
        return result;
      }
      logger.debug({ method, retryAfter: seconds }, "Telegram asked to slow down; waiting");
      await sleep(seconds * 1000);
    }
  };
}

/**
 * A group upgraded to a supergroup has a new id: Telegram refuses the old one and names the
 * new one (`migrate_to_chat_id`). The call is sent there instead, once.
 */
export function migrateTransformer(logger: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    const target = result.ok ? undefined : result.parameters?.migrate_to_chat_id;
    if (target === undefined || !payload || !("chat_id" in payload)) return result;
    logger.info({ method }, "the group was upgraded to a supergroup; sent to its new id");
    // The old group's message ids mean nothing in the new chat.
    const { reply_parameters: _rp, ...rest } = payload as Payload;
    return prev(method, { ...rest, chat_id: target } as unknown as typeof payload, signal);
  };
}

// Telegram's wordings (sendMessage / editMessageText).
const BAD_MARKUP = /can't parse entities|can't find end of|unsupported start tag|unclosed start tag/i;
const TOO_LONG = /message is too long|MESSAGE_TOO_LONG|text is too long/i;
const REPLY_GONE = /message to be replied not found|message to reply not found|replied message not found|REPLY_MESSAGE_ID_INVALID/i;

type Payload = Record<string, unknown>;

/** The simpler payload to try after Telegram refused `payload` with `description`, if any. */
export function fallbackPayload(
  payload: Payload,
  description: string,
): { payload: Payload; reason: string; level: "warn" | "info" } | undefined {
  const text = typeof payload.text === "string" ? payload.text : undefined;
  if (text !== undefined && (BAD_MARKUP.test(description) || TOO_LONG.test(description))) {
    const { parse_mode, entities: _entities, ...rest } = payload;
    const plain = parse_mode === undefined ? text : htmlToPlain(text);
    // Our HTML should never be refused: worth a warning.
    return {
      payload: { ...rest, text: cutText(plain, MAX_MESSAGE_LENGTH) },
      reason: "Telegram refused the message; sent it as plain text",
      level: "warn",
    };
  }
  if (REPLY_GONE.test(description) && ("reply_parameters" in payload || "reply_to_message_id" in payload)) {
    const { reply_parameters: _rp, reply_to_message_id: _rid, allow_sending_without_reply: _aswr, ...rest } = payload;
    // The user deleted their question: normal life.
    return { payload: rest, reason: "the question was deleted; answered without replying to it", level: "info" };
  }
  return undefined;
}

/**
 * When Telegram refuses a sendMessage/editMessageText with a 400 that a simpler message
 * avoids, sends that instead, so the user still gets an answer: plain text, trimmed to the
 * limit, for bad markup or a too long text; no reply link when the question is gone.
 */
export function fallbackTransformer(logger: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    let result = await prev(method, payload, signal);
    if (method !== "sendMessage" && method !== "editMessageText") return result;
    let current = payload as unknown as Payload;
    // At most two steps: the markup and the reply link can both be wrong.
    for (let step = 0; step < 2 && !result.ok && result.error_code === 400; step++) {
      const fallback = fallbackPayload(current, result.description);
      if (!fallback) break;
      logger[fallback.level]({ method, description: result.description }, fallback.reason);
      current = fallback.payload;
      result = await prev(method, current as unknown as typeof payload, signal);
    }
    return result;
  };
}

/** `text` cut to at most `max` UTF-16 units at a safe point, with "…". */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  return text.slice(0, safeCut(text, max - 1)).trimEnd() + "…";
}

const WATCHED = new Set(["getMe", "getUpdates"]);

/**
 * Start-up (getMe) and long polling (getUpdates) retry on their own, silently: this logs
 * one warning when they start failing and one line when they work again.
 */
export function watchConnection(logger: Logger): Transformer {
  let failures = 0;
  const failed = (method: string, err: unknown) => {
    if (failures++ === 0) logger.warn({ method, err }, "cannot reach Telegram; retrying until it works again");
  };
  return async (prev, method, payload, signal) => {
    if (!WATCHED.has(method)) return prev(method, payload, signal);
    try {
      const result = await prev(method, payload, signal);
      if (result.ok) {
        if (failures > 0) logger.info({ method, failures }, "Telegram reachable again");
        failures = 0;
      } else if (result.error_code >= 500 || result.error_code === 429) {
        failed(method, { status: result.error_code, description: result.description });
      }
      return result;
    } catch (error) {
      if (!signal?.aborted) failed(method, error);
      throw error;
    }
  };
}

// Refusals a group's settings cause: the admins decide, nothing is wrong with the bot.
const CANNOT_WRITE_HERE = /not enough rights|have no rights|CHAT_WRITE_FORBIDDEN|CHAT_RESTRICTED|TOPIC_CLOSED|TOPIC_DELETED|message thread not found/i;

/**
 * Failures that are part of normal life, logged at info without telling the user
 * (they could not hear it, and an apology would be refused the same way): the user blocked
 * the bot or removed it from the group, the group does not let it write here, a button
 * press expired. Undefined for real errors.
 */
export function expectedFailure(error: unknown): string | undefined {
  if (!(error instanceof GrammyError)) return undefined;
  if (error.error_code === 403) return "cannot write to this chat (the user blocked the bot, or it was removed)";
  if (CANNOT_WRITE_HERE.test(error.description)) return "cannot write here (no right to send, or the topic is closed or gone)";
  if (error.parameters.migrate_to_chat_id !== undefined) return "the group was upgraded to a supergroup";
  if (/query is too old|query ID is invalid/i.test(error.description)) return "a button press expired before it was answered";
  return undefined;
}

/** Telegram itself or the way to it failed (after retries): an apology would fail the same way. */
export function isDeliveryFailure(error: unknown): boolean {
  return error instanceof HttpError || (error instanceof GrammyError && (error.error_code >= 500 || error.error_code === 429));
}

/**
 * grammY's HttpError keeps the fetch error, whose message and stack hold the request URL
 * (https://api.telegram.org/bot<token>/sendMessage). Redacts them where they are thrown,
 * so even an error printed raw (console.error, a crash) shows no token.
 */
export function redactErrors(secrets: readonly string[]): Transformer {
  return async (prev, method, payload, signal) => {
    try {
      return await prev(method, payload, signal);
    } catch (error) {
      scrub(error, secrets, 0);
      throw error;
    }
  };
}

function scrub(error: unknown, secrets: readonly string[], depth: number): void {
  if (!(error instanceof Error) || depth > 4) return;
  try {
    error.message = redactSecrets(error.message, secrets);
    if (error.stack) error.stack = redactSecrets(error.stack, secrets);
  } catch {
    // A read-only message: the logger redacts it anyway.
  }
  scrub((error as { error?: unknown }).error, secrets, depth + 1);
  scrub(error.cause, secrets, depth + 1);
}
