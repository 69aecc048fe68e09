/**
 * Kernels for one-parameter gates U(θ) = exp(-iθG) with G = c·Π⊗P (projector on some qubits
 * being |1⟩, Pauli string P): every parametric gate of the library reduces to this form. The
 * angle may differ per binding of the batch (`cos[b]`, `sin[b]` of φ_b = c·θ_b) or be uniform
 * (arrays of length 1).
 */
import { insertZeroBits, parity, sortedUnique } from './bits.js';

/** A Pauli rotation's masks in full-register qubit positions. */
export interface RotationMasks {
  /** Qubits where P has X or Y. */
  readonly xMask: number;
  /** Qubits where P has Z or Y. */
  readonly zMask: number;
  /** Number of Y factors. */
  readonly numY: number;
  /** Qubits that must be |1⟩ (the projector Π). */
  readonly projMask: number;
}

function bitsOf(mask: number): number[] {
  const out: number[] = [];
  for (let q = 0; q < 31; q++) if (mask & (1 << q)) out.push(q);
  return out;
}

/** i^k as [re, im]. */
export function iPow(k: number): [number, number] {
  switch (((k % 4) + 4) % 4) {
    case 0: return [1, 0];
    case 1: return [0, 1];
    case 2: return [-1, 0];
    default: return [0, -1];
  }
}

/**
 * ψ ← exp(-iφ Π P) ψ for every binding (φ_b given through cos/sin; length 1 = uniform).
 * Works for any masks; one-qubit rotations without projector have faster paths below.
 */
export function applyPauliRotation(
  s: Float64Array, numQubits: number, batch: number, masks: RotationMasks, cos: Float64Array, sin: Float64Array,
): void {
  const { xMask, zMask, numY, projMask } = masks;
  const uniform = cos.length === 1;
  const proj = bitsOf(projMask);
  if (xMask === 0) {
    // Diagonal: factor e^{-iφ s(a)} with s(a) = (-1)^{parity(a & zMask)} (s = 1 when P = I).
    const count = 1 << (numQubits - proj.length);
    for (let k = 0; k < count; k++) {
      const a = insertZeroBits(k, proj) | projMask;
      const sgn = parity(a & zMask) ? -1 : 1;
      const base = (2 * batch) * a;
      for (let b = 0; b < batch; b++) {
        const c = (uniform ? cos[0] : cos[b]) as number;
        const sn = sgn * ((uniform ? sin[0] : sin[b]) as number);
        const i = base + 2 * b;
        const xr = s[i] as number, xi = s[i + 1] as number;
        s[i] = c * xr + sn * xi;
        s[i + 1] = c * xi - sn * xr;
      }
    }
    return;
  }
  // κ = -i · i^{numY}; ψ'[a] = cos ψ[a] + sin κ s(p) ψ[p], ψ'[p] = cos ψ[p] + sin κ s(a) ψ[a].
  const [kr, ki] = iPow(numY + 3);
  const pivot = 31 - Math.clz32(xMask & -xMask);
  const positions = sortedUnique([...proj, pivot]);
  const count = 1 << (numQubits - positions.length);
  for (let k = 0; k < count; k++) {
    const a = insertZeroBits(k, positions) | projMask;
    const p = a ^ xMask;
    const sa = parity(a & zMask) ? -1 : 1;
    const sp = parity(p & zMask) ? -1 : 1;
    const baseA = (2 * batch) * a;
    const baseP = (2 * batch) * p;
    for (let b = 0; b < batch; b++) {
      const c = (uniform ? cos[0] : cos[b]) as number;
      const sn = (uniform ? sin[0] : sin[b]) as number;
      const ia = baseA + 2 * b, ip = baseP + 2 * b;
      const ar = s[ia] as number, ai = s[ia + 1] as number, pr = s[ip] as number, pi = s[ip + 1] as number;
      const fpr = sn * sp * kr, fpi = sn * sp * ki; // coefficient of ψ[p] in ψ'[a]
      const far = sn * sa * kr, fai = sn * sa * ki; // coefficient of ψ[a] in ψ'[p]
      s[ia] = c * ar + fpr * pr - fpi * pi;
      s[ia + 1] = c * ai + fpr * pi + fpi * pr;
      s[ip] = c * pr + far * ar - fai * ai;
      s[ip + 1] = c * pi + far * ai + fai * ar;
    }
  }
}

/**
 * One-qubit 2×2 matrices that differ per binding: `mats` holds 8 numbers per binding
 * (interleaved row-major). The hot path for input-dependent encodings.
 */
export function applyBatched1(s: Float64Array, numQubits: number, batch: number, q: number, mats: Float64Array): void {
  const stride = (2 * batch) << q;
  const total = (2 * batch) << numQubits;
  const blocks = 1 << q;
  for (let base = 0; base < total; base += 2 * stride) {
    for (let blk = 0; blk < blocks; blk++) {
      const off = base + 2 * batch * blk;
      for (let b = 0, m = 0; b < batch; b++, m += 8) {
        const i0 = off + 2 * b, i1 = i0 + stride;
        const xr = s[i0] as number, xi = s[i0 + 1] as number, yr = s[i1] as number, yi = s[i1 + 1] as number;
        const a0 = mats[m] as number, a1 = mats[m + 1] as number, b0 = mats[m + 2] as number, b1 = mats[m + 3] as number;
        const c0 = mats[m + 4] as number, c1 = mats[m + 5] as number, d0 = mats[m + 6] as number, d1 = mats[m + 7] as number;
        s[i0] = a0 * xr - a1 * xi + b0 * yr - b1 * yi;
        s[i0 + 1] = a0 * xi + a1 * xr + b0 * yi + b1 * yr;
        s[i1] = c0 * xr - c1 * xi + d0 * yr - d1 * yi;
        s[i1 + 1] = c0 * xi + c1 * xr + d0 * yi + d1 * yr;
      }
    }
  }
}

/** One-qubit diagonal gates that differ per binding: `diags` holds 4 numbers per binding. */
export function applyBatchedDiag1(s: Float64Array, numQubits: number, batch: number, q: number, diags: Float64Array): void {
  const stride = (2 * batch) << q;
  const total = (2 * batch) << numQubits;
  const blocks = 1 << q;
  for (let base = 0; base < total; base += 2 * stride) {
    for (let blk = 0; blk < blocks; blk++) {
      const off = base + 2 * batch * blk;
      for (let b = 0, m = 0; b < batch; b++, m += 4) {
        const i0 = off + 2 * b, i1 = i0 + stride;
        const xr = s[i0] as number, xi = s[i0 + 1] as number, yr = s[i1] as number, yi = s[i1 + 1] as number;
        const d0r = diags[m] as number, d0i = diags[m + 1] as number, d1r = diags[m + 2] as number, d1i = diags[m + 3] as number;
        s[i0] = d0r * xr - d0i * xi;
        s[i0 + 1] = d0r * xi + d0i * xr;
        s[i1] = d1r * yr - d1i * yi;
        s[i1 + 1] = d1r * yi + d1i * yr;
      }
    }
  }
}
