/**
 * Rewrite rules that bring every two- and three-qubit library gate down to one native
 * entangler plus one-qubit gates, exact up to global phase, keeping parameters affine.
 *
 * Library gates first become CX, RZZ(θ) or RXX(θ) (`gateRule`); those three then become the
 * target's entangler (`primitiveRule`): CZ = (I⊗H)·CX·(I⊗H); CX = ECR + Cliffords (either
 * direction); CX = two iSWAPs + Cliffords; CZ = e^{iπ/4}·Rz(π/2)⊗Rz(π/2)·RZZ(−π/2);
 * RZZ = (H⊗H)·MS(0, 0, θ)·(H⊗H). The constant identities were found by search over one-qubit
 * Cliffords and are checked numerically by the tests.
 */
import { InputError } from '../../core/errors.js';
import type { GateCall } from '../../circuit/gate-def.js';
import { Param } from '../../circuit/param.js';

/** The entanglers the translator can target, in order of preference. */
export const ENTANGLERS = ['cx', 'cz', 'ecr', 'rzz', 'ms', 'iswap'] as const;
/** A native entangler the translator can target. */
export type EntanglerKind = (typeof ENTANGLERS)[number];

/** Gates whose matrix is unchanged when the two qubits are exchanged (ms: with φ0 ↔ φ1). */
export const SYMMETRIC_2Q = new Set(['cz', 'swap', 'iswap', 'rzz', 'rxx', 'ryy', 'cp', 'cu1', 'ms']);

/** The preferred entangler among a target's native two-qubit gates. */
export function entanglerKind(basis2q: readonly string[]): EntanglerKind {
  for (const e of ENTANGLERS) if (basis2q.includes(e)) return e;
  throw new InputError(
    basis2q.length === 0
      ? 'the target has no native two-qubit gate, so two-qubit gates cannot be translated'
      : `cannot translate to two-qubit natives {${basis2q.join(', ')}}; supported entanglers: ${ENTANGLERS.join(', ')}`,
    'UNSUPPORTED_BASIS',
  );
}

const PI = Math.PI;
const k = (v: number): Param => Param.constant(v);
const g = (name: string, qubits: readonly number[], ...params: Param[]): GateCall => ({ name, qubits, params });
const A = [0];
const B = [1];
const AB = [0, 1];
const BA = [1, 0];

/** Expresses a non-native library gate (on local qubits 0, 1[, 2]) in CX / RZZ / RXX / one-qubit gates. */
export function gateRule(name: string, params: readonly Param[], kind: EntanglerKind): GateCall[] {
  const p = (i: number): Param => {
    const v = params[i];
    if (!v) throw new InputError(`gate ${name} lacks parameter ${i}`, 'ARITY');
    return v;
  };
  const diagonalViaRzz = kind === 'rzz' || kind === 'ms';
  switch (name) {
    case 'cz':
      return diagonalViaRzz
        ? [g('rzz', AB, k(-PI / 2)), g('rz', A, k(PI / 2)), g('rz', B, k(PI / 2))]
        : [g('h', B), g('cx', AB), g('h', B)];
    case 'cy':
      return [g('sdg', B), g('cx', AB), g('s', B)];
    case 'ch':
      return [g('s', B), g('h', B), g('t', B), g('cx', AB), g('tdg', B), g('h', B), g('sdg', B)];
    case 'csx':
      return [g('h', B), g('cp', AB, k(PI / 2)), g('h', B)];
    case 'swap':
      return [g('cx', AB), g('cx', BA), g('cx', AB)];
    case 'iswap':
      return [g('s', A), g('s', B), g('h', A), g('cx', AB), g('cx', BA), g('h', B)];
    case 'ecr':
      return [g('cx', AB), g('x', A), g('sdg', A), g('sx', B)];
    case 'crz':
      return [g('rz', B, p(0).mul(0.5)), g('rzz', AB, p(0).mul(-0.5))];
    case 'crx':
      return [g('h', B), g('rz', B, p(0).mul(0.5)), g('rzz', AB, p(0).mul(-0.5)), g('h', B)];
    case 'cry':
      return [g('ry', B, p(0).mul(0.5)), g('cx', AB), g('ry', B, p(0).mul(-0.5)), g('cx', AB)];
    case 'cp':
    case 'cu1':
      return [g('rz', A, p(0).mul(0.5)), g('rz', B, p(0).mul(0.5)), g('rzz', AB, p(0).mul(-0.5))];
    case 'cu3': {
      const [th, ph, la] = [p(0), p(1), p(2)];
      return [
        g('p', A, la.add(ph).mul(0.5)),
        g('p', B, la.sub(ph).mul(0.5)),
        g('cx', AB),
        g('u3', B, th.mul(-0.5), k(0), ph.add(la).mul(-0.5)),
        g('cx', AB),
        g('u3', B, th.mul(0.5), ph, k(0)),
      ];
    }
    case 'rxx':
      return [g('h', A), g('h', B), g('rzz', AB, p(0)), g('h', A), g('h', B)];
    case 'ryy':
      return [g('rx', A, k(PI / 2)), g('rx', B, k(PI / 2)), g('rzz', AB, p(0)), g('rx', A, k(-PI / 2)), g('rx', B, k(-PI / 2))];
    case 'rzx':
      return [g('h', B), g('rzz', AB, p(0)), g('h', B)];
    case 'ms':
      return [g('rz', A, p(0).neg()), g('rz', B, p(1).neg()), g('rxx', AB, p(2)), g('rz', A, p(0)), g('rz', B, p(1))];
    case 'ccx':
      return [
        g('h', [2]), g('cx', [1, 2]), g('tdg', [2]), g('cx', [0, 2]), g('t', [2]), g('cx', [1, 2]), g('tdg', [2]),
        g('cx', [0, 2]), g('t', [1]), g('t', [2]), g('h', [2]), g('cx', [0, 1]), g('t', [0]), g('tdg', [1]), g('cx', [0, 1]),
      ];
    case 'cswap':
      return [g('cx', [2, 1]), g('ccx', [0, 1, 2]), g('cx', [2, 1])];
    default:
      throw new InputError(`no translation rule for gate "${name}"`, 'UNSUPPORTED_GATE');
  }
}

/**
 * Expresses CX, RZZ(θ) or RXX(θ) on local qubits (0, 1) with the entangler `kind`.
 * `forward` says whether the entangler may run as (0, 1); otherwise it runs as (1, 0).
 */
export function primitiveRule(name: 'cx' | 'rzz' | 'rxx', params: readonly Param[], kind: EntanglerKind, forward: boolean): GateCall[] {
  const theta = params[0] ?? k(0);
  const pair = forward ? AB : BA;
  if (name === 'rxx') {
    if (kind === 'ms') return [g('ms', pair, k(0), k(0), theta)];
    return [g('h', A), g('h', B), g('rzz', AB, theta), g('h', A), g('h', B)];
  }
  if (name === 'rzz') {
    if (kind === 'rzz') return [g('rzz', pair, theta)];
    if (kind === 'ms') return [g('h', A), g('h', B), g('ms', pair, k(0), k(0), theta), g('h', A), g('h', B)];
    return [g('cx', AB), g('rz', B, theta), g('cx', AB)];
  }
  switch (kind) {
    case 'cx':
      return forward ? [g('cx', AB)] : [g('h', A), g('h', B), g('cx', BA), g('h', A), g('h', B)];
    case 'cz':
      return [g('h', B), g('cz', pair), g('h', B)];
    case 'ecr':
      return forward
        ? [g('ecr', AB), g('x', A), g('sdg', A), g('sxdg', B)]
        : [g('h', A), g('h', B), g('ecr', BA), g('h', A), g('sdg', A), g('sxdg', B), g('s', B)];
    case 'iswap':
      return [g('h', A), g('h', B), g('iswap', pair), g('h', B), g('iswap', pair), g('h', A), g('s', A), g('h', B), g('sxdg', B)];
    case 'rzz':
    case 'ms':
      return [g('h', B), g('rzz', AB, k(-PI / 2)), g('rz', A, k(PI / 2)), g('rz', B, k(PI / 2)), g('h', B)];
  }
}
