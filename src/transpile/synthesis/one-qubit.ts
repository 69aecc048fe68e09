/**
 * One-qubit synthesis into each native basis from ZYZ angles, exact up to global phase:
 *
 * - `u3`: one U3(θ, φ, λ).
 * - `zsx` (rz + sx) and `zsxx` (IBM, rz + sx + x): Rz(λ)·SX·Rz(θ+π)·SX·Rz(φ+π) in circuit
 *   order, one SX when θ = π/2, one X when θ = π (`zsxx`), a lone Rz when θ = 0. `zrx` is the same with RX(π/2) for SX
 *   (Rigetti).
 * - `zr` (Quantinuum, rz + r): R(θ, π/2 − λ) then Rz(φ + λ).
 * - `prx` (IQM): Rz(γ)·R(θ, ψ) = −R(π, ψ + γ/2)·R(θ + π, ψ), two PRX in general.
 * - `gpi` (IonQ): GPI2(−λ), GPI((φ − λ − θ)/2), GPI2(φ); a lone RZ is GPI(0), GPI(γ/2).
 * - `zyz`: Rz(λ), Ry(θ), Rz(φ).
 *
 * Parameters stay affine, so input- and weight-dependent rotations translate without being
 * bound; the shortcuts for special angles apply only to constant parameters.
 */
import { InputError } from '../../core/errors.js';
import type { GateCall } from '../../circuit/gate-def.js';
import { Param } from '../../circuit/param.js';
import { type ZyzParams, gateZyz, isMultipleOf2Pi, wrapAngle, zyzFromMatrix } from './euler.js';
import { matrix1q } from './fast-matrix.js';

const scratch = new Float64Array(8);

/** The families of native one-qubit gate sets the synthesiser knows. */
export type OneQubitBasisKind = 'u3' | 'u' | 'zsxx' | 'zsx' | 'zrx' | 'zr' | 'zyz' | 'prx' | 'r' | 'gpi';

/** Picks the synthesis family for a set of native one-qubit gate names. */
export function oneQubitBasisKind(basis: ReadonlySet<string>): OneQubitBasisKind {
  if (basis.has('u3')) return 'u3';
  if (basis.has('u')) return 'u';
  if (basis.has('rz') && basis.has('sx')) return basis.has('x') ? 'zsxx' : 'zsx';
  if (basis.has('rz') && basis.has('r')) return 'zr';
  if (basis.has('rz') && basis.has('rx')) return 'zrx';
  if (basis.has('rz') && basis.has('ry')) return 'zyz';
  if (basis.has('prx')) return 'prx';
  if (basis.has('r')) return 'r';
  if (basis.has('gpi') && basis.has('gpi2')) return 'gpi';
  throw new InputError(
    `cannot synthesise one-qubit gates from natives {${[...basis].join(', ')}}; supported families: u3, u, rz+sx, rz+r, rz+rx, rz+ry, prx, r, gpi+gpi2`,
    'UNSUPPORTED_BASIS',
  );
}

const PI = Math.PI;
const HALF_PI = PI / 2;
const TOL = 1e-10;

const k = (v: number): Param => Param.constant(v);
const call = (name: string, ...params: Param[]): GateCall => ({ name, qubits: [0], params });

/** Affine arithmetic with a cheap path for constants (the common case in fusion). */
function add(p: Param, q: Param | number): Param {
  const qc = typeof q === 'number' ? q : q.isConstant ? q.constant : undefined;
  if (p.isConstant && qc !== undefined) return k(p.constant + qc);
  return p.add(q);
}
function sub(p: Param, q: Param | number): Param {
  return add(p, typeof q === 'number' ? -q : neg(q));
}
function mul(p: Param, f: number): Param {
  return p.isConstant ? k(p.constant * f) : p.mul(f);
}
function neg(p: Param): Param {
  return mul(p, -1);
}

/** Constant-angle helpers. */
const near = (a: number, b: number): boolean => isMultipleOf2Pi(a - b, TOL);

/** Canonical ZYZ parameters of a constant one-qubit unitary (θ in [0, π]). */
export function canonicalZyz(zyz: ZyzParams): ZyzParams | null {
  if (!zyz.theta.isConstant || !zyz.phi.isConstant || !zyz.lambda.isConstant) return null;
  matrix1q('u3', [zyz.theta.constant, zyz.phi.constant, zyz.lambda.constant], scratch);
  const a = zyzFromMatrix(scratch);
  return { theta: k(a.theta), phi: k(wrapAngle(a.phi)), lambda: k(wrapAngle(a.lambda)) };
}

/**
 * Gates (on local qubit 0) implementing Rz(φ)·Ry(θ)·Rz(λ) up to global phase in `kind`.
 * `canonical` skips re-normalising constant angles that already come from
 * {@link zyzFromMatrix} (θ in [0, π]).
 */
export function synthesizeZyz(kind: OneQubitBasisKind, input: ZyzParams, canonical = false): GateCall[] {
  const zyz = canonical ? input : (canonicalZyz(input) ?? input);
  const constant = zyz.theta.isConstant && zyz.phi.isConstant && zyz.lambda.isConstant;
  const th = zyz.theta;
  const ph = zyz.phi;
  const la = zyz.lambda;
  const thetaZero = th.isConstant && near(th.constant, 0);
  const sum = add(ph, la);
  if (constant && thetaZero && near(sum.constant, 0)) return [];
  switch (kind) {
    case 'u3':
    case 'u':
      return [call(kind, th, ph, la)];
    case 'zyz': {
      if (thetaZero) return mergeRz([], sum);
      const out: GateCall[] = [];
      pushRz(out, la);
      out.push(call('ry', th));
      pushRz(out, ph);
      return out;
    }
    case 'zsxx':
    case 'zsx':
    case 'zrx':
      return synthZsx(kind, th, ph, la);
    case 'zr': {
      if (thetaZero) return mergeRz([], sum);
      const out = [call('r', th, add(neg(la), HALF_PI))];
      pushRz(out, sum);
      return out;
    }
    case 'prx':
    case 'r':
      return synthPrx(kind, th, add(neg(la), HALF_PI), sum);
    case 'gpi':
      return synthGpi(th, ph, la);
  }
}

/** Synthesises one library gate (up to global phase) into `kind`. */
export function synthesizeGate(kind: OneQubitBasisKind, name: string, params: readonly Param[]): GateCall[] {
  return synthesizeZyz(kind, gateZyz({ name, params }));
}

function pushRz(out: GateCall[], angle: Param): void {
  if (angle.isConstant && near(angle.constant, 0)) return;
  out.push(call('rz', angle.isConstant ? k(wrapAngle(angle.constant)) : angle));
}

function mergeRz(out: GateCall[], angle: Param): GateCall[] {
  pushRz(out, angle);
  return out;
}

function synthZsx(kind: 'zsxx' | 'zsx' | 'zrx', th: Param, ph: Param, la: Param): GateCall[] {
  const sx = (): GateCall => (kind === 'zrx' ? call('rx', k(HALF_PI)) : call('sx'));
  const out: GateCall[] = [];
  if (th.isConstant) {
    const t = th.constant;
    if (near(t, 0)) return mergeRz(out, add(ph, la));
    if (near(t, HALF_PI)) {
      pushRz(out, sub(la, HALF_PI));
      out.push(sx());
      pushRz(out, add(ph, HALF_PI));
      return out;
    }
    if (near(t, PI) && kind !== 'zsx') {
      pushRz(out, la);
      out.push(kind === 'zsxx' ? call('x') : call('rx', k(PI)));
      pushRz(out, sub(ph, PI));
      return out;
    }
  }
  pushRz(out, la);
  out.push(sx());
  pushRz(out, add(th, PI));
  out.push(sx());
  pushRz(out, add(ph, PI));
  return out;
}

function synthPrx(name: 'prx' | 'r', th: Param, psi: Param, gamma: Param): GateCall[] {
  const norm = (p: Param): Param => (p.isConstant ? k(wrapAngle(p.constant)) : p);
  const thetaZero = th.isConstant && near(th.constant, 0);
  const gammaZero = gamma.isConstant && near(gamma.constant, 0);
  if (thetaZero && gammaZero) return [];
  if (gammaZero) return [call(name, norm(th), norm(psi))];
  if (thetaZero) return [call(name, k(PI), k(0)), call(name, k(PI), norm(mul(gamma, 0.5)))];
  if (th.isConstant && near(th.constant, PI)) return [call(name, k(PI), norm(add(psi, mul(gamma, 0.5))))];
  return [call(name, norm(add(th, PI)), norm(psi)), call(name, k(PI), norm(add(psi, mul(gamma, 0.5))))];
}

function synthGpi(th: Param, ph: Param, la: Param): GateCall[] {
  const norm = (p: Param): Param => (p.isConstant ? k(wrapAngle(p.constant)) : p);
  const gamma = add(ph, la);
  const psi = add(neg(la), HALF_PI);
  const thetaZero = th.isConstant && near(th.constant, 0);
  const gammaZero = gamma.isConstant && near(gamma.constant, 0);
  if (thetaZero) return gammaZero ? [] : [call('gpi', k(0)), call('gpi', norm(mul(gamma, 0.5)))];
  if (th.isConstant && near(th.constant, PI)) return [call('gpi', norm(add(psi, mul(gamma, 0.5))))];
  if (gammaZero && th.isConstant && near(th.constant, HALF_PI)) return [call('gpi2', norm(psi))];
  return [call('gpi2', norm(neg(la))), call('gpi', norm(mul(sub(sub(ph, la), th), 0.5))), call('gpi2', norm(ph))];
}
