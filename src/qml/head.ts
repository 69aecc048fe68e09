/**
 * The classical head after the QNN: logits = W·q + b (a linear layer, C × K), or the QNN
 * outputs themselves (`none`, which needs K = C). Its parameters follow the QNN weights in
 * the model's flat parameter vector: W row-major, then b.
 */
export type HeadKind = 'linear' | 'none';

export class Head {
  constructor(readonly kind: HeadKind, readonly inputs: number, readonly classes: number) {}

  get numParams(): number {
    return this.kind === 'linear' ? this.classes * this.inputs + this.classes : 0;
  }

  /** logits (B × C) from QNN outputs q (B × K) and head params θ (length numParams). */
  forward(q: Float64Array, B: number, theta: ArrayLike<number>, out = new Float64Array(B * this.classes)): Float64Array {
    const K = this.inputs;
    const C = this.classes;
    if (this.kind === 'none') {
      out.set(q.subarray(0, B * C));
      return out;
    }
    for (let b = 0; b < B; b++) {
      for (let c = 0; c < C; c++) {
        let s = theta[C * K + c] as number;
        for (let k = 0; k < K; k++) s += (theta[c * K + k] as number) * (q[b * K + k] as number);
        out[b * C + c] = s;
      }
    }
    return out;
  }

  /** Backward pass: dL/dθ (into gradTheta) and dL/dq (returned), from dL/dlogits. */
  backward(q: Float64Array, B: number, theta: ArrayLike<number>, dLogits: Float64Array, gradTheta: Float64Array): Float64Array {
    const K = this.inputs;
    const C = this.classes;
    const dq = new Float64Array(B * K);
    if (this.kind === 'none') {
      dq.set(dLogits.subarray(0, B * C));
      return dq;
    }
    for (let b = 0; b < B; b++) {
      for (let c = 0; c < C; c++) {
        const g = dLogits[b * C + c] as number;
        if (g === 0) continue;
        gradTheta[C * K + c] += g;
        for (let k = 0; k < K; k++) {
          gradTheta[c * K + k] += g * (q[b * K + k] as number);
          dq[b * K + k] += g * (theta[c * K + k] as number);
        }
      }
    }
    return dq;
  }
}
