/**
 * Parameter-shift rules from a gate's generator G = c·Π⊗P (see circuit/gate-def.ts):
 * - P ≠ I, no projector (rotations): eigenvalues ±c, two-term rule
 *   f'(θ) = c·[f(θ + π/4c) − f(θ − π/4c)];
 * - P = I with a projector (phase gates): frequency c, f'(θ) = (c/2)·[f(θ + π/2c) − f(θ − π/2c)];
 * - P ≠ I with a projector (controlled rotations): frequencies c and 2c, the four-term rule of
 *   Anselmetti et al. (arXiv 2107.12390) in u = 2cθ, scaled back to θ.
 * Also: rewriting a circuit so that every parametric gate has a generator (decomposing u3,
 * r, ms… as PennyLane does before differentiating).
 */
import { InputError } from '../../core/errors.js';
import type { Circuit } from '../../circuit/circuit.js';
import type { Generator } from '../../circuit/gate-def.js';
import { getGate } from '../../circuit/gates.js';
import type { GateOp, Operation } from '../../circuit/operation.js';

export interface ShiftTerm {
  /** Weight of f(θ + shift). */
  readonly coeff: number;
  readonly shift: number;
}

export function shiftRule(g: Generator): ShiftTerm[] {
  const c = g.coeff;
  const identityPauli = g.paulis.every((l) => l === 'I');
  if (g.projector.length === 0) {
    if (identityPauli) return []; // a global phase: no dependence
    const s = Math.PI / (4 * c);
    return [{ coeff: c, shift: s }, { coeff: -c, shift: -s }];
  }
  if (identityPauli) {
    const s = Math.PI / (2 * c);
    return [{ coeff: c / 2, shift: s }, { coeff: -c / 2, shift: -s }];
  }
  const cp = (Math.SQRT2 + 1) / (4 * Math.SQRT2);
  const cm = (Math.SQRT2 - 1) / (4 * Math.SQRT2);
  const k = 2 * c;
  return [
    { coeff: k * cp, shift: Math.PI / 2 / k },
    { coeff: -k * cp, shift: -Math.PI / 2 / k },
    { coeff: -k * cm, shift: (3 * Math.PI) / 2 / k },
    { coeff: k * cm, shift: -(3 * Math.PI) / 2 / k },
  ];
}

/**
 * The same circuit with every gate whose parameters are not all constant expressed through
 * gates that have a generator (exact decompositions; global phase aside).
 */
export function shiftableForm(circuit: Circuit): Circuit {
  const ops: Operation[] = [];
  const visit = (op: Operation) => {
    if (op.kind !== 'gate' || op.params.every((p) => p.isConstant)) {
      ops.push(op);
      return;
    }
    const def = getGate(op.name);
    if (def.generator && def.numParams === 1) {
      ops.push(op);
      return;
    }
    if (!def.decompose) throw new InputError(`gate ${op.name} has symbolic parameters but no decomposition into differentiable gates`, 'UNSUPPORTED');
    for (const call of def.decompose(op.params)) {
      const sub: GateOp = { kind: 'gate', name: call.name, qubits: call.qubits.map((j) => op.qubits[j] as number), params: call.params, ...(op.condition ? { condition: op.condition } : {}) };
      visit(sub);
    }
  };
  circuit.ops.forEach(visit);
  return circuit.with({ ops });
}
