// 👍/👎 under an answer: one vote per user per answer (a second press replaces the first),
// thanked with a toast. The vote row itself comes from question-log.ts.
import { Composer, type Context } from "grammy";
import type { QuestionLog } from "../../questions/log.ts";
import { parseVote } from "../question-log.ts";
import { operatorTexts } from "../texts-operator.ts";

export function feedbackFeature(log: QuestionLog): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on("callback_query:data", async (ctx, next) => {
    const vote = parseVote(ctx.callbackQuery.data);
    if (!vote) return next();
    log.vote(vote.questionId, ctx.from.id, vote.vote);
    await ctx.answerCallbackQuery({ text: operatorTexts.feedback.thanks });
  });
  return composer;
}
