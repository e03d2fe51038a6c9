// Stage 4, ranking: the order of the retrieved sentences. BM25 decides, except where
// its words tie and something else tells which sentence can hold the answer.
import type { Hit } from "../search/bm25.ts";
import type { EngineOptions } from "./options.ts";
import type { Question } from "./question.ts";
import type { SentenceTable } from "./sentences.ts";

/**
 * Candidates best first (in place):
 * - BM25 score (sentence + paragraph + title fields), ties by position in the knowledge;
 * - a "how many"/"when" question whose best sentence holds no number or time: a sentence
 *   of the same paragraph within `answerTypeNearTie` of its score that holds one goes first.
 *   Their words tie; only that one can hold the answer.
 */
export function rank(hits: Hit[], question: Question, table: SentenceTable, options: EngineOptions): Hit[] {
  const type = question.type;
  const top = hits[0];
  if (type && top && !table.holds(top.unit, type)) {
    const next = hits.findIndex((h) => h.group === top.group && h.score >= options.answerTypeNearTie * top.score && table.holds(h.unit, type));
    if (next > 0) hits.unshift(...hits.splice(next, 1));
  }
  return hits;
}
