// Floors on retrieval quality. They hold the figures in the README; a change that makes
// retrieval worse fails here.
import { describe, expect, it } from "vitest";
import { createEngine } from "../src/engine.ts";
import { loadKnowledge } from "../src/knowledge/load.ts";
import { evaluateArticle, evaluateXquad, evaluateXquadAnswers, readJsonLines, type EvalQuestion } from "../src/eval/evaluate.ts";

describe("article evaluation set", () => {
  const questions = readJsonLines<EvalQuestion>("tests/eval/article.jsonl");
  const result = evaluateArticle(createEngine(loadKnowledge("tests/fixtures/article")), questions);

  it("is large and varied enough to mean something", () => {
    expect(questions.length).toBeGreaterThanOrEqual(80);
    expect(questions.filter((q) => q.evidence.length === 0).length).toBeGreaterThanOrEqual(20);
    expect(new Set(questions.map((q) => q.kind)).size).toBeGreaterThanOrEqual(7);
  });

  it("finds the evidence first for in-scope questions, and abstains out of scope", () => {
    expect(result.inScope.top1).toBeGreaterThanOrEqual(0.85);
    expect(result.inScope.recallAt3).toBeGreaterThanOrEqual(0.95);
    // 0.786 when written: out-of-scope questions that share the article's words are the weak side
    expect(result.outOfScope.abstained).toBeGreaterThanOrEqual(0.75);
  });

  it("holds up for every way of typing", () => {
    for (const kind of result.byKind.filter((k) => k.kind !== "out_of_scope")) {
      expect(kind.top1, kind.kind).toBeGreaterThanOrEqual(0.7);
    }
  });
});

describe("second evaluation set, written apart from the first", () => {
  const result = evaluateArticle(createEngine(loadKnowledge("tests/fixtures/article")), readJsonLines<EvalQuestion>("tests/eval/article-holdout.jsonl"));
  it("holds up on questions the pipeline was not built around", () => {
    expect(result.inScope.questions).toBeGreaterThanOrEqual(60);
    expect(result.inScope.top1).toBeGreaterThanOrEqual(0.8);
    expect(result.outOfScope.abstained).toBeGreaterThanOrEqual(0.8);
  });
});

// Written apart from the code by someone told to paraphrase as group-chat users do. 2, 5
// and 6 were then used to develop against, 3 only to check changes, 4 only to report.
// Figures when written (top-1 / out of scope abstained): 2: 0.714 / 0.833, 3: 0.800 / 0.767,
// 4: 0.786 / 0.667, 5: 0.714 / 0.833, 6: 0.871 / 0.733.
describe.each([
  ["tests/eval/article-holdout2.jsonl", 0.7, 0.8],
  ["tests/eval/article-holdout3.jsonl", 0.75, 0.7],
  ["tests/eval/article-holdout4.jsonl", 0.75, 0.6],
  ["tests/eval/article-holdout5.jsonl", 0.7, 0.8],
  ["tests/eval/article-holdout6.jsonl", 0.85, 0.7],
])("paraphrased evaluation set %s", (file, top1, abstained) => {
  const result = evaluateArticle(createEngine(loadKnowledge("tests/fixtures/article")), readJsonLines<EvalQuestion>(file));
  it("answers most paraphrased questions with the right quote, and abstains on most off-topic ones", () => {
    expect(result.inScope.questions).toBe(70);
    expect(result.inScope.top1).toBeGreaterThanOrEqual(top1);
    expect(result.outOfScope.abstained).toBeGreaterThanOrEqual(abstained);
  });
});

describe("XQuAD-ar passage retrieval", () => {
  const [all, dev, test] = evaluateXquad("tests/data/xquad-ar");
  it("beats Lucene BM25 with its ArabicAnalyzer (top-1 0.885)", () => {
    expect(all!.questions).toBe(1190);
    expect(all!.top1).toBeGreaterThanOrEqual(0.89);
    expect(all!.recallAt3).toBeGreaterThanOrEqual(0.955);
    expect(all!.mrrAt10).toBeGreaterThanOrEqual(0.925);
    expect(dev!.top1).toBeGreaterThanOrEqual(0.89);
    expect(test!.top1).toBeGreaterThanOrEqual(0.89);
  });
});

describe("XQuAD-ar answers", () => {
  const [all] = evaluateXquadAnswers("tests/data/xquad-ar");
  it("quotes the gold answer itself for most questions (0.723 when written)", () => {
    expect(all!.quoteHoldsAnswer).toBeGreaterThanOrEqual(0.7);
  });
  it("abstains on most questions whose passage is missing but whose article is there (0.739 when written)", () => {
    expect(all!.nearTopicAbstained).toBeGreaterThanOrEqual(0.72);
  });
});
