/** Small helpers shared by the benchmarks: timing with warm-up, medians, JSON output. */
import { median } from '../src/core/numeric.js';

/** Median wall time in milliseconds of `fn` over `repeats` runs after `warmup` runs. */
export function timeMs(fn: () => void, repeats = 5, warmup = 1): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** Rounds for readable JSON. */
export function round(v: number, digits = 3): number {
  return Number(v.toPrecision(digits));
}

/** A benchmark module: a name and a function returning JSON-serialisable figures. */
export interface Benchmark {
  readonly name: string;
  run(): Promise<Record<string, unknown>> | Record<string, unknown>;
}
