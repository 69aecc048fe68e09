/** Classical readout confusion applied to outcome distributions. */
import type { ReadoutError } from './noise-model.js';

/**
 * Applies per-position confusion to a probability vector over m bits (bit j of the index is
 * position j): p'(read) = Σ_true Π_j P(read_j | true_j) p(true). In place.
 */
export function applyReadoutErrors(p: Float64Array, offset: number, m: number, errors: readonly (ReadoutError | undefined)[]): void {
  const dim = 1 << m;
  for (let j = 0; j < m; j++) {
    const e = errors[j];
    if (!e || (e.p1Given0 === 0 && e.p0Given1 === 0)) continue;
    const stride = 1 << j;
    for (let base = 0; base < dim; base += 2 * stride) {
      for (let i = base; i < base + stride; i++) {
        const p0 = p[offset + i] as number;
        const p1 = p[offset + i + stride] as number;
        p[offset + i] = (1 - e.p1Given0) * p0 + e.p0Given1 * p1;
        p[offset + i + stride] = e.p1Given0 * p0 + (1 - e.p0Given1) * p1;
      }
    }
  }
}

/** Marginal distribution over `qubits` (position j = qubits[j]) of B distributions over n qubits. */
export function marginalize(p: Float64Array, n: number, batch: number, qubits: readonly number[]): Float64Array {
  const dim = 1 << n;
  const m = qubits.length;
  const out = new Float64Array(batch * (1 << m));
  for (let a = 0; a < dim; a++) {
    let j = 0;
    for (let t = 0; t < m; t++) j |= ((a >> (qubits[t] as number)) & 1) << t;
    for (let b = 0; b < batch; b++) out[b * (1 << m) + j] += p[b * dim + a] as number;
  }
  return out;
}
