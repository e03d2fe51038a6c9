// npm run eval                          → the article's evaluation set, by kind
// npm run eval -- --xquad DIR           → XQuAD-ar passage retrieval (top-1, R@3, MRR@10),
//                                          then answers (quote holds the answer, near-topic abstained)
// Options: --knowledge DIR, --set FILE, --json, --failures
import { parseArgs } from "node:util";
import { createEngine, DEFAULT_MIN_CONFIDENCE } from "../engine.ts";
import { loadKnowledge } from "../knowledge/load.ts";
import { evaluateArticle, evaluateXquad, evaluateXquadAnswers, readJsonLines, type EvalQuestion } from "../eval/evaluate.ts";

const pct = (x: number) => (x * 100).toFixed(1).padStart(5) + "%";

function main() {
  const { values } = parseArgs({
    options: {
      xquad: { type: "string" },
      knowledge: { type: "string" },
      set: { type: "string", default: "tests/eval/article.jsonl" },
      json: { type: "boolean", default: false },
      failures: { type: "boolean", default: false },
      "min-confidence": { type: "string" },
    },
  });

  if (values.xquad) {
    const started = performance.now();
    const scores = evaluateXquad(values.xquad);
    const answers = evaluateXquadAnswers(values.xquad);
    if (values.json) return console.log(JSON.stringify({ passages: scores, answers }));
    console.log(`XQuAD-ar passage retrieval (${values.xquad}), ${((performance.now() - started) / 1000).toFixed(1)} s`);
    console.log("| split | questions | top-1 | R@3 | MRR@10 |\n|---|---:|---:|---:|---:|");
    for (const s of scores) console.log(`| ${s.split} | ${s.questions} | ${s.top1.toFixed(3)} | ${s.recallAt3.toFixed(3)} | ${s.mrrAt10.toFixed(3)} |`);
    console.log("\nAnswers: the first quote holds the gold answer; abstained once the gold passage is removed");
    console.log("| split | questions | quote holds answer | near-topic abstained |\n|---|---:|---:|---:|");
    for (const s of answers) console.log(`| ${s.split} | ${s.questions} | ${s.quoteHoldsAnswer.toFixed(3)} | ${s.nearTopicAbstained.toFixed(3)} |`);
    return;
  }

  const minConfidence = values["min-confidence"] === undefined ? undefined : Number(values["min-confidence"]);
  const engine = createEngine(loadKnowledge(values.knowledge ?? process.env.KNOWLEDGE_DIR ?? "knowledge"), { minConfidence });
  const result = evaluateArticle(engine, readJsonLines<EvalQuestion>(values.set!));
  if (values.json) return console.log(JSON.stringify(result));
  console.log(`Article evaluation (${values.set})`);
  console.log("| kind | questions | top-1 | R@3 | abstained |\n|---|---:|---:|---:|---:|");
  for (const s of [...result.byKind, result.inScope, result.outOfScope]) {
    console.log(`| ${s.kind} | ${s.questions} | ${pct(s.top1)} | ${pct(s.recallAt3)} | ${pct(s.abstained)} |`);
  }
  // The threshold is chosen from these two distributions: in-scope answers found vs out-of-scope.
  const quantiles = (xs: number[]) => [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1].map((q) => xs.sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]?.toFixed(2)).join(" ");
  const correct = result.confidences.filter((c) => c.correct).map((c) => c.confidence);
  const outside = result.confidences.filter((c) => !c.inScope).map((c) => c.confidence);
  console.log(`\nconfidence quantiles (0 10 25 50 75 90 100%)\n  in scope, right quote: ${quantiles(correct)}\n  out of scope:          ${quantiles(outside)}`);
  const thresholds = Array.from({ length: 33 }, (_, i) => i * 0.025);
  const separation = (t: number) => correct.filter((c) => c >= t).length / Math.max(1, result.inScope.questions) + outside.filter((c) => c < t).length / Math.max(1, outside.length);
  const suggested = thresholds.reduce((a, b) => (separation(b) > separation(a) ? b : a));
  console.log(`  threshold that separates them best: ${suggested.toFixed(3)} (engine uses ${DEFAULT_MIN_CONFIDENCE})`);
  if (values.failures) for (const f of result.failures) console.log(`  ✗ ${f.id} [${f.kind}] ${f.question} → ${f.got}`);
}

try {
  main();
} catch (error) {
  console.error(`eval: ${(error as Error).message}`);
  process.exit(1);
}
