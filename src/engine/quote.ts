// Stage 5, quote building: which sentences a result quotes (one, or two adjacent ones),
// the window of a sentence too long to quote whole, and the words to highlight.
import type { Hit } from "../search/bm25.ts";
import type { Analyzer } from "../text/analyze.ts";
import type { Result } from "../types.ts";
import { coverage } from "./coverage.ts";
import type { EngineOptions } from "./options.ts";
import type { Question } from "./question.ts";
import type { Query } from "./query.ts";
import type { SentenceTable } from "./sentences.ts";

/** A long sentence's first matched word is looked for in at most this many characters. */
const FOCUS_SEARCH_LENGTH = 20_000;

export interface QuoteContext {
  table: SentenceTable;
  analyze: Analyzer;
  options: EngineOptions;
  /** Global weight of each question word, and the query terms a sentence holds. */
  weights: number[];
  maskOf(sentence: number): number;
}

/**
 * The sentence, or with its neighbour when the neighbour holds more of the question, holds
 * the number or time the question asks for and the sentence lacks, is joined to it by a
 * sentence opening with «وهو…» (the answer is often the referent, or what is said of it),
 * or scores nearly as well (which of the two holds the answer, words alone cannot tell).
 * A sentence shorter than `shortSentence` characters is quoted with the next one.
 */
export function quoteSentences(query: Query, question: Question, hit: Hit, scoreOf: Map<number, number>, context: QuoteContext): number[] {
  const { table, options, weights } = context;
  const type = question.type;
  const own = coverage(query, weights, hit.unitMask, options.rootWeight);
  const lacksType = type !== undefined && !table.holds(hit.unit, type);
  let best: { sentence: number; gain: number } | undefined;
  for (const neighbour of [hit.unit - 1, hit.unit + 1]) {
    if (!table.sameParagraph(hit.unit, neighbour)) continue;
    let gain = coverage(query, weights, context.maskOf(neighbour) | hit.unitMask, options.rootWeight) - own;
    if (lacksType && table.holds(neighbour, type)) gain += own;
    if (table.holds(Math.max(hit.unit, neighbour), "leans on previous")) gain += own;
    if ((scoreOf.get(neighbour) ?? 0) >= options.nearTieNeighbour * hit.score) gain += own;
    const length = Math.max(table.end[hit.unit]!, table.end[neighbour]!) - Math.min(table.start[hit.unit]!, table.start[neighbour]!);
    if (length > options.maxQuoteLength || gain < options.neighbourMinGain * own) continue;
    if (!best || gain > best.gain) best = { sentence: neighbour, gain };
  }
  // A short sentence alone often stops before its answer («تأسست البورصة في 1817…» before
  // «أعيد تأسيسها في أبريل 1991»): it is quoted with the sentence that follows it.
  const next = hit.unit + 1;
  if (!best && table.end[hit.unit]! - table.start[hit.unit]! < options.shortSentence && table.sameParagraph(hit.unit, next) && table.end[next]! - table.start[hit.unit]! <= options.maxQuoteLength) {
    return [hit.unit, next];
  }
  return best ? [Math.min(hit.unit, best.sentence), Math.max(hit.unit, best.sentence)] : [hit.unit];
}

/** The result quoting `sentences` (adjacent, of one paragraph). */
export function toResult(query: Query, hit: Hit, sentences: number[], context: QuoteContext): Result {
  const { table, options } = context;
  const first = sentences[0]!;
  const text = table.paragraphText(first);
  const sentencesEnd = table.end[sentences[sentences.length - 1]!]!;
  let start = table.start[first]!;
  let end = sentencesEnd;
  if (end - start > options.maxQuoteLength) {
    // A very long sentence: keep the stretch around its first matched word, cut between
    // words, and never past the quoted sentences' end.
    const focus = firstMatch(text, start, Math.min(end, start + FOCUS_SEARCH_LENGTH), query, context.analyze);
    start = Math.max(start, text.lastIndexOf(" ", Math.max(start, focus - options.quoteLead)) + 1);
    end = Math.min(sentencesEnd, start + options.maxQuoteLength);
    const cut = text.lastIndexOf(" ", end);
    if (end < sentencesEnd && cut > start) end = cut;
  }
  const quote = text.slice(start, end).trimEnd();
  const document = table.documents[table.documentOfSentence(first)]!;
  const { examples: _examples, ...meta } = document.meta;
  let highlights: Result["highlights"] | undefined;
  return {
    quote,
    documentId: document.id,
    paragraph: table.paragraphNumber[table.paragraphOf[first]!]!,
    sentence: table.numberInParagraph[first]!,
    score: Math.round(hit.score * 1000) / 1000,
    // Worked out when first read: tokenising every result's quote was a quarter of the time
    // per question, and a reply shows one result.
    get highlights() {
      return (highlights ??= highlightsIn(quote, query.matched, context.analyze));
    },
    document: meta,
  };
}

function firstMatch(text: string, from: number, to: number, query: Query, analyze: Analyzer): number {
  const found = analyze(text.slice(from, to)).find((t) => query.matched.has(t.term));
  return from + (found?.start ?? 0);
}

export function highlightsIn(quote: string, matched: Set<string>, analyze: Analyzer): Array<[number, number]> {
  return analyze(quote)
    .filter((t) => matched.has(t.term))
    .map((t): [number, number] => [t.start, t.end]);
}
