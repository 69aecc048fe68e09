/**
 * Small facts about gates that the optimisation passes share: when two adjacent gates are
 * inverses, when they merge into one rotation, when a constant rotation is the identity (up
 * to global phase), and when two gates commute.
 */
import { type GateOp, type Operation } from '../../circuit/operation.js';
import { getGate, gateMatrix } from '../../circuit/gates.js';
import { embed, matmul, maxAbsDiff, type Matrix } from '../../circuit/matrix.js';
import { Param } from '../../circuit/param.js';
import { SYMMETRIC_2Q } from '../synthesis/two-qubit.js';

const TWO_PI = 2 * Math.PI;

/** Single-parameter rotations that add their angles, with the angle's period up to global phase. */
const ROTATION_PERIOD: Readonly<Record<string, number>> = {
  rx: TWO_PI, ry: TWO_PI, rz: TWO_PI, p: TWO_PI, u1: TWO_PI,
  rxx: TWO_PI, ryy: TWO_PI, rzz: TWO_PI, rzx: TWO_PI, cp: TWO_PI, cu1: TWO_PI,
  crx: 2 * TWO_PI, cry: 2 * TWO_PI, crz: 2 * TWO_PI,
};

/** True when the op is an unconditioned gate. */
export function isPlainGate(op: Operation): op is GateOp {
  return op.kind === 'gate' && !op.condition;
}

/** True when a and b act on the same qubits (same order, or any order for symmetric gates). */
export function sameQubits(a: GateOp, b: GateOp): boolean {
  if (a.qubits.length !== b.qubits.length) return false;
  if (a.qubits.every((q, i) => q === b.qubits[i])) return true;
  return a.name === b.name && a.qubits.length === 2 && SYMMETRIC_2Q.has(a.name) && a.qubits[0] === b.qubits[1] && a.qubits[1] === b.qubits[0] && a.name !== 'ms';
}

function paramsEqual(a: readonly Param[], b: readonly Param[]): boolean {
  return a.length === b.length && a.every((p, i) => {
    const q = b[i] as Param;
    if (p.isConstant && q.isConstant) return Math.abs(p.constant - q.constant) < 1e-12;
    return p.equals(q);
  });
}

const INVERSE_NAME: Readonly<Record<string, string>> = { s: 'sdg', sdg: 's', t: 'tdg', tdg: 't', sx: 'sxdg', sxdg: 'sx', u3: 'u3', u: 'u' };

/** True when b·a = identity (up to global phase) for adjacent a then b on the same qubits. */
export function isInversePair(a: GateOp, b: GateOp): boolean {
  if (a.name !== b.name && INVERSE_NAME[a.name] !== b.name) return false;
  if (!sameQubits(a, b)) return false;
  const inv = getGate(a.name).inverse(a.params);
  if (inv.length !== 1) return false;
  const call = inv[0] as { name: string; qubits: readonly number[]; params: readonly Param[] };
  if (call.name !== b.name) return false;
  const mapped = call.qubits.map((j) => a.qubits[j] as number);
  const orderOk = mapped.every((q, i) => q === b.qubits[i]) || (SYMMETRIC_2Q.has(b.name) && b.name !== 'ms' && mapped.length === 2 && mapped[0] === b.qubits[1]);
  if (!orderOk) return false;
  if (paramsEqual(call.params, b.params)) return true;
  const period = ROTATION_PERIOD[a.name];
  if (period !== undefined && a.name === b.name) {
    const sum = addParams(a.params[0] as Param, b.params[0] as Param);
    return sum.isConstant && isZeroAngle(sum.constant, period);
  }
  return false;
}

/** p + q, cheaply for constants. */
export function addParams(p: Param, q: Param): Param {
  return p.isConstant && q.isConstant ? Param.constant(p.constant + q.constant) : p.add(q);
}

/** The merged rotation when a and b are the same rotation on the same qubits, else undefined. */
export function mergeRotations(a: GateOp, b: GateOp): GateOp | undefined {
  if (a.name !== b.name || ROTATION_PERIOD[a.name] === undefined || !sameQubits(a, b)) return undefined;
  return { kind: 'gate', name: a.name, qubits: a.qubits, params: [addParams(a.params[0] as Param, b.params[0] as Param)] };
}

function isZeroAngle(angle: number, period: number): boolean {
  const r = ((angle % period) + period) % period;
  return r < 1e-10 || period - r < 1e-10;
}

/** True when a constant gate is the identity up to global phase. */
export function isIdentityGate(op: GateOp): boolean {
  if (op.name === 'id') return true;
  if (!op.params.every((p) => p.isConstant)) return false;
  const period = ROTATION_PERIOD[op.name];
  if (period !== undefined) return isZeroAngle((op.params[0] as Param).constant, period);
  if (op.name === 'u3' || op.name === 'u') {
    const [t, ph, l] = op.params.map((p) => p.constant) as [number, number, number];
    return isZeroAngle(t, TWO_PI) && isZeroAngle(ph + l, TWO_PI);
  }
  if (op.name === 'r' || op.name === 'prx') return isZeroAngle((op.params[0] as Param).constant, TWO_PI);
  return false;
}

const X_AXIS = new Set(['x', 'rx', 'sx', 'sxdg']);

/**
 * True when two unconditioned gates commute. Structural rules cover the common cases
 * (diagonal gates; Z-type gates on a control; X-type gates on a CX target; CXs sharing only
 * controls or only targets); anything else is decided numerically (cached), with symbolic
 * parameters evaluated at two fixed generic points.
 */
export function commutes(a: GateOp, b: GateOp, cache: Map<string, boolean>): boolean {
  const shared = a.qubits.filter((q) => b.qubits.includes(q));
  if (shared.length === 0) return true;
  const da = getGate(a.name);
  const db = getGate(b.name);
  if (da.diagonal && db.diagonal) return true;
  if (a.qubits.length === 1 && b.qubits.length === 1 && a.name === b.name && ROTATION_PERIOD[a.name] !== undefined) return true;
  for (const [one, two, d2] of [[a, b, db], [b, a, da]] as const) {
    if (one.qubits.length !== 1 || two.qubits.length !== 2) continue;
    const q = one.qubits[0] as number;
    const oneDiag = getGate(one.name).diagonal;
    if (oneDiag && d2.controls >= 1 && two.qubits[0] === q) return true;
    if (X_AXIS.has(one.name) && (two.name === 'cx' && two.qubits[1] === q)) return true;
  }
  if (a.name === 'cx' && b.name === 'cx') {
    const sameControl = a.qubits[0] === b.qubits[0];
    const sameTarget = a.qubits[1] === b.qubits[1];
    if (sameControl !== sameTarget) return true;
  }
  const local = [...a.qubits, ...b.qubits.filter((q) => !a.qubits.includes(q))];
  const key = `${a.name}(${a.params.map(paramKey).join(',')})@${a.qubits.map((q) => local.indexOf(q)).join(',')}|${b.name}(${b.params.map(paramKey).join(',')})@${b.qubits.map((q) => local.indexOf(q)).join(',')}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let result = true;
  for (const point of [0, 1]) {
    const ma = embed(gateMatrix(a.name, a.params.map((p) => generic(p, point))), a.qubits.map((q) => local.indexOf(q)), local.length);
    const mb = embed(gateMatrix(b.name, b.params.map((p) => generic(p, point))), b.qubits.map((q) => local.indexOf(q)), local.length);
    if (!commuteNumeric(ma, mb)) {
      result = false;
      break;
    }
  }
  cache.set(key, result);
  return result;
}

function commuteNumeric(a: Matrix, b: Matrix): boolean {
  return maxAbsDiff(matmul(a, b), matmul(b, a)) < 1e-9;
}

function paramKey(p: Param): string {
  return p.isConstant ? p.constant.toPrecision(14) : p.toString();
}

/** Evaluates a parameter at a fixed, generic-looking point (deterministic). */
function generic(p: Param, point: number): number {
  let v = p.constant;
  for (const t of p.terms) v += t.coeff * (0.731 + 0.417 * point + 0.173 * t.index + (t.source === 'w' ? 0.291 : 0));
  return v;
}
