// Reading the question out of a message, and what is not worth a search.
import type { Message, MessageEntity } from "grammy/types";
import { MAX_QUESTION_LENGTH } from "./texts.ts";

export type QuestionProblem = "tooLong" | "htmlLike" | "noWords";
export type QuestionCheck = { ok: true; question: string } | { ok: false; problem: QuestionProblem };

const HTML_TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/i;
const MENTION = /(^|[^\w@])@\w{2,32}(?!\w)/g;

/** Rejects what is not worth a search, saying why. */
export function checkQuestion(text: string): QuestionCheck {
  const question = text.trim();
  if (question.length > MAX_QUESTION_LENGTH) return { ok: false, problem: "tooLong" };
  if (HTML_TAG.test(question)) return { ok: false, problem: "htmlLike" };
  // @mentions alone ("@someone 🙂") and tatweel (a "letter" to Unicode) are no words to search for.
  if (!/[\p{L}\p{N}]/u.test(question.replace(MENTION, "").replace(/\u0640/g, ""))) return { ok: false, problem: "noWords" };
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

/** Whether text (or a caption) starts with a command, by its entities. */
export function isCommand(entities: MessageEntity[] | undefined): boolean {
  const first = entities?.[0];
  return first?.type === "bot_command" && first.offset === 0;
}

/** The message replied to — but not the topic's first message, which forum topics set implicitly. */
export function realReplyTarget(message: Message): Message | undefined {
  const target = message.reply_to_message;
  if (!target) return undefined;
  if (message.is_topic_message && target.message_id === message.message_thread_id) return undefined;
  return target;
}

/** "@ThisBot" anywhere in the text as a whole word (usernames are [A-Za-z0-9_]). */
export function mentions(text: string, username: string): boolean {
  return new RegExp(`(^|[^\\w@])@${username}(?!\\w)`, "i").test(text);
}
