/**
 * Per-element (per-binding) kernels used by trajectory simulation, where every element of
 * the batch follows its own random history: two-qubit matrices per element, reduced density
 * matrices per element (for choosing Kraus operators), measurement probabilities per element.
 */
import { insertZeroBits, sortedUnique } from './bits.js';

/** Per-element 4×4 matrices (32 doubles each) on (q0, q1); local bit 0 = q0. */
export function applyBatched2(s: Float64Array, n: number, batch: number, q0: number, q1: number, mats: Float64Array): void {
  const positions = sortedUnique([q0, q1]);
  const count = 1 << (n - 2);
  const o1 = (2 * batch) << q0;
  const o2 = (2 * batch) << q1;
  for (let k = 0; k < count; k++) {
    const base = 2 * batch * insertZeroBits(k, positions);
    for (let b = 0; b < batch; b++) {
      const i0 = base + 2 * b, i1 = i0 + o1, i2 = i0 + o2, i3 = i2 + o1;
      const ar = s[i0] as number, ai = s[i0 + 1] as number, br = s[i1] as number, bi = s[i1 + 1] as number;
      const cr = s[i2] as number, ci = s[i2 + 1] as number, dr = s[i3] as number, di = s[i3 + 1] as number;
      for (let r = 0, m = 32 * b; r < 4; r++, m += 8) {
        const re = (mats[m] as number) * ar - (mats[m + 1] as number) * ai + (mats[m + 2] as number) * br - (mats[m + 3] as number) * bi
          + (mats[m + 4] as number) * cr - (mats[m + 5] as number) * ci + (mats[m + 6] as number) * dr - (mats[m + 7] as number) * di;
        const im = (mats[m] as number) * ai + (mats[m + 1] as number) * ar + (mats[m + 2] as number) * bi + (mats[m + 3] as number) * br
          + (mats[m + 4] as number) * ci + (mats[m + 5] as number) * cr + (mats[m + 6] as number) * di + (mats[m + 7] as number) * dr;
        const dst = r === 0 ? i0 : r === 1 ? i1 : r === 2 ? i2 : i3;
        s[dst] = re;
        s[dst + 1] = im;
      }
    }
  }
}

/**
 * Reduced density matrix of `qubits` (1 or 2) for every element: out gets d×d complex
 * (interleaved, row-major) per element, d = 2^k.
 */
export function reducedDensity(s: Float64Array, n: number, batch: number, qubits: readonly number[], out: Float64Array): void {
  const k = qubits.length;
  const d = 1 << k;
  const positions = sortedUnique(qubits);
  const count = 1 << (n - k);
  const offs = new Int32Array(d);
  for (let j = 0; j < d; j++) {
    let o = 0;
    for (let t = 0; t < k; t++) if ((j >> t) & 1) o += (2 * batch) << (qubits[t] as number);
    offs[j] = o;
  }
  out.fill(0, 0, 2 * d * d * batch);
  for (let g = 0; g < count; g++) {
    const base = 2 * batch * insertZeroBits(g, positions);
    for (let b = 0; b < batch; b++) {
      const o = 2 * d * d * b;
      for (let r = 0; r < d; r++) {
        const ir = base + 2 * b + (offs[r] as number);
        const ar = s[ir] as number, ai = s[ir + 1] as number;
        for (let c = 0; c < d; c++) {
          const ic = base + 2 * b + (offs[c] as number);
          const br = s[ic] as number, bi = s[ic + 1] as number;
          // ρ[r][c] += ψ_r · conj(ψ_c)
          out[o + 2 * (r * d + c)] += ar * br + ai * bi;
          out[o + 2 * (r * d + c) + 1] += ai * br - ar * bi;
        }
      }
    }
  }
}

/**
 * Populations of the 2^k basis states of `qubits` for every element: out gets d doubles per
 * element (out[e·d + r] = Σ |ψ|² over amplitudes whose `qubits` read r; bit t of r = qubits[t]).
 * The diagonal of {@link reducedDensity} at a fraction of its cost: enough for measurements and
 * for channels whose K†K are all diagonal (damping, thermal relaxation).
 */
export function populations(s: Float64Array, n: number, batch: number, qubits: readonly number[], out: Float64Array): void {
  const k = qubits.length;
  const d = 1 << k;
  const positions = sortedUnique(qubits);
  const count = 1 << (n - k);
  const offs = new Int32Array(d);
  for (let j = 0; j < d; j++) {
    let o = 0;
    for (let t = 0; t < k; t++) if ((j >> t) & 1) o += (2 * batch) << (qubits[t] as number);
    offs[j] = o;
  }
  out.fill(0, 0, d * batch);
  for (let g = 0; g < count; g++) {
    const base = 2 * batch * insertZeroBits(g, positions);
    for (let r = 0; r < d; r++) {
      const o = base + (offs[r] as number);
      for (let b = 0, i = o, w = r; b < batch; b++, i += 2, w += d) {
        const re = s[i] as number, im = s[i + 1] as number;
        out[w] = (out[w] as number) + re * re + im * im;
      }
    }
  }
}
