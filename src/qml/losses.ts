/**
 * Losses over class scores (logits) for classification: softmax cross-entropy, mean squared
 * error of the softmax probabilities against one-hot targets, and Huber loss of the same.
 * Each returns the mean loss and dLoss/dLogits (B × C), averaged over the batch.
 */
import { UsageError } from '../core/errors.js';

export type LossKind = 'cross_entropy' | 'mse' | 'huber';
export const LOSS_KINDS: readonly LossKind[] = ['cross_entropy', 'mse', 'huber'];

export interface LossResult {
  readonly loss: number;
  readonly gradient: Float64Array;
  /** Softmax probabilities, B × C. */
  readonly probabilities: Float64Array;
}

/** Row-wise softmax of B × C logits. */
export function softmax(logits: Float64Array, B: number, C: number, out = new Float64Array(B * C)): Float64Array {
  for (let b = 0; b < B; b++) {
    let m = -Infinity;
    for (let c = 0; c < C; c++) m = Math.max(m, logits[b * C + c] as number);
    let s = 0;
    for (let c = 0; c < C; c++) {
      const e = Math.exp((logits[b * C + c] as number) - m);
      out[b * C + c] = e;
      s += e;
    }
    for (let c = 0; c < C; c++) out[b * C + c] = (out[b * C + c] as number) / s;
  }
  return out;
}

export function computeLoss(kind: LossKind, logits: Float64Array, labels: ArrayLike<number>, C: number, huberDelta = 1): LossResult {
  const B = labels.length;
  const p = softmax(logits, B, C);
  const grad = new Float64Array(B * C);
  let loss = 0;
  switch (kind) {
    case 'cross_entropy':
      for (let b = 0; b < B; b++) {
        const y = labels[b] as number;
        loss -= Math.log(Math.max(p[b * C + y] as number, 1e-300));
        for (let c = 0; c < C; c++) grad[b * C + c] = ((p[b * C + c] as number) - (c === y ? 1 : 0)) / B;
      }
      return { loss: loss / B, gradient: grad, probabilities: p };
    case 'mse':
    case 'huber': {
      // L = mean_b Σ_c ℓ(p_bc − y_bc); dL/dp then through the softmax Jacobian.
      const dp = new Float64Array(C);
      for (let b = 0; b < B; b++) {
        const y = labels[b] as number;
        for (let c = 0; c < C; c++) {
          const r = (p[b * C + c] as number) - (c === y ? 1 : 0);
          if (kind === 'mse') {
            loss += r * r;
            dp[c] = 2 * r;
          } else if (Math.abs(r) <= huberDelta) {
            loss += 0.5 * r * r;
            dp[c] = r;
          } else {
            loss += huberDelta * (Math.abs(r) - 0.5 * huberDelta);
            dp[c] = huberDelta * Math.sign(r);
          }
        }
        let dot = 0;
        for (let c = 0; c < C; c++) dot += (dp[c] as number) * (p[b * C + c] as number);
        for (let c = 0; c < C; c++) grad[b * C + c] = ((p[b * C + c] as number) * ((dp[c] as number) - dot)) / B;
      }
      return { loss: loss / B, gradient: grad, probabilities: p };
    }
    default:
      throw new UsageError(`unknown loss "${String(kind)}" (known: ${LOSS_KINDS.join(', ')})`);
  }
}
