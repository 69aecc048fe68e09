/** Memory budgeting for simulator states: refuse clearly before allocating too much. */
import { totalmem } from 'node:os';
import { ResourceError } from '../core/errors.js';
import { formatBytes } from '../core/numeric.js';

let cached: { env: string | undefined; limit: number } | undefined;

/** Default budget: 75 % of physical memory, or QMLSEC_MEMORY_LIMIT (bytes, or with GiB/MiB suffix). */
export function defaultMemoryLimit(): number {
  const env = process.env['QMLSEC_MEMORY_LIMIT'];
  if (cached && cached.env === env) return cached.limit;
  const limit = computeLimit(env);
  cached = { env, limit };
  return limit;
}

function computeLimit(env: string | undefined): number {
  if (env) {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(GiB|MiB|KiB|B)?\s*$/i.exec(env);
    if (m) {
      const unit = (m[2] ?? 'B').toLowerCase();
      const mult = unit === 'gib' ? 2 ** 30 : unit === 'mib' ? 2 ** 20 : unit === 'kib' ? 2 ** 10 : 1;
      return Number(m[1]) * mult;
    }
  }
  return Math.floor(totalmem() * 0.75);
}

/**
 * Throws a ResourceError saying how much memory `what` would need when `bytes` exceeds the
 * limit; returns quietly otherwise.
 */
export function checkMemory(bytes: number, limit: number, what: string): void {
  if (bytes > limit) {
    throw new ResourceError(`${what} would need ${formatBytes(bytes)}, more than the ${formatBytes(limit)} memory limit (75 % of RAM; set QMLSEC_MEMORY_LIMIT to change it)`);
  }
}

/** Allocates a zeroed Float64Array after checking the budget. */
export function allocate(doubles: number, limit: number, what: string): Float64Array {
  checkMemory(doubles * 8, limit, what);
  return new Float64Array(doubles);
}

import { WasmKernels } from './wasm/runtime.js';

/** Buffers at least this large (doubles, in total) go to WASM memory when they fit. */
const WASM_THRESHOLD_DOUBLES = 2 * 4096;

/**
 * Allocates zeroed state buffers (lengths in doubles) after checking the budget, runs `fn`,
 * and releases them. Large buffers live in the WASM kernels' memory (so the faster kernels
 * apply); results that must outlive `fn` have to be copied out.
 */
export function withStateBuffers<T>(lengths: readonly number[], limit: number, what: string, fn: (buffers: Float64Array[]) => T, useWasm = true): T {
  const total = lengths.reduce((a, b) => a + b, 0);
  checkMemory(total * 8, limit, what);
  for (const l of lengths) {
    if (l >= 2 ** 31) throw new ResourceError(`${what} would need a buffer of ${formatBytes(l * 8)}; single states are limited to 16 GiB (2^31 doubles)`);
  }
  if (useWasm && total >= WASM_THRESHOLD_DOUBLES) {
    const r = WasmKernels.get().withBuffers(lengths, fn);
    if (r) return r.value;
  }
  return fn(lengths.map((l) => new Float64Array(l)));
}
