/** MinMaxScaler: maps each feature's observed [min, max] linearly onto a target range. */
import { UsageError } from '../../core/errors.js';
import type { FeatureInput, FeatureMatrix } from '../feature-matrix.js';
import { columnMinMax, safeScale } from './column-stats.js';
import type { MinMaxScalerState } from './state.js';
import { BaseTransformer } from './transformer.js';

/** Options of {@link MinMaxScaler} (scikit-learn's `feature_range`, `clip`). */
export interface MinMaxScalerOptions {
  /** Target interval [a, b] with a < b (default [0, 1]; [0, π] suits angle encodings). */
  readonly featureRange?: readonly [number, number];
  /** Clip transformed values into the range (default false, as scikit-learn). */
  readonly clip?: boolean;
}

/**
 * x' = x · scale + min with scale = (b − a) / (dataMax − dataMin) and min = a − dataMin · scale,
 * exactly scikit-learn's `scale_` and `min_`; a constant feature gets scale b − a.
 */
export class MinMaxScaler extends BaseTransformer {
  readonly kind = 'min-max-scaler' as const;
  readonly featureRange: readonly [number, number];
  readonly clip: boolean;
  private fitted: { dataMin: Float64Array; dataMax: Float64Array; scale: Float64Array; min: Float64Array; nSamplesSeen: number } | undefined;

  constructor(options: MinMaxScalerOptions = {}) {
    super();
    const range = options.featureRange ?? [0, 1];
    const [a, b] = range;
    if (!Number.isFinite(a) || !Number.isFinite(b) || !(a < b)) throw new UsageError(`MinMaxScaler: featureRange must be finite [min, max] with min < max, got [${a}, ${b}]`);
    this.featureRange = [a, b];
    this.clip = options.clip ?? false;
  }

  /** Restores a scaler from validated state. */
  static fromState(state: MinMaxScalerState): MinMaxScaler {
    const s = new MinMaxScaler(state.params);
    if (state.fitted) s.setFitted(Float64Array.from(state.fitted.dataMin), Float64Array.from(state.fitted.dataMax), state.fitted.nSamplesSeen);
    return s;
  }

  get nFeaturesIn(): number | undefined {
    return this.fitted?.dataMin.length;
  }

  get nFeaturesOut(): number | undefined {
    return this.nFeaturesIn;
  }

  /** Per-feature observed minima (`data_min_`). */
  get dataMin(): Float64Array | undefined {
    return this.fitted?.dataMin.slice();
  }

  /** Per-feature observed maxima (`data_max_`). */
  get dataMax(): Float64Array | undefined {
    return this.fitted?.dataMax.slice();
  }

  /** Per-feature multipliers (`scale_`). */
  get scale(): Float64Array | undefined {
    return this.fitted?.scale.slice();
  }

  /** Per-feature offsets (`min_`). */
  get min(): Float64Array | undefined {
    return this.fitted?.min.slice();
  }

  protected fitMatrix(x: FeatureMatrix): void {
    const { min, max } = columnMinMax(x);
    this.setFitted(min, max, x.rows);
  }

  protected applyRow(src: ArrayLike<number>, srcOff: number, out: Float64Array, outOff: number): void {
    const { scale, min } = this.fitted as NonNullable<typeof this.fitted>;
    const [a, b] = this.featureRange;
    for (let j = 0; j < scale.length; j++) {
      let v = (src[srcOff + j] as number) * (scale[j] as number) + (min[j] as number);
      if (this.clip) v = v < a ? a : v > b ? b : v;
      out[outOff + j] = v;
    }
  }

  /** x = (x' − min) / scale. */
  inverseTransform(x: FeatureInput): FeatureMatrix {
    return this.inverseWith(x, (src, srcOff, out, outOff) => {
      const { scale, min } = this.fitted as NonNullable<typeof this.fitted>;
      for (let j = 0; j < scale.length; j++) out[outOff + j] = ((src[srcOff + j] as number) - (min[j] as number)) / (scale[j] as number);
    });
  }

  toJSON(): MinMaxScalerState {
    const f = this.fitted;
    return {
      kind: this.kind,
      version: 1,
      params: { featureRange: [this.featureRange[0], this.featureRange[1]], clip: this.clip },
      ...(f ? { fitted: { nFeaturesIn: f.dataMin.length, nSamplesSeen: f.nSamplesSeen, dataMin: Array.from(f.dataMin), dataMax: Array.from(f.dataMax) } } : {}),
    };
  }

  private setFitted(dataMin: Float64Array, dataMax: Float64Array, nSamplesSeen: number): void {
    const [a, b] = this.featureRange;
    const scale = new Float64Array(dataMin.length);
    const min = new Float64Array(dataMin.length);
    for (let j = 0; j < dataMin.length; j++) {
      scale[j] = (b - a) / safeScale((dataMax[j] as number) - (dataMin[j] as number));
      min[j] = a - (dataMin[j] as number) * (scale[j] as number);
    }
    this.fitted = { dataMin, dataMax, scale, min, nSamplesSeen };
  }
}
