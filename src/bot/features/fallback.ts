// Last in line: whatever no feature took (group chatter, service messages) gets silence.
import { Composer, type Context } from "grammy";
import type { FeatureDeps } from "../deps.ts";

export function fallbackFeature({ logger }: FeatureDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.use((ctx) => logger.trace({ update: ctx.update.update_id }, "update left unanswered"));
  return composer;
}
