// In-process measurements on one corpus: build time, memory held after a GC, and
// per-question latency for our engine and the baselines, on the same questions.
//
// Noise: the machine may be busy. The systems are therefore run interleaved, in
// ROUNDS rounds (ours on its share of the questions, then each baseline on its
// share), so that a slow stretch hits all of them alike, and ratios are taken on
// exactly the questions a baseline ran.
import { basePassageId, rng, type Corpus, type Query } from "./corpora.ts";
import { memoryAfterGc, summarize, type LatencySummary, type Memory } from "./stats.ts";
import type { System, SystemSpec } from "./systems.ts";

const ROUNDS = 20;
/** Warm-up: this many questions for ours; baselines stop earlier when slow. */
const WARMUP_QUERIES = 300;
const BASELINE_WARMUP_MS = 1_000;
const warmed = new Set<string>();

export interface Budget {
  /** Most questions a baseline runs (a seeded sample of all of them). */
  maxQueries: number;
  /** Most time a baseline may spend on timed questions. */
  maxMs: number;
}

export interface SystemResult {
  name: string;
  buildMs: number;
  /** Memory its index holds: the growth after building it, after a GC (MB). */
  memory: Memory;
  latency: LatencySummary;
  /** Of the questions offered: how many ran, and why it stopped early. */
  queries: { offered: number; ran: number; cappedBy?: "queries" | "time" };
  /** Share of questions whose first result is (a copy of) the passage they were written on. */
  top1?: number;
  /** Ours on exactly the questions this baseline ran. */
  versusOurs?: { ours: LatencySummary; p50Ratio: number; p95Ratio: number; p99Ratio: number; meanRatio: number };
  /** Ours only: plain questions and questions with a typo, apart. */
  byKind?: { plain: LatencySummary; typo: LatencySummary };
}

export interface CorpusResult {
  corpus: string;
  label: string;
  passages: number;
  documents: number;
  systems: SystemResult[];
}

interface Running {
  spec: SystemSpec;
  system: System;
  result: SystemResult;
  /** Question indexes, in the order it runs them. */
  plan: number[];
  latencies: Map<number, number>;
  hits: number;
  spentMs: number;
}

export function measureCorpus(
  corpus: Corpus,
  queries: Query[],
  specs: SystemSpec[],
  budget: Budget,
  log: (line: string) => void = () => {},
): CorpusResult {
  // Everyone takes the questions in one seeded order; a capped baseline gets a prefix of
  // it, which is a fair sample of plain and typo questions alike.
  const order = shuffled(queries.length, 20240823);
  const running: Running[] = [];
  let before = memoryAfterGc();
  for (const spec of specs) {
    const started = performance.now();
    const system = spec.build(corpus);
    const buildMs = performance.now() - started;
    const after = memoryAfterGc();
    const memory = { heapUsed: after.heapUsed - before.heapUsed, arrayBuffers: after.arrayBuffers - before.arrayBuffers, rss: after.rss - before.rss };
    before = after;
    log(`  ${spec.name}: built in ${(buildMs / 1000).toFixed(2)} s, ${(memory.heapUsed + memory.arrayBuffers).toFixed(0)} MB`);
    const plan = spec.baseline ? order.slice(0, budget.maxQueries) : order;
    running.push({
      spec,
      system,
      plan,
      latencies: new Map(),
      hits: 0,
      spentMs: 0,
      result: { name: spec.name, buildMs, memory, latency: summarize([]), queries: { offered: queries.length, ran: 0 } },
    });
  }

  // Warm-up. Ours on every corpus (an engine has caches of its own); a baseline once per
  // process, on the first corpus: its code is then warm, and on large corpora a single
  // fuse.js question takes seconds.
  for (const run of running) {
    if (!run.spec.baseline) {
      for (const i of order.slice(0, WARMUP_QUERIES)) run.system.search(queries[i]!.text);
    } else if (!warmed.has(run.spec.name)) {
      warmed.add(run.spec.name);
      const started = performance.now();
      for (let k = 0; k < 20 && performance.now() - started < BASELINE_WARMUP_MS; k++) run.system.search(queries[order[k]!]!.text);
    }
  }

  for (let round = 0; round < ROUNDS; round++) {
    for (const run of running) {
      const from = Math.floor((run.plan.length * round) / ROUNDS);
      const to = Math.floor((run.plan.length * (round + 1)) / ROUNDS);
      // A baseline keeps to a pro-rata share of its time budget, so what it does run is
      // spread over the whole measurement.
      const allowed = (budget.maxMs * (round + 1)) / ROUNDS;
      for (let k = from; k < to; k++) {
        if (run.spec.baseline && run.spentMs >= allowed) break;
        const i = run.plan[k]!;
        const query = queries[i]!;
        const started = performance.now();
        const result = run.system.search(query.text);
        const elapsed = performance.now() - started;
        run.spentMs += elapsed;
        run.latencies.set(i, elapsed);
        if (corpus.scored) {
          const top = run.system.top(result);
          if (top >= 0 && basePassageId(corpus.passages[top]!.id) === query.gold) run.hits++;
        }
      }
    }
  }

  const oursRun = running.find((run) => !run.spec.baseline);
  for (const run of running) {
    const { result, latencies } = run;
    result.latency = summarize([...latencies.values()]);
    result.queries.ran = latencies.size;
    if (latencies.size < queries.length) result.queries.cappedBy = latencies.size < run.plan.length ? "time" : "queries";
    if (corpus.scored && latencies.size > 0) result.top1 = run.hits / latencies.size;
    if (!run.spec.baseline) {
      const of = (typo: boolean) => summarize([...latencies].filter(([i]) => queries[i]!.typo === typo).map(([, ms]) => ms));
      result.byKind = { plain: of(false), typo: of(true) };
    } else if (oursRun && latencies.size > 0) {
      const ours = summarize([...latencies.keys()].map((i) => oursRun.latencies.get(i)!));
      const theirs = result.latency;
      result.versusOurs = {
        ours,
        p50Ratio: theirs.p50 / ours.p50,
        p95Ratio: theirs.p95 / ours.p95,
        p99Ratio: theirs.p99 / ours.p99,
        meanRatio: theirs.mean / ours.mean,
      };
    }
    const capped = result.queries.cappedBy ? ` (capped by ${result.queries.cappedBy}: ${result.queries.ran}/${queries.length})` : "";
    log(`  ${run.spec.name}: p50 ${result.latency.p50.toFixed(3)} ms, p99 ${result.latency.p99.toFixed(3)} ms${capped}`);
  }

  return {
    corpus: corpus.name,
    label: corpus.label,
    passages: corpus.passages.length,
    documents: corpus.knowledge.documents.length,
    systems: running.map((run) => run.result),
  };
}

/** 0…n-1 in a seeded random order (Fisher–Yates). */
function shuffled(n: number, seed: number): number[] {
  const random = rng(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}
