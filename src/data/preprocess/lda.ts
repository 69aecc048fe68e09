/**
 * Linear discriminant analysis as a supervised projection, following scikit-learn's
 * `LinearDiscriminantAnalysis(solver='svd')`: whiten the within-class scatter with an SVD,
 * then take the SVD of the whitened class means. The SVDs come from `ml-matrix`.
 *
 * Conventions (documented because LDA directions are only defined up to them): the output has
 * unit pooled within-class variance (within-class covariance with denominator n − k is the
 * identity), exactly as scikit-learn's `transform`; the sign of each direction is chosen so its
 * largest-magnitude entry is positive, whereas scikit-learn leaves the SVD's sign — so outputs
 * agree with scikit-learn's up to the sign of each column. Priors are the class frequencies.
 */
import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import { InputError, UsageError } from '../../core/errors.js';
import type { FeatureMatrix } from '../feature-matrix.js';
import type { LDAState } from './state.js';
import { BaseTransformer } from './transformer.js';

/** Options of {@link LinearDiscriminantAnalysis}. */
export interface LDAOptions {
  /** Output dimensions, at most min(classes − 1, features) (default that maximum). */
  readonly nComponents?: number | null;
  /** Singular values below `tol` (first SVD) or `tol · S₀` (second) count as zero (default 1e-4, as scikit-learn). */
  readonly tol?: number;
}

interface LDAFit {
  readonly xbar: Float64Array;
  /** m × d, row-major: output c = (x − xbar) · scalings[c]. */
  readonly scalings: Float64Array;
  readonly m: number;
  readonly nClasses: number;
  readonly explainedVarianceRatio: Float64Array;
  readonly nSamplesSeen: number;
}

/** Supervised dimensionality reduction to at most (classes − 1) discriminant directions. */
export class LinearDiscriminantAnalysis extends BaseTransformer {
  readonly kind = 'lda' as const;
  readonly nComponents: number | null;
  readonly tol: number;
  protected override readonly minFitRows = 2;
  private fitted: LDAFit | undefined;
  private centred = new Float64Array(0);

  constructor(options: LDAOptions = {}) {
    super();
    const k = options.nComponents ?? null;
    if (k !== null && !(Number.isInteger(k) && k >= 1)) throw new UsageError(`LDA: nComponents must be a whole number ≥ 1, got ${k}`);
    const tol = options.tol ?? 1e-4;
    if (!(Number.isFinite(tol) && tol > 0)) throw new UsageError(`LDA: tol must be a positive number, got ${tol}`);
    this.nComponents = k;
    this.tol = tol;
  }

  /** Restores an LDA from validated state. */
  static fromState(state: LDAState): LinearDiscriminantAnalysis {
    const lda = new LinearDiscriminantAnalysis(state.params);
    const f = state.fitted;
    if (f) {
      lda.setFitted({
        xbar: Float64Array.from(f.xbar),
        scalings: Float64Array.from(f.scalings.flat()),
        m: f.scalings.length,
        nClasses: f.nClasses,
        explainedVarianceRatio: Float64Array.from(f.explainedVarianceRatio),
        nSamplesSeen: f.nSamplesSeen,
      });
    }
    return lda;
  }

  get nFeaturesIn(): number | undefined {
    return this.fitted?.xbar.length;
  }

  get nFeaturesOut(): number | undefined {
    return this.fitted?.m;
  }

  /** Share of between-class variance along each discriminant (`explained_variance_ratio_`). */
  get explainedVarianceRatio(): Float64Array | undefined {
    return this.fitted?.explainedVarianceRatio.slice();
  }

  /** Discriminant directions as rows (columns of scikit-learn's `scalings_`, up to sign). */
  get scalings(): number[][] | undefined {
    const f = this.fitted;
    if (!f) return undefined;
    const d = f.xbar.length;
    return Array.from({ length: f.m }, (_, c) => Array.from(f.scalings.subarray(c * d, (c + 1) * d)));
  }

  /** The weighted mean of the class means (`xbar_`), subtracted before projecting. */
  get xbar(): Float64Array | undefined {
    return this.fitted?.xbar.slice();
  }

  protected fitMatrix(x: FeatureMatrix, y: Int32Array | undefined): void {
    if (y === undefined) throw new UsageError('LDA: fit needs the labels y (it is supervised)');
    const { rows: n, cols: d, data } = x;
    const classes = [...new Set(y)].sort((a, b) => a - b);
    const k = classes.length;
    if (k < 2) throw new InputError(`LDA: fit needs at least 2 classes, y has ${k}`, 'LABEL');
    if (n <= k) throw new InputError(`LDA: fit needs more rows (${n}) than classes (${k})`, 'SHAPE');
    const index = new Map(classes.map((c, i) => [c, i] as const));
    const counts = new Float64Array(k);
    const means = new Matrix(k, d);
    for (let i = 0; i < n; i++) {
      const c = index.get(y[i] as number) as number;
      counts[c] = (counts[c] as number) + 1;
      for (let j = 0; j < d; j++) means.set(c, j, means.get(c, j) + (data[i * d + j] as number));
    }
    for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) means.set(c, j, means.get(c, j) / (counts[c] as number));
    const priors = Array.from(counts, (m) => m / n);
    const xbar = new Float64Array(d);
    for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) xbar[j] = (xbar[j] as number) + (priors[c] as number) * means.get(c, j);

    // Within-class: centre each row on its class mean, scale columns by their std.
    const within = new Matrix(n, d);
    for (let i = 0; i < n; i++) {
      const c = index.get(y[i] as number) as number;
      for (let j = 0; j < d; j++) within.set(i, j, (data[i * d + j] as number) - means.get(c, j));
    }
    const std = new Float64Array(d);
    for (let j = 0; j < d; j++) {
      let mu = 0;
      for (let i = 0; i < n; i++) mu += within.get(i, j);
      mu /= n;
      let s = 0;
      for (let i = 0; i < n; i++) s += (within.get(i, j) - mu) ** 2;
      std[j] = Math.sqrt(s / n) || 1;
    }
    const fac = 1 / (n - k);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) within.set(i, j, (Math.sqrt(fac) * within.get(i, j)) / (std[j] as number));
    const svd1 = new SingularValueDecomposition(within, { computeLeftSingularVectors: false, computeRightSingularVectors: true, autoTranspose: true });
    const s1 = svd1.diagonal;
    const v1 = svd1.rightSingularVectors; // d × p
    const rank = s1.filter((s) => s > this.tol).length;
    if (rank === 0) throw new InputError('LDA: the within-class scatter is zero (every class is a single point)', 'DEGENERATE');
    // scalings1 (d × rank) = V[:, :rank] / std[:, None] / S[:rank]
    const scalings1 = new Matrix(d, rank);
    for (let j = 0; j < d; j++) for (let r = 0; r < rank; r++) scalings1.set(j, r, v1.get(j, r) / (std[j] as number) / (s1[r] as number));

    // Between-class: weighted, centred class means in the whitened space.
    const facB = 1 / (k - 1);
    const between = new Matrix(k, d);
    for (let c = 0; c < k; c++) {
      const w = Math.sqrt(n * (priors[c] as number) * facB);
      for (let j = 0; j < d; j++) between.set(c, j, w * (means.get(c, j) - (xbar[j] as number)));
    }
    const projected = between.mmul(scalings1); // k × rank
    const svd2 = new SingularValueDecomposition(projected, { computeLeftSingularVectors: false, computeRightSingularVectors: true, autoTranspose: true });
    const s2 = svd2.diagonal;
    const v2 = svd2.rightSingularVectors; // rank × p2
    const maxComponents = Math.min(k - 1, d);
    if (this.nComponents !== null && this.nComponents > maxComponents) {
      throw new InputError(`LDA: nComponents = ${this.nComponents} but at most min(classes − 1, features) = ${maxComponents} directions exist`, 'SHAPE');
    }
    const total = s2.reduce((a, s) => a + s * s, 0);
    const ratios = Float64Array.from(s2.slice(0, maxComponents), (s) => (total > 0 ? (s * s) / total : 0));
    const rank2 = s2.filter((s) => s > this.tol * (s2[0] as number)).length;
    const m = Math.min(rank2, this.nComponents ?? maxComponents);
    if (m === 0) throw new InputError('LDA: the class means coincide, so there is no discriminant direction', 'DEGENERATE');
    const scalings = new Float64Array(m * d);
    for (let c = 0; c < m; c++) {
      let best = 0;
      for (let j = 0; j < d; j++) {
        let v = 0;
        for (let r = 0; r < rank; r++) v += scalings1.get(j, r) * v2.get(r, c);
        scalings[c * d + j] = v;
        if (Math.abs(v) > Math.abs(scalings[c * d + best] as number)) best = j;
      }
      if ((scalings[c * d + best] as number) < 0) for (let j = 0; j < d; j++) scalings[c * d + j] = -(scalings[c * d + j] as number);
    }
    this.setFitted({ xbar, scalings, m, nClasses: k, explainedVarianceRatio: ratios, nSamplesSeen: n });
  }

  protected applyRow(src: ArrayLike<number>, srcOff: number, out: Float64Array, outOff: number): void {
    const f = this.fitted as LDAFit;
    const d = f.xbar.length;
    const centred = this.centred;
    for (let j = 0; j < d; j++) centred[j] = (src[srcOff + j] as number) - (f.xbar[j] as number);
    for (let c = 0; c < f.m; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += (centred[j] as number) * (f.scalings[c * d + j] as number);
      out[outOff + c] = s;
    }
  }

  toJSON(): LDAState {
    const f = this.fitted;
    return {
      kind: this.kind,
      version: 1,
      params: { nComponents: this.nComponents, tol: this.tol },
      ...(f
        ? {
            fitted: {
              nFeaturesIn: f.xbar.length,
              nSamplesSeen: f.nSamplesSeen,
              nClasses: f.nClasses,
              xbar: Array.from(f.xbar),
              scalings: this.scalings as number[][],
              explainedVarianceRatio: Array.from(f.explainedVarianceRatio),
            },
          }
        : {}),
    };
  }

  private setFitted(fit: LDAFit): void {
    this.fitted = fit;
    this.centred = new Float64Array(fit.xbar.length);
  }
}
