/** Label helpers used by training: class counts, one-hot targets, balanced class weights. */
import { InputError } from '../core/errors.js';
import type { FeatureMatrix } from './feature-matrix.js';

/** How many labels fall in each class 0..k-1 (k defaults to max label + 1). */
export function classCounts(labels: ArrayLike<number>, k?: number): number[] {
  const nClasses = k ?? inferClassCount(labels);
  const counts = new Array<number>(nClasses).fill(0);
  for (let i = 0; i < labels.length; i++) {
    const y = checkLabel(labels[i] as number, i, nClasses);
    counts[y] = (counts[y] as number) + 1;
  }
  return counts;
}

/** One-hot encoding: an n × k matrix with a 1 in column `labels[i]` of row i. */
export function oneHot(labels: ArrayLike<number>, k?: number): FeatureMatrix {
  const nClasses = k ?? inferClassCount(labels);
  const data = new Float64Array(labels.length * nClasses);
  for (let i = 0; i < labels.length; i++) data[i * nClasses + checkLabel(labels[i] as number, i, nClasses)] = 1;
  return { rows: labels.length, cols: nClasses, data };
}

/**
 * Class weights that balance the classes, `n / (k · count_c)` (scikit-learn's
 * `compute_class_weight('balanced')`). A class with no samples gets weight 0.
 */
export function classWeights(labels: ArrayLike<number>, k?: number): number[] {
  const counts = classCounts(labels, k);
  const present = counts.filter((c) => c > 0).length;
  return counts.map((c) => (c === 0 ? 0 : labels.length / (present * c)));
}

/** Per-sample weights from {@link classWeights}: weight of each sample's class. */
export function sampleWeights(labels: ArrayLike<number>, k?: number): Float64Array {
  const weights = classWeights(labels, k);
  const out = new Float64Array(labels.length);
  for (let i = 0; i < labels.length; i++) out[i] = weights[labels[i] as number] as number;
  return out;
}

function inferClassCount(labels: ArrayLike<number>): number {
  let max = -1;
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i] as number;
    if (Number.isInteger(y) && y > max) max = y;
  }
  return max + 1;
}

function checkLabel(y: number, i: number, k: number): number {
  if (!Number.isInteger(y) || y < 0 || y >= k) {
    throw new InputError(`labels[${i}] = ${y} is not a class index in 0..${k - 1}`, 'LABEL');
  }
  return y;
}
