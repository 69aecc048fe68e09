/**
 * A minimal dense statevector kernel for the equivalence checker (complex amplitudes
 * interleaved re/im, qubit q = bit q of the index, as everywhere in qmlsec).
 */
import type { Matrix } from '../circuit/matrix.js';

/** Applies the k-qubit matrix `m` (local bit j = qubits[j]) to `state` in place. */
export function applyMatrix(state: Float64Array, m: Matrix, qubits: readonly number[]): void {
  if (qubits.length === 1) apply1(state, m, qubits[0] as number);
  else applyK(state, m, qubits);
}

function apply1(state: Float64Array, m: Matrix, q: number): void {
  const m00r = m[0] as number, m00i = m[1] as number, m01r = m[2] as number, m01i = m[3] as number;
  const m10r = m[4] as number, m10i = m[5] as number, m11r = m[6] as number, m11i = m[7] as number;
  const dim = state.length >> 1;
  const bit = 1 << q;
  for (let i = 0; i < dim; i++) {
    if (i & bit) continue;
    const i0 = 2 * i;
    const i1 = 2 * (i | bit);
    const ar = state[i0] as number, ai = state[i0 + 1] as number;
    const br = state[i1] as number, bi = state[i1 + 1] as number;
    state[i0] = m00r * ar - m00i * ai + m01r * br - m01i * bi;
    state[i0 + 1] = m00r * ai + m00i * ar + m01r * bi + m01i * br;
    state[i1] = m10r * ar - m10i * ai + m11r * br - m11i * bi;
    state[i1 + 1] = m10r * ai + m10i * ar + m11r * bi + m11i * br;
  }
}

function applyK(state: Float64Array, m: Matrix, qubits: readonly number[]): void {
  const k = qubits.length;
  const d = 1 << k;
  const dim = state.length >> 1;
  let mask = 0;
  for (const q of qubits) mask |= 1 << q;
  const offsets = new Int32Array(d);
  for (let l = 0; l < d; l++) {
    let o = 0;
    for (let j = 0; j < k; j++) if (l & (1 << j)) o |= 1 << (qubits[j] as number);
    offsets[l] = o;
  }
  const inR = new Float64Array(d);
  const inI = new Float64Array(d);
  for (let base = 0; base < dim; base++) {
    if (base & mask) continue;
    for (let l = 0; l < d; l++) {
      const idx = 2 * (base | (offsets[l] as number));
      inR[l] = state[idx] as number;
      inI[l] = state[idx + 1] as number;
    }
    for (let r = 0; r < d; r++) {
      let sr = 0;
      let si = 0;
      const row = 2 * r * d;
      for (let col = 0; col < d; col++) {
        const mr = m[row + 2 * col] as number;
        const mi = m[row + 2 * col + 1] as number;
        if (mr === 0 && mi === 0) continue;
        sr += mr * (inR[col] as number) - mi * (inI[col] as number);
        si += mr * (inI[col] as number) + mi * (inR[col] as number);
      }
      const idx = 2 * (base | (offsets[r] as number));
      state[idx] = sr;
      state[idx + 1] = si;
    }
  }
}

/** ⟨a|b⟩ as [re, im]. */
export function inner(a: Float64Array, b: Float64Array): [number, number] {
  let re = 0;
  let im = 0;
  for (let i = 0; i < a.length; i += 2) {
    const ar = a[i] as number;
    const ai = a[i + 1] as number;
    const br = b[i] as number;
    const bi = b[i + 1] as number;
    re += ar * br + ai * bi;
    im += ar * bi - ai * br;
  }
  return [re, im];
}
