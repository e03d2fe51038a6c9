// The answer engine: question → Answer, as a chain of stages, each its own module:
// sentence table → question analysis → query (with word look-ups) → candidate retrieval
// → ranking → quotes → answer/abstain. Knows nothing about Telegram.
import { FuzzyVocabulary } from "../search/fuzzy.ts";
import { createAnalyzer } from "../text/analyze.ts";
import { isRootTerm, rootTerm } from "../text/expand.ts";
import type { Answer, AnswerOptions, Engine, KnowledgeBase, Result } from "../types.ts";
import type { Hit } from "../search/bm25.ts";
import { confidence, decisionInputs, numberBeside, weightsWithin, type DecisionInputs, type Quoted, type WordInDecision } from "./decision.ts";
import { sentenceMask } from "./coverage.ts";
import { namesByKey, singleWordAliases, type LookupContext } from "./lookup.ts";
import { withDefaults, type EngineOptions } from "./options.ts";
import { analyzeQuestion, type Question } from "./question.ts";
import { asksWhereFrom, detailResults, detailsQuestion, type DetailsQuestion } from "./details.ts";
import { buildQuery, holdsWord, type Query } from "./query.ts";
import { quoteSentences, toResult, type QuoteContext } from "./quote.ts";
import { askedPartScore, asksForSubject, rank, type PairContext } from "./ranking.ts";
import { buildIndexes, retrieve } from "./retrieval.ts";
import { SentenceTable } from "./sentences.ts";
import { pickExamples } from "../knowledge/examples.ts";

export interface RankedParagraph {
  documentId: string;
  paragraph: number;
  score: number;
}

export interface AnswerEngine extends Engine {
  /** Paragraphs best first, at most one entry per paragraph (for evaluation). */
  rankParagraphs(question: string, limit: number): RankedParagraph[];
  /** The answer, with the inputs of its answer/abstain decision (for evaluation and `npm run ask -- --explain`). */
  explain(question: string, options?: AnswerOptions): Explained;
}

/** An answer with what decided it: the decision's inputs, and each question word's part in them. */
export interface Explained {
  answer: Answer;
  inputs?: DecisionInputs;
  words?: WordInDecision[];
}

export function createEngine(knowledge: KnowledgeBase, overrides: Partial<EngineOptions> = {}): AnswerEngine {
  const options = withDefaults(overrides);
  const analyze = createAnalyzer(knowledge.aliases);
  const table = new SentenceTable(knowledge);
  const indexes = buildIndexes(table, analyze, options);
  const index = indexes.sentences;
  const sentenceDf = (term: string) => index.unitDf[index.termIds.get(term) ?? -1] ?? 0;
  const aliasOf = singleWordAliases(knowledge.aliases);
  const lookup: LookupContext = {
    vocabulary: { has: (term) => index.termIds.has(term), sentenceDf },
    analyze,
    aliasOf,
    aliasSpellings: new FuzzyVocabulary(aliasOf.keys()),
    words: options.fuzzy ? new FuzzyVocabulary(indexWords()) : undefined,
    names: () => (names ??= options.transliteration ? namesByKey(indexWords(), lookup.spellings) : new Map()),
    spellings: (term) => analyze.cutSpellings(term),
    found: new Map(),
    meetInParagraph: (a, b) => {
      const [x, y] = [index.termIds.get(a), index.termIds.get(b)];
      return x !== undefined && y !== undefined && index.shareGroup(x, y);
    },
    wordsBeside: (term, side) => {
      const id = index.termIds.get(term);
      const found = new Set<string>();
      if (id === undefined) return found;
      termsById ??= [...index.termIds.keys()];
      // A name's first hundred mentions say who stands beside it; more would only cost time.
      for (const sentence of index.unitsOf(id, 100)) {
        const sequence = index.unitSequence(sentence);
        sequence.forEach((t, i) => {
          const beside = sequence[i + side];
          if (t === id && beside !== undefined) found.add(termsById![beside]!);
        });
      }
      return found;
    },
  };
  let termsById: string[] | undefined;
  let names: Map<string, string[]> | undefined;
  // Each index term's root-key term id (-1: none), built on the first question that needs it.
  let rootOfTerm: Int32Array | undefined;
  function rootIds() {
    const ids = new Int32Array(index.termIds.size).fill(-1);
    for (const [term, id] of index.termIds) if (!isRootTerm(term)) ids[id] = index.termIds.get(rootTerm(term)) ?? -1;
    return ids;
  }
  const pairs: PairContext = {
    sequenceOf: (sentence) => index.unitSequence(sentence),
    rootOf: (termId) => (rootOfTerm ??= rootIds())[termId]!,
    weightsIn: (query, document) => weightsWithin(query, document, table, index, 0),
    termScore: (sentence, termId, weight) => index.termScore(sentence, termId, weight),
    numberBeside: (sentence, focus, sharesCount) => numberBeside(table.text(sentence), focus, analyze, options.countSpan, sharesCount),
  };
  function indexWords() {
    return [...index.termIds.keys()].filter((term) => !isRootTerm(term));
  }

  function search(question: Question, limit: number) {
    const query = buildQuery(question, index, indexes.titles, lookup, options);
    return { question, query, ...retrieve(query, indexes, table, options, limit) };
  }

  function quoteContext(query: Query): QuoteContext {
    const maskOf = (sentence: number) => sentenceMask(query, (termId) => index.unitTf(sentence, termId) > 0);
    return { table, analyze, options, maskOf, weights: query.words.map((w) => index.groupIdf(w.formId) * w.boost) };
  }

  /** The answer from the sentences `keep` accepts (a follow-up: one document's), and what decided it. */
  function answerFrom(text: string, question: Question, keep?: (hit: Hit) => boolean): Explained {
    const found = search(question, keep ? options.candidates * 5 : options.candidates);
    const { query, titleMask } = found;
    const hits = rank(keep ? { ...found, hits: found.hits.filter(keep) } : found, question, query, table, options, pairs);
    const context = quoteContext(query);
    const scoreOf = new Map(hits.map((h) => [h.unit, h.score]));
    const results: Result[] = [];
    const quoted = new Set<number>();
    let first: Quoted | undefined;
    for (const hit of hits) {
      if (quoted.has(hit.unit)) continue;
      let sentences = quoteSentences(query, question, hit, scoreOf, context);
      if (sentences.some((s) => quoted.has(s))) sentences = [hit.unit];
      sentences.forEach((s) => quoted.add(s));
      const result = toResult(query, hit, sentences, context);
      if (!first) {
        const d = table.documentOfSentence(hit.unit);
        // It names the subject, as an article's opening does: an opening that never writes the
        // subject's name is some other paragraph's, once the article's own is gone.
        const mask = sentences.reduce((m, s) => m | context.maskOf(s), 0);
        const inTitle = titleMask.get(d) ?? 0;
        const namesSubject = query.words.every((w, i) => !(inTitle & (1 << i)) || holdsWord(mask, w));
        const definesSubject = sentences[0] === table.firstSentence[d] && asksForSubject(question, query, titleMask, d) && namesSubject;
        first = { sentences, quote: result.quote, definesSubject };
      }
      results.push(result);
      if (results.length === options.maxResults) break;
    }
    // A rival paragraph of the quote's article must match the question's other words: the
    // title's only say which article (decision.ts, `runnerUpShare`).
    const scoreInArticle = hits[0] && askedPartScore(query, titleMask, table.documentOfSentence(hits[0].unit), pairs, 0);
    const decided = first
      ? decisionInputs(question, query, first, { table, index, analyze, maskOf: context.maskOf, titleMask, globalWeights: context.weights, hits, scoreInArticle, followUp: keep !== undefined, options })
      : undefined;
    const value = decided ? confidence(decided.inputs, options) : 0;
    return { answer: { question: text, answered: value >= options.minConfidence, confidence: Math.round(value * 1000) / 1000, results }, ...decided };
  }

  function explain(question: string, answerOptions: AnswerOptions = {}): Explained {
    const d = answerOptions.within === undefined ? -1 : knowledge.documents.findIndex((doc) => doc.id === answerOptions.within);
    const analyzed = analyzeQuestion(question, analyze, options);
    const details = detailsQuestion(analyzed) ?? asksWhereFrom(analyzed);
    if (details) return { answer: answerDetails(question, details, d) };
    if (d >= 0) {
      const within = answerFrom(question, analyzed, (hit) => table.documentOfSentence(hit.unit) === d);
      if (within.answer.answered) return within;
    }
    return answerFrom(question, analyzed);
  }

  /** The details asked for, of the article the question names (or replies about, or the only one). */
  function answerDetails(question: string, details: DetailsQuestion, within: number): Answer {
    const subject = details.subject.map((w) => w.text).join(" ");
    const named = subject ? search(analyzeQuestion(subject, analyze, options), options.candidates) : undefined;
    const best = named?.hits[0] && table.documentOfSentence(rank(named, named.question, named.query, table, options)[0]!.unit);
    // Else the article the conversation is about, else every article (each with its details).
    const documents = best !== undefined ? [best] : within >= 0 ? [within] : knowledge.documents.slice(0, options.maxResults).map((_, i) => i);
    const results = documents.flatMap((i) => detailResults(knowledge.documents[i]!, details.fields)).slice(0, options.maxResults);
    return { question, answered: results.length > 0, confidence: results.length ? 1 : 0, results };
  }

  return {
    knowledge,

    answer: (question: string, answerOptions?: AnswerOptions) => explain(question, answerOptions).answer,
    explain,

    rankParagraphs(question, limit) {
      const ranked: RankedParagraph[] = [];
      const seen = new Set<number>();
      const found = search(analyzeQuestion(question, analyze, options), limit * 20);
      for (const hit of rank(found, found.question, found.query, table, options, pairs)) {
        if (seen.has(hit.group)) continue;
        seen.add(hit.group);
        const d = table.documentOf[hit.group]!;
        ranked.push({ documentId: knowledge.documents[d]!.id, paragraph: table.paragraphNumber[hit.group]!, score: hit.score });
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
