// Retrieval quality, measured the same way by `npm run eval` and by the test that holds
// its floors.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createEngine, type AnswerEngine, type EngineOptions } from "../engine.ts";
import type { Answer, KnowledgeBase } from "../types.ts";
import { normalize } from "../text/normalize.ts";

export interface EvalQuestion {
  id: string;
  question: string;
  kind: string;
  /** Exact substrings of the article; a correct quote holds one of them. Empty: out of scope. */
  evidence: string[];
}

export interface KindScore {
  kind: string;
  questions: number;
  /** In scope: answered, and the first quote holds the evidence. */
  top1: number;
  /** In scope: one of the first 3 quotes holds the evidence (answered or not). */
  recallAt3: number;
  /** Out of scope: share abstained. */
  abstained: number;
}

export interface ArticleEval {
  byKind: KindScore[];
  inScope: KindScore;
  outOfScope: KindScore;
  /** Confidence of the best hit, per question, for calibrating the threshold. */
  confidences: Array<{ id: string; inScope: boolean; correct: boolean; confidence: number }>;
  failures: Array<{ id: string; question: string; kind: string; got: string }>;
}

export function readJsonLines<T>(file: string): T[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line, i) => {
      try {
        return JSON.parse(line) as T;
      } catch {
        throw new Error(`${file}:${i + 1}: not valid JSON`);
      }
    });
}

export function evaluateArticle(engine: AnswerEngine, questions: EvalQuestion[]): ArticleEval {
  const rows = questions.map((q) => {
    const answer = engine.answer(q.question);
    // A detail the article's front matter lacks: right when the first result says so from the details, inventing nothing.
    const unknownDetail = q.kind === "details_unknown";
    const holds = (rank: number) => {
      const result = answer.results[rank];
      if (unknownDetail) return result?.source === "details" && !/https?:|\d{4}-\d\d/.test(result.quote);
      return q.evidence.some((e) => result?.quote.includes(e));
    };
    const inScope = q.evidence.length > 0 || unknownDetail;
    return {
      q,
      answer,
      inScope,
      first: inScope && holds(0),
      top1: inScope && answer.answered && holds(0),
      r3: inScope && [0, 1, 2].some(holds),
      abstained: !answer.answered,
    };
  });
  const score = (kind: string, subset: typeof rows): KindScore => {
    const n = subset.length || 1;
    return {
      kind,
      questions: subset.length,
      top1: subset.filter((r) => r.top1).length / n,
      recallAt3: subset.filter((r) => r.r3).length / n,
      abstained: subset.filter((r) => r.abstained).length / n,
    };
  };
  const kinds = [...new Set(questions.map((q) => q.kind))];
  return {
    byKind: kinds.map((kind) => score(kind, rows.filter((r) => r.q.kind === kind))),
    inScope: score("in scope", rows.filter((r) => r.inScope)),
    outOfScope: score("out of scope", rows.filter((r) => !r.inScope)),
    confidences: rows.map((r) => ({
      id: r.q.id,
      inScope: r.inScope,
      correct: r.first,
      confidence: r.answer.confidence,
    })),
    failures: rows
      .filter((r) => (r.inScope ? !r.top1 : !r.abstained))
      .map((r) => ({ id: r.q.id, question: r.q.question, kind: r.q.kind, got: describe(r.answer) })),
  };
}

function describe(answer: Answer): string {
  const first = answer.results[0];
  return `${answer.answered ? "answered" : "abstained"}${first ? ` ¶${first.paragraph}.${first.sentence}: ${first.quote.slice(0, 70)}` : ""}`;
}

export interface XquadPassage {
  id: string;
  title: string;
  text: string;
}

export interface XquadQuestion {
  id: string;
  question: string;
  gold: string;
  answer: string;
  split: "dev" | "test";
}

export interface RankScore {
  split: string;
  questions: number;
  top1: number;
  recallAt3: number;
  mrrAt10: number;
}

/** Each XQuAD passage becomes a one-paragraph knowledge document. */
export function xquadKnowledge(dir: string): { knowledge: KnowledgeBase; questions: XquadQuestion[] } {
  const passages = readJsonLines<XquadPassage>(join(dir, "passages.jsonl"));
  const questions = readJsonLines<XquadQuestion>(join(dir, "questions.jsonl"));
  const documents = passages.map((p) => ({
    id: p.id,
    file: join(dir, "passages.jsonl"),
    meta: { title: p.title, publisher: "Wikipedia (XQuAD)", language: "ar" },
    paragraphs: [p.text.trim()],
  }));
  return { knowledge: { dir, documents, aliases: [] }, questions };
}

export interface AnswerScore {
  split: string;
  questions: number;
  /** Gold passage indexed: answered, and the first quote holds the gold answer text. */
  quoteHoldsAnswer: number;
  /** Gold passage removed (its siblings from the same Wikipedia article stay): share abstained. */
  nearTopicAbstained: number;
}

/**
 * What a user would see: does the first quote hold the answer, and does the engine abstain
 * when the one passage that answers is missing but its near-topic siblings are there?
 * The second builds one index per gold passage, so it takes a few seconds.
 */
export function evaluateXquadAnswers(dir: string, options: Partial<EngineOptions> = {}, splits = ["dev", "test"]): AnswerScore[] {
  const { knowledge, questions, locate } = xquadArticles(dir);
  const full = createEngine(knowledge, options);
  const holds = new Map<string, boolean>();
  for (const q of questions) {
    const answer = full.answer(q.question);
    const first = answer.results[0];
    const gold = locate.get(q.gold)!;
    holds.set(
      q.id,
      answer.answered &&
        first?.documentId === gold.documentId &&
        first.paragraph === gold.paragraph &&
        normalize(first.quote).includes(normalize(q.answer).trim()),
    );
  }
  const abstained = new Map<string, boolean>();
  for (const [passage, gold] of locate) {
    const documents = knowledge.documents.map((d) =>
      d.id === gold.documentId ? { ...d, paragraphs: d.paragraphs.filter((_, p) => p + 1 !== gold.paragraph) } : d,
    );
    const without = createEngine({ ...knowledge, documents }, options);
    for (const q of questions) if (q.gold === passage) abstained.set(q.id, !without.answer(q.question).answered);
  }
  const score = (split: string, subset: XquadQuestion[]): AnswerScore => ({
    split,
    questions: subset.length,
    quoteHoldsAnswer: subset.filter((q) => holds.get(q.id)).length / subset.length,
    nearTopicAbstained: subset.filter((q) => abstained.get(q.id)).length / subset.length,
  });
  return [score("all", questions), ...splits.map((split) => score(split, questions.filter((q) => q.split === split)))];
}

/**
 * XQuAD as the product sees knowledge: each Wikipedia article a document, its passages
 * the paragraphs. `locate` gives each passage id its place.
 */
export function xquadArticles(dir: string): {
  knowledge: KnowledgeBase;
  questions: XquadQuestion[];
  locate: Map<string, { documentId: string; paragraph: number }>;
} {
  const passages = readJsonLines<XquadPassage>(join(dir, "passages.jsonl"));
  const questions = readJsonLines<XquadQuestion>(join(dir, "questions.jsonl"));
  const documents = new Map<string, KnowledgeBase["documents"][number]>();
  const locate = new Map<string, { documentId: string; paragraph: number }>();
  for (const p of passages) {
    let doc = documents.get(p.title);
    if (!doc) {
      doc = { id: p.title, file: join(dir, "passages.jsonl"), meta: { title: p.title, publisher: "Wikipedia (XQuAD)", language: "ar" }, paragraphs: [] };
      documents.set(p.title, doc);
    }
    doc.paragraphs.push(p.text.trim());
    locate.set(p.id, { documentId: doc.id, paragraph: doc.paragraphs.length });
  }
  return { knowledge: { dir, documents: [...documents.values()], aliases: [] }, questions, locate };
}

export function evaluateXquad(dir: string, options: Partial<EngineOptions> = {}, splits = ["dev", "test"]): RankScore[] {
  const { knowledge, questions, locate } = xquadArticles(dir);
  const engine = createEngine(knowledge, options);
  const ranks = questions.map((q) => {
    const gold = locate.get(q.gold)!;
    const rank = engine.rankParagraphs(q.question, 10).findIndex((r) => r.documentId === gold.documentId && r.paragraph === gold.paragraph);
    return { split: q.split, rank: rank < 0 ? Infinity : rank + 1 };
  });
  const score = (split: string, subset: typeof ranks): RankScore => ({
    split,
    questions: subset.length,
    top1: subset.filter((r) => r.rank === 1).length / subset.length,
    recallAt3: subset.filter((r) => r.rank <= 3).length / subset.length,
    mrrAt10: subset.reduce((sum, r) => sum + (r.rank <= 10 ? 1 / r.rank : 0), 0) / subset.length,
  });
  return [score("all", ranks), ...splits.map((split) => score(split, ranks.filter((r) => r.split === split)))];
}
