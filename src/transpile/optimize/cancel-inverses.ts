/**
 * CancelInverses (Qiskit's InverseCancellation): removes adjacent pairs of mutually inverse
 * gates on the same qubits (cx·cx, h·h, s·sdg, rz(a)·rz(−a), ecr·ecr, …) and merges adjacent
 * rotations of the same kind (rzz(a)·rzz(b) = rzz(a + b)), cascading (h·x·x·h vanishes).
 */
import type { Circuit } from '../../circuit/circuit.js';
import type { GateOp, Operation } from '../../circuit/operation.js';
import type { OpsPass, Pass } from '../pass.js';
import type { PropertySet } from '../property-set.js';
import { isIdentityGate, isInversePair, isPlainGate, mergeRotations } from './gate-algebra.js';

function wires(op: Operation): readonly number[] {
  return op.kind === 'measure' || op.kind === 'reset' ? [op.qubit] : op.qubits;
}

/** Cancels adjacent inverse pairs and merges adjacent rotations. */
export function cancelInverses(circuit: Circuit): Circuit {
  const ops = cancelInverseOps(circuit.ops, circuit.numQubits);
  return ops === circuit.ops ? circuit : circuit.with({ ops });
}

/** {@link cancelInverses} on an operation list; returns `input` itself when nothing changes. */
export function cancelInverseOps(input: readonly Operation[], numQubits: number): readonly Operation[] {
  const ops: (Operation | null)[] = [...input];
  // Per-qubit stacks of live ops as linked lists: top[q] and, for each (op, wire slot), the
  // op below it on that wire.
  const top = new Int32Array(numQubits).fill(-1);
  const slotStart = new Int32Array(ops.length + 1);
  for (let j = 0; j < ops.length; j++) slotStart[j + 1] = (slotStart[j] as number) + wires(ops[j] as Operation).length;
  const below = new Int32Array(slotStart[ops.length] as number);
  const pop = (k: number): void => {
    const qs = wires(ops[k] as Operation);
    for (let s = 0; s < qs.length; s++) top[qs[s] as number] = below[(slotStart[k] as number) + s] as number;
  };
  let changed = false;
  for (let j = 0; j < ops.length; j++) {
    const op = ops[j] as Operation;
    const qs = wires(op);
    if (isPlainGate(op) && qs.length > 0) {
      const prevIndex = top[qs[0] as number] as number;
      let adjacent = prevIndex >= 0;
      for (let s = 1; adjacent && s < qs.length; s++) adjacent = top[qs[s] as number] === prevIndex;
      const prev = adjacent ? (ops[prevIndex] as Operation) : null;
      if (prev && isPlainGate(prev) && prev.qubits.length === qs.length) {
        if (isInversePair(prev, op)) {
          pop(prevIndex);
          ops[prevIndex] = null;
          ops[j] = null;
          changed = true;
          continue;
        }
        const merged = mergeRotations(prev, op);
        if (merged) {
          changed = true;
          ops[j] = null;
          if (isIdentityGate(merged)) {
            pop(prevIndex);
            ops[prevIndex] = null;
          } else ops[prevIndex] = merged;
          continue;
        }
      }
    }
    for (let s = 0; s < qs.length; s++) {
      const q = qs[s] as number;
      below[(slotStart[j] as number) + s] = top[q] as number;
      top[q] = j;
    }
  }
  if (!changed) return input;
  return ops.filter((op): op is Operation => op !== null);
}

/** Optimisation pass: adjacent inverse pairs cancel, adjacent rotations merge. */
export class CancelInverses implements OpsPass {
  readonly name = 'CancelInverses';
  run(circuit: Circuit, _props: PropertySet): Circuit {
    return cancelInverses(circuit);
  }
  runOps(ops: readonly Operation[], circuit: Circuit): readonly Operation[] {
    return cancelInverseOps(ops, circuit.numQubits);
  }
}

/** Drops gates that are the identity up to global phase (id, rz(0), rzz(2π), …). */
export function removeIdentities(circuit: Circuit): Circuit {
  const kept = circuit.ops.filter((op) => !(isPlainGate(op) && isIdentityGate(op as GateOp)));
  return kept.length === circuit.ops.length ? circuit : circuit.with({ ops: kept });
}

/** Pass: drops identity gates (up to global phase). */
export class RemoveIdentities implements Pass {
  readonly name = 'RemoveIdentities';
  run(circuit: Circuit, _props: PropertySet): Circuit {
    return removeIdentities(circuit);
  }
}
