// Index arithmetic stays in int32 (states are limited to < 2^31 doubles) so that V8 keeps
// typed-array indices as small integers; `2 ** q` would make them doubles and slow every access.

/**
 * Kernels for gates whose matrix is the same for every binding of a batch. The state holds
 * B bindings with the batch index innermost: amplitude a of binding b is complex entry
 * a·B + b, stored interleaved (re at 2k, im at 2k+1). A qubit-q gate therefore acts on pairs
 * (k, k + B·2^q), which lets one loop serve any batch size.
 */
import { insertZeroBits, sortedUnique } from './bits.js';

/** General one-qubit 2×2 matrix m (interleaved, row-major) on qubit q. */
export function apply1(s: Float64Array, numQubits: number, batch: number, q: number, m: Float64Array): void {
  const a = m[0] as number, b = m[1] as number, c = m[2] as number, d = m[3] as number;
  const e = m[4] as number, f = m[5] as number, g = m[6] as number, h = m[7] as number;
  const stride = (2 * batch) << q;
  const total = (2 * batch) << numQubits;
  for (let base = 0; base < total; base += 2 * stride) {
    const end = base + stride;
    for (let i0 = base; i0 < end; i0 += 2) {
      const i1 = i0 + stride;
      const xr = s[i0] as number, xi = s[i0 + 1] as number, yr = s[i1] as number, yi = s[i1 + 1] as number;
      s[i0] = a * xr - b * xi + c * yr - d * yi;
      s[i0 + 1] = a * xi + b * xr + c * yi + d * yr;
      s[i1] = e * xr - f * xi + g * yr - h * yi;
      s[i1 + 1] = e * xi + f * xr + g * yi + h * yr;
    }
  }
}

/** Diagonal one-qubit gate diag(d0, d1) (d = [d0r, d0i, d1r, d1i]) on qubit q. */
export function applyDiag1(s: Float64Array, numQubits: number, batch: number, q: number, d: Float64Array): void {
  const d0r = d[0] as number, d0i = d[1] as number, d1r = d[2] as number, d1i = d[3] as number;
  const stride = (2 * batch) << q;
  const total = (2 * batch) << numQubits;
  const touch0 = !(d0r === 1 && d0i === 0);
  for (let base = 0; base < total; base += 2 * stride) {
    if (touch0) {
      for (let i = base, end = base + stride; i < end; i += 2) {
        const xr = s[i] as number, xi = s[i + 1] as number;
        s[i] = d0r * xr - d0i * xi;
        s[i + 1] = d0r * xi + d0i * xr;
      }
    }
    for (let i = base + stride, end = base + 2 * stride; i < end; i += 2) {
      const xr = s[i] as number, xi = s[i + 1] as number;
      s[i] = d1r * xr - d1i * xi;
      s[i + 1] = d1r * xi + d1i * xr;
    }
  }
}

/**
 * One-qubit matrix on `target`, applied only where every qubit in `controls` is 1
 * (cx, cy, ch, ccx, controlled rotations with constant angles...).
 */
export function applyControlled1(
  s: Float64Array, numQubits: number, batch: number, controls: readonly number[], target: number, m: Float64Array,
): void {
  const a = m[0] as number, b = m[1] as number, c = m[2] as number, d = m[3] as number;
  const e = m[4] as number, f = m[5] as number, g = m[6] as number, h = m[7] as number;
  let cmask = 0;
  for (const q of controls) cmask |= 1 << q;
  const positions = sortedUnique([...controls, target]);
  const count = 1 << (numQubits - positions.length);
  const tOff = (2 * batch) << target;
  const isX = a === 0 && b === 0 && c === 1 && d === 0 && e === 1 && f === 0 && g === 0 && h === 0;
  if (isX && controls.length === 1) {
    applyCX(s, numQubits, batch, controls[0] as number, target);
    return;
  }
  for (let k = 0; k < count; k++) {
    const base0 = (2 * batch) * (insertZeroBits(k, positions) | cmask);
    const end = base0 + 2 * batch;
    if (isX) {
      for (let i0 = base0; i0 < end; i0 += 2) {
        const i1 = i0 + tOff;
        const xr = s[i0] as number, xi = s[i0 + 1] as number;
        s[i0] = s[i1] as number;
        s[i0 + 1] = s[i1 + 1] as number;
        s[i1] = xr;
        s[i1 + 1] = xi;
      }
      continue;
    }
    for (let i0 = base0; i0 < end; i0 += 2) {
      const i1 = i0 + tOff;
      const xr = s[i0] as number, xi = s[i0 + 1] as number, yr = s[i1] as number, yi = s[i1 + 1] as number;
      s[i0] = a * xr - b * xi + c * yr - d * yi;
      s[i0 + 1] = a * xi + b * xr + c * yi + d * yr;
      s[i1] = e * xr - f * xi + g * yr - h * yi;
      s[i1 + 1] = e * xi + f * xr + g * yi + h * yr;
    }
  }
}

/** General two-qubit 4×4 matrix on (q0, q1); local index bit 0 is q0, bit 1 is q1. */
export function apply2(s: Float64Array, numQubits: number, batch: number, q0: number, q1: number, m: Float64Array): void {
  const positions = sortedUnique([q0, q1]);
  const count = 1 << (numQubits - 2);
  const o1 = (2 * batch) << q0;
  const o2 = (2 * batch) << q1;
  const o3 = o1 + o2;
  const m00r = m[0] as number, m00i = m[1] as number, m01r = m[2] as number, m01i = m[3] as number;
  const m02r = m[4] as number, m02i = m[5] as number, m03r = m[6] as number, m03i = m[7] as number;
  const m10r = m[8] as number, m10i = m[9] as number, m11r = m[10] as number, m11i = m[11] as number;
  const m12r = m[12] as number, m12i = m[13] as number, m13r = m[14] as number, m13i = m[15] as number;
  const m20r = m[16] as number, m20i = m[17] as number, m21r = m[18] as number, m21i = m[19] as number;
  const m22r = m[20] as number, m22i = m[21] as number, m23r = m[22] as number, m23i = m[23] as number;
  const m30r = m[24] as number, m30i = m[25] as number, m31r = m[26] as number, m31i = m[27] as number;
  const m32r = m[28] as number, m32i = m[29] as number, m33r = m[30] as number, m33i = m[31] as number;
  for (let k = 0; k < count; k++) {
    const base = (2 * batch) * insertZeroBits(k, positions);
    const end = base + 2 * batch;
    for (let i = base; i < end; i += 2) {
      const i1 = i + o1, i2 = i + o2, i3 = i + o3;
      const ar = s[i] as number, ai = s[i + 1] as number, br = s[i1] as number, bi = s[i1 + 1] as number;
      const cr = s[i2] as number, ci = s[i2 + 1] as number, dr = s[i3] as number, di = s[i3 + 1] as number;
      s[i] = m00r * ar - m00i * ai + m01r * br - m01i * bi + m02r * cr - m02i * ci + m03r * dr - m03i * di;
      s[i + 1] = m00r * ai + m00i * ar + m01r * bi + m01i * br + m02r * ci + m02i * cr + m03r * di + m03i * dr;
      s[i1] = m10r * ar - m10i * ai + m11r * br - m11i * bi + m12r * cr - m12i * ci + m13r * dr - m13i * di;
      s[i1 + 1] = m10r * ai + m10i * ar + m11r * bi + m11i * br + m12r * ci + m12i * cr + m13r * di + m13i * dr;
      s[i2] = m20r * ar - m20i * ai + m21r * br - m21i * bi + m22r * cr - m22i * ci + m23r * dr - m23i * di;
      s[i2 + 1] = m20r * ai + m20i * ar + m21r * bi + m21i * br + m22r * ci + m22i * cr + m23r * di + m23i * dr;
      s[i3] = m30r * ar - m30i * ai + m31r * br - m31i * bi + m32r * cr - m32i * ci + m33r * dr - m33i * di;
      s[i3 + 1] = m30r * ai + m30i * ar + m31r * bi + m31i * br + m32r * ci + m32i * cr + m33r * di + m33i * dr;
    }
  }
}

/** Swaps qubits q0 and q1 (a permutation: no arithmetic). */
export function applySwap(s: Float64Array, numQubits: number, batch: number, q0: number, q1: number): void {
  const positions = sortedUnique([q0, q1]);
  const count = 1 << (numQubits - 2);
  const o1 = (2 * batch) << q0;
  const o2 = (2 * batch) << q1;
  for (let k = 0; k < count; k++) {
    const base = (2 * batch) * insertZeroBits(k, positions);
    for (let i = base, end = base + 2 * batch; i < end; i += 2) {
      const i1 = i + o1, i2 = i + o2;
      const r = s[i1] as number, im = s[i1 + 1] as number;
      s[i1] = s[i2] as number;
      s[i1 + 1] = s[i2 + 1] as number;
      s[i2] = r;
      s[i2 + 1] = im;
    }
  }
}

/**
 * Diagonal gate on `qubits` (k of them): entry j of `d` (interleaved) multiplies every
 * amplitude whose bits at those qubits read j (bit i of j = qubits[i]).
 */
export function applyDiagonal(s: Float64Array, numQubits: number, batch: number, qubits: readonly number[], d: Float64Array): void {
  const dim = 1 << numQubits;
  const k = qubits.length;
  for (let a = 0; a < dim; a++) {
    let j = 0;
    for (let i = 0; i < k; i++) j |= ((a >>> (qubits[i] as number)) & 1) << i;
    const dr = d[2 * j] as number, di = d[2 * j + 1] as number;
    if (dr === 1 && di === 0) continue;
    for (let i = 2 * batch * a, end = i + 2 * batch; i < end; i += 2) {
      const xr = s[i] as number, xi = s[i + 1] as number;
      s[i] = dr * xr - di * xi;
      s[i + 1] = dr * xi + di * xr;
    }
  }
}

/**
 * General k-qubit matrix (2^k × 2^k, interleaved) on `qubits`. Uses `scratch` (length ≥
 * 4·2^k) to gather amplitudes. For three-qubit gates and density-matrix superoperators.
 */
export function applyMatrix(
  s: Float64Array, numQubits: number, batch: number, qubits: readonly number[], m: Float64Array, scratch: Float64Array,
): void {
  const k = qubits.length;
  const dimL = 1 << k;
  const positions = sortedUnique(qubits);
  const count = 1 << (numQubits - k);
  const offsets = new Float64Array(dimL);
  for (let j = 0; j < dimL; j++) {
    let off = 0;
    for (let i = 0; i < k; i++) if (j & (1 << i)) off += 1 << (qubits[i] as number);
    offsets[j] = 2 * batch * off;
  }
  for (let kk = 0; kk < count; kk++) {
    const base = 2 * batch * insertZeroBits(kk, positions);
    for (let bi = 0; bi < 2 * batch; bi += 2) {
      for (let j = 0; j < dimL; j++) {
        const idx = base + bi + (offsets[j] as number);
        scratch[2 * j] = s[idx] as number;
        scratch[2 * j + 1] = s[idx + 1] as number;
      }
      for (let r = 0; r < dimL; r++) {
        let accR = 0;
        let accI = 0;
        const row = 2 * r * dimL;
        for (let c = 0; c < dimL; c++) {
          const mr = m[row + 2 * c] as number, mi = m[row + 2 * c + 1] as number;
          const xr = scratch[2 * c] as number, xi = scratch[2 * c + 1] as number;
          accR += mr * xr - mi * xi;
          accI += mr * xi + mi * xr;
        }
        const idx = base + bi + (offsets[r] as number);
        s[idx] = accR;
        s[idx + 1] = accI;
      }
    }
  }
}

/** CNOT as nested loops over the blocks where control = 1 and target = 0 (no bit insertion). */
export function applyCX(s: Float64Array, numQubits: number, batch: number, control: number, target: number): void {
  const bb = 2 * batch;
  const cs = bb << control;
  const ts = bb << target;
  const lo = cs < ts ? cs : ts;
  const hi = cs < ts ? ts : cs;
  const total = bb << numQubits;
  for (let b1 = 0; b1 < total; b1 += 2 * hi) {
    for (let b0 = b1; b0 < b1 + hi; b0 += 2 * lo) {
      for (let i = b0, end = b0 + lo; i < end; i += 2) {
        const i0 = i + cs;
        const i1 = i0 + ts;
        const r = s[i0] as number;
        const m = s[i0 + 1] as number;
        s[i0] = s[i1] as number;
        s[i0 + 1] = s[i1 + 1] as number;
        s[i1] = r;
        s[i1 + 1] = m;
      }
    }
  }
}
