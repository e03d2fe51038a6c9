// ARCD (dev half) as a shelf of many short articles: each Wikipedia article a document,
// titled, its three paragraphs the paragraphs; the questions written in Arabic by people.
import { join } from "node:path";
import { createEngine, type EngineOptions } from "../engine.ts";
import type { KnowledgeBase, KnowledgeDocument } from "../types.ts";
import { normalize } from "../text/normalize.ts";
import { readJsonLines } from "./evaluate.ts";

interface ArcdPassage {
  id: string;
  title: string;
  text: string;
}

export interface ArcdQuestion {
  id: string;
  question: string;
  gold: string;
  answer: string;
}

export interface ShelfScore {
  questions: number;
  /** The gold paragraph ranks first / in the first three. */
  top1: number;
  recallAt3: number;
  /** Answered, and the first quote comes from the gold paragraph and holds the answer. */
  quoteHoldsAnswer: number;
  /** Share answered at all (gold paragraph present). */
  answered: number;
  /** Share refused once the question's own paragraph is removed (its article's others stay). */
  nearTopicRefused: number;
}

export function arcdArticles(dir: string): {
  knowledge: KnowledgeBase;
  questions: ArcdQuestion[];
  locate: Map<string, { documentId: string; paragraph: number }>;
} {
  const file = join(dir, "passages.jsonl");
  const documents = new Map<string, KnowledgeDocument>();
  const locate = new Map<string, { documentId: string; paragraph: number }>();
  for (const p of readJsonLines<ArcdPassage>(file)) {
    const article = p.id.split("-")[0]!;
    let doc = documents.get(article);
    if (!doc) {
      doc = { id: `arcd-${article}`, file, meta: { title: p.title, publisher: "ويكيبيديا", language: "ar" }, paragraphs: [] };
      documents.set(article, doc);
    }
    doc.paragraphs.push(p.text.trim());
    locate.set(p.id, { documentId: doc.id, paragraph: doc.paragraphs.length });
  }
  return { knowledge: { dir, documents: [...documents.values()], aliases: [] }, questions: readJsonLines<ArcdQuestion>(join(dir, "questions.jsonl")), locate };
}

/** `nearTopic: false` skips the slow part (one engine per gold paragraph). */
export function evaluateArcd(dir: string, options: Partial<EngineOptions> = {}, { nearTopic = true } = {}): ShelfScore {
  const { knowledge, questions, locate } = arcdArticles(dir);
  const engine = createEngine(knowledge, options);
  let top1 = 0;
  let recallAt3 = 0;
  let holds = 0;
  let answered = 0;
  for (const q of questions) {
    const gold = locate.get(q.gold)!;
    const isGold = (r: { documentId: string; paragraph: number }) => r.documentId === gold.documentId && r.paragraph === gold.paragraph;
    const rank = engine.rankParagraphs(q.question, 3).findIndex(isGold);
    if (rank === 0) top1++;
    if (rank >= 0) recallAt3++;
    const answer = engine.answer(q.question);
    const first = answer.results[0];
    if (answer.answered) answered++;
    if (answer.answered && first && isGold(first) && normalize(first.quote).includes(normalize(q.answer).trim())) holds++;
  }
  let refused = 0;
  if (nearTopic) {
    const byGold = new Map<string, ArcdQuestion[]>();
    for (const q of questions) byGold.set(q.gold, [...(byGold.get(q.gold) ?? []), q]);
    for (const [passage, asked] of byGold) {
      const gold = locate.get(passage)!;
      const documents = knowledge.documents.map((d) =>
        d.id === gold.documentId ? { ...d, paragraphs: d.paragraphs.filter((_, p) => p + 1 !== gold.paragraph) } : d,
      );
      const without = createEngine({ ...knowledge, documents }, options);
      for (const q of asked) if (!without.answer(q.question).answered) refused++;
    }
  }
  const n = questions.length;
  return { questions: n, top1: top1 / n, recallAt3: recallAt3 / n, quoteHoldsAnswer: holds / n, answered: answered / n, nearTopicRefused: nearTopic ? refused / n : NaN };
}
