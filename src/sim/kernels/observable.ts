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

/**
 * Im⟨λ_b|G|ψ_b⟩ for a one-qubit generator on qubit q (P ∈ {X, Y, Z}, or 'P' for the |1⟩⟨1|
 * projector of phase gates), with the pair loop of the dense kernels (no bit tricks).
 */
export function singleGeneratorOverlapImag(
  lambda: Float64Array, psi: Float64Array, numQubits: number, batch: number, q: number, kind: 'X' | 'Y' | 'Z' | 'P', out: Float64Array,
): void {
  out.fill(0, 0, batch);
  const stride = (2 * batch) << q;
  const total = (2 * batch) << numQubits;
  for (let base = 0; base < total; base += 2 * stride) {
    for (let off = 0; off < stride; off += 2 * batch) {
      for (let b = 0; b < batch; b++) {
        const i0 = base + off + 2 * b;
        const i1 = i0 + stride;
        const l0r = lambda[i0] as number, l0i = lambda[i0 + 1] as number, l1r = lambda[i1] as number, l1i = lambda[i1 + 1] as number;
        const p0r = psi[i0] as number, p0i = psi[i0 + 1] as number, p1r = psi[i1] as number, p1i = psi[i1 + 1] as number;
        // Im(conj(l)·p) = lr·pi − li·pr
        let v: number;
        switch (kind) {
          case 'Z':
            v = l0r * p0i - l0i * p0r - (l1r * p1i - l1i * p1r);
            break;
          case 'X':
            v = l0r * p1i - l0i * p1r + (l1r * p0i - l1i * p0r);
            break;
          case 'Y':
            // (Yψ)_0 = −iψ_1, (Yψ)_1 = iψ_0; Im(conj(l)(−i p)) = −Re(conj(l) p)
            v = -(l0r * p1r + l0i * p1i) + (l1r * p0r + l1i * p0i);
            break;
          default:
            v = l1r * p1i - l1i * p1r;
        }
        out[b] += v;
      }
    }
  }
}

/**
 * ⟨Z_q⟩ for several qubits and every binding: the probabilities once, then for each qubit the
 * sum of the blocks where it is 1 (contiguous loops, no per-amplitude bit tests):
 * out[b·stride + index[j]] += coeff[j]·(Σ_a p_a − 2 Σ_{a_q = 1} p_a).
 */
export function accumulateSingleZ(
  s: Float64Array, numQubits: number, batch: number, qubits: readonly number[], coeffs: readonly number[],
  out: Float64Array, stride: number, index: readonly number[],
): void {
  if (batch === 1) {
    singleZOneBinding(s, numQubits, qubits, coeffs, out, index);
    return;
  }
  const len = batch << numQubits;
  const p = new Float64Array(len);
  const totals = new Float64Array(batch);
  for (let i = 0, b = 0; i < len; i++) {
    const r = s[2 * i] as number, im = s[2 * i + 1] as number;
    const v = r * r + im * im;
    p[i] = v;
    totals[b] += v;
    if (++b === batch) b = 0;
  }
  const ones = new Float64Array(batch);
  qubits.forEach((q, j) => {
    ones.fill(0);
    const half = batch << q;
    for (let base = half; base < len; base += 2 * half) {
      for (let i = base, b = 0, end = base + half; i < end; i++) {
        ones[b] += p[i] as number;
        if (++b === batch) b = 0;
      }
    }
    for (let b = 0; b < batch; b++) out[b * stride + (index[j] as number)] += (coeffs[j] as number) * ((totals[b] as number) - 2 * (ones[b] as number));
  });
}

/**
 * One binding: fold the probabilities one qubit at a time (pairs (2k, 2k+1) → their sum), which
 * gives Σ_{a_q = 1} p_a for every q in about 2·2^n additions instead of n·2^(n−1).
 */
function singleZOneBinding(s: Float64Array, numQubits: number, qubits: readonly number[], coeffs: readonly number[], out: Float64Array, index: readonly number[]): void {
  const dim = 1 << numQubits;
  const p = new Float64Array(dim >> 1);
  const ones = new Float64Array(numQubits);
  // First fold straight from the amplitudes (qubit 0).
  let odd = 0;
  for (let k = 0; k < dim >> 1; k++) {
    const a = 4 * k;
    const p0 = (s[a] as number) ** 2 + (s[a + 1] as number) ** 2;
    const p1 = (s[a + 2] as number) ** 2 + (s[a + 3] as number) ** 2;
    odd += p1;
    p[k] = p0 + p1;
  }
  ones[0] = odd;
  let len = dim >> 1;
  for (let q = 1; q < numQubits; q++) {
    odd = 0;
    const half = len >> 1;
    for (let k = 0; k < half; k++) {
      const p1 = p[2 * k + 1] as number;
      odd += p1;
      p[k] = (p[2 * k] as number) + p1;
    }
    ones[q] = odd;
    len = half;
  }
  const total = numQubits === 0 ? 0 : (p[0] as number);
  for (let j = 0; j < qubits.length; j++) {
    out[index[j] as number] += (coeffs[j] as number) * (total - 2 * (ones[qubits[j] as number] as number));
  }
}
