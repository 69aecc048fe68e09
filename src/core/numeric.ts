/** Small numeric helpers used across rooms. */
import { InputError } from './errors.js';

/** Throws an InputError if `value` is not a finite number; `what` names it in the message. */
export function assertFinite(value: number, what: string): void {
  if (!Number.isFinite(value)) throw new InputError(`${what} must be a finite number, got ${value}`, 'NOT_FINITE');
}

/** Throws an InputError naming the first non-finite entry of `values`. */
export function assertAllFinite(values: ArrayLike<number>, what: string): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) throw new InputError(`${what}[${i}] must be a finite number, got ${v}`, 'NOT_FINITE');
  }
}

export function sum(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] as number;
  return s;
}

export function mean(values: ArrayLike<number>): number {
  if (values.length === 0) return Number.NaN;
  return sum(values) / values.length;
}

/** Sample standard deviation (n - 1 in the denominator); 0 for fewer than two values. */
export function stddev(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return 0;
  const m = mean(values);
  let s = 0;
  for (let i = 0; i < n; i++) s += ((values[i] as number) - m) ** 2;
  return Math.sqrt(s / (n - 1));
}

export function median(values: ArrayLike<number>): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Array.from(values).sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Linear-interpolated quantile, q in [0, 1]. */
export function quantile(values: ArrayLike<number>, q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Array.from(values).sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
}

/** Number formatting that survives JSON and reads well: rounds to `digits` significant digits. */
export function roundSig(value: number, digits = 6): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  return Number(value.toPrecision(digits));
}

/** Human-readable byte count (binary units). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v >= 100 || u === 0 ? v.toFixed(0) : v.toPrecision(3)} ${units[u]}`;
}
