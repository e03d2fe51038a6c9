// The benchmark's results as Markdown tables (stdout and bench/results/latest.md) and
// JSON (bench/results/latest.json), with the targets checked.
import type { HttpResult, InProcessResult } from "./bot.ts";
import type { CorpusResult, SystemResult } from "./latency.ts";
import { fmt, times } from "./stats.ts";
import type { StartupResult } from "./startup.ts";

export interface Machine {
  cores: number;
  cpu: string;
  node: string;
  platform: string;
  memoryGB: number;
}

export interface BenchResults {
  generatedAt: string;
  machine: Machine;
  commit?: string;
  /** Wall time of the whole run up to the report (s). */
  durationS: number;
  queries: { total: number; plain: number; typo: number };
  budget: { baselineMaxQueries: number; baselineMaxS: number };
  corpora: CorpusResult[];
  startup: StartupResult[];
  bot: { inProcess?: InProcessResult; http?: HttpResult; skipped?: string };
  targets: Target[];
  notes: string[];
}

export interface Target {
  target: string;
  figure: string;
  met: boolean | undefined;
}

const oursOf = (c: CorpusResult) => c.systems.find((s) => s.name === "ours");

/** Memory a start-up child held after build: V8 heap used + typed-array buffers (MB). */
export const childMemory = (s: StartupResult) => s.median.heapUsedMB + s.median.arrayBuffersMB;

/** How query cost grows with corpus size: p50 ∝ size^exponent between two corpora. */
export function growthExponent(small: CorpusResult, large: CorpusResult, pick: (s: SystemResult) => number): number | undefined {
  const a = oursOf(small);
  const b = oursOf(large);
  if (!a || !b || small.passages === large.passages) return undefined;
  return Math.log(pick(b) / pick(a)) / Math.log(large.passages / small.passages);
}

export function checkTargets(r: Omit<BenchResults, "targets">): Target[] {
  const corpus = (name: string) => r.corpora.find((c) => c.corpus === name);
  const startup = (name: string) => r.startup.find((s) => s.corpus === name);
  const xquad = corpus("xquad-ar");
  const c10k = corpus("synthetic-10000");
  const c100k = corpus("synthetic-100000");
  const s100k = startup("synthetic-100000");
  const targets: Target[] = [];
  const add = (target: string, value: number | undefined, ok: (v: number) => boolean, show: (v: number) => string) =>
    targets.push({ target, figure: value === undefined ? "not measured" : show(value), met: value === undefined ? undefined : ok(value) });

  add("XQuAD-ar: p50 ≤ 0.3 ms per question", xquad && oursOf(xquad)?.latency.p50, (v) => v <= 0.3, (v) => `${fmt(v, 3)} ms`);
  add("XQuAD-ar: p99 ≤ 2 ms per question", xquad && oursOf(xquad)?.latency.p99, (v) => v <= 2, (v) => `${fmt(v, 3)} ms`);
  add("100,000 passages: p99 ≤ 30 ms", c100k && oursOf(c100k)?.latency.p99, (v) => v <= 30, (v) => `${fmt(v, 1)} ms`);
  add("100,000 passages: build ≤ 15 s (fresh process)", s100k && s100k.median.buildMs / 1000, (v) => v <= 15, (v) => `${fmt(v, 1)} s`);
  add("100,000 passages: heap ≤ 600 MB (JS heap + typed arrays)", s100k && childMemory(s100k), (v) => v <= 600, (v) => `${fmt(v, 0)} MB`);
  if (c10k && c100k) {
    const exponent = growthExponent(c10k, c100k, (s) => s.latency.p50);
    add(
      "Query cost grows sub-linearly with corpus size (p50 ∝ size^k from 10,000 to 100,000; met when k < 0.9, clear of noise around 1)",
      exponent,
      (v) => v < 0.9,
      (v) => `k = ${fmt(v, 2)} (p50 ${fmt(oursOf(c10k)!.latency.p50, 2)} → ${fmt(oursOf(c100k)!.latency.p50, 2)} ms for ×10 passages)`,
    );
  }
  const fuse10k = c10k?.systems.find((s) => s.name === "fuse.js");
  add(
    "10,000 passages: ≥ 100× faster than fuse.js over whole passages (p50, same questions)",
    fuse10k?.versusOurs?.p50Ratio,
    (v) => v >= 100,
    (v) => `${times(v)} (${fuse10k!.queries.ran} questions)`,
  );
  const article = startup("article");
  add("Start-up to ready, the article ≤ 1 s", article?.median.wallMs, (v) => v <= 1000, (v) => `${fmt(v / 1000, 2)} s`);
  add("Bot ≥ 3,000 updates/s in-process", r.bot.inProcess?.sequential.updatesPerSecond, (v) => v >= 3000, (v) => `${fmt(v, 0)} updates/s`);
  add("`npm run bench` under 10 minutes", r.durationS, (v) => v < 600, (v) => `${fmt(v / 60, 1)} min`);
  return targets;
}

export function renderMarkdown(r: BenchResults): string {
  const lines: string[] = [];
  const row = (cells: Array<string | number>) => lines.push(`| ${cells.join(" | ")} |`);
  const m = r.machine;
  lines.push(`### Benchmarks (\`npm run bench\`)`, "");
  lines.push(
    `${m.cores} cores (${m.cpu}), ${fmt(m.memoryGB, 0)} GB, Node ${m.node}, ${m.platform}; ${r.generatedAt.slice(0, 16).replace("T", " ")} UTC` +
      `${r.commit ? `, commit ${r.commit}` : ""}; run took ${fmt(r.durationS / 60, 1)} min.`,
    "",
    `Questions: the ${r.queries.plain} XQuAD-ar questions and the same with one seeded typo each (${r.queries.total}), on every corpus. ` +
      "Latency is in-process, after a warm-up, per `engine.answer(question)` (the full answer: search, quotes, and the first quote's highlights, which is what a reply shows; the other results' are worked out when read).",
    "",
  );

  lines.push("**Our engine, by corpus size**", "");
  row(["corpus", "passages", "build (s)", "start-up to ready (s)", "memory after build (MB)", "p50 (ms)", "p95 (ms)", "p99 (ms)", "p50 typo (ms)", "top-1"]);
  row(["---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]);
  for (const c of r.corpora) {
    const o = oursOf(c);
    const s = r.startup.find((x) => x.corpus === c.corpus);
    if (!o) continue;
    row([
      c.label,
      fmt(c.passages, 0),
      s ? fmt(s.median.buildMs / 1000, 2) : "–",
      s ? `${fmt(s.median.wallMs / 1000, 2)}${s.runs > 1 ? "" : " (1 run)"}` : "–",
      s ? fmt(childMemory(s), 0) : "–",
      fmt(o.latency.p50, 3),
      fmt(o.latency.p95, 3),
      fmt(o.latency.p99, 3),
      o.byKind ? fmt(o.byKind.typo.p50, 3) : "–",
      o.top1 === undefined ? "–" : fmt(o.top1, 3),
    ]);
  }
  lines.push(
    "",
    "Build, start-up and memory come from a fresh child process per corpus that loads the knowledge and builds the engine " +
      "(`bench/startup-child.ts`; start-up = spawn → ready, median of the runs, with Node and tsx start-up included). " +
      "Memory = V8 heap used + typed-array buffers after a full GC, knowledge text included. " +
      "top-1: the first quote comes from the passage the question was written on (any copy of it, in the synthetic archives).",
    "",
  );

  const sized = r.corpora.filter((c) => oursOf(c));
  if (sized.length >= 2) {
    lines.push("**How query cost grows** (p50 ∝ passages^k between consecutive sizes; k < 1 is sub-linear)", "");
    row(["from → to", "passages ×", "p50 ×", "k (p50)", "k (mean)"]);
    row(["---", "---:", "---:", "---:", "---:"]);
    for (let i = 1; i < sized.length; i++) {
      const a = sized[i - 1]!;
      const b = sized[i]!;
      if (b.passages <= a.passages) continue;
      row([
        `${a.label} → ${b.label}`,
        times(b.passages / a.passages),
        times(oursOf(b)!.latency.p50 / oursOf(a)!.latency.p50),
        fmt(growthExponent(a, b, (s) => s.latency.p50), 2),
        fmt(growthExponent(a, b, (s) => s.latency.mean), 2),
      ]);
    }
    lines.push("");
  }

  lines.push("**Against baselines** (same run, same questions, interleaved in 20 rounds)", "");
  row(["corpus", "system", "build (s)", "index memory (MB)", "questions timed", "p50 (ms)", "p99 (ms)", "ours p50 / p99 on them (ms)", "ours faster (p50 / p99)", "top-1"]);
  row(["---", "---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]);
  for (const c of r.corpora) {
    for (const s of c.systems) {
      const v = s.versusOurs;
      const capped = s.queries.cappedBy ? ` (capped: ${s.queries.cappedBy === "time" ? `${r.budget.baselineMaxS} s` : `${r.budget.baselineMaxQueries} questions`})` : "";
      row([
        c.label,
        s.name,
        fmt(s.buildMs / 1000, 2),
        fmt(Math.max(0, s.memory.heapUsed + s.memory.arrayBuffers), 0),
        `${fmt(s.queries.ran, 0)}${capped}`,
        fmt(s.latency.p50, 3),
        fmt(s.latency.p99, 3),
        v ? `${fmt(v.ours.p50, 3)} / ${fmt(v.ours.p99, 3)}` : "–",
        v ? `${times(v.p50Ratio)} / ${times(v.p99Ratio)}` : "–",
        s.top1 === undefined ? "–" : fmt(s.top1, 3),
      ]);
    }
  }
  lines.push(
    "",
    "Baselines: fuse.js 7.5 over whole passages (`new Fuse(texts)`, defaults), MiniSearch 7.2 (`fields: [\"text\"]`, defaults). " +
      `A baseline stops after ${r.budget.baselineMaxS} s of timed questions (a seeded sample of all of them, spread over the rounds); ` +
      "\"ours faster\" compares with our engine on exactly those questions. Build and index memory here are measured in this one " +
      "process, which also holds the other corpora and indexes (memory: growth after building, after a GC): they compare the systems; " +
      "the fresh-process figures above are the ones to quote for ours.",
    "",
  );

  lines.push("**Bot throughput** (the article's knowledge; every question from a user of its own)", "");
  row(["measure", "figure"]);
  row(["---", "---:"]);
  const ip = r.bot.inProcess;
  const http = r.bot.http;
  if (ip) {
    row(["in-process, `bot.handleUpdate` one at a time (API answered at once)", `${fmt(ip.sequential.updatesPerSecond, 0)} updates/s (p50 ${fmt(ip.sequential.latency.p50, 3)} ms, p99 ${fmt(ip.sequential.latency.p99, 2)} ms)`]);
    row(["in-process, 50 updates at a time", `${fmt(ip.concurrent50.updatesPerSecond, 0)} updates/s`]);
  }
  if (http) {
    row([`loopback HTTP, real process (\`npm start\`) + Bot API emulator, ${http.users} users waiting for answers`, `${fmt(http.answersPerSecond, 0)} answers/s (p50 ${fmt(http.latency.p50, 1)} ms, p99 ${fmt(http.latency.p99, 1)} ms${http.failures ? `, ${http.failures} unanswered` : ""})`]);
    row(["real process start-up (`npm start` → first long poll)", `${fmt(http.startupMs / 1000, 2)} s`]);
  }
  if (r.bot.skipped) row(["bot", r.bot.skipped]);
  lines.push("");

  lines.push("**Targets**", "");
  row(["target", "figure", "met"]);
  row(["---", "---", "---"]);
  for (const t of r.targets) row([t.target, t.figure, t.met === undefined ? "–" : t.met ? "yes" : "**no**"]);
  if (r.notes.length) {
    lines.push("", ...r.notes.map((n) => `- ${n}`));
  }
  return lines.join("\n") + "\n";
}
