/**
 * An out-of-distribution query-rate detector: the operator models its training data (one
 * Gaussian per class), marks a query "out of distribution" when its squared Mahalanobis
 * distance to the nearest class exceeds the (1 − markRate) quantile of the training rows' own
 * distances, and runs Page's CUSUM on the per-key stream of marks (Page, "Continuous
 * inspection schemes", Biometrika 1954): S ← max(0, S + log-likelihood ratio of "marks at rate
 * p1" against "marks at rate p0"), alarm when S > h. The in-sample quantile understates how
 * often fresh natural queries are marked, so the CUSUM's honest rate p0 is set well above the
 * nominal mark rate. Synthetic extraction queries (built from marginal statistics, or
 * perturbed copies of earlier queries) leave the data's correlated manifold far more often
 * than natural ones.
 */
import { InputError } from '../../core/errors.js';
import { quantile } from '../../core/numeric.js';
import type { GaussianPopulation } from './population.js';
import type { StreamDetector } from './stream-detector.js';

/** The operator's calibrated settings, shared by every key's detector. */
export interface OodCusumConfig {
  readonly reference: GaussianPopulation;
  /** Squared Mahalanobis distance above which a query counts as out of distribution. */
  readonly oodThreshold: number;
  /** Rate of marks the CUSUM treats as honest. */
  readonly p0: number;
  /** Rate of marks the alarm is tuned to. */
  readonly p1: number;
  /** CUSUM alarm threshold h (in log-likelihood units). */
  readonly h: number;
}

/** Calibrates the OOD threshold on the operator's training rows. */
export function calibrateOodCusum(reference: GaussianPopulation, trainingRows: readonly (readonly number[])[], options: { markRate?: number; p0?: number; p1?: number; h?: number } = {}): OodCusumConfig {
  const markRate = options.markRate ?? 0.05;
  const p0 = options.p0 ?? 0.2;
  const p1 = options.p1 ?? 0.8;
  const h = options.h ?? Math.log(1e4);
  if (!(markRate > 0 && markRate < 1)) throw new InputError(`the mark rate must be in (0, 1), got ${markRate}`, 'DETECTOR');
  if (!(p0 > 0 && p0 < p1 && p1 < 1)) throw new InputError(`the CUSUM rates must satisfy 0 < p0 < p1 < 1, got p0 = ${p0}, p1 = ${p1}`, 'DETECTOR');
  if (!(h > 0)) throw new InputError(`the CUSUM threshold h must be positive, got ${h}`, 'DETECTOR');
  if (trainingRows.length === 0) throw new InputError('the OOD detector needs training rows to calibrate on', 'DETECTOR');
  const scores = trainingRows.map((r) => reference.nearestMahalanobis2(r));
  return { reference, oodThreshold: quantile(scores, 1 - markRate), p0, p1, h };
}

/** Page's CUSUM over one key's out-of-distribution marks. */
export class OodCusumDetector implements StreamDetector {
  private s = 0;
  private n = 0;
  private marks = 0;
  private flagged: number | undefined;
  private readonly up: number;
  private readonly down: number;

  constructor(private readonly config: OodCusumConfig) {
    this.up = Math.log(config.p1 / config.p0);
    this.down = Math.log((1 - config.p1) / (1 - config.p0));
  }

  observe(input: ArrayLike<number>): void {
    this.n++;
    const ood = this.config.reference.nearestMahalanobis2(input) > this.config.oodThreshold;
    if (ood) this.marks++;
    this.s = Math.max(0, this.s + (ood ? this.up : this.down));
    if (this.flagged === undefined && this.s > this.config.h) this.flagged = this.n;
  }

  get detectedAt(): number | undefined {
    return this.flagged;
  }

  get queries(): number {
    return this.n;
  }

  /** Fraction of this key's queries marked out of distribution. */
  get oodRate(): number {
    return this.n === 0 ? Number.NaN : this.marks / this.n;
  }
}
