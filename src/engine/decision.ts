// Stage 6, the answer/abstain decision. Confidence is how much of the question the first
// quote holds; below `minConfidence` the engine abstains rather than quote something
// that does not answer.
import type { Bm25Index } from "../search/bm25.ts";
import { coverage } from "./coverage.ts";
import type { EngineOptions } from "./options.ts";
import type { Query } from "./query.ts";
import type { SentenceTable } from "./sentences.ts";

export interface DecisionInputs {
  /** Share of the question's weight the quote holds, each word weighed within the quote's article. */
  quoteCoverage: number;
  /** Does the quote hold the number or time the question asks for? Undefined: it asks for neither. */
  holdsAskedType: boolean | undefined;
}

export function confidence(inputs: DecisionInputs, options: EngineOptions): number {
  let value = inputs.quoteCoverage;
  // "How many"/"when" with no number or time in the quote: it matches the topic, not the answer.
  if (inputs.holdsAskedType === false) value *= options.answerTypePenalty;
  return value;
}

/**
 * The question's words weighed by idf among the paragraphs of one document. A word common
 * in that article (its topic) then counts little whatever else the knowledge holds, so a
 * question on the article's topic that the article does not answer still fails.
 */
export function weightsWithin(query: Query, document: number, table: SentenceTable, index: Bm25Index): number[] {
  const first = table.firstSentence[document]!;
  const end = table.firstSentence[document + 1]!;
  const paragraphs = table.firstParagraph[document + 1]! - table.firstParagraph[document]!;
  return query.words.map((w) => {
    const df = w.formId === undefined ? 0 : index.groupDfIn(w.formId, first, end);
    return Math.log(1 + (paragraphs - df + 0.5) / (df + 0.5)) * w.boost;
  });
}

export function decisionInputs(
  query: Query,
  quoted: number[],
  quote: string,
  askedType: "number" | "time" | undefined,
  table: SentenceTable,
  index: Bm25Index,
  maskOf: (sentence: number) => number,
  options: EngineOptions,
  holdsType: (text: string, type: "number" | "time") => boolean,
): DecisionInputs {
  const weights = weightsWithin(query, table.documentOfSentence(quoted[0]!), table, index);
  const mask = quoted.reduce((m, s) => m | maskOf(s), 0);
  return {
    quoteCoverage: coverage(query, weights, mask, options.rootWeight),
    holdsAskedType: askedType === undefined ? undefined : holdsType(quote, askedType),
  };
}
