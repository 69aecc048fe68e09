/** StandardScaler: (x − mean) / std per feature, with the population std (ddof = 0) like scikit-learn. */
import type { FeatureInput, FeatureMatrix } from '../feature-matrix.js';
import { columnMeanVariance, isConstantFeature, safeScale } from './column-stats.js';
import type { StandardScalerState } from './state.js';
import { BaseTransformer } from './transformer.js';

/** Options of {@link StandardScaler} (scikit-learn's `with_mean`, `with_std`). */
export interface StandardScalerOptions {
  /** Subtract the mean (default true). */
  readonly withMean?: boolean;
  /** Divide by the standard deviation (default true). */
  readonly withStd?: boolean;
}

/**
 * Standardises features: z = (x − mean) / scale, scale = √(population variance). A constant
 * feature (variance at rounding level) keeps scale 1, as in scikit-learn.
 */
export class StandardScaler extends BaseTransformer {
  readonly kind = 'standard-scaler' as const;
  readonly withMean: boolean;
  readonly withStd: boolean;
  private fitted: { mean: Float64Array; variance: Float64Array; scale: Float64Array; nSamplesSeen: number } | undefined;

  constructor(options: StandardScalerOptions = {}) {
    super();
    this.withMean = options.withMean ?? true;
    this.withStd = options.withStd ?? true;
  }

  /** Restores a scaler from validated state. */
  static fromState(state: StandardScalerState): StandardScaler {
    const s = new StandardScaler(state.params);
    if (state.fitted) s.setFitted(Float64Array.from(state.fitted.mean), Float64Array.from(state.fitted.variance), state.fitted.nSamplesSeen);
    return s;
  }

  get nFeaturesIn(): number | undefined {
    return this.fitted?.mean.length;
  }

  get nFeaturesOut(): number | undefined {
    return this.nFeaturesIn;
  }

  /** Per-feature means (scikit-learn `mean_`). */
  get mean(): Float64Array | undefined {
    return this.fitted?.mean.slice();
  }

  /** Per-feature population variances (`var_`). */
  get variance(): Float64Array | undefined {
    return this.fitted?.variance.slice();
  }

  /** Per-feature divisors (`scale_`): √variance, or 1 for constant features. */
  get scale(): Float64Array | undefined {
    return this.fitted?.scale.slice();
  }

  protected fitMatrix(x: FeatureMatrix): void {
    const { mean, variance } = columnMeanVariance(x);
    this.setFitted(mean, variance, x.rows);
  }

  protected applyRow(src: ArrayLike<number>, srcOff: number, out: Float64Array, outOff: number): void {
    const { mean, scale } = this.fitted as NonNullable<typeof this.fitted>;
    const d = mean.length;
    for (let j = 0; j < d; j++) {
      let v = src[srcOff + j] as number;
      if (this.withMean) v -= mean[j] as number;
      if (this.withStd) v /= scale[j] as number;
      out[outOff + j] = v;
    }
  }

  /** x = z · scale + mean. */
  inverseTransform(x: FeatureInput): FeatureMatrix {
    return this.inverseWith(x, (src, srcOff, out, outOff) => {
      const { mean, scale } = this.fitted as NonNullable<typeof this.fitted>;
      for (let j = 0; j < mean.length; j++) {
        let v = src[srcOff + j] as number;
        if (this.withStd) v *= scale[j] as number;
        if (this.withMean) v += mean[j] as number;
        out[outOff + j] = v;
      }
    });
  }

  toJSON(): StandardScalerState {
    const f = this.fitted;
    return {
      kind: this.kind,
      version: 1,
      params: { withMean: this.withMean, withStd: this.withStd },
      ...(f ? { fitted: { nFeaturesIn: f.mean.length, nSamplesSeen: f.nSamplesSeen, mean: Array.from(f.mean), variance: Array.from(f.variance) } } : {}),
    };
  }

  private setFitted(mean: Float64Array, variance: Float64Array, nSamplesSeen: number): void {
    const scale = new Float64Array(mean.length);
    for (let j = 0; j < mean.length; j++) {
      const v = variance[j] as number;
      scale[j] = safeScale(Math.sqrt(v), isConstantFeature(v, mean[j] as number, nSamplesSeen));
    }
    this.fitted = { mean, variance, scale, nSamplesSeen };
  }
}
