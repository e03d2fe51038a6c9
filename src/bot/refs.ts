// From button data back to the knowledge, and from the knowledge to button data.
import type { MaybeInaccessibleMessage } from "grammy/types";
import type { Engine, KnowledgeDocument } from "../types.ts";
import { documentKey, type ExampleRef, parseAction } from "./callback-data.ts";

/** The document a button names, or undefined when it is gone. */
export function documentByKey(engine: Engine, key: string): KnowledgeDocument | undefined {
  return engine.knowledge.documents.find((doc) => documentKey(doc.id) === key);
}

/** Where an example question comes from: its document and place in that document's list. */
export function exampleRef(engine: Engine, question: string): ExampleRef | undefined {
  for (const doc of engine.knowledge.documents) {
    const index = doc.meta.examples?.indexOf(question) ?? -1;
    if (index >= 0) return { document: documentKey(doc.id), index };
  }
  return undefined;
}

/** The example question a button names, or undefined when it is gone. */
export function exampleQuestion(engine: Engine, ref: ExampleRef): string | undefined {
  return documentByKey(engine, ref.document)?.meta.examples?.[ref.index];
}

/**
 * The article one of the bot's answers quotes: named by its «الفقرة كاملة» button, or by
 * the title in its source line when the buttons are gone.
 */
export function answeredDocument(engine: Engine, message: MaybeInaccessibleMessage | undefined): KnowledgeDocument | undefined {
  if (!message || message.date === 0) return undefined;
  for (const button of ("reply_markup" in message ? message.reply_markup?.inline_keyboard ?? [] : []).flat()) {
    const action = "callback_data" in button ? parseAction(button.callback_data) : undefined;
    if (action?.kind === "paragraph") return documentByKey(engine, action.document);
  }
  const text = "text" in message ? message.text : undefined;
  if (!text?.includes("📖")) return undefined;
  // Latin runs are wrapped in direction isolates (isolateLatin): read past them.
  const source = text.slice(text.lastIndexOf("📖")).replace(/[\u2066-\u2069]/g, "");
  return engine.knowledge.documents.find((doc) => source.includes(`«${doc.meta.title}»`));
}
