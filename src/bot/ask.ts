// Turning a question into exactly one reply, shared by private chats, groups and buttons.
import { type Context, InlineKeyboard, type MiddlewareFn } from "grammy";
import type { Message } from "grammy/types";
import type { Logger } from "pino";
import type { Answer, Engine } from "../types.ts";
import { encodeAction } from "./callback-data.ts";
import { formatResult } from "./format.ts";
import { greetingReply } from "./greetings.ts";
import { MAX_QUESTION_LENGTH, texts } from "./texts.ts";

/** What every feature gets: the engine, the logger, and the per-user question limiter. */
export interface FeatureDeps {
  engine: Engine;
  logger: Logger;
  /** Calls `next` unless the user asks too often; sends at most one notice per window. */
  limitQuestions: MiddlewareFn<Context>;
}

/** How many example questions /start and the no-answer reply offer. */
export const EXAMPLE_COUNT = 3;

export type QuestionCheck = { ok: true; question: string } | { ok: false; reply: string };

const HTML_TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/i;
const MENTION = /(^|[^\w@])@\w{2,32}(?!\w)/g;

/** Rejects what is not worth a search, with the reply that says why. */
export function checkQuestion(text: string): QuestionCheck {
  const question = text.trim();
  if (question.length > MAX_QUESTION_LENGTH) return { ok: false, reply: texts.tooLong };
  if (HTML_TAG.test(question)) return { ok: false, reply: texts.htmlLike };
  // @mentions alone ("@someone 🙂") and tatweel (a "letter" to Unicode) are no words to search for.
  if (!/[\p{L}\p{N}]/u.test(question.replace(MENTION, "").replace(/\u0640/g, ""))) return { ok: false, reply: texts.noWords };
  return { ok: true, question };
}

/** The question inside a message: without a leading /ask[@bot] and without @mentions of the bot. */
export function extractQuestion(text: string, botUsername: string): string {
  return text
    .replace(/^\/ask(?:@\w+)?(?=\s|$)/i, "")
    .replace(new RegExp(`@${botUsername}\\b`, "gi"), " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function isCommand(message: Pick<Message, "entities">): boolean {
  const first = message.entities?.[0];
  return first?.type === "bot_command" && first.offset === 0;
}

/** Sends HTML with link previews off; as a reply when `replyTo` is given. */
export function replyHtml(
  ctx: Context,
  html: string,
  options: { replyTo?: number; keyboard?: InlineKeyboard } = {},
): Promise<Message.TextMessage> {
  return ctx.reply(html, {
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
    ...(options.replyTo !== undefined && {
      reply_parameters: { message_id: options.replyTo, allow_sending_without_reply: true },
    }),
    ...(options.keyboard && hasButtons(options.keyboard) && { reply_markup: options.keyboard }),
  });
}

export function hasButtons(keyboard: InlineKeyboard): boolean {
  return keyboard.inline_keyboard.some((row) => row.length > 0);
}

/** Buttons under result `index`: «نتيجة أخرى» when there is a next one, «الفقرة كاملة». */
export function answerKeyboard(engine: Engine, answer: Answer, index: number, example?: number): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const result = answer.results[index];
  if (!result) return keyboard;
  if (index + 1 < answer.results.length) {
    keyboard.text(texts.buttons.nextResult, encodeAction({ kind: "next", result: index + 1, example }));
  }
  const document = engine.knowledge.documents.findIndex((doc) => doc.id === result.documentId);
  if (document >= 0) {
    keyboard.text(texts.buttons.fullParagraph, encodeAction({ kind: "paragraph", document, paragraph: result.paragraph }));
  }
  return keyboard;
}

/** One button per example question; pressing it asks that question. */
export function examplesKeyboard(examples: string[]): InlineKeyboard {
  // One button per row; InlineKeyboard.from leaves no empty trailing row.
  return InlineKeyboard.from(examples.map((example, i) => [InlineKeyboard.text(example, encodeAction({ kind: "example", example: i }))]));
}

/** The reply to a question: the best quote with its buttons, or the polite no-answer. */
export function answerMessage(
  engine: Engine,
  question: string,
  options: { example?: number } = {},
): { html: string; keyboard: InlineKeyboard } {
  const answer = engine.answer(question);
  const best = answer.results[0];
  if (!answer.answered || !best) {
    return {
      html: texts.noAnswer(engine.knowledge.documents.length),
      keyboard: examplesKeyboard(engine.examples(EXAMPLE_COUNT)),
    };
  }
  // Example answers reply to no message of the user's, so they repeat the question.
  const echo = options.example === undefined ? {} : { question };
  return { html: formatResult(best, echo), keyboard: answerKeyboard(engine, answer, 0, options.example) };
}

/** Validates, greets, or answers — always exactly one message, replying to `replyTo`. */
export async function answerQuestion(ctx: Context, text: string, deps: FeatureDeps, replyTo?: number): Promise<void> {
  const check = checkQuestion(text);
  if (!check.ok) {
    await replyHtml(ctx, check.reply, { replyTo });
    return;
  }
  const greeting = greetingReply(check.question);
  if (greeting) {
    await replyHtml(ctx, greeting, { replyTo });
    return;
  }
  const { html, keyboard } = answerMessage(deps.engine, check.question);
  await replyHtml(ctx, html, { replyTo, keyboard });
  deps.logger.debug({ chat: ctx.chat?.id, length: check.question.length }, "answered a question");
}
