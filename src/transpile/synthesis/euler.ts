/**
 * Euler (ZYZ) angles of one-qubit gates: numerically from a 2×2 unitary, and structurally —
 * as affine parameters — for every one-qubit gate of the library, so that gates whose angles
 * depend on inputs or weights translate without being bound.
 */
import { InputError } from '../../core/errors.js';
import type { GateOp } from '../../circuit/operation.js';
import type { Matrix } from '../../circuit/matrix.js';
import { Param } from '../../circuit/param.js';

/** U = e^{i·phase} · Rz(phi) · Ry(theta) · Rz(lambda) (U3(theta, phi, lambda) up to phase). */
export interface ZyzAngles {
  readonly theta: number;
  readonly phi: number;
  readonly lambda: number;
  readonly phase: number;
}

/** The same with affine parameters (global phase dropped). */
export interface ZyzParams {
  readonly theta: Param;
  readonly phi: Param;
  readonly lambda: Param;
}

const EPS = 1e-12;

/** ZYZ angles of a 2×2 unitary. */
export function zyzFromMatrix(m: Matrix): ZyzAngles {
  const ar = m[0] as number;
  const ai = m[1] as number;
  const br = m[2] as number;
  const bi = m[3] as number;
  const cr = m[4] as number;
  const ci = m[5] as number;
  const dr = m[6] as number;
  const di = m[7] as number;
  // Normalise to SU(2): V = U / sqrt(det U); then V = Rz(φ)Ry(θ)Rz(λ) up to a sign.
  const detR = ar * dr - ai * di - (br * cr - bi * ci);
  const detI = ar * di + ai * dr - (br * ci + bi * cr);
  const half = Math.atan2(detI, detR) / 2;
  const scale = 1 / Math.sqrt(Math.hypot(detR, detI));
  const cs = Math.cos(-half) * scale;
  const sn = Math.sin(-half) * scale;
  const v00r = ar * cs - ai * sn;
  const v00i = ar * sn + ai * cs;
  const v10r = cr * cs - ci * sn;
  const v10i = cr * sn + ci * cs;
  const v11r = dr * cs - di * sn;
  const v11i = dr * sn + di * cs;
  const abs00 = Math.hypot(v00r, v00i);
  const abs10 = Math.hypot(v10r, v10i);
  const theta = 2 * Math.atan2(abs10, abs00);
  const halfSum = abs00 > EPS ? Math.atan2(v11i, v11r) : 0;
  const halfDiff = abs10 > EPS ? Math.atan2(v10i, v10r) : 0;
  const phi = halfSum + halfDiff;
  const lambda = halfSum - halfDiff;
  // U00 = e^{iα} e^{-i(φ+λ)/2} cos(θ/2), U10 = e^{iα} e^{i(φ-λ)/2} sin(θ/2)
  const phase = abs00 >= abs10 ? Math.atan2(ai, ar) + halfSum : Math.atan2(ci, cr) - halfDiff;
  return { theta, phi, lambda, phase };
}

const c = (v: number): Param => Param.constant(v);
const HALF_PI = Math.PI / 2;
const PI = Math.PI;

/** Constant ZYZ triples of the fixed one-qubit gates. */
const FIXED: Readonly<Record<string, readonly [number, number, number]>> = {
  id: [0, 0, 0],
  x: [PI, 0, PI],
  y: [PI, HALF_PI, HALF_PI],
  z: [0, 0, PI],
  h: [HALF_PI, 0, PI],
  s: [0, 0, HALF_PI],
  sdg: [0, 0, -HALF_PI],
  t: [0, 0, PI / 4],
  tdg: [0, 0, -PI / 4],
  sx: [HALF_PI, -HALF_PI, HALF_PI],
  sxdg: [-HALF_PI, -HALF_PI, HALF_PI],
};

/**
 * Affine ZYZ parameters of a one-qubit library gate (exact up to global phase). Parameters
 * stay affine in the gate's own parameters, so `rx(0.5*x[0])` keeps depending on x[0].
 */
export function gateZyz(op: Pick<GateOp, 'name' | 'params'>): ZyzParams {
  const fixed = FIXED[op.name];
  if (fixed) return { theta: c(fixed[0]), phi: c(fixed[1]), lambda: c(fixed[2]) };
  const p = op.params;
  const at = (i: number): Param => {
    const v = p[i];
    if (!v) throw new InputError(`gate ${op.name} lacks parameter ${i}`, 'ARITY');
    return v;
  };
  switch (op.name) {
    case 'rx':
      return { theta: at(0), phi: c(-HALF_PI), lambda: c(HALF_PI) };
    case 'ry':
      return { theta: at(0), phi: c(0), lambda: c(0) };
    case 'rz':
    case 'p':
    case 'u1':
      return { theta: c(0), phi: c(0), lambda: at(0) };
    case 'u2':
      return { theta: c(HALF_PI), phi: at(0), lambda: at(1) };
    case 'u3':
    case 'u':
      return { theta: at(0), phi: at(1), lambda: at(2) };
    case 'r':
    case 'prx':
      // R(θ, φ) = Rz(φ) Rx(θ) Rz(−φ) = Rz(φ − π/2) Ry(θ) Rz(π/2 − φ)
      return { theta: at(0), phi: at(1).sub(HALF_PI), lambda: at(1).neg().add(HALF_PI) };
    case 'gpi':
      return { theta: c(PI), phi: at(0).sub(HALF_PI), lambda: at(0).neg().add(HALF_PI) };
    case 'gpi2':
      return { theta: c(HALF_PI), phi: at(0).sub(HALF_PI), lambda: at(0).neg().add(HALF_PI) };
    default:
      throw new InputError(`no Euler form for gate "${op.name}" (not a one-qubit library gate)`, 'UNSUPPORTED_GATE');
  }
}

/**
 * Wraps an angle to (−π, π], snapping values within 1e-12 of a multiple of π/16 onto it (so
 * synthesised Clifford+T angles print as exact fractions of π, not 1.5707963267948957).
 */
export function wrapAngle(a: number): number {
  let r = a % (2 * PI);
  if (r <= -PI) r += 2 * PI;
  else if (r > PI) r -= 2 * PI;
  const k = Math.round((r * 16) / PI);
  if (Math.abs(r - (k * PI) / 16) < 1e-12) r = k === -16 ? PI : (k * PI) / 16;
  return r;
}

/** True when the constant angle is a multiple of 2π (within tol). */
export function isMultipleOf2Pi(a: number, tol = 1e-10): boolean {
  return Math.abs(wrapAngle(a)) < tol;
}
