// Every evaluation set side by side: the shipped article's sets, operator shelves, ARCD
// and XQuAD-ar. `npm run eval` prints it; tests/eval.test.ts holds floors on it.
import { basename } from "node:path";
import { createEngine, type EngineOptions } from "../engine.ts";
import { loadKnowledge } from "../knowledge/load.ts";
import { evaluateArticle, evaluatePassages, passageArticles, readJsonLines, type EvalQuestion } from "./evaluate.ts";

export interface SetRow {
  set: string;
  /** "article"/"shelf": questions with evidence; "passages": questions with a gold paragraph. */
  kind: "questions" | "passages";
  questions: number;
  /** Questions: answered with the evidence in the first quote. Passages: gold paragraph first. */
  top1: number;
  recallAt3: number;
  /** Answered, and the first quote holds the answer (passages; for questions the same as top-1). */
  quoteHoldsAnswer: number;
  /** Share of answerable questions answered. */
  answered: number;
  /** Out-of-scope questions refused (questions), or near-topic ones (passages: own paragraph removed). */
  refused: number;
  /** Questions about an article's details answered right, of how many (questions sets only). */
  details?: { right: number; of: number };
  /** Passage sets: the same measures where an article repeats its paragraphs (evaluate.ts, `PassageScore`). */
  copies?: { answerElsewhere: number; quoteHoldsAnswerInArticle: number; nearTopicRefusedAnswerGone: number };
}

export interface QuestionSet {
  set: string;
  knowledge: string;
  questions: string;
}

/** The sets in this repository: the article's, the shelves', and the two passage benchmarks. */
export const QUESTION_SETS: QuestionSet[] = [
  ...["article", "article-holdout", "article-holdout2", "article-holdout3", "article-holdout4", "article-holdout5", "article-holdout6"].map(
    (set) => ({ set, knowledge: "tests/fixtures/article", questions: `tests/eval/${set}.jsonl` }),
  ),
  { set: "shelf", knowledge: "tests/fixtures/shelf", questions: "tests/eval/shelf.jsonl" },
  { set: "shelf-holdout", knowledge: "tests/fixtures/shelf-holdout", questions: "tests/eval/shelf-holdout.jsonl" },
  { set: "shelf-holdout2", knowledge: "tests/fixtures/shelf-holdout2", questions: "tests/eval/shelf-holdout2.jsonl" },
  { set: "shelf-holdout3", knowledge: "tests/fixtures/shelf-holdout3", questions: "tests/eval/shelf-holdout3.jsonl" },
  { set: "shelf-holdout4", knowledge: "tests/fixtures/shelf-holdout4", questions: "tests/eval/shelf-holdout4.jsonl" },
  { set: "shelf-holdout5", knowledge: "tests/fixtures/shelf-holdout5", questions: "tests/eval/shelf-holdout5.jsonl" },
  { set: "shelf-holdout6", knowledge: "tests/fixtures/shelf-holdout6", questions: "tests/eval/shelf-holdout6.jsonl" },
  { set: "shelf-holdout7", knowledge: "tests/fixtures/shelf-holdout7", questions: "tests/eval/shelf-holdout7.jsonl" },
];
export const ARCD_DIR = "tests/data/arcd-dev";
export const XQUAD_DIR = "tests/data/xquad-ar";

export function questionSetRow({ set, knowledge, questions }: QuestionSet, options: Partial<EngineOptions> = {}): SetRow {
  const asked = readJsonLines<EvalQuestion>(questions);
  const result = evaluateArticle(createEngine(loadKnowledge(knowledge), options), asked);
  const details = result.byKind.filter((k) => k.kind.startsWith("details"));
  const detailCount = details.reduce((n, k) => n + k.questions, 0);
  return {
    set,
    kind: "questions",
    questions: asked.length,
    top1: result.inScope.top1,
    recallAt3: result.inScope.recallAt3,
    quoteHoldsAnswer: result.inScope.top1,
    answered: 1 - result.inScope.abstained,
    refused: result.outOfScope.abstained,
    ...(detailCount && { details: { right: Math.round(details.reduce((n, k) => n + k.top1 * k.questions, 0)), of: detailCount } }),
  };
}

export function passageRows(options: Partial<EngineOptions> = {}, { nearTopic = true } = {}): SetRow[] {
  const toRow = (set: string) => (s: ReturnType<typeof evaluatePassages>[number]): SetRow => ({
    set: s.split === "all" ? set : `${set} ${s.split}`,
    kind: "passages",
    questions: s.questions,
    top1: s.top1,
    recallAt3: s.recallAt3,
    quoteHoldsAnswer: s.quoteHoldsAnswer,
    answered: s.answered,
    refused: s.nearTopicRefused,
    copies: { answerElsewhere: s.answerElsewhere, quoteHoldsAnswerInArticle: s.quoteHoldsAnswerInArticle, nearTopicRefusedAnswerGone: s.nearTopicRefusedAnswerGone },
  });
  return [
    ...evaluatePassages(passageArticles(ARCD_DIR), options, { nearTopic }).map(toRow("ARCD dev")),
    ...evaluatePassages(passageArticles(XQUAD_DIR), options, { nearTopic, splits: ["dev", "test"] }).map(toRow("XQuAD-ar")),
  ];
}

export function allRows(options: Partial<EngineOptions> = {}): SetRow[] {
  return [...QUESTION_SETS.map((set) => questionSetRow(set, options)), ...passageRows(options)];
}

export function formatRows(rows: SetRow[]): string {
  const f = (x: number) => (Number.isNaN(x) ? "–" : x.toFixed(3));
  const lines = [
    "| set | questions | top-1 | R@3 | first quote holds the answer | answered | refused (out of scope / near-topic) | details |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of rows) {
    const details = r.details ? `${r.details.right}/${r.details.of}` : "–";
    lines.push(`| ${r.set} | ${r.questions} | ${f(r.top1)} | ${f(r.recallAt3)} | ${f(r.quoteHoldsAnswer)} | ${f(r.answered)} | ${f(r.refused)} | ${details} |`);
  }
  const copied = rows.filter((r) => r.copies?.answerElsewhere);
  if (copied.length) {
    // ARCD's articles hold near-copies of their paragraphs: a question's answer is then also
    // in another paragraph, whose quote holds it as well and which stays when the question's
    // own paragraph is removed.
    lines.push(
      "",
      "| passage set | questions whose answer another paragraph of the article also writes | first quote holds the answer, from any paragraph of its article | near-topic refused, of the questions whose answer no other paragraph writes |",
      "|---|---:|---:|---:|",
      ...copied.map((r) => `| ${r.set} | ${r.copies!.answerElsewhere} | ${f(r.copies!.quoteHoldsAnswerInArticle)} | ${f(r.copies!.nearTopicRefusedAnswerGone)} |`),
    );
  }
  return lines.join("\n");
}

export const setName = (file: string) => basename(file, ".jsonl");
