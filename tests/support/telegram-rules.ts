// What Telegram accepts in the calls this bot makes, as a list of problems (empty = fine).
// Texts in parse_mode HTML go through parseTelegramHtml (Telegram's HTML subset: known
// tags only, balanced, "&" "<" ">" escaped); limits are Telegram's documented ones.
import { parseTelegramHtml } from "../../src/playground/fake-telegram.ts";

export const MAX_TEXT = 4096; // characters after entity parsing
export const MAX_CALLBACK_DATA_BYTES = 64;
export const MAX_CALLBACK_ANSWER = 200;
export const MAX_INLINE_RESULTS = 50;
export const MAX_INLINE_ID_BYTES = 64;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Problems of one message text as sent with `parseMode` (Telegram needs valid UTF-8, 1–4096 visible characters). */
export function textProblems(text: unknown, parseMode: unknown, where = "text"): string[] {
  if (typeof text !== "string") return [`${where}: not a string`];
  const problems: string[] = [];
  if (LONE_SURROGATE.test(text)) problems.push(`${where}: lone surrogate (not valid UTF-8)`);
  let visible = text;
  if (parseMode === "HTML") {
    const parsed = parseTelegramHtml(text);
    if (!parsed.ok) return [...problems, `${where}: invalid HTML: ${parsed.error}`];
    visible = parsed.text;
  } else if (parseMode !== undefined) problems.push(`${where}: unexpected parse_mode ${String(parseMode)}`);
  const trimmed = visible.trim();
  if (trimmed.length === 0) problems.push(`${where}: empty after parsing`);
  if (trimmed.length > MAX_TEXT) problems.push(`${where}: ${trimmed.length} characters after parsing (max ${MAX_TEXT})`);
  return problems;
}

/** Problems of an inline keyboard: non-empty rows, button texts, callback_data of 1–64 bytes. */
export function keyboardProblems(markup: unknown, where = "reply_markup"): string[] {
  if (markup === undefined) return [];
  const rows = (markup as { inline_keyboard?: unknown }).inline_keyboard;
  if (!Array.isArray(rows)) return [`${where}: no inline_keyboard`];
  const problems: string[] = [];
  for (const row of rows) {
    if (!Array.isArray(row) || row.length === 0) problems.push(`${where}: an empty row`);
    for (const button of Array.isArray(row) ? row : []) {
      if (typeof button?.text !== "string" || button.text.trim() === "") problems.push(`${where}: a button without text`);
      else if (LONE_SURROGATE.test(button.text)) problems.push(`${where}: lone surrogate in a button`);
      if ("callback_data" in button) {
        const bytes = Buffer.byteLength(String(button.callback_data), "utf8");
        if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) problems.push(`${where}: callback_data of ${bytes} bytes`);
      }
    }
  }
  return problems;
}

/** Everything wrong with one outgoing Bot API call, as Telegram would see it. */
export function telegramProblems(method: string, payload: Record<string, any>): string[] {
  const problems: string[] = [];
  switch (method) {
    case "sendMessage":
    case "editMessageText":
      problems.push(...textProblems(payload.text, payload.parse_mode));
      problems.push(...keyboardProblems(payload.reply_markup));
      break;
    case "answerCallbackQuery":
      // A toast: plain text, 0–200 characters.
      if (payload.text !== undefined) {
        if (typeof payload.text !== "string" || payload.text.length > MAX_CALLBACK_ANSWER) problems.push("callback answer: over 200 characters");
        else if (LONE_SURROGATE.test(payload.text)) problems.push("callback answer: lone surrogate");
      }
      break;
    case "answerInlineQuery": {
      const results: any[] = payload.results ?? [];
      if (!Array.isArray(results)) return ["results: not an array"];
      if (results.length > MAX_INLINE_RESULTS) problems.push(`${results.length} inline results (max 50)`);
      const ids = new Set<string>();
      results.forEach((result, i) => {
        const where = `result ${i}`;
        const id = String(result.id);
        const bytes = Buffer.byteLength(id, "utf8");
        if (bytes < 1 || bytes > MAX_INLINE_ID_BYTES) problems.push(`${where}: id of ${bytes} bytes`);
        if (ids.has(id)) problems.push(`${where}: duplicate id ${id}`);
        ids.add(id);
        if (typeof result.title !== "string" || result.title.trim() === "") problems.push(`${where}: no title`);
        else if (LONE_SURROGATE.test(result.title)) problems.push(`${where}: lone surrogate in the title`);
        if (typeof result.description === "string" && LONE_SURROGATE.test(result.description)) {
          problems.push(`${where}: lone surrogate in the description`);
        }
        const content = result.input_message_content ?? {};
        problems.push(...textProblems(content.message_text, content.parse_mode, `${where} message_text`));
        problems.push(...keyboardProblems(result.reply_markup, `${where} reply_markup`));
      });
      if (payload.button !== undefined && (typeof payload.button.text !== "string" || payload.button.text === "")) {
        problems.push("inline button: no text");
      }
      break;
    }
    default:
      break;
  }
  return problems;
}
