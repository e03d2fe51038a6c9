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

/** Each XQuAD passage becomes a one-paragraph knowledge document (the benchmarks' flat corpus). */
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

/** A passage benchmark as the product sees knowledge: articles of paragraphs, questions with their gold paragraph. */
export interface PassageSet {
  knowledge: KnowledgeBase;
  questions: Array<{ id: string; question: string; gold: string; answer: string; split?: string }>;
  locate: Map<string, { documentId: string; paragraph: number }>;
}

export interface PassageScore {
  split: string;
  questions: number;
  /** The gold paragraph ranks first / in the first three; reciprocal rank within ten. */
  top1: number;
  recallAt3: number;
  mrrAt10: number;
  /** Answered, and the first quote comes from the gold paragraph and holds the gold answer. */
  quoteHoldsAnswer: number;
  /** Share answered at all, with the gold paragraph there. */
  answered: number;
  /** Share refused once the question's own paragraph is removed (its article's others stay). NaN when not measured. */
  nearTopicRefused: number;
  /**
   * Articles can repeat a paragraph (ARCD's near-copies): the same refusal share, of the
   * questions whose answer no other paragraph of their article writes; and how many do.
   */
  nearTopicRefusedAnswerGone: number;
  answerElsewhere: number;
  /** Answered, and the first quote holds the gold answer and comes from the question's article (any paragraph). */
  quoteHoldsAnswerInArticle: number;
}

/**
 * Text as a gold answer is compared with a quote: normalised, with runs of spaces as one (as
 * SQuAD's evaluation does): ARCD's answers write one space where the article has two
 * («رياضيّ،  ثقافيّ»).
 */
const comparable = (text: string) => normalize(text).replace(/\s+/g, " ").trim();

/** Articles titled and paragraphed as in `passages.jsonl` ("<article>-<paragraph>" ids, a title each). */
export function passageArticles(dir: string): PassageSet {
  const file = join(dir, "passages.jsonl");
  const documents = new Map<string, KnowledgeBase["documents"][number]>();
  const locate = new Map<string, { documentId: string; paragraph: number }>();
  for (const p of readJsonLines<XquadPassage>(file)) {
    const article = p.id.split("-")[0]!;
    let doc = documents.get(article);
    if (!doc) {
      doc = { id: `article-${article}`, file, meta: { title: p.title, publisher: "Wikipedia", language: "ar" }, paragraphs: [] };
      documents.set(article, doc);
    }
    doc.paragraphs.push(p.text.trim());
    locate.set(p.id, { documentId: doc.id, paragraph: doc.paragraphs.length });
  }
  return { knowledge: { dir, documents: [...documents.values()], aliases: [] }, questions: readJsonLines(join(dir, "questions.jsonl")), locate };
}

/**
 * Passage ranks and what a user would see, per split ("all" first). The near-topic part
 * builds one engine per gold paragraph, so it takes seconds; `nearTopic: false` skips it.
 */
export function evaluatePassages(set: PassageSet, options: Partial<EngineOptions> = {}, { splits = [] as string[], nearTopic = true } = {}): PassageScore[] {
  const { knowledge, questions, locate } = set;
  const engine = createEngine(knowledge, options);
  const row = new Map<string, { rank: number; holds: boolean; holdsInArticle: boolean; answered: boolean; refused: boolean; elsewhere: boolean }>();
  const documentById = new Map(knowledge.documents.map((d) => [d.id, d]));
  for (const q of questions) {
    const gold = locate.get(q.gold)!;
    const isGold = (r: { documentId: string; paragraph: number }) => r.documentId === gold.documentId && r.paragraph === gold.paragraph;
    const rank = engine.rankParagraphs(q.question, 10).findIndex(isGold);
    const answer = engine.answer(q.question);
    const first = answer.results[0];
    const asked = comparable(q.answer);
    const holdsInArticle = answer.answered && !!first && first.documentId === gold.documentId && comparable(first.quote).includes(asked);
    const elsewhere = documentById.get(gold.documentId)!.paragraphs.some((text, p) => p + 1 !== gold.paragraph && comparable(text).includes(asked));
    row.set(q.id, { rank: rank < 0 ? Infinity : rank + 1, holds: holdsInArticle && isGold(first!), holdsInArticle, answered: answer.answered, refused: false, elsewhere });
  }
  if (nearTopic) {
    for (const [passage, gold] of locate) {
      const asked = questions.filter((q) => q.gold === passage);
      if (!asked.length) continue;
      const documents = knowledge.documents.map((d) =>
        d.id === gold.documentId ? { ...d, paragraphs: d.paragraphs.filter((_, p) => p + 1 !== gold.paragraph) } : d,
      );
      const without = createEngine({ ...knowledge, documents }, options);
      for (const q of asked) row.get(q.id)!.refused = !without.answer(q.question).answered;
    }
  }
  const score = (split: string, subset: typeof questions): PassageScore => {
    const rows = subset.map((q) => row.get(q.id)!);
    const share = (test: (r: (typeof rows)[number]) => boolean) => rows.filter(test).length / rows.length;
    return {
      split,
      questions: rows.length,
      top1: share((r) => r.rank === 1),
      recallAt3: share((r) => r.rank <= 3),
      mrrAt10: rows.reduce((sum, r) => sum + (r.rank <= 10 ? 1 / r.rank : 0), 0) / rows.length,
      quoteHoldsAnswer: share((r) => r.holds),
      answered: share((r) => r.answered),
      nearTopicRefused: nearTopic ? share((r) => r.refused) : NaN,
      nearTopicRefusedAnswerGone: nearTopic ? rows.filter((r) => !r.elsewhere && r.refused).length / rows.filter((r) => !r.elsewhere).length : NaN,
      answerElsewhere: rows.filter((r) => r.elsewhere).length,
      quoteHoldsAnswerInArticle: share((r) => r.holdsInArticle),
    };
  };
  return [score("all", questions), ...splits.map((split) => score(split, questions.filter((q) => q.split === split)))];
}
