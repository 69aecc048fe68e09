/** Memory budgeting for simulator states: refuse clearly before allocating too much. */
import { totalmem } from 'node:os';
import { ResourceError } from '../core/errors.js';
import { formatBytes } from '../core/numeric.js';

/** Default budget: 75 % of physical memory, or QMLSEC_MEMORY_LIMIT (bytes, or with GiB/MiB suffix). */
export function defaultMemoryLimit(): number {
  const env = process.env['QMLSEC_MEMORY_LIMIT'];
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
