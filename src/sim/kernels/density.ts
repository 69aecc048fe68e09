/**
 * Kernels specific to vectorised density matrices. ρ on n qubits is a 2n-qubit vector:
 * entry ρ[r][c] sits at index r + c·2^n (row bits low, column bits high), batch innermost.
 */
import { insertZeroBits, parity, sortedUnique } from './bits.js';
import { iPow } from './rotation.js';

/**
 * k-qubit depolarizing on qubits `qs`: ρ → (1 − p)ρ + p·(I/d ⊗ Tr_qs ρ), done group by
 * group (4^k entries each) instead of with a 4^k × 4^k superoperator.
 */
export function depolarizeDM(s: Float64Array, n: number, batch: number, qs: readonly number[], p: number): void {
  const k = qs.length;
  const d = 1 << k;
  const positions = sortedUnique([...qs, ...qs.map((q) => q + n)]);
  const count = 1 << (2 * n - 2 * k);
  // offsets of entry (x row, y col) within a group, in doubles
  const off = new Int32Array(d * d);
  for (let xr = 0; xr < d; xr++) {
    for (let yc = 0; yc < d; yc++) {
      let idx = 0;
      for (let j = 0; j < k; j++) {
        if ((xr >> j) & 1) idx |= 1 << (qs[j] as number);
        if ((yc >> j) & 1) idx |= 1 << ((qs[j] as number) + n);
      }
      off[xr * d + yc] = 2 * batch * idx;
    }
  }
  const keep = 1 - p;
  const mix = p / d;
  for (let g = 0; g < count; g++) {
    const base = 2 * batch * insertZeroBits(g, positions);
    for (let b = 0; b < 2 * batch; b += 2) {
      let tr = 0;
      let ti = 0;
      for (let x = 0; x < d; x++) {
        const i = base + b + (off[x * d + x] as number);
        tr += s[i] as number;
        ti += s[i + 1] as number;
      }
      for (let e = 0; e < d * d; e++) {
        const i = base + b + (off[e] as number);
        s[i] = keep * (s[i] as number);
        s[i + 1] = keep * (s[i + 1] as number);
      }
      for (let x = 0; x < d; x++) {
        const i = base + b + (off[x * d + x] as number);
        s[i] += mix * tr;
        s[i + 1] += mix * ti;
      }
    }
  }
}

/** Re Tr(P ρ_b) for each binding, added (times coeff) into out[b·stride + index]. */
export function accumulatePauliTraceDM(
  s: Float64Array, n: number, batch: number, xMask: number, zMask: number, numY: number, coeff: number,
  out: Float64Array, stride: number, index: number,
): void {
  const dim = 1 << n;
  const [pr, pi] = iPow(numY);
  for (let c = 0; c < dim; c++) {
    const sg = parity(c & zMask) ? -coeff : coeff;
    const fr = sg * pr, fi = sg * pi;
    const base = 2 * batch * (c + ((c ^ xMask) << n));
    for (let b = 0; b < batch; b++) {
      const i = base + 2 * b;
      out[b * stride + index] += fr * (s[i] as number) - fi * (s[i + 1] as number);
    }
  }
}

/** Diagonal of ρ_b (probabilities): B × 2^n row-major. */
export function diagonalDM(s: Float64Array, n: number, batch: number): Float64Array {
  const dim = 1 << n;
  const out = new Float64Array(batch * dim);
  for (let r = 0; r < dim; r++) {
    const base = 2 * batch * (r + (r << n));
    for (let b = 0; b < batch; b++) out[b * dim + r] = Math.max(0, s[base + 2 * b] as number);
  }
  return out;
}
