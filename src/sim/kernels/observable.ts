/**
 * Kernels that read states through Pauli operators: expectation values, P applied to a
 * state (for the adjoint method's initial co-state) and ⟨λ|Π P|ψ⟩ (for gradients).
 * P|v⟩ = i^{numY} (-1)^{parity(v & zMask)} |v ⊕ xMask⟩.
 */
import { insertZeroBits, parity } from './bits.js';
import { iPow, type RotationMasks } from './rotation.js';

/**
 * Re⟨ψ_b|P|ψ_b⟩ for every binding b, added (times `coeff`) into out[b·outStride + outIndex].
 */
export function accumulatePauliExpectation(
  s: Float64Array, numQubits: number, batch: number, xMask: number, zMask: number, numY: number,
  coeff: number, out: Float64Array, outStride: number, outIndex: number,
): void {
  const dim = 1 << numQubits;
  if (xMask === 0) {
    for (let a = 0; a < dim; a++) {
      const sg = parity(a & zMask) ? -coeff : coeff;
      for (let b = 0, i = 2 * batch * a; b < batch; b++, i += 2) {
        const r = s[i] as number, im = s[i + 1] as number;
        out[b * outStride + outIndex] += sg * (r * r + im * im);
      }
    }
    return;
  }
  const [pr, pi] = iPow(numY);
  for (let a = 0; a < dim; a++) {
    const src = a ^ xMask;
    const sg = parity(src & zMask) ? -coeff : coeff;
    const fr = sg * pr, fi = sg * pi;
    const ia0 = 2 * batch * a, is0 = 2 * batch * src;
    for (let b = 0; b < batch; b++) {
      const ia = ia0 + 2 * b, is = is0 + 2 * b;
      const ar = s[ia] as number, ai = s[ia + 1] as number, sr = s[is] as number, si = s[is + 1] as number;
      // Re( conj(ψ[a]) · f · ψ[src] )
      const tr = fr * sr - fi * si, ti = fr * si + fi * sr;
      out[b * outStride + outIndex] += ar * tr + ai * ti;
    }
  }
}

/** target[a,b] += weight[b] · coeff · (Pψ)[a,b]. `weights` has one entry per binding. */
export function addPauliApplied(
  target: Float64Array, s: Float64Array, numQubits: number, batch: number, xMask: number, zMask: number, numY: number,
  coeff: number, weights: Float64Array,
): void {
  const dim = 1 << numQubits;
  const [pr, pi] = iPow(numY);
  for (let a = 0; a < dim; a++) {
    const src = a ^ xMask;
    const sg = parity(src & zMask) ? -coeff : coeff;
    const fr = sg * pr, fi = sg * pi;
    const ia0 = 2 * batch * a, is0 = 2 * batch * src;
    for (let b = 0; b < batch; b++) {
      const w = weights[b] as number;
      if (w === 0) continue;
      const ia = ia0 + 2 * b, is = is0 + 2 * b;
      const sr = s[is] as number, si = s[is + 1] as number;
      target[ia] += w * (fr * sr - fi * si);
      target[ia + 1] += w * (fr * si + fi * sr);
    }
  }
}

/**
 * Im⟨λ_b|Π P|ψ_b⟩ for every binding, written to out[b]. With G = c·Π P, the adjoint
 * gradient of a gate exp(-iθG) is 2c times this.
 */
export function generatorOverlapImag(
  lambda: Float64Array, psi: Float64Array, numQubits: number, batch: number, masks: RotationMasks, out: Float64Array,
): void {
  const { xMask, zMask, numY, projMask } = masks;
  out.fill(0, 0, batch);
  const proj: number[] = [];
  for (let q = 0; q < 31; q++) if (projMask & (1 << q)) proj.push(q);
  const count = 1 << (numQubits - proj.length);
  const [pr, pi] = iPow(numY);
  for (let k = 0; k < count; k++) {
    const a = insertZeroBits(k, proj) | projMask;
    const src = a ^ xMask;
    const sg = parity(src & zMask) ? -1 : 1;
    const fr = sg * pr, fi = sg * pi;
    const ia0 = 2 * batch * a, is0 = 2 * batch * src;
    for (let b = 0; b < batch; b++) {
      const ia = ia0 + 2 * b, is = is0 + 2 * b;
      const lr = lambda[ia] as number, li = lambda[ia + 1] as number;
      const sr = psi[is] as number, si = psi[is + 1] as number;
      const tr = fr * sr - fi * si, ti = fr * si + fi * sr;
      // Im( conj(λ) · t ) = lr·ti − li·tr
      out[b] += lr * ti - li * tr;
    }
  }
}
