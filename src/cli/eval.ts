// npm run eval                                → every set side by side (the article's, the shelves', ARCD, XQuAD-ar)
// npm run eval -- --set FILE [--knowledge DIR] → one question set in detail, by kind, with the confidence distributions
// Options: --json, --failures (with --set), --min-confidence X
import { parseArgs } from "node:util";
import { createEngine, DEFAULTS } from "../engine.ts";
import { loadKnowledge } from "../knowledge/load.ts";
import { evaluateArticle, readJsonLines, type EvalQuestion } from "../eval/evaluate.ts";
import { allRows, formatRows } from "../eval/report.ts";

const pct = (x: number) => (x * 100).toFixed(1).padStart(5) + "%";

function main() {
  const { values } = parseArgs({
    options: {
      knowledge: { type: "string" },
      set: { type: "string" },
      json: { type: "boolean", default: false },
      failures: { type: "boolean", default: false },
      "min-confidence": { type: "string" },
    },
  });
  const options = values["min-confidence"] === undefined ? {} : { minConfidence: Number(values["min-confidence"]) };

  if (!values.set) {
    const started = performance.now();
    const rows = allRows(options);
    if (values.json) return console.log(JSON.stringify(rows));
    console.log(`Every evaluation set, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    console.log(formatRows(rows));
    return;
  }

  const engine = createEngine(loadKnowledge(values.knowledge ?? process.env.KNOWLEDGE_DIR ?? "knowledge"), options);
  const result = evaluateArticle(engine, readJsonLines<EvalQuestion>(values.set));
  if (values.json) return console.log(JSON.stringify(result));
  console.log(`Question set ${values.set}`);
  console.log("| kind | questions | top-1 | R@3 | abstained |\n|---|---:|---:|---:|---:|");
  for (const s of [...result.byKind, result.inScope, result.outOfScope]) {
    console.log(`| ${s.kind} | ${s.questions} | ${pct(s.top1)} | ${pct(s.recallAt3)} | ${pct(s.abstained)} |`);
  }
  // The threshold is chosen from these two distributions: in-scope answers found vs out-of-scope.
  const quantiles = (xs: number[]) => [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1].map((q) => xs.sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]?.toFixed(2)).join(" ");
  const correct = result.confidences.filter((c) => c.correct).map((c) => c.confidence);
  const outside = result.confidences.filter((c) => !c.inScope).map((c) => c.confidence);
  console.log(`\nconfidence quantiles (0 10 25 50 75 90 100%)\n  in scope, right quote: ${quantiles(correct)}\n  out of scope:          ${quantiles(outside)}`);
  console.log(`  the engine answers from ${options.minConfidence ?? DEFAULTS.minConfidence}`);
  if (values.failures) for (const f of result.failures) console.log(`  ✗ ${f.id} [${f.kind}] ${f.question} → ${f.got}`);
}

try {
  main();
} catch (error) {
  console.error(`eval: ${(error as Error).message}`);
  process.exit(1);
}
