/**
 * Allocation-free 2×2 matrices of the one-qubit library gates for constant parameters (the
 * hot path of one-qubit fusion). Writes re/im pairs row-major into `out[0..8)`; falls back to
 * the library's `gateMatrix` for anything unusual. Tests compare every gate with the library.
 */
import { gateMatrix } from '../../circuit/gates.js';

const S2 = Math.SQRT1_2;

function set(out: Float64Array, ar: number, ai: number, br: number, bi: number, cr: number, ci: number, dr: number, di: number): void {
  out[0] = ar;
  out[1] = ai;
  out[2] = br;
  out[3] = bi;
  out[4] = cr;
  out[5] = ci;
  out[6] = dr;
  out[7] = di;
}

function u3(out: Float64Array, t: number, p: number, l: number): void {
  const c = Math.cos(t / 2);
  const s = Math.sin(t / 2);
  set(out, c, 0, -s * Math.cos(l), -s * Math.sin(l), s * Math.cos(p), s * Math.sin(p), c * Math.cos(p + l), c * Math.sin(p + l));
}

function rAxis(out: Float64Array, t: number, phi: number): void {
  // [[c, −i e^{−iφ} s], [−i e^{iφ} s, c]]
  const c = Math.cos(t / 2);
  const s = Math.sin(t / 2);
  set(out, c, 0, -s * Math.sin(phi), -s * Math.cos(phi), s * Math.sin(phi), -s * Math.cos(phi), c, 0);
}

/** Fills `out` with the matrix of a one-qubit gate at constant parameter values `v`. */
export function matrix1q(name: string, v: readonly number[], out: Float64Array): void {
  const a = v[0] ?? 0;
  switch (name) {
    case 'id': return set(out, 1, 0, 0, 0, 0, 0, 1, 0);
    case 'x': return set(out, 0, 0, 1, 0, 1, 0, 0, 0);
    case 'y': return set(out, 0, 0, 0, -1, 0, 1, 0, 0);
    case 'z': return set(out, 1, 0, 0, 0, 0, 0, -1, 0);
    case 'h': return set(out, S2, 0, S2, 0, S2, 0, -S2, 0);
    case 's': return set(out, 1, 0, 0, 0, 0, 0, 0, 1);
    case 'sdg': return set(out, 1, 0, 0, 0, 0, 0, 0, -1);
    case 't': return set(out, 1, 0, 0, 0, 0, 0, S2, S2);
    case 'tdg': return set(out, 1, 0, 0, 0, 0, 0, S2, -S2);
    case 'sx': return set(out, 0.5, 0.5, 0.5, -0.5, 0.5, -0.5, 0.5, 0.5);
    case 'sxdg': return set(out, 0.5, -0.5, 0.5, 0.5, 0.5, 0.5, 0.5, -0.5);
    case 'rz': return set(out, Math.cos(a / 2), -Math.sin(a / 2), 0, 0, 0, 0, Math.cos(a / 2), Math.sin(a / 2));
    case 'p':
    case 'u1': return set(out, 1, 0, 0, 0, 0, 0, Math.cos(a), Math.sin(a));
    case 'rx': return set(out, Math.cos(a / 2), 0, 0, -Math.sin(a / 2), 0, -Math.sin(a / 2), Math.cos(a / 2), 0);
    case 'ry': return set(out, Math.cos(a / 2), 0, -Math.sin(a / 2), 0, Math.sin(a / 2), 0, Math.cos(a / 2), 0);
    case 'u2': return u3(out, Math.PI / 2, a, v[1] ?? 0);
    case 'u3':
    case 'u': return u3(out, a, v[1] ?? 0, v[2] ?? 0);
    case 'r':
    case 'prx': return rAxis(out, a, v[1] ?? 0);
    case 'gpi': return set(out, 0, 0, Math.cos(a), -Math.sin(a), Math.cos(a), Math.sin(a), 0, 0);
    case 'gpi2': return rAxis(out, Math.PI / 2, a);
    default: out.set(gateMatrix(name, v));
  }
}

/** out = m · acc (both 2×2), written into `acc`. */
export function leftMultiply(m: Float64Array, acc: Float64Array): void {
  const m0 = m[0] as number, m1 = m[1] as number, m2 = m[2] as number, m3 = m[3] as number;
  const m4 = m[4] as number, m5 = m[5] as number, m6 = m[6] as number, m7 = m[7] as number;
  const a0 = acc[0] as number, a1 = acc[1] as number, a2 = acc[2] as number, a3 = acc[3] as number;
  const a4 = acc[4] as number, a5 = acc[5] as number, a6 = acc[6] as number, a7 = acc[7] as number;
  acc[0] = m0 * a0 - m1 * a1 + m2 * a4 - m3 * a5;
  acc[1] = m0 * a1 + m1 * a0 + m2 * a5 + m3 * a4;
  acc[2] = m0 * a2 - m1 * a3 + m2 * a6 - m3 * a7;
  acc[3] = m0 * a3 + m1 * a2 + m2 * a7 + m3 * a6;
  acc[4] = m4 * a0 - m5 * a1 + m6 * a4 - m7 * a5;
  acc[5] = m4 * a1 + m5 * a0 + m6 * a5 + m7 * a4;
  acc[6] = m4 * a2 - m5 * a3 + m6 * a6 - m7 * a7;
  acc[7] = m4 * a3 + m5 * a2 + m6 * a7 + m7 * a6;
}
