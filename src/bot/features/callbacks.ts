// Buttons. «نتيجة أخرى» and «الفقرة كاملة» edit the answer message in place (one message
// per question, however often buttons are pressed); an example button sends its answer.
// Data is stateless and validated: anything unexpected gets a polite notice, never a throw.
import { Composer, type Context, type Filter, GrammyError, InlineKeyboard } from "grammy";
import type { InlineKeyboardButton, MaybeInaccessibleMessage } from "grammy/types";
import {
  answerKeyboard,
  answerMessage,
  checkQuestion,
  EXAMPLE_COUNT,
  extractQuestion,
  type FeatureDeps,
  hasButtons,
  replyHtml,
} from "../ask.ts";
import { type ButtonAction, parseAction } from "../callback-data.ts";
import { expectedFailure } from "../delivery.ts";
import { formatParagraph, formatResult } from "../format.ts";
import { texts } from "../texts.ts";

type ButtonContext = Filter<Context, "callback_query:data">;

export function callbacksFeature(deps: FeatureDeps): Composer<Context> {
  const composer = new Composer<Context>();

  composer.on("callback_query:data", async (ctx) => {
    const action = parseAction(ctx.callbackQuery.data);
    if (!action) return void (await ctx.answerCallbackQuery({ text: texts.callback.stale }));
    if (action.kind === "example") return askExample(ctx, action.example, deps);
    if (action.kind === "next") return showResult(ctx, action, deps);
    return showParagraph(ctx, action, deps);
  });

  // Buttons without data (games) are not ours: just stop the spinner.
  composer.on("callback_query", (ctx) => ctx.answerCallbackQuery());

  return composer;
}

async function askExample(ctx: ButtonContext, example: number, deps: FeatureDeps): Promise<void> {
  const question = deps.engine.examples(EXAMPLE_COUNT)[example];
  if (question === undefined || !ctx.chat) return void (await ctx.answerCallbackQuery({ text: texts.callback.stale }));
  await ack(ctx, deps);
  // Pressing an example is asking a question: same limit as typing one.
  await deps.limitQuestions(ctx, async () => {
    const { html, keyboard } = answerMessage(deps.engine, question, { example });
    await replyHtml(ctx, html, { keyboard });
  });
}

async function showResult(
  ctx: ButtonContext,
  action: Extract<ButtonAction, { kind: "next" }>,
  deps: FeatureDeps,
): Promise<void> {
  const { engine } = deps;
  const question =
    action.example === undefined
      ? questionRepliedTo(ctx.callbackQuery.message, ctx.me.username)
      : engine.examples(EXAMPLE_COUNT)[action.example];
  if (question === undefined) return void (await ctx.answerCallbackQuery({ text: texts.callback.questionGone }));
  const answer = engine.answer(question);
  const result = answer.answered ? answer.results[action.result] : undefined;
  if (!result) return void (await ctx.answerCallbackQuery({ text: texts.callback.noMoreResults }));
  await ack(ctx, deps);
  const echo = action.example === undefined ? {} : { question };
  await editHtml(ctx, formatResult(result, echo), answerKeyboard(engine, answer, action.result, action.example));
}

async function showParagraph(
  ctx: ButtonContext,
  action: Extract<ButtonAction, { kind: "paragraph" }>,
  deps: FeatureDeps,
): Promise<void> {
  const { engine } = deps;
  const document = engine.knowledge.documents[action.document];
  const text = document && engine.paragraph(document.id, action.paragraph);
  if (!document || text === undefined) return void (await ctx.answerCallbackQuery({ text: texts.callback.stale }));
  await ack(ctx, deps);
  // Keep the other buttons («نتيجة أخرى») of the message; the paragraph one has done its job.
  const keyboard = keepButtons(ctx.callbackQuery.message, (data) => !data.startsWith("p:"));
  await editHtml(ctx, formatParagraph(text, document.meta, action.paragraph), keyboard);
}

/**
 * Stops the button's spinner. A press Telegram no longer lets us answer (the query is
 * too old, e.g. pressed while the bot was down) is still carried out.
 */
async function ack(ctx: ButtonContext, { logger }: FeatureDeps): Promise<void> {
  try {
    await ctx.answerCallbackQuery();
  } catch (error) {
    const expected = expectedFailure(error);
    if (!expected) throw error;
    logger.info({ chat: ctx.chat?.id }, expected);
  }
}

/** The user's question, re-read from the message the answer replies to. */
function questionRepliedTo(message: MaybeInaccessibleMessage | undefined, botUsername: string): string | undefined {
  if (!message || message.date === 0 || !("reply_to_message" in message)) return undefined;
  const source = message.reply_to_message;
  const text = source?.text ?? source?.caption;
  if (!text) return undefined;
  const check = checkQuestion(extractQuestion(text, botUsername));
  return check.ok ? check.question : undefined;
}

function keepButtons(message: MaybeInaccessibleMessage | undefined, keep: (data: string) => boolean): InlineKeyboard {
  const rows = message && message.date !== 0 && "reply_markup" in message ? message.reply_markup?.inline_keyboard ?? [] : [];
  const kept = rows
    .map((row) => row.filter((button: InlineKeyboardButton) => !("callback_data" in button) || keep(button.callback_data)))
    .filter((row) => row.length > 0);
  return new InlineKeyboard(kept);
}

async function editHtml(ctx: ButtonContext, html: string, keyboard: InlineKeyboard): Promise<void> {
  try {
    await ctx.editMessageText(html, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      reply_markup: hasButtons(keyboard) ? keyboard : undefined,
    });
  } catch (error) {
    // A double press asks for the same text again: Telegram refuses, nothing to do.
    if (error instanceof GrammyError && error.description.includes("message is not modified")) return;
    throw error;
  }
}
