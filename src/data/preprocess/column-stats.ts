/** Per-column statistics computed the way scikit-learn computes them (population variance). */
import type { FeatureMatrix } from '../feature-matrix.js';

const EPS = Number.EPSILON;

/** Column means and population variances (ddof = 0), two-pass with a rounding correction. */
export function columnMeanVariance(m: FeatureMatrix): { mean: Float64Array; variance: Float64Array } {
  const { rows, cols, data } = m;
  const mean = new Float64Array(cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) mean[j] = (mean[j] as number) + (data[i * cols + j] as number);
  for (let j = 0; j < cols; j++) mean[j] = (mean[j] as number) / rows;
  const sq = new Float64Array(cols);
  const corr = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const d = (data[i * cols + j] as number) - (mean[j] as number);
      sq[j] = (sq[j] as number) + d * d;
      corr[j] = (corr[j] as number) + d;
    }
  }
  const variance = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    const c = corr[j] as number;
    variance[j] = Math.max(0, ((sq[j] as number) - (c * c) / rows) / rows);
  }
  return { mean, variance };
}

/** Column minima and maxima. */
export function columnMinMax(m: FeatureMatrix): { min: Float64Array; max: Float64Array } {
  const { rows, cols, data } = m;
  const min = new Float64Array(cols).fill(Infinity);
  const max = new Float64Array(cols).fill(-Infinity);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = data[i * cols + j] as number;
      if (v < (min[j] as number)) min[j] = v;
      if (v > (max[j] as number)) max[j] = v;
    }
  }
  return { min, max };
}

/**
 * scikit-learn's `_is_constant_feature`: a variance at the level of rounding error of the mean
 * counts as zero, so constant columns are left unscaled instead of blown up.
 */
export function isConstantFeature(variance: number, mean: number, nSamples: number): boolean {
  const upper = nSamples * EPS * variance + (nSamples * mean * EPS) ** 2;
  return variance <= upper;
}

/** scikit-learn's `_handle_zeros_in_scale`: a scale below 10·eps (or flagged constant) becomes 1. */
export function safeScale(scale: number, constant = false): number {
  return constant || scale < 10 * EPS ? 1 : scale;
}
