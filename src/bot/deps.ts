// What every feature gets from createBot.
import type { Context, MiddlewareFn } from "grammy";
import type { Logger } from "../logger.ts";
import type { Engine } from "../types.ts";

export interface FeatureDeps {
  engine: Engine;
  logger: Logger;
  /** Calls `next` unless the sender asks too many questions; one notice per window. */
  limitQuestions: MiddlewareFn<Context>;
  /** The same for button presses, with a separate, generous limit. */
  limitButtons: MiddlewareFn<Context>;
  /** Resolves when this chat may get its next answer (groups are paced; others at once). */
  paceGroup: (ctx: Context) => Promise<void>;
}

/** How many example questions /start and the no-answer reply offer. */
export const EXAMPLE_COUNT = 3;
