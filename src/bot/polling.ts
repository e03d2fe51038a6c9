// Long polling with @grammyjs/runner: updates handled concurrently (in order per chat),
// getUpdates retried on its own when Telegram is away, and a stop that lets answers finish.
import { run } from "@grammyjs/runner";
import type { Bot } from "grammy";
import type { Logger } from "../logger.ts";
import { ALLOWED_UPDATES } from "./index.ts";
import { untilItWorks } from "./startup.ts";

export interface Polling {
  /** Stops fetching, then resolves once no update is being handled any more. */
  stop(): Promise<void>;
  /** Updates being handled right now. */
  inFlight(): number;
}

export interface PollingOptions {
  /** Called when polling stops for good (401: token revoked; 409: another instance polls). */
  onFatal: (error: unknown) => void;
}

export async function startPolling(bot: Bot, logger: Logger, { onFatal }: PollingOptions): Promise<Polling> {
  // getUpdates is refused while a webhook is set.
  await untilItWorks("deleteWebhook", () => bot.api.deleteWebhook(), logger);
  const runner = run(bot, {
    runner: {
      fetch: { allowed_updates: [...ALLOWED_UPDATES] },
      // silent: the runner would print fetch errors, and their URLs, to the console itself
      // (watchConnection logs them, redacted).
      silent: true,
      // Waits between failed getUpdates grow by 0.1 s each (0.1, 0.2, 0.3 … s) rather than
      // doubling, so polling resumes within seconds of Telegram coming back, even after a
      // long outage, without hammering it meanwhile.
      retryInterval: "quadratic",
    },
  });
  runner.task()?.catch(onFatal);
  logger.info("long polling started");
  return {
    inFlight: () => runner.size(),
    async stop() {
      if (runner.isRunning()) await runner.stop();
      // The concurrent sink may still be answering: wait until nothing is in flight.
      while (runner.size() > 0) await new Promise((resolve) => setTimeout(resolve, 25));
    },
  };
}
