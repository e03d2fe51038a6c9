// Floors on retrieval quality, set by set, as `npm run eval` prints them side by side. They
// hold the figures in the README (a little below them): a change that makes retrieval worse
// on any shelf fails here.
import { describe, expect, it } from "vitest";
import { passageRows, QUESTION_SETS, questionSetRow } from "../src/eval/report.ts";
import { evaluatePassages, readJsonLines, type EvalQuestion } from "../src/eval/evaluate.ts";

const set = (name: string) => QUESTION_SETS.find((s) => s.set === name)!;

describe("the evaluation sets", () => {
  it("are large and varied enough to mean something", () => {
    const article = readJsonLines<EvalQuestion>(set("article").questions);
    expect(article.length).toBeGreaterThanOrEqual(80);
    expect(new Set(article.map((q) => q.kind)).size).toBeGreaterThanOrEqual(7);
    for (const name of ["shelf", "shelf-holdout", "shelf-holdout2", "shelf-holdout3", "shelf-holdout4", "shelf-holdout5", "shelf-holdout6", "shelf-holdout7"]) {
      const questions = readJsonLines<EvalQuestion>(set(name).questions);
      expect(questions.length, name).toBeGreaterThanOrEqual(100);
      expect(questions.filter((q) => q.kind === "out_of_scope").length, name).toBeGreaterThanOrEqual(26);
      expect(questions.filter((q) => q.kind.startsWith("details")).length, name).toBeGreaterThanOrEqual(8);
    }
  });
});

// [set, top-1 floor, out-of-scope refused floor]; figures when written in the README.
describe.each([
  ["article", 0.92, 0.87],
  ["article-holdout", 0.92, 0.8],
  // Written apart from the code by someone told to paraphrase as group-chat users do.
  ["article-holdout2", 0.7, 0.9],
  ["article-holdout3", 0.82, 0.85],
  ["article-holdout4", 0.78, 0.78],
  ["article-holdout5", 0.75, 0.87],
  ["article-holdout6", 0.83, 0.77],
  // Operator shelves of four articles each; the second was only measured for three rounds (README).
  ["shelf", 0.83, 0.67],
  ["shelf-holdout", 0.85, 0.84],
  // Written in the fifth round and measured once before anything changed for it (README).
  ["shelf-holdout2", 0.93, 0.55],
  // Written in the eleventh round by another writer, measured once before anything changed for it (README).
  ["shelf-holdout3", 0.72, 0.66],
  // Written in the twelfth round by another writer, likewise.
  ["shelf-holdout4", 0.77, 0.72],
  // Written in the thirteenth round by another writer, likewise.
  ["shelf-holdout5", 0.73, 0.5],
  // Written in the fourteenth round by another writer: first reading top-1 0.732, refused 0.500.
  ["shelf-holdout6", 0.74, 0.5],
  // Written in the fifteenth round by another writer: first reading top-1 0.744, refused 0.607.
  ["shelf-holdout7", 0.73, 0.68],
])("question set %s", (name, top1, refused) => {
  const row = questionSetRow(set(name));
  it(`answers with the right quote first (≥ ${top1}) and refuses what it does not cover (≥ ${refused})`, () => {
    expect(row.top1).toBeGreaterThanOrEqual(top1);
    expect(row.refused).toBeGreaterThanOrEqual(refused);
    if (row.details) expect(row.details.right).toBe(row.details.of);
  });
});

describe("a passage set's measures", () => {
  it("compare a gold answer with the quote whatever runs of spaces the article writes", () => {
    const text = "نادي الهلال السعودي هو نادٍ رياضيّ،  ثقافيّ، اجتماعيّ سعودي أُسس عام 1957.";
    const set = {
      knowledge: { dir: "(test)", aliases: [], documents: [{ id: "hilal", file: "(test)", meta: { title: "نادي الهلال السعودي", publisher: "Wikipedia", language: "ar" }, paragraphs: [text] }, { id: "other", file: "(test)", meta: { title: "كرة السلة", publisher: "Wikipedia", language: "ar" }, paragraphs: ["كرة السلة رياضة جماعية."] }] },
      questions: [{ id: "q", question: "ما هو نادي الهلال السعودي؟", gold: "hilal-1", answer: "هو نادٍ رياضيّ، ثقافيّ، اجتماعيّ" }],
      locate: new Map([["hilal-1", { documentId: "hilal", paragraph: 1 }]]),
    };
    expect(evaluatePassages(set, {}, { nearTopic: false })[0]!.quoteHoldsAnswer).toBe(1);
  });
});

describe("passage benchmarks", () => {
  const rows = new Map(passageRows().map((r) => [r.set, r]));
  it("ARCD dev: native Arabic questions over 155 short articles", () => {
    const arcd = rows.get("ARCD dev")!;
    expect(arcd.questions).toBe(702);
    expect(arcd.top1).toBeGreaterThanOrEqual(0.76); // Lucene BM25 + ArabicAnalyzer: 0.661
    expect(arcd.recallAt3).toBeGreaterThanOrEqual(0.9);
    expect(arcd.quoteHoldsAnswer).toBeGreaterThanOrEqual(0.645);
    expect(arcd.refused).toBeGreaterThanOrEqual(0.615);
  });
  it("ARCD dev, counting its articles' repeated paragraphs: an answer another paragraph also writes", () => {
    const { copies } = rows.get("ARCD dev")!;
    // Near-copies of paragraphs: a fixed property of the data, which the measures below rest on.
    expect(copies!.answerElsewhere).toBe(185);
    expect(copies!.quoteHoldsAnswerInArticle).toBeGreaterThanOrEqual(0.68);
    expect(copies!.nearTopicRefusedAnswerGone).toBeGreaterThanOrEqual(0.72);
  });
  it("XQuAD-ar: beats Lucene BM25 with its ArabicAnalyzer (top-1 0.885), on both splits", () => {
    const all = rows.get("XQuAD-ar")!;
    expect(all.questions).toBe(1190);
    expect(all.top1).toBeGreaterThanOrEqual(0.9);
    expect(all.recallAt3).toBeGreaterThanOrEqual(0.955);
    expect(rows.get("XQuAD-ar dev")!.top1).toBeGreaterThanOrEqual(0.9);
    expect(rows.get("XQuAD-ar test")!.top1).toBeGreaterThanOrEqual(0.89);
    expect(all.quoteHoldsAnswer).toBeGreaterThanOrEqual(0.69);
    expect(all.refused).toBeGreaterThanOrEqual(0.84);
  });
});
