/**
 * Deterministic per-qubit (or per-coupler) values around a published median, for vendors that
 * publish only headline figures. Values are log-normal around the median with a documented
 * spread and are then rescaled so that their median equals the published figure exactly; the
 * profile marks such calibrations `synthetic`.
 */
import { InputError } from '../core/errors.js';
import { median } from '../core/numeric.js';
import type { Rng } from '../core/rng.js';

/** Options of {@link valuesAroundMedian}. */
export interface SpreadOptions {
  /** σ of the natural log of the values (0.1 ≈ ±10 %). */
  readonly logSpread: number;
  /** Upper bound applied after rescaling (e.g. 0.5 for error probabilities). */
  readonly max?: number;
}

/** `count` positive values whose median is exactly `target`, drawn from `rng`. */
export function valuesAroundMedian(target: number, count: number, rng: Rng, options: SpreadOptions): number[] {
  if (!(target > 0) || !Number.isFinite(target)) throw new InputError(`median must be a positive number, got ${target}`, 'SYNTHETIC');
  if (!Number.isInteger(count) || count < 1) throw new InputError(`count must be a positive integer, got ${count}`, 'SYNTHETIC');
  const raw = Array.from({ length: count }, () => target * Math.exp(options.logSpread * rng.normal()));
  const scale = target / median(raw);
  return raw.map((v) => {
    const scaled = v * scale;
    return options.max !== undefined ? Math.min(options.max, scaled) : scaled;
  });
}
