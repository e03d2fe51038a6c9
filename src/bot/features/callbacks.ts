// Buttons. «نتيجة أخرى», «الفقرة كاملة», «رجوع إلى الاقتباس» and the list pages edit their
// message in place (one message per question, however often buttons are pressed); an
// example button sends its answer. Data is stateless and validated: anything unexpected,
// or naming an article or paragraph that is gone, gets a polite notice, never a throw.
// In a group only the asker and the group's admins can change an answer.
import { Composer, type Context, type Filter, InlineKeyboard } from "grammy";
import type { InlineKeyboardButton, MaybeInaccessibleMessage } from "grammy/types";
import { type ButtonAction, parseAction } from "../callback-data.ts";
import type { FeatureDeps } from "../deps.ts";
import { expectedFailure } from "../delivery.ts";
import { formatAbout, formatParagraph, formatResult, formatSources } from "../format.ts";
import { answerKeyboard, pageKeyboard, paragraphKeyboard } from "../keyboards.ts";
import { checkQuestion, extractQuestion } from "../question.ts";
import { documentByKey, exampleQuestion } from "../refs.ts";
import { answerMessage, editHtml, replyHtml } from "../reply.ts";
import { texts } from "../texts.ts";

type ButtonContext = Filter<Context, "callback_query:data">;

const ADMINS = new Set(["creator", "administrator"]);

export function callbacksFeature(deps: FeatureDeps): Composer<Context> {
  const composer = new Composer<Context>();

  composer.on("callback_query:data", (ctx) =>
    deps.limitButtons(ctx, async () => {
      const action = parseAction(ctx.callbackQuery.data);
      if (!action) return void (await ctx.answerCallbackQuery({ text: texts.callback.stale }));
      if (action.kind === "example") return askExample(ctx, action, deps);
      // Everything else edits the button's message: without one there is nothing to edit.
      if (!ctx.callbackQuery.message && !ctx.callbackQuery.inline_message_id) {
        return void (await ctx.answerCallbackQuery({ text: texts.callback.stale }));
      }
      if (action.kind === "page") return showPage(ctx, action, deps);
      if (!(await mayChange(ctx))) return void (await ctx.answerCallbackQuery({ text: texts.callback.notYours }));
      if (action.kind === "next") return showResult(ctx, action, deps);
      return showParagraph(ctx, action, deps);
    }),
  );

  // Buttons without data (games) are not ours: just stop the spinner.
  composer.on("callback_query", (ctx) => ctx.answerCallbackQuery());

  return composer;
}

async function askExample(ctx: ButtonContext, action: Extract<ButtonAction, { kind: "example" }>, deps: FeatureDeps): Promise<void> {
  const question = exampleQuestion(deps.engine, action.example);
  if (question === undefined || !ctx.chat) return void (await ctx.answerCallbackQuery({ text: texts.callback.stale }));
  await ack(ctx, deps);
  const { html, keyboard } = answerMessage(deps.engine, question, { example: action.example });
  await deps.paceGroup(ctx);
  await replyHtml(ctx, html, { keyboard });
}

async function showResult(ctx: ButtonContext, action: Extract<ButtonAction, { kind: "next" }>, deps: FeatureDeps): Promise<void> {
  const { engine } = deps;
  const question =
    action.example === undefined
      ? questionRepliedTo(ctx.callbackQuery.message, ctx.me.username)
      : exampleQuestion(engine, action.example);
  if (question === undefined) return void (await ctx.answerCallbackQuery({ text: texts.callback.questionGone }));
  const answer = engine.answer(question);
  const result = answer.answered ? answer.results[action.result] : undefined;
  if (!result) return void (await ctx.answerCallbackQuery({ text: texts.callback.noMoreResults }));
  await ack(ctx, deps);
  const echo = action.example === undefined ? {} : { question };
  await editHtml(ctx, formatResult(result, echo), answerKeyboard(answer, action.result, action.example));
}

async function showParagraph(ctx: ButtonContext, action: Extract<ButtonAction, { kind: "paragraph" }>, deps: FeatureDeps): Promise<void> {
  const { engine } = deps;
  const document = documentByKey(engine, action.document);
  const text = document && engine.paragraph(document.id, action.paragraph);
  if (!document || text === undefined) return void (await ctx.answerCallbackQuery({ text: texts.callback.stale }));
  await ack(ctx, deps);
  // An example answer shows its question above the quote: the paragraph keeps it.
  const example = action.back?.example;
  const question = example && exampleQuestion(engine, example);
  const keyboard = withKept(paragraphKeyboard(action.back), ctx.callbackQuery.message, (data) => parseAction(data)?.kind === "next");
  await editHtml(ctx, formatParagraph(text, document.meta, action.paragraph, { question }), keyboard);
}

async function showPage(ctx: ButtonContext, action: Extract<ButtonAction, { kind: "page" }>, deps: FeatureDeps): Promise<void> {
  const documents = deps.engine.knowledge.documents;
  const { html, page, pages } = action.list === "sources" ? formatSources(documents, action.page) : formatAbout(documents, action.page);
  await ack(ctx, deps);
  await editHtml(ctx, html, pageKeyboard(action.list, page, pages));
}

/**
 * Whether this press may change the answer: always in private chats and inline messages;
 * in a group, for the one who asked (the message the answer replies to) and the admins.
 * An answer that replies to nobody's question (an example) is anyone's.
 */
async function mayChange(ctx: ButtonContext): Promise<boolean> {
  const message = ctx.callbackQuery.message;
  if (!message || message.chat.type === "private" || message.chat.type === "channel") return true;
  const question = message.date !== 0 && "reply_to_message" in message ? message.reply_to_message : undefined;
  if (!question) return true;
  // An anonymous admin's question has the group as sender: only admins can change it.
  if (!question.sender_chat && question.from?.id === ctx.from.id) return true;
  try {
    const member = await ctx.api.getChatMember(message.chat.id, ctx.from.id);
    return ADMINS.has(member.status);
  } catch {
    return false; // cannot tell: leave the asker's answer as it is
  }
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
    logger.info(expected);
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

/** `keyboard` with the message's own buttons that pass `keep` added on its first row. */
function withKept(keyboard: InlineKeyboard, message: MaybeInaccessibleMessage | undefined, keep: (data: string) => boolean): InlineKeyboard {
  const rows = message && message.date !== 0 && "reply_markup" in message ? message.reply_markup?.inline_keyboard ?? [] : [];
  const kept = rows.flat().filter((button: InlineKeyboardButton) => "callback_data" in button && keep(button.callback_data));
  const [first = [], ...rest] = keyboard.inline_keyboard;
  return new InlineKeyboard([[...first, ...kept], ...rest].filter((row) => row.length > 0));
}
