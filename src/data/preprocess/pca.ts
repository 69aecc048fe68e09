/**
 * PCA with scikit-learn's conventions: centred (not scaled) data, components from the SVD
 * (computed by `ml-pca`), explained variance S²/(n − 1) and its ratio to the total variance,
 * optional whitening. Signs follow scikit-learn ≥ 1.5: each component's largest-magnitude
 * entry is positive (components are defined only up to sign).
 */
import { PCA as MlPCA } from 'ml-pca';
import { Matrix } from 'ml-matrix';
import { InputError, UsageError } from '../../core/errors.js';
import type { FeatureInput, FeatureMatrix } from '../feature-matrix.js';
import type { PCAState } from './state.js';
import { BaseTransformer } from './transformer.js';

/** Options of {@link PCA}. */
export interface PCAOptions {
  /**
   * Components to keep: a whole number ≥ 1, or a fraction in (0, 1) meaning "the fewest
   * components whose cumulative explained-variance ratio exceeds it" (default: min(n, d)).
   */
  readonly nComponents?: number | null;
  /** Scale each component to unit variance (default false). */
  readonly whiten?: boolean;
}

interface PCAFit {
  readonly mean: Float64Array;
  /** k × d, row-major. */
  readonly components: Float64Array;
  readonly k: number;
  readonly explainedVariance: Float64Array;
  readonly explainedVarianceRatio: Float64Array;
  readonly nSamplesSeen: number;
}

/** Principal component analysis (scikit-learn's `PCA`, full SVD solver). */
export class PCA extends BaseTransformer {
  readonly kind = 'pca' as const;
  readonly nComponents: number | null;
  readonly whiten: boolean;
  protected override readonly minFitRows = 2;
  private fitted: PCAFit | undefined;
  private centred = new Float64Array(0);

  constructor(options: PCAOptions = {}) {
    super();
    const k = options.nComponents ?? null;
    if (k !== null && !(Number.isFinite(k) && k > 0 && (Number.isInteger(k) || k < 1))) {
      throw new UsageError(`PCA: nComponents must be a whole number ≥ 1 or a fraction in (0, 1), got ${k}`);
    }
    this.nComponents = k;
    this.whiten = options.whiten ?? false;
  }

  /** Restores a PCA from validated state. */
  static fromState(state: PCAState): PCA {
    const p = new PCA(state.params);
    const f = state.fitted;
    if (f) {
      p.setFitted({
        mean: Float64Array.from(f.mean),
        components: Float64Array.from(f.components.flat()),
        k: f.components.length,
        explainedVariance: Float64Array.from(f.explainedVariance),
        explainedVarianceRatio: Float64Array.from(f.explainedVarianceRatio),
        nSamplesSeen: f.nSamplesSeen,
      });
    }
    return p;
  }

  get nFeaturesIn(): number | undefined {
    return this.fitted?.mean.length;
  }

  get nFeaturesOut(): number | undefined {
    return this.fitted?.k;
  }

  /** Per-feature means (`mean_`). */
  get mean(): Float64Array | undefined {
    return this.fitted?.mean.slice();
  }

  /** The kept components as rows (`components_`), unit length and mutually orthogonal. */
  get components(): number[][] | undefined {
    const f = this.fitted;
    if (!f) return undefined;
    const d = f.mean.length;
    return Array.from({ length: f.k }, (_, i) => Array.from(f.components.subarray(i * d, (i + 1) * d)));
  }

  /** Variance along each kept component (`explained_variance_`, ddof = 1). */
  get explainedVariance(): Float64Array | undefined {
    return this.fitted?.explainedVariance.slice();
  }

  /** Share of the total variance along each kept component (`explained_variance_ratio_`). */
  get explainedVarianceRatio(): Float64Array | undefined {
    return this.fitted?.explainedVarianceRatio.slice();
  }

  protected fitMatrix(x: FeatureMatrix): void {
    const { rows: n, cols: d } = x;
    const data = new Matrix(n, d);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) data.set(i, j, x.data[i * d + j] as number);
    const ml = new MlPCA(data, { method: 'SVD', center: true, scale: false });
    const eigenvalues = ml.getEigenvalues().map((v) => Math.max(0, v));
    const totalVariance = eigenvalues.reduce((a, b) => a + b, 0);
    const ratios = eigenvalues.map((v) => (totalVariance > 0 ? v / totalVariance : 0));
    const vectors = ml.getEigenvectors(); // d × r, columns are components
    const mean = Float64Array.from(ml.toJSON().means);
    const available = Math.min(eigenvalues.length, vectors.columns, n, d);
    const k = this.chooseComponents(ratios, available);
    const components = new Float64Array(k * d);
    for (let c = 0; c < k; c++) {
      let best = 0;
      for (let j = 1; j < d; j++) if (Math.abs(vectors.get(j, c)) > Math.abs(vectors.get(best, c))) best = j;
      const sign = vectors.get(best, c) < 0 ? -1 : 1;
      for (let j = 0; j < d; j++) components[c * d + j] = sign * vectors.get(j, c);
    }
    const explainedVariance = Float64Array.from(eigenvalues.slice(0, k));
    if (this.whiten) {
      explainedVariance.forEach((v, c) => {
        if (!(v > 0)) throw new InputError(`PCA: component ${c} has zero variance, so it cannot be whitened; ask for fewer components`, 'DEGENERATE');
      });
    }
    this.setFitted({
      mean,
      components,
      k,
      explainedVariance,
      explainedVarianceRatio: Float64Array.from(ratios.slice(0, k), (v) => Math.min(1, v)),
      nSamplesSeen: n,
    });
  }

  protected applyRow(src: ArrayLike<number>, srcOff: number, out: Float64Array, outOff: number): void {
    const f = this.fitted as PCAFit;
    const d = f.mean.length;
    const centred = this.centred;
    for (let j = 0; j < d; j++) centred[j] = (src[srcOff + j] as number) - (f.mean[j] as number);
    for (let c = 0; c < f.k; c++) {
      let s = 0;
      const base = c * d;
      for (let j = 0; j < d; j++) s += (centred[j] as number) * (f.components[base + j] as number);
      out[outOff + c] = this.whiten ? s / Math.sqrt(f.explainedVariance[c] as number) : s;
    }
  }

  /**
   * Back to feature space: x ≈ z · components + mean (exact when every component is kept, the
   * projection onto the kept components otherwise — as scikit-learn's `inverse_transform`).
   */
  inverseTransform(x: FeatureInput): FeatureMatrix {
    return this.inverseWith(x, (src, srcOff, out, outOff) => {
      const f = this.fitted as PCAFit;
      const d = f.mean.length;
      for (let j = 0; j < d; j++) out[outOff + j] = f.mean[j] as number;
      for (let c = 0; c < f.k; c++) {
        const z = (src[srcOff + c] as number) * (this.whiten ? Math.sqrt(f.explainedVariance[c] as number) : 1);
        for (let j = 0; j < d; j++) out[outOff + j] = (out[outOff + j] as number) + z * (f.components[c * d + j] as number);
      }
    });
  }

  toJSON(): PCAState {
    const f = this.fitted;
    return {
      kind: this.kind,
      version: 1,
      params: { nComponents: this.nComponents, whiten: this.whiten },
      ...(f
        ? {
            fitted: {
              nFeaturesIn: f.mean.length,
              nSamplesSeen: f.nSamplesSeen,
              mean: Array.from(f.mean),
              components: this.components as number[][],
              explainedVariance: Array.from(f.explainedVariance),
              explainedVarianceRatio: Array.from(f.explainedVarianceRatio),
            },
          }
        : {}),
    };
  }

  private chooseComponents(ratios: readonly number[], available: number): number {
    const k = this.nComponents;
    if (k === null) return available;
    if (Number.isInteger(k)) {
      if (k > available) throw new InputError(`PCA: nComponents = ${k} but the data allow at most min(rows, features) = ${available}`, 'SHAPE');
      return k;
    }
    let cumulative = 0;
    for (let c = 0; c < available; c++) {
      cumulative += ratios[c] as number;
      if (cumulative > k) return c + 1;
    }
    return available;
  }

  private setFitted(fit: PCAFit): void {
    this.fitted = fit;
    this.centred = new Float64Array(fit.mean.length);
  }
}
