// Every inline keyboard the bot sends; all button data goes through callback-data.ts.
import { InlineKeyboard } from "grammy";
import type { Answer, Engine, Result } from "../types.ts";
import { documentKey, encodeAction, type ExampleRef, type PagedList, type ResultRef } from "./callback-data.ts";
import { exampleRef } from "./refs.ts";
import { texts } from "./texts.ts";

export function hasButtons(keyboard: InlineKeyboard): boolean {
  return keyboard.inline_keyboard.some((row) => row.length > 0);
}

/** «الفقرة كاملة» for a result; `back` says which result «رجوع إلى الاقتباس» returns to. */
export function paragraphButton(result: Result, back?: ResultRef) {
  const action = { kind: "paragraph", document: documentKey(result.documentId), paragraph: result.paragraph } as const;
  return InlineKeyboard.text(texts.buttons.fullParagraph, encodeAction(back ? { ...action, back } : action));
}

/** Buttons under result `index`: «نتيجة أخرى» when there is a next one, «الفقرة كاملة». */
export function answerKeyboard(answer: Answer, index: number, example?: ExampleRef): InlineKeyboard {
  const result = answer.results[index];
  if (!result) return new InlineKeyboard();
  const row = [];
  if (index + 1 < answer.results.length) {
    row.push(InlineKeyboard.text(texts.buttons.nextResult, encodeAction({ kind: "next", result: index + 1, example })));
  }
  // An article's details have no paragraph to open.
  if (result.source !== "details") row.push(paragraphButton(result, { result: index, ...(example && { example }) }));
  return new InlineKeyboard([row]);
}

/** Under a whole paragraph: the way back to the quote it was opened from. */
export function paragraphKeyboard(back: ResultRef | undefined): InlineKeyboard {
  if (!back) return new InlineKeyboard();
  return new InlineKeyboard([[InlineKeyboard.text(texts.buttons.backToQuote, encodeAction({ kind: "next", ...back }))]]);
}

/** One button per example question (one per row); pressing it asks that question. */
export function examplesKeyboard(engine: Engine, examples: string[]): InlineKeyboard {
  return InlineKeyboard.from(
    examples.flatMap((question) => {
      const ref = exampleRef(engine, question);
      return ref ? [[InlineKeyboard.text(question, encodeAction({ kind: "example", example: ref }))]] : [];
    }),
  );
}

/** «السابق» and «المزيد» between the pages of a long list. */
export function pageKeyboard(list: PagedList, page: number, pages: number): InlineKeyboard {
  const row = [];
  if (page > 0) row.push(InlineKeyboard.text(texts.buttons.previous, encodeAction({ kind: "page", list, page: page - 1 })));
  if (page + 1 < pages) row.push(InlineKeyboard.text(texts.buttons.more, encodeAction({ kind: "page", list, page: page + 1 })));
  return new InlineKeyboard([row]);
}
