// Inline mode: "@Bot سؤال" offers up to 5 quotes, each sent with its source; an empty
// query offers the example questions, each already answered.
import { Composer, type Context, InlineKeyboard, InlineQueryResultBuilder } from "grammy";
import type { InlineQueryResult } from "grammy/types";
import type { Engine, Result } from "../../types.ts";
import { EXAMPLE_COUNT, type FeatureDeps } from "../deps.ts";
import { formatResult, shorten } from "../format.ts";
import { paragraphButton } from "../keyboards.ts";
import { checkQuestion } from "../question.ts";
import { texts } from "../texts.ts";

const MAX_RESULTS = 5;
const CACHE_SECONDS = 10;

export function inlineFeature({ engine }: FeatureDeps): Composer<Context> {
  const composer = new Composer<Context>();

  composer.on("inline_query", async (ctx) => {
    const query = ctx.inlineQuery.query.trim();
    const options = { cache_time: CACHE_SECONDS, is_personal: false };
    if (!query) return void (await ctx.answerInlineQuery(exampleResults(engine), options));

    const check = checkQuestion(query);
    const answer = check.ok ? engine.answer(check.question) : undefined;
    if (!answer?.answered) {
      // Nothing to send; a button leads to the private chat's how-to instead.
      return void (await ctx.answerInlineQuery([], {
        ...options,
        button: { text: texts.inline.noAnswer, start_parameter: "help" },
      }));
    }
    const results = answer.results
      .slice(0, MAX_RESULTS)
      .map((result, i) => article(`r${i}`, result, query, texts.inline.resultTitle(result.paragraph, result.document.title)));
    await ctx.answerInlineQuery(results, options);
  });

  return composer;
}

/** Each example question, titled by the question and sent with its best quote. */
function exampleResults(engine: Engine): InlineQueryResult[] {
  return engine.examples(EXAMPLE_COUNT).flatMap((question, i) => {
    const answer = engine.answer(question);
    const best = answer.results[0];
    return answer.answered && best ? [article(`e${i}`, best, question, question)] : [];
  });
}

function article(id: string, result: Result, question: string, title: string): InlineQueryResult {
  // The sent message replies to nothing, so its paragraph view has no quote to go back to.
  const keyboard = new InlineKeyboard(result.source === "details" ? [] : [[paragraphButton(result)]]);
  return InlineQueryResultBuilder.article(id, shorten(title, 100), {
    description: shorten(result.quote, 120),
    reply_markup: keyboard,
  }).text(formatResult(result, { question }), {
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
  });
}
