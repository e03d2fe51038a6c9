// The question log and 👍/👎 feedback, kept out of the features: a message update runs in
// an async context holding its chat type and user; the first engine.answer() inside it is
// recorded, and the answer sent back gets a vote row naming the logged question. An edit
// of that answer (another result, the full paragraph) keeps its vote row.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Context, MiddlewareFn, Transformer } from "grammy";
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import type { QuestionLog } from "../questions/log.ts";
import type { Engine } from "../types.ts";
import { operatorTexts } from "./texts-operator.ts";

interface Asking {
  chatType: string;
  userId?: number;
  /** Set once the update's question is recorded. */
  questionId?: number;
  answered?: boolean;
  /** The vote row of the message a button was pressed on. */
  voteRow?: InlineKeyboardButton[];
}

const asking = new AsyncLocalStorage<Asking>();
const VOTE = /^fb:([+-]):(\d{1,15})$/;

export function encodeVote(vote: 1 | -1, questionId: number): string {
  return `fb:${vote === 1 ? "+" : "-"}:${questionId}`;
}

export function parseVote(data: string): { vote: 1 | -1; questionId: number } | undefined {
  const match = VOTE.exec(data);
  return match ? { vote: match[1] === "+" ? 1 : -1, questionId: Number(match[2]) } : undefined;
}

/** Runs each message (and button press) in its own context; inline queries are not logged. */
export function questionContext(): MiddlewareFn<Context> {
  return (ctx, next) => {
    if (ctx.message?.text !== undefined && ctx.chat) {
      return asking.run({ chatType: ctx.chat.type, ...(ctx.from && { userId: ctx.from.id }) }, next);
    }
    const markup = ctx.callbackQuery?.message && "reply_markup" in ctx.callbackQuery.message ? ctx.callbackQuery.message.reply_markup : undefined;
    const voteRow = markup?.inline_keyboard.find((row) => row.some((button) => "callback_data" in button && VOTE.test(button.callback_data)));
    if (voteRow) return asking.run({ chatType: ctx.chat?.type ?? "private", voteRow }, next);
    return next();
  };
}

/** The engine, recording the first question of each message update. */
export function loggingEngine(engine: Engine, log: QuestionLog): Engine {
  return {
    get knowledge() {
      return engine.knowledge;
    },
    answer(question, options) {
      const answer = engine.answer(question, options);
      const context = asking.getStore();
      if (context && context.questionId === undefined && !context.voteRow) {
        const best = answer.answered ? answer.results[0] : undefined;
        context.questionId = log.record({
          chatType: context.chatType,
          ...(context.userId !== undefined && { userId: context.userId }),
          question,
          answered: answer.answered,
          confidence: answer.confidence,
          ...(best && { documentId: best.documentId, paragraph: best.paragraph }),
        });
        context.answered = answer.answered;
      }
      return answer;
    },
    paragraph: (documentId, paragraph) => engine.paragraph(documentId, paragraph),
    examples: (limit, near) => engine.examples(limit, near),
  };
}

/** Adds the 👍/👎 row under an answer sent (or edited) in a logged context. */
export function feedbackButtons(): Transformer {
  // `signal` must be passed on: it is how the runner aborts its long poll on stop.
  return (prev, method, payload, signal) => {
    const context = asking.getStore();
    const row =
      context?.voteRow ??
      (context?.answered && context.questionId !== undefined
        ? [
            { text: operatorTexts.feedback.up, callback_data: encodeVote(1, context.questionId) },
            { text: operatorTexts.feedback.down, callback_data: encodeVote(-1, context.questionId) },
          ]
        : undefined);
    const edits = method === "editMessageText" || method === "editMessageReplyMarkup";
    if (!row || !(method === "sendMessage" || (edits && context?.voteRow))) return prev(method, payload, signal);
    const markup = (payload as { reply_markup?: InlineKeyboardMarkup }).reply_markup;
    const keyboard = markup?.inline_keyboard ?? [];
    if (keyboard.some((r) => r.some((b) => "callback_data" in b && VOTE.test(b.callback_data)))) return prev(method, payload, signal);
    return prev(method, { ...payload, reply_markup: { inline_keyboard: [...keyboard, row] } } as typeof payload, signal);
  };
}
