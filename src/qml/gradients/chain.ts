/**
 * The chain rule from a gate angle θ (affine or bilinear in x and w) to the inputs and
 * weights, for every binding: given dL/dθ_b, add dL/dx and dL/dw.
 */
import type { Param, ParamRef } from '../../circuit/param.js';

export interface GradientBuffers {
  /** B × numInputs. */
  readonly inputs: Float64Array;
  /** numWeights (shared weights). */
  readonly weights: Float64Array;
}

export function chainToSources(
  param: Param, dTheta: Float64Array, inputs: readonly ArrayLike<number>[], weights: ArrayLike<number>, numInputs: number, out: GradientBuffers,
): void {
  const B = dTheta.length;
  const value = (r: ParamRef, b: number) => (r.source === 'x' ? ((inputs[b] as ArrayLike<number>)[r.index] as number) : (weights[r.index] as number));
  const add = (r: ParamRef, c: number, other: ParamRef | undefined) => {
    if (r.source === 'x') {
      for (let b = 0; b < B; b++) out.inputs[b * numInputs + r.index] += c * (other ? value(other, b) : 1) * (dTheta[b] as number);
    } else {
      let s = 0;
      for (let b = 0; b < B; b++) s += (other ? value(other, b) : 1) * (dTheta[b] as number);
      out.weights[r.index] += c * s;
    }
  };
  for (const t of param.terms) {
    add(t, t.coeff, t.factor);
    if (t.factor) add(t.factor, t.coeff, t);
  }
}
