// Turning a question into exactly one reply, shared by private chats, groups and buttons.
import { type Context, GrammyError, type InlineKeyboard } from "grammy";
import type { Message } from "grammy/types";
import type { Engine } from "../types.ts";
import type { ExampleRef } from "./callback-data.ts";
import { EXAMPLE_COUNT, type FeatureDeps } from "./deps.ts";
import { formatResult } from "./format.ts";
import { greetingReply } from "./greetings.ts";
import { answerKeyboard, examplesKeyboard, hasButtons } from "./keyboards.ts";
import { checkQuestion, type QuestionProblem } from "./question.ts";
import { texts } from "./texts.ts";

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

/** Replaces the text and buttons of the message a button belongs to. */
export async function editHtml(ctx: Context, html: string, keyboard: InlineKeyboard): Promise<void> {
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

/** The knowledge's first example question, for the how-to texts (none when it has none). */
export const firstExample = (engine: Engine): string | undefined => engine.examples(1)[0];

export function problemReply(problem: QuestionProblem, engine: Engine): string {
  return problem === "noWords" ? texts.noWords(firstExample(engine)) : texts[problem];
}

/** The reply to a question: the best quote with its buttons, or the polite no-answer. */
export function answerMessage(
  engine: Engine,
  question: string,
  options: { example?: ExampleRef; within?: string } = {},
): { answered: boolean; html: string; keyboard: InlineKeyboard } {
  const answer = engine.answer(question, options.within === undefined ? undefined : { within: options.within });
  const best = answer.results[0];
  if (!answer.answered || !best) {
    const examples = engine.examples(EXAMPLE_COUNT, question);
    return {
      answered: false,
      html: texts.noAnswer(engine.knowledge.documents.length, examples.length > 0),
      keyboard: examplesKeyboard(engine, examples),
    };
  }
  // Example answers reply to no message of the user's, so they repeat the question.
  const echo = options.example === undefined ? {} : { question };
  return { answered: true, html: formatResult(best, echo), keyboard: answerKeyboard(answer, 0, options.example) };
}

export interface AskOptions {
  replyTo?: number;
  /** A follow-up: search this document first. */
  within?: string;
  /** Say nothing unless there is an answer (chatter replying to the bot in a group). */
  onlyIfAnswered?: boolean;
}

/**
 * Validates, greets, or answers — at most one message, replying to `replyTo`. Only a real
 * search counts against the question limit; groups are paced to Telegram's limit.
 */
export async function answerQuestion(ctx: Context, text: string, deps: FeatureDeps, options: AskOptions = {}): Promise<void> {
  const { replyTo, onlyIfAnswered = false } = options;
  const check = checkQuestion(text);
  if (!check.ok) {
    if (!onlyIfAnswered) await replyHtml(ctx, problemReply(check.problem, deps.engine), { replyTo });
    return;
  }
  const greeting = greetingReply(check.question);
  if (greeting) {
    if (!onlyIfAnswered) await replyHtml(ctx, greeting, { replyTo });
    return;
  }
  const search = () => answerMessage(deps.engine, check.question, { within: options.within });
  const send = async (reply: ReturnType<typeof search>) => {
    await deps.paceGroup(ctx);
    await replyHtml(ctx, reply.html, { replyTo, keyboard: reply.keyboard });
    deps.logger.debug({ length: check.question.length, answered: reply.answered }, "answered a question");
  };
  if (!onlyIfAnswered) return void (await deps.limitQuestions(ctx, () => send(search())));
  // Chatter that cannot be answered is not a question: it must not count, or draw a notice.
  const reply = search();
  if (reply.answered) await deps.limitQuestions(ctx, () => send(reply));
}
