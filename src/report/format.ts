/** Number formatting for the report and the summary table. */
import type { SummaryJson } from '../lab/results.js';

/** A number with about three significant digits (integers stay whole); `—` when not finite. */
export function formatNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (Number.isInteger(x) && a < 1e7) return String(x);
  if (a >= 1e7 || a < 1e-3) return x.toExponential(2);
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1);
  if (a >= 1) return String(Number(x.toFixed(2)));
  return String(Number(x.toPrecision(3)));
}

/** Half the width of a summary's 95 % interval (NaN when it has none). */
export function halfWidth(s: SummaryJson): number {
  return (s.ci95[1] - s.ci95[0]) / 2;
}

/**
 * `mean ± half-width` of a summary; a single value (no interval) is shown alone, a summary of
 * nothing as `—`.
 */
export function formatSummary(s: SummaryJson | undefined): string {
  if (!s || s.n === 0 || !Number.isFinite(s.mean)) return '—';
  const h = halfWidth(s);
  if (s.n < 2 || !Number.isFinite(h)) return formatNumber(s.mean);
  if (h === 0) return `${formatNumber(s.mean)} ± 0`;
  // Two significant digits of the half-width; the mean to the same decimal place.
  const decimals = Math.min(8, Math.max(0, 1 - Math.floor(Math.log10(h))));
  return `${s.mean.toFixed(decimals)} ± ${h.toFixed(decimals)}`;
}

/** Seconds as `12.3 s` or `2 min 05 s`. */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  if (seconds < 120) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  const m = Math.floor(whole / 60);
  return `${m} min ${String(whole - 60 * m).padStart(2, '0')} s`;
}
