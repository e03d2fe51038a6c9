// Stage 4, ranking: the order of the retrieved sentences. BM25 decides, except where
// its words tie and something else tells which sentence can hold the answer.
import type { Hit } from "../search/bm25.ts";
import type { EngineOptions } from "./options.ts";
import type { Question } from "./question.ts";
import type { Query } from "./query.ts";
import type { Candidates } from "./retrieval.ts";
import type { SentenceTable } from "./sentences.ts";

/**
 * Candidates best first:
 * - BM25 score (sentence + paragraph + title fields), ties by position in the knowledge;
 * - a definition question («ما هو X؟») whose X is the best candidate's article's subject
 *   (its title): the article's opening sentence goes first, since that is where an article
 *   says what its subject is;
 * - a "how many"/"when" question whose best sentence holds no number or time: a sentence
 *   of the same paragraph within `answerTypeNearTie` of its score that holds one goes first.
 *   Their words tie; only that one can hold the answer.
 */
export function rank({ hits, titleMask }: Candidates, question: Question, query: Query, table: SentenceTable, options: EngineOptions): Hit[] {
  preferOpening(hits, question, query, titleMask, table);
  preferAnswerType(hits, question, table, options);
  return hits;
}

/** Does a definition question name the subject of document d (its title), and little else? */
export function asksForSubject(question: Question, query: Query, titleMask: Map<number, number>, d: number): boolean {
  const inTitle = titleMask.get(d) ?? 0;
  if (!question.definition || !inTitle) return false;
  // Every word but at most one framing word («تعريف», «معنى») names the subject.
  const outside = query.words.filter((_, i) => !(inTitle & (1 << i))).length;
  return outside <= 1 && outside < query.words.length;
}

function preferOpening(hits: Hit[], question: Question, query: Query, titleMask: Map<number, number>, table: SentenceTable): void {
  const top = hits[0];
  if (!top) return;
  const d = table.documentOfSentence(top.unit);
  if (!asksForSubject(question, query, titleMask, d)) return;
  const at = hits.findIndex((h) => h.unit === table.firstSentence[d]);
  if (at > 0) hits.unshift(...hits.splice(at, 1));
}

function preferAnswerType(hits: Hit[], question: Question, table: SentenceTable, options: EngineOptions): void {
  const type = question.type;
  const top = hits[0];
  if (!type || !top || table.holds(top.unit, type)) return;
  const next = hits.findIndex((h) => h.group === top.group && h.score >= options.answerTypeNearTie * top.score && table.holds(h.unit, type));
  if (next > 0) hits.unshift(...hits.splice(next, 1));
}
