/** Classification metrics: accuracy, macro-F1, confusion matrix (rows = true class). */
import { InputError } from '../core/errors.js';

export interface ClassificationMetrics {
  readonly accuracy: number;
  readonly macroF1: number;
  /** confusion[true][predicted]. */
  readonly confusion: number[][];
}

/** Index of the largest entry of each row of a B × C matrix. */
export function argmaxRows(m: ArrayLike<number>, B: number, C: number): Int32Array {
  const out = new Int32Array(B);
  for (let b = 0; b < B; b++) {
    let best = 0;
    for (let c = 1; c < C; c++) if ((m[b * C + c] as number) > (m[b * C + best] as number)) best = c;
    out[b] = best;
  }
  return out;
}

export function classificationMetrics(labels: ArrayLike<number>, predicted: ArrayLike<number>, numClasses: number): ClassificationMetrics {
  if (labels.length !== predicted.length) throw new InputError(`${labels.length} labels but ${predicted.length} predictions`, 'SHAPE');
  for (let i = 0; i < labels.length; i++) {
    for (const [what, v] of [['label', labels[i]], ['prediction', predicted[i]]] as const) {
      if (!Number.isInteger(v) || (v as number) < 0 || (v as number) >= numClasses) throw new InputError(`${what} ${v} of row ${i} is not a class index in 0..${numClasses - 1}`, 'LABEL');
    }
  }
  const confusion = Array.from({ length: numClasses }, () => new Array<number>(numClasses).fill(0));
  let correct = 0;
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i] as number;
    const p = predicted[i] as number;
    (confusion[y] as number[])[p]! += 1;
    if (y === p) correct++;
  }
  let f1 = 0;
  let counted = 0;
  for (let c = 0; c < numClasses; c++) {
    const tp = (confusion[c] as number[])[c] as number;
    let fp = 0;
    let fn = 0;
    for (let k = 0; k < numClasses; k++) {
      if (k === c) continue;
      fp += (confusion[k] as number[])[c] as number;
      fn += (confusion[c] as number[])[k] as number;
    }
    if (tp + fp + fn === 0) continue; // class absent from both truth and prediction (sklearn would warn)
    f1 += (2 * tp) / (2 * tp + fp + fn);
    counted++;
  }
  return { accuracy: labels.length ? correct / labels.length : Number.NaN, macroF1: counted ? f1 / counted : Number.NaN, confusion };
}
