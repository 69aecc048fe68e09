/**
 * CommutativeCancellation: a gate may travel back through gates it commutes with (Z-type
 * gates through CX controls, X-type through CX targets, diagonal through diagonal, …) to meet
 * its inverse — both vanish — or a rotation of the same kind — they merge. Looks back at most
 * `window` gates per qubit.
 */
import type { Circuit } from '../../circuit/circuit.js';
import type { GateOp, Operation } from '../../circuit/operation.js';
import type { OpsPass } from '../pass.js';
import type { PropertySet } from '../property-set.js';
import { commutes, isIdentityGate, isInversePair, isPlainGate, mergeRotations, sameQubits } from './gate-algebra.js';

/** One sweep of commutation-aware cancellation and merging. */
export function commutativeCancellation(circuit: Circuit, window = 24): Circuit {
  const ops = commutativeCancellationOps(circuit.ops, circuit.numQubits, window);
  return ops === circuit.ops ? circuit : circuit.with({ ops });
}

/** {@link commutativeCancellation} on an operation list; returns `input` itself when nothing changes. */
export function commutativeCancellationOps(input: readonly Operation[], numQubits: number, window = 24): readonly Operation[] {
  const ops: (Operation | null)[] = [...input];
  const wire: number[][] = Array.from({ length: numQubits }, () => []);
  const cache = new Map<string, boolean>();
  const wires = (op: Operation): readonly number[] => (op.kind === 'measure' || op.kind === 'reset' ? [op.qubit] : op.qubits);
  let changed = false;
  for (let j = 0; j < ops.length; j++) {
    const op = ops[j] as Operation;
    if (isPlainGate(op) && op.qubits.length <= 2 && tryCancel(op, j)) {
      changed = true;
      continue;
    }
    for (const q of wires(op)) wire[q]?.push(j);
  }

  function tryCancel(g: GateOp, j: number): boolean {
    const first = wire[g.qubits[0] as number] as number[];
    let steps = 0;
    for (let idx = first.length - 1; idx >= 0 && steps < window; idx--) {
      const k = first[idx] as number;
      const h = ops[k];
      if (!h) continue;
      steps++;
      if (!isPlainGate(h)) return false;
      if (sameQubits(h, g) && blockersCommute(g, k)) {
        if (isInversePair(h, g)) {
          ops[k] = null;
          ops[j] = null;
          dropFromWires(h, k);
          return true;
        }
        const merged = mergeRotations(h, g);
        if (merged) {
          ops[j] = null;
          if (isIdentityGate(merged)) {
            ops[k] = null;
            dropFromWires(h, k);
          } else ops[k] = merged;
          return true;
        }
      }
      if (!commutes(h, g, cache)) return false;
    }
    return false;
  }

  /** True when every live gate after k on g's other qubits commutes with g. */
  function blockersCommute(g: GateOp, k: number): boolean {
    for (const q of g.qubits.slice(1)) {
      const list = wire[q] as number[];
      for (let idx = list.length - 1; idx >= 0; idx--) {
        const m = list[idx] as number;
        if (m <= k) break;
        const h = ops[m];
        if (!h) continue;
        if (!isPlainGate(h) || !commutes(h, g, cache)) return false;
      }
    }
    return true;
  }

  function dropFromWires(h: GateOp, k: number): void {
    for (const q of h.qubits) {
      const list = wire[q] as number[];
      const at = list.lastIndexOf(k);
      if (at >= 0) list.splice(at, 1);
    }
  }

  if (!changed) return input;
  return ops.filter((op): op is Operation => op !== null);
}

/** Optimisation pass: commutation-aware cancellation and merging. */
export class CommutativeCancellation implements OpsPass {
  readonly name = 'CommutativeCancellation';
  constructor(private readonly window = 24) {}
  run(circuit: Circuit, _props: PropertySet): Circuit {
    return commutativeCancellation(circuit, this.window);
  }
  runOps(ops: readonly Operation[], circuit: Circuit): readonly Operation[] {
    return commutativeCancellationOps(ops, circuit.numQubits, this.window);
  }
}
