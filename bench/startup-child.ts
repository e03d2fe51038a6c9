// A fresh process that loads knowledge and builds the engine, like the bot does at
// start-up, then prints "READY" at once; the parent times spawn → READY. After that it
// reports its own phases and the memory it holds (after a GC) on a "STATS {json}" line.
//   node --expose-gc --import tsx bench/startup-child.ts knowledge|xquad DIR
const importsStarted = performance.now();
const { createEngine } = await import("../src/engine.ts");
const { loadKnowledge } = await import("../src/knowledge/load.ts");
const { xquadKnowledge } = await import("../src/eval/evaluate.ts");
const importMs = performance.now() - importsStarted;

const [kind, dir] = process.argv.slice(2);
if (!dir || (kind !== "knowledge" && kind !== "xquad")) {
  console.error("usage: startup-child.ts knowledge|xquad DIR");
  process.exit(2);
}
let started = performance.now();
const knowledge = kind === "xquad" ? xquadKnowledge(dir).knowledge : loadKnowledge(dir);
const loadMs = performance.now() - started;
started = performance.now();
const engine = createEngine(knowledge);
const buildMs = performance.now() - started;
process.stdout.write("READY\n");

const gc = (globalThis as { gc?: () => void }).gc;
if (gc) for (let i = 0; i < 3; i++) gc();
const memory = process.memoryUsage();
const MB = 1024 * 1024;
engine.answer("سؤال"); // keeps the engine alive until after the measurement
process.stdout.write(
  `STATS ${JSON.stringify({
    // Time from the process's own start (its time origin) to the first line of this file.
    bootMs: importsStarted,
    importMs,
    loadMs,
    buildMs,
    heapUsedMB: memory.heapUsed / MB,
    arrayBuffersMB: memory.arrayBuffers / MB,
    rssMB: memory.rss / MB,
  })}\n`,
);
