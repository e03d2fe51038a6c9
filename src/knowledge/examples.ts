// Which example questions to offer. Kept apart from the engine so any engine can use it.
import type { KnowledgeDocument } from "../types.ts";

/**
 * Up to `limit` example questions from the documents' `examples`. Documents named in
 * `nearFirst` (e.g. the articles of a question's candidates, best first) give theirs
 * first, in that order; the rest take turns, so every article is offered.
 */
export function pickExamples(documents: readonly KnowledgeDocument[], limit: number, nearFirst: readonly string[] = []): string[] {
  const picked: string[] = [];
  const take = (question: string) => {
    if (picked.length < limit && !picked.includes(question)) picked.push(question);
  };
  const near = new Set(nearFirst);
  for (const id of near) for (const question of documents.find((doc) => doc.id === id)?.meta.examples ?? []) take(question);
  const lists = documents.filter((doc) => !near.has(doc.id)).map((doc) => doc.meta.examples ?? []);
  for (let i = 0; picked.length < limit && lists.some((list) => i < list.length); i++) {
    for (const list of lists) if (i < list.length) take(list[i]!);
  }
  return picked;
}
