// Small measuring helpers: percentiles, memory after a full GC, formatting.

export interface LatencySummary {
  /** Queries timed. */
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

/** Nearest-rank percentile of an ascending array (p in 0…1). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export function summarize(latencies: number[]): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    mean: sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

export function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 0.5);
}

export interface Memory {
  /** V8 heap in use, MB. */
  heapUsed: number;
  /** Typed arrays' backing stores (outside the V8 heap, but memory the index holds), MB. */
  arrayBuffers: number;
  rss: number;
}

const MB = 1024 * 1024;

/** Memory after full garbage collections (needs node --expose-gc; without it, as is). */
export function memoryAfterGc(): Memory {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) for (let i = 0; i < 3; i++) gc();
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed / MB, arrayBuffers: m.arrayBuffers / MB, rss: m.rss / MB };
}

export const hasGc = () => typeof (globalThis as { gc?: unknown }).gc === "function";

/** 1234.5 → "1,235"; 12.34 → "12.3"; 0.1234 → "0.123". */
export function fmt(value: number | undefined, digits?: number): string {
  if (value === undefined || !Number.isFinite(value)) return "–";
  const d = digits ?? (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : Math.abs(value) >= 1 ? 2 : 3);
  return value.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
}

/** A ratio as "×12" or "×1,234". */
export function times(ratio: number | undefined): string {
  if (ratio === undefined || !Number.isFinite(ratio)) return "–";
  return `×${fmt(ratio, ratio >= 10 ? 0 : 1)}`;
}
