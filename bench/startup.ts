// Start-up to ready: wall time from spawning a fresh Node process to its "READY" line
// (bench/startup-child.ts: imports, loads the knowledge, builds the engine).
import { spawn } from "node:child_process";
import { join } from "node:path";
import { PROJECT_ROOT, type Corpus } from "./corpora.ts";
import { median } from "./stats.ts";

export interface ChildStats {
  bootMs: number;
  importMs: number;
  loadMs: number;
  buildMs: number;
  heapUsedMB: number;
  arrayBuffersMB: number;
  rssMB: number;
}

export interface StartupResult {
  corpus: string;
  runs: number;
  /** Spawn → READY, each run (ms). */
  wallMs: number[];
  /** Medians over the runs. */
  median: { wallMs: number } & ChildStats;
}

const CHILD = join(PROJECT_ROOT, "bench", "startup-child.ts");
const TIMEOUT_MS = 180_000;

export async function measureStartup(corpus: Corpus, runs: number): Promise<StartupResult> {
  const results: Array<{ wallMs: number; stats: ChildStats }> = [];
  for (let i = 0; i < runs; i++) results.push(await startOnce(corpus.startup.kind, corpus.startup.dir));
  const med = (pick: (r: { wallMs: number; stats: ChildStats }) => number) => median(results.map(pick));
  return {
    corpus: corpus.name,
    runs,
    wallMs: results.map((r) => r.wallMs),
    median: {
      wallMs: med((r) => r.wallMs),
      bootMs: med((r) => r.stats.bootMs),
      importMs: med((r) => r.stats.importMs),
      loadMs: med((r) => r.stats.loadMs),
      buildMs: med((r) => r.stats.buildMs),
      heapUsedMB: med((r) => r.stats.heapUsedMB),
      arrayBuffersMB: med((r) => r.stats.arrayBuffersMB),
      rssMB: med((r) => r.stats.rssMB),
    },
  };
}

function startOnce(kind: string, dir: string): Promise<{ wallMs: number; stats: ChildStats }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", CHILD, kind, dir], {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let wallMs: number | undefined;
    let stats: ChildStats | undefined;
    let out = "";
    let err = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`start-up child (${dir}) did not finish in ${TIMEOUT_MS / 1000} s`));
    }, TIMEOUT_MS);
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      if (wallMs === undefined && (out + chunk).includes("READY\n")) wallMs = performance.now() - started;
      out += chunk;
      const line = /^STATS (.*)$/m.exec(out);
      if (line && !stats) stats = JSON.parse(line[1]!) as ChildStats;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      if (code === 0 && wallMs !== undefined && stats) resolve({ wallMs, stats });
      else reject(new Error(`start-up child (${dir}) exited with ${code}: ${err.trim().slice(0, 500)}`));
    });
  });
}
