// Start-up calls (getMe, deleteWebhook, setWebhook) are retried until Telegram answers,
// as long polling is: a passing outage at start must not stop the bot.
import type { Logger } from "../logger.ts";
import { isDeliveryFailure } from "./delivery.ts";

export interface StartupRetryOptions {
  /** First wait; doubled after each failure up to `maxMs`. */
  baseMs?: number;
  maxMs?: number;
}

/** Calls `call` until it works; only Telegram being away (network, 5xx, 429) is retried. */
export async function untilItWorks<T>(what: string, call: () => Promise<T>, logger: Logger, options: StartupRetryOptions = {}): Promise<T> {
  const { baseMs = 1_000, maxMs = 30_000 } = options;
  for (let failures = 0; ; failures++) {
    try {
      const result = await call();
      if (failures > 0) logger.info({ call: what, failures }, "start-up call worked after all");
      return result;
    } catch (error) {
      if (!isDeliveryFailure(error)) throw error;
      if (failures === 0) logger.warn({ call: what, err: error }, "a start-up call failed; retrying until Telegram answers");
      await new Promise((resolve) => setTimeout(resolve, Math.min(maxMs, baseMs * 2 ** failures)));
    }
  }
}
