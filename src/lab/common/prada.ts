/**
 * PRADA (Juuti, Szyller, Marchal & Asokan, "PRADA: Protecting against DNN Model Stealing
 * Attacks", EuroS&P 2019), a per-client detector of model-extraction query streams.
 *
 * For every query x with predicted class c, PRADA takes the minimum L2 distance from x to the
 * client's "growing set" G_c of earlier class-c queries; the distance joins the stream D. If
 * it exceeds the class threshold T_c, x joins G_c and T_c rises to max(T_c, mean − std of the
 * distances that admitted G_c's members). Natural queries give a roughly normal D; synthetic
 * ones (perturbations of earlier queries, as in Papernot et al.'s Jacobian augmentation) give
 * many tiny distances and a skewed D. Every `testEvery` queries, once D (classes with at least
 * `minPerClass` distances, outliers beyond 3σ removed) holds more than `minDistances` values,
 * PRADA computes the Shapiro–Wilk W of D and raises the alarm when W < δ. The procedure
 * follows the authors' reference implementation (Aalto SSG, Apache-2.0); δ is the defender's
 * choice, calibrated on honest traffic.
 */
import { InputError } from '../../core/errors.js';
import { SHAPIRO_WILK_MAX_N, shapiroWilkW } from './shapiro-wilk.js';
import type { StreamDetector } from './stream-detector.js';

/** Settings of {@link PradaDetector}. */
export interface PradaOptions {
  /** Alarm threshold δ on W. */
  readonly delta: number;
  /** Run the test every this many queries (default 10, as the reference implementation). */
  readonly testEvery?: number;
  /** Classes contribute to the test once they have this many distances (default 10). */
  readonly minPerClass?: number;
  /** The test runs only with more than this many distances (default 100). */
  readonly minDistances?: number;
}

/** What one observed query did to the detector. */
export interface PradaObservation {
  /** 1-based index of the query in the client's stream. */
  readonly query: number;
  /** W of the latest test (NaN before the first test). */
  readonly w: number;
  /** True once a test has raised the alarm (stays raised). */
  readonly flagged: boolean;
}

function euclidean(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += ((a[i] as number) - (b[i] as number)) ** 2;
  return Math.sqrt(s);
}

function meanStd(values: readonly number[]): { mean: number; std: number } {
  const n = values.length;
  let m = 0;
  for (const v of values) m += v;
  m /= n;
  let s = 0;
  for (const v of values) s += (v - m) ** 2;
  return { mean: m, std: Math.sqrt(s / n) };
}

/** PRADA for one client (API key). */
export class PradaDetector implements StreamDetector {
  readonly delta: number;
  private readonly testEvery: number;
  private readonly minPerClass: number;
  private readonly minDistances: number;
  private readonly growing = new Map<number, Float64Array[]>();
  private readonly growingDistances = new Map<number, number[]>();
  private readonly thresholds = new Map<number, number>();
  private readonly distances = new Map<number, number[]>();
  private processed = 0;
  private lastW = Number.NaN;
  private minW = Number.POSITIVE_INFINITY;
  private flaggedAt: number | undefined;

  constructor(options: PradaOptions) {
    if (!(options.delta > 0 && options.delta <= 1)) throw new InputError(`PRADA's threshold δ must be in (0, 1], got ${options.delta}`, 'PRADA');
    this.delta = options.delta;
    this.testEvery = options.testEvery ?? 10;
    this.minPerClass = options.minPerClass ?? 10;
    this.minDistances = options.minDistances ?? 100;
  }

  /** Queries seen so far. */
  get queries(): number {
    return this.processed;
  }

  /** 1-based index of the query at which the alarm was first raised, if it was. */
  get detectedAt(): number | undefined {
    return this.flaggedAt;
  }

  /** Smallest W any test produced so far (+∞ before the first test). */
  get smallestW(): number {
    return this.minW;
  }

  /** Feeds one query (raw input row) and the class the model answered. */
  observe(input: ArrayLike<number>, predictedClass: number): PradaObservation {
    const x = Float64Array.from(input as ArrayLike<number>);
    const set = this.growing.get(predictedClass);
    if (!set) {
      this.growing.set(predictedClass, [x]);
      this.growingDistances.set(predictedClass, [0]);
      this.thresholds.set(predictedClass, 0);
    } else {
      let min = Number.POSITIVE_INFINITY;
      for (const g of set) min = Math.min(min, euclidean(g, x));
      const d = this.distances.get(predictedClass);
      if (d) d.push(min);
      else this.distances.set(predictedClass, [min]);
      if (min > (this.thresholds.get(predictedClass) as number)) {
        set.push(x);
        const gd = this.growingDistances.get(predictedClass) as number[];
        gd.push(min);
        const { mean, std } = meanStd(gd);
        this.thresholds.set(predictedClass, Math.max(this.thresholds.get(predictedClass) as number, mean - std));
      }
    }
    if (this.processed % this.testEvery === 0) this.test();
    this.processed++;
    if (this.flaggedAt === undefined && this.lastW < this.delta) this.flaggedAt = this.processed;
    return { query: this.processed, w: this.lastW, flagged: this.flaggedAt !== undefined };
  }

  private test(): void {
    const pooled: number[] = [];
    for (const d of this.distances.values()) if (d.length >= this.minPerClass) pooled.push(...d);
    if (pooled.length <= this.minDistances) return;
    const { mean, std } = meanStd(pooled);
    let kept = pooled.filter((v) => Math.abs(v - mean) < 3 * std);
    if (kept.length <= this.minDistances) return;
    if (kept.length > SHAPIRO_WILK_MAX_N) kept = kept.slice(kept.length - SHAPIRO_WILK_MAX_N);
    let allEqual = true;
    for (const v of kept) if (v !== kept[0]) allEqual = false;
    this.lastW = allEqual ? 0 : shapiroWilkW(kept);
    this.minW = Math.min(this.minW, this.lastW);
  }
}
