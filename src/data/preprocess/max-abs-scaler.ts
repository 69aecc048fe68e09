/** MaxAbsScaler: divides each feature by its largest absolute value (keeps zeros and signs). */
import type { FeatureInput, FeatureMatrix } from '../feature-matrix.js';
import { safeScale } from './column-stats.js';
import type { MaxAbsScalerState } from './state.js';
import { BaseTransformer } from './transformer.js';

/** x' = x / maxAbs per feature (scikit-learn's `MaxAbsScaler`); an all-zero feature is left as is. */
export class MaxAbsScaler extends BaseTransformer {
  readonly kind = 'max-abs-scaler' as const;
  private fitted: { maxAbs: Float64Array; scale: Float64Array; nSamplesSeen: number } | undefined;

  /** Restores a scaler from validated state. */
  static fromState(state: MaxAbsScalerState): MaxAbsScaler {
    const s = new MaxAbsScaler();
    if (state.fitted) s.setFitted(Float64Array.from(state.fitted.maxAbs), state.fitted.nSamplesSeen);
    return s;
  }

  get nFeaturesIn(): number | undefined {
    return this.fitted?.maxAbs.length;
  }

  get nFeaturesOut(): number | undefined {
    return this.nFeaturesIn;
  }

  /** Per-feature largest absolute values (`max_abs_`). */
  get maxAbs(): Float64Array | undefined {
    return this.fitted?.maxAbs.slice();
  }

  /** Per-feature divisors (`scale_`). */
  get scale(): Float64Array | undefined {
    return this.fitted?.scale.slice();
  }

  protected fitMatrix(x: FeatureMatrix): void {
    const maxAbs = new Float64Array(x.cols);
    for (let i = 0; i < x.rows; i++) {
      for (let j = 0; j < x.cols; j++) {
        const v = Math.abs(x.data[i * x.cols + j] as number);
        if (v > (maxAbs[j] as number)) maxAbs[j] = v;
      }
    }
    this.setFitted(maxAbs, x.rows);
  }

  protected applyRow(src: ArrayLike<number>, srcOff: number, out: Float64Array, outOff: number): void {
    const { scale } = this.fitted as NonNullable<typeof this.fitted>;
    for (let j = 0; j < scale.length; j++) out[outOff + j] = (src[srcOff + j] as number) / (scale[j] as number);
  }

  /** x = x' · maxAbs. */
  inverseTransform(x: FeatureInput): FeatureMatrix {
    return this.inverseWith(x, (src, srcOff, out, outOff) => {
      const { scale } = this.fitted as NonNullable<typeof this.fitted>;
      for (let j = 0; j < scale.length; j++) out[outOff + j] = (src[srcOff + j] as number) * (scale[j] as number);
    });
  }

  toJSON(): MaxAbsScalerState {
    const f = this.fitted;
    return {
      kind: this.kind,
      version: 1,
      params: {},
      ...(f ? { fitted: { nFeaturesIn: f.maxAbs.length, nSamplesSeen: f.nSamplesSeen, maxAbs: Array.from(f.maxAbs) } } : {}),
    };
  }

  private setFitted(maxAbs: Float64Array, nSamplesSeen: number): void {
    this.fitted = { maxAbs, scale: maxAbs.map((m) => safeScale(m)), nSamplesSeen };
  }
}
