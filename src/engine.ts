// The answer engine: question → Answer. Knows nothing about Telegram; the bot and the
// CLI both print the Answer it returns.
import type { Answer, AnswerOptions, Engine, KnowledgeBase, Result } from "./types.ts";
import { createAnalyzer, type Analyzer } from "./text/analyze.ts";
import { normalize } from "./text/normalize.ts";
import { tokenize } from "./text/tokenize.ts";
import { splitSentences } from "./knowledge/sentences.ts";
import { pickExamples } from "./knowledge/examples.ts";
import { Bm25Index, DEFAULT_BM25, MAX_QUERY_TERMS, type Bm25Params, type Hit, type QueryTerm } from "./search/bm25.ts";
import { FuzzyVocabulary } from "./search/fuzzy.ts";
import { rootKey } from "./text/stem.ts";
import { expectedAnswerType, holdsAnswerType, type AnswerType } from "./text/answer-type.ts";
import { dialectVariants } from "./text/dialect.ts";
import { arabicForEnglish } from "./text/english.ts";

export interface EngineOptions {
  /** Share of the question's weight that the best sentence must match to count as answered. */
  minConfidence?: number;
  bm25?: Bm25Params;
  /** Weight of a word matched through a typo correction, relative to an exact match. */
  fuzzyWeight?: number;
  /** Weight of a word matched only by its root key (another form of the word). 0 turns it off. */
  rootWeight?: number;
  /** Typo correction on or off, for measuring what it brings. */
  fuzzy?: boolean;
}

/** Root keys are indexed beside the stems, marked so they never meet a stem. */
const ROOT_MARK = "~";
const STOP = Symbol("stop word");
/** A sentence opening with a pronoun or demonstrative («وهو…», «هذه…») leans on the one before it. */
const LEANS_ON_PREVIOUS = /^[\s"“«(]*(?:[وف]?(?:هو|هي|هم|هما|هن|هذا|هذه|ذلك|تلك|هولاء)|كما|لكنه|لكنها|انه|انها|وانه|وانها)(?:\s|$)/;

/**
 * Calibrated on tests/eval/article.jsonl: `npm run eval` prints the confidence
 * distributions of right answers and of out-of-scope questions, and the threshold that
 * best separates them (most right answers kept plus most out-of-scope ones refused).
 */
export const DEFAULT_MIN_CONFIDENCE = 0.25;
/** Share of the best sentence's score within which a sentence holding the asked type goes first. */
const ANSWER_TYPE_NEAR_TIE = 0.95;
/**
 * A neighbour scoring this share of the best sentence's score is quoted with it. XQuAD dev:
 * first quotes holding the answer 494 → 516 of 632, for 58 more characters a quote.
 */
const NEAR_TIE_NEIGHBOUR = 0.85;
/** Confidence kept when a "how many"/"when" question gets a quote with no number/time in it. */
const ANSWER_TYPE_PENALTY = 0.5;
export const MAX_RESULTS = 5;
export const MAX_QUOTE_LENGTH = 600;
/** Longer questions are cut here: nobody asks in more, and it bounds the work per message. */
export const MAX_QUESTION_LENGTH = 1000;

export interface RankedParagraph {
  documentId: string;
  paragraph: number;
  score: number;
}

export interface AnswerEngine extends Engine {
  /** Paragraphs best first, at most one entry per paragraph (for evaluation). */
  rankParagraphs(question: string, limit: number): RankedParagraph[];
}

interface ResolvedQuery {
  terms: QueryTerm[];
  /** Index terms the question matched, exactly or through a typo: what a quote highlights. */
  matched: Set<string>;
  /**
   * For each question word: its weight (paragraph idf over all the knowledge, × `boost`), its
   * two mask bits (word form, root key), and its form's term id, to weigh it again within
   * one document for confidence.
   */
  words: Array<{ idf: number; formBit: number; formWeight: number; rootBit: number; formId?: number; boost: number }>;
  totalWeight: number;
}

export function createEngine(knowledge: KnowledgeBase, options: EngineOptions = {}): AnswerEngine {
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const fuzzyWeight = options.fuzzyWeight ?? 0.8;
  const analyze: Analyzer = createAnalyzer(knowledge.aliases);
  const rootWeight = options.rootWeight ?? 0.7;

  // Sentences ("units") and paragraphs ("groups"), in knowledge order.
  const unitDoc: number[] = [];
  const unitParagraph: number[] = [];
  const unitSentence: number[] = [];
  const unitStart: number[] = [];
  const unitEnd: number[] = [];
  const unitGroup: number[] = [];
  let group = -1;
  knowledge.documents.forEach((doc, d) => {
    doc.paragraphs.forEach((text, p) => {
      group++;
      splitSentences(text).forEach((span, s) => {
        unitDoc.push(d);
        unitParagraph.push(p + 1);
        unitSentence.push(s + 1);
        unitStart.push(span.start);
        unitEnd.push(span.end);
        unitGroup.push(group);
      });
    });
  });
  // Each document's units are contiguous: [docStart[d], docStart[d + 1]).
  const docStart = new Array<number>(knowledge.documents.length + 1).fill(0);
  for (const d of unitDoc) docStart[d + 1]!++;
  for (let d = 0; d < knowledge.documents.length; d++) docStart[d + 1]! += docStart[d]!;

  /**
   * The question's words weighed by idf among the paragraphs of the quote's own document.
   * A word common in that article (its topic) then counts little whatever else the
   * knowledge holds, so the threshold calibrated on one article holds for a shelf of
   * them: a question on the article's topic that the article does not answer still fails.
   */
  function weighWithin(query: ResolvedQuery, d: number): ResolvedQuery {
    const paragraphs = knowledge.documents[d]!.paragraphs.length;
    const words = query.words.map((w) => {
      const df = w.formId === undefined ? 0 : index.groupDfIn(w.formId, docStart[d]!, docStart[d + 1]!);
      return { ...w, idf: Math.log(1 + (paragraphs - df + 0.5) / (df + 0.5)) * w.boost };
    });
    return { ...query, words, totalWeight: words.reduce((sum, w) => sum + w.idf, 0) };
  }

  const paragraphText = (unit: number) => knowledge.documents[unitDoc[unit]!]!.paragraphs[unitParagraph[unit]! - 1]!;
  const unitText = (unit: number) => paragraphText(unit).slice(unitStart[unit], unitEnd[unit]);
  function* unitTerms() {
    for (let u = 0; u < unitDoc.length; u++) {
      const terms = analyze(unitText(u)).map((t) => t.term);
      yield rootWeight ? [...terms, ...terms.map((t) => ROOT_MARK + rootKey(t))] : terms;
    }
  }
  const index = new Bm25Index(unitTerms(), unitGroup, options.bm25 ?? DEFAULT_BM25);

  // Typos are corrected against the index vocabulary and against single-word alias spellings.
  const vocabulary = new FuzzyVocabulary([...index.termIds.keys()].filter((term) => !term.startsWith(ROOT_MARK)));
  const aliasOf = new Map<string, string>();
  for (const { canonical, spellings } of knowledge.aliases) {
    for (const spelling of spellings) {
      const words = tokenize(spelling);
      if (words.length === 1) aliasOf.set(words[0]!.text, canonical.toLowerCase());
    }
  }
  const aliasSpellings = new FuzzyVocabulary(aliasOf.keys());
  const unitDfOf = (term: string) => index.unitDf[index.termIds.get(term)!] ?? 0;

  /** The MSA term of a dialect or English word when the index holds it (or its root); STOP for a particle. */
  function standardForm(written: string): string | typeof STOP | undefined {
    for (const variant of [...dialectVariants(written), ...arabicForEnglish(written)]) {
      // A phrase («الذكاء الاصطناعي») stands for its most telling word: the rarest in the text.
      const terms = analyze(variant).map((t) => t.term);
      if (terms.length === 0) return STOP;
      const known = terms.filter((t) => index.termIds.has(t) || index.termIds.has(ROOT_MARK + rootKey(t)));
      if (known.length) return known.reduce((a, b) => (unitDfOf(a) <= unitDfOf(b) ? a : b));
    }
    return undefined;
  }

  /** The question's words, each as an index term (exact, alias or typo-corrected) and as a root key. */
  function resolve(question: string): ResolvedQuery {
    const query: ResolvedQuery = { terms: [], matched: new Set(), words: [], totalWeight: 0 };
    const seen = new Set<string>();
    for (const { term, start, end } of analyze(question)) {
      if (seen.has(term) || query.terms.length + 2 > MAX_QUERY_TERMS) continue;
      seen.add(term);
      let form: string | undefined = term; // the index term the word is matched as
      let formWeight = 1;
      let rootSource = term;
      if (!index.termIds.has(term)) {
        formWeight = fuzzyWeight;
        const written = normalize(question.slice(start, end));
        const standard = standardForm(written);
        if (standard === STOP) continue; // a dialect particle
        form =
          aliasOf.get(aliasSpellings.closest(written) ?? "") ??
          (standard && index.termIds.has(standard) ? standard : undefined) ??
          (options.fuzzy === false ? undefined : vocabulary.closest(term, unitDfOf));
        rootSource = form ?? standard ?? term;
      }
      const formId = form === undefined ? undefined : index.termIds.get(form);
      const rootId = rootWeight ? index.termIds.get(ROOT_MARK + rootKey(rootSource)) : undefined;
      // A Latin-script word is nearly always a name; one the knowledge lacks (ChatGPT, Threads)
      // means the question is about something else, so it weighs double.
      const unknownName = formId === undefined && rootId === undefined && /^[a-z]/.test(term);
      const word = { idf: index.groupIdf(formId) * (unknownName ? 2 : 1), formBit: 0, formWeight, rootBit: 0, formId, boost: unknownName ? 2 : 1 };
      if (formId !== undefined) {
        query.matched.add(form!);
        word.formBit = 1 << query.terms.length;
        query.terms.push({ termId: formId, weight: formWeight });
      }
      if (rootId !== undefined) {
        word.rootBit = 1 << query.terms.length;
        query.terms.push({ termId: rootId, weight: rootWeight * formWeight });
      }
      query.words.push(word);
      query.totalWeight += word.idf;
    }
    return query;
  }

  /** The share of the question's weight that a mask covers: a word counts by its best match. */
  const coverage = (query: ResolvedQuery, mask: number) =>
    query.totalWeight === 0
      ? 0
      : query.words.reduce(
          (sum, w) => sum + w.idf * w.formWeight * Math.max(mask & w.formBit ? 1 : 0, mask & w.rootBit ? rootWeight : 0),
          0,
        ) / query.totalWeight;

  function unitMask(query: ResolvedQuery, unit: number): number {
    let mask = 0;
    query.terms.forEach(({ termId }, i) => {
      if (index.unitTf(unit, termId) > 0) mask |= 1 << i;
    });
    return mask;
  }

  // What a sentence holds, worked out once per sentence, on first need (0: not yet known).
  const holdsCache = { number: new Int8Array(unitDoc.length), time: new Int8Array(unitDoc.length), "leans on previous": new Int8Array(unitDoc.length) };
  function unitHolds(unit: number, what: keyof typeof holdsCache): boolean {
    const cache = holdsCache[what];
    if (cache[unit] === 0) {
      const text = unitText(unit);
      cache[unit] = (what === "leans on previous" ? LEANS_ON_PREVIOUS.test(normalize(text)) : holdsAnswerType(text, what)) ? 2 : 1;
    }
    return cache[unit] === 2;
  }

  /**
   * The sentence, or with its neighbour when the neighbour holds more of the question, holds
   * the number or time the question asks for and the sentence lacks, is joined to it by a
   * sentence opening with «وهو…» (the answer is often the referent, or what is said of it),
   * or scores nearly as well (which of the two holds the answer, words alone cannot tell).
   */
  function quoteUnits(query: ResolvedQuery, hit: Hit, type: AnswerType | undefined, scoreOf: Map<number, number>): number[] {
    const own = coverage(query, hit.unitMask);
    const lacksType = type !== undefined && !unitHolds(hit.unit, type);
    let best: { unit: number; gain: number } | undefined;
    for (const neighbour of [hit.unit - 1, hit.unit + 1]) {
      if (unitGroup[neighbour] !== hit.group) continue;
      let gain = coverage(query, unitMask(query, neighbour) | hit.unitMask) - own;
      if (lacksType && unitHolds(neighbour, type)) gain += own;
      // A sentence opening with «وهو…» belongs with the one before it, whichever of the two matched.
      if (unitHolds(Math.max(hit.unit, neighbour), "leans on previous")) gain += own;
      if ((scoreOf.get(neighbour) ?? 0) >= NEAR_TIE_NEIGHBOUR * hit.score) gain += own;
      const combined = Math.max(unitEnd[hit.unit]!, unitEnd[neighbour]!) - Math.min(unitStart[hit.unit]!, unitStart[neighbour]!);
      if (combined > MAX_QUOTE_LENGTH || gain < 0.25 * own) continue;
      if (!best || gain > best.gain) best = { unit: neighbour, gain };
    }
    return best ? [Math.min(hit.unit, best.unit), Math.max(hit.unit, best.unit)] : [hit.unit];
  }

  /**
   * A "how many"/"when" question whose best sentence holds no number or time: a sentence of
   * the same paragraph that scores nearly as well and holds one goes first. Their words tie;
   * only that one can hold the answer. (XQuAD dev: 486 → 489 quotes holding the answer.)
   */
  function preferAnswerType(hits: Hit[], type: AnswerType): void {
    const top = hits[0];
    if (!top || unitHolds(top.unit, type)) return;
    const next = hits.findIndex((h) => h.group === top.group && h.score >= ANSWER_TYPE_NEAR_TIE * top.score && unitHolds(h.unit, type));
    if (next > 0) hits.unshift(...hits.splice(next, 1));
  }

  function toResult(query: ResolvedQuery, hit: Hit, units: number[]): Result {
    const first = units[0]!;
    const last = units[units.length - 1]!;
    const text = paragraphText(first);
    let start = unitStart[first]!;
    let end = unitEnd[last]!;
    let highlights = highlightsIn(text.slice(start, end), query.matched);
    if (end - start > MAX_QUOTE_LENGTH) {
      // A very long sentence: keep the stretch around its first matched word, cut between words.
      const focus = start + (highlights[0]?.[0] ?? 0);
      start = Math.max(start, text.lastIndexOf(" ", Math.max(start, focus - 100)) + 1);
      const cut = text.lastIndexOf(" ", start + MAX_QUOTE_LENGTH);
      end = cut > start ? cut : start + MAX_QUOTE_LENGTH;
      highlights = highlightsIn(text.slice(start, end), query.matched);
    }
    const doc = knowledge.documents[unitDoc[first]!]!;
    const { examples: _examples, ...meta } = doc.meta;
    return {
      quote: text.slice(start, end).trimEnd(),
      documentId: doc.id,
      paragraph: unitParagraph[first]!,
      sentence: unitSentence[first]!,
      score: Math.round(hit.score * 1000) / 1000,
      highlights,
      document: meta,
    };
  }

  function highlightsIn(quote: string, matched: Set<string>): Array<[number, number]> {
    return analyze(quote)
      .filter((t) => matched.has(t.term))
      .map((t): [number, number] => [t.start, t.end]);
  }

  function search(question: string, limit: number): { query: ResolvedQuery; hits: Hit[] } {
    const query = resolve(question.slice(0, MAX_QUESTION_LENGTH));
    return { query, hits: query.terms.length ? index.search(query.terms, limit) : [] };
  }

  /** The answer from the sentences `keep` accepts (a follow-up: one document's). */
  function answerFrom(question: string, keep?: (hit: Hit) => boolean): Answer {
      const found = search(question, keep ? MAX_RESULTS * 40 : MAX_RESULTS * 8);
      const query = found.query;
      const hits = keep ? found.hits.filter(keep) : found.hits;
      const type = expectedAnswerType(question);
      if (type) preferAnswerType(hits, type);
      const scoreOf = new Map(hits.map((h) => [h.unit, h.score]));
      const results: Result[] = [];
      const quoted = new Set<number>();
      let firstUnits: number[] = [];
      for (const hit of hits) {
        if (quoted.has(hit.unit)) continue;
        let units = quoteUnits(query, hit, type, scoreOf);
        if (units.some((u) => quoted.has(u))) units = [hit.unit];
        units.forEach((u) => quoted.add(u));
        if (!results.length) firstUnits = units;
        results.push(toResult(query, hit, units));
        if (results.length === MAX_RESULTS) break;
      }
      // Confidence: how much of the question the best quote (its sentence or two) holds. It
      // separates answerable questions better than the paragraph's share does.
      const first = hits[0];
      let best = first ? coverage(weighWithin(query, unitDoc[first.unit]!), firstUnits.reduce((mask, unit) => mask | unitMask(query, unit), 0)) : 0;
      if (type && results[0] && !holdsAnswerType(results[0].quote, type)) best *= ANSWER_TYPE_PENALTY;
      return { question, answered: best >= minConfidence, confidence: Math.round(best * 1000) / 1000, results };
    }

  return {
    knowledge,

    answer(question, answerOptions: AnswerOptions = {}) {
      const d = answerOptions.within === undefined ? -1 : knowledge.documents.findIndex((doc) => doc.id === answerOptions.within);
      if (d >= 0) {
        const within = answerFrom(question, (hit) => unitDoc[hit.unit] === d);
        if (within.answered) return within;
      }
      return answerFrom(question);
    },

    rankParagraphs(question, limit) {
      const ranked: RankedParagraph[] = [];
      const seen = new Set<number>();
      for (const hit of search(question, limit * 20).hits) {
        if (seen.has(hit.group)) continue;
        seen.add(hit.group);
        ranked.push({ documentId: knowledge.documents[unitDoc[hit.unit]!]!.id, paragraph: unitParagraph[hit.unit]!, score: hit.score });
        if (ranked.length === limit) break;
      }
      return ranked;
    },

    paragraph(documentId, paragraph) {
      const doc = knowledge.documents.find((d) => d.id === documentId);
      return Number.isInteger(paragraph) && paragraph >= 1 ? doc?.paragraphs[paragraph - 1] : undefined;
    },

    examples(limit = 3, near?: string) {
      // Near a question: the examples of its candidates' articles first.
      const nearFirst = near === undefined ? [] : this.answer(near).results.map((result) => result.documentId);
      return pickExamples(knowledge.documents, limit, nearFirst);
    },
  };
}
