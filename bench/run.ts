// npm run bench [-- --quick] [-- --sizes 10000,100000] [-- --no-bot]
//
// Answer latency, index build, memory and start-up from one article to 100,000
// passages, against fuse.js and MiniSearch measured in the same run, and the bot's
// throughput. Prints a Markdown table; writes bench/results/latest.{md,json}.
// Needs `node --expose-gc` (the npm script passes it) for the memory figures.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, platform, arch, release, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { articleCorpus, PROJECT_ROOT, syntheticCorpus, xquadCorpus, xquadQueries, type Corpus } from "./corpora.ts";
import { measureCorpus, type Budget, type CorpusResult } from "./latency.ts";
import { checkTargets, renderMarkdown, type BenchResults } from "./report.ts";
import { measureStartup, type StartupResult } from "./startup.ts";
import { hasGc } from "./stats.ts";
import { SYSTEMS } from "./systems.ts";

const started = performance.now();
const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    sizes: { type: "string" },
    "no-bot": { type: "boolean", default: false },
    "baseline-seconds": { type: "string" },
    out: { type: "string", default: join(PROJECT_ROOT, "bench", "results") },
  },
});
const sizes = (values.sizes ?? (values.quick ? "10000" : "10000,100000")).split(",").filter(Boolean).map(Number);
const budget: Budget = { maxQueries: Infinity, maxMs: Number(values["baseline-seconds"] ?? (values.quick ? 5 : 20)) * 1000 };
/** Start-up runs per corpus (medians reported); the largest corpus is started once. */
const startupRuns = (passages: number) => (values.quick ? 1 : passages <= 1_000 ? 5 : passages <= 20_000 ? 3 : 1);

const log = (line: string) => process.stderr.write(`${line}\n`);
const notes: string[] = [];
if (!hasGc()) notes.push("Run without --expose-gc: memory figures include garbage. Use `npm run bench`.");

const queries = xquadQueries();
const corpora: CorpusResult[] = [];
const startup: StartupResult[] = [];

const factories: Array<() => Corpus> = [articleCorpus, xquadCorpus, ...sizes.map((size) => () => syntheticCorpus(size))];
for (const make of factories) {
  let corpus: Corpus | undefined = make();
  log(`${corpus.label}: ${corpus.passages.length} passages, ${corpus.knowledge.documents.length} documents`);
  corpora.push(measureCorpus(corpus, queries, SYSTEMS, budget, log));
  const runs = startupRuns(corpus.passages.length);
  const result = await measureStartup(corpus, runs);
  log(`  start-up: ${(result.median.wallMs / 1000).toFixed(2)} s (build ${(result.median.buildMs / 1000).toFixed(2)} s), ${runs} run(s)`);
  startup.push(result);
  corpus = undefined; // let the next, larger corpus have the memory
}

const bot: BenchResults["bot"] = {};
if (values["no-bot"]) bot.skipped = "skipped (--no-bot)";
else {
  try {
    // Imported here: if the bot's files are broken or missing, the rest still reports.
    const { measureHttp, measureInProcess } = await import("./bot.ts");
    log("bot: in-process");
    bot.inProcess = await measureInProcess(values.quick ? 2_000 : 5_000);
    log(`  ${bot.inProcess.sequential.updatesPerSecond.toFixed(0)} updates/s`);
    log("bot: real process over loopback HTTP");
    bot.http = await measureHttp({ measureMs: values.quick ? 5_000 : 10_000 });
    log(`  ${bot.http.answersPerSecond.toFixed(0)} answers/s`);
  } catch (error) {
    bot.skipped = `failed: ${(error as Error).message.split("\n")[0]}`;
    log(`  bot benchmark ${bot.skipped}`);
  }
}

for (const c of corpora) {
  for (const s of c.systems) {
    if (s.queries.cappedBy) notes.push(`${s.name} on ${c.label}: capped by ${s.queries.cappedBy} at ${s.queries.ran} of ${s.queries.offered} questions (a seeded sample).`);
  }
}
notes.push(
  "Synthetic archives: the 240 XQuAD-ar passages repeated with unique ids and seeded swaps of adjacent words (≈ 1 per 20 words), " +
    "5 paragraphs to a document, written once to .cache/bench/ as a knowledge folder. They keep XQuAD's vocabulary: posting lists grow " +
    "in proportion to size, but word caches hit more often than on a real archive of that size.",
);

const partial = {
  generatedAt: new Date().toISOString(),
  machine: {
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    node: process.version,
    platform: `${platform()} ${release()} ${arch()}`,
    memoryGB: totalmem() / 1024 ** 3,
  },
  commit: gitCommit(),
  durationS: (performance.now() - started) / 1000,
  queries: { total: queries.length, plain: queries.filter((q) => !q.typo).length, typo: queries.filter((q) => q.typo).length },
  budget: { baselineMaxQueries: budget.maxQueries, baselineMaxS: budget.maxMs / 1000 },
  corpora,
  startup,
  bot,
  notes,
};
const results: BenchResults = { ...partial, targets: checkTargets(partial) };
const markdown = renderMarkdown(results);
mkdirSync(values.out!, { recursive: true });
writeFileSync(join(values.out!, "latest.json"), JSON.stringify(results, (_, v) => (v === Infinity ? null : v), 2) + "\n");
writeFileSync(join(values.out!, "latest.md"), markdown);
process.stdout.write(markdown);
log(`\nwrote ${join(values.out!, "latest.md")} and latest.json in ${((performance.now() - started) / 1000).toFixed(0)} s`);

function gitCommit(): string | undefined {
  try {
    const run = (args: string[]) => execFileSync("git", args, { cwd: PROJECT_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const dirty = run(["status", "--porcelain", "--untracked-files=no"]) !== "";
    return run(["rev-parse", "--short", "HEAD"]) + (dirty ? " + local changes" : "");
  } catch {
    return undefined;
  }
}
