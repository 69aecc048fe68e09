/** Init-stage pass: gates on three or more qubits become one- and two-qubit gates. */
import type { Circuit } from '../../circuit/circuit.js';
import type { GateOp, Operation } from '../../circuit/operation.js';
import type { Pass } from '../pass.js';
import type { PropertySet } from '../property-set.js';
import { gateRule } from '../synthesis/two-qubit.js';

/** Replaces every gate on three or more qubits (ccx, cswap) by one- and two-qubit gates. */
export function unrollMultiQubit(circuit: Circuit, keep: ReadonlySet<string> = new Set()): Circuit {
  if (!circuit.ops.some((op) => op.kind === 'gate' && op.qubits.length > 2 && !keep.has(op.name))) return circuit;
  const out: Operation[] = [];
  const visit = (op: Operation): void => {
    if (op.kind !== 'gate' || op.qubits.length <= 2 || keep.has(op.name)) {
      out.push(op);
      return;
    }
    for (const c of gateRule(op.name, op.params, 'cx')) {
      const child: GateOp = {
        kind: 'gate',
        name: c.name,
        qubits: c.qubits.map((j) => op.qubits[j] as number),
        params: c.params,
        ...(op.condition ? { condition: op.condition } : {}),
      };
      visit(child);
    }
  };
  circuit.ops.forEach(visit);
  return circuit.with({ ops: out });
}

/** Qiskit's Unroll3qOrMore. */
export class UnrollMultiQubit implements Pass {
  readonly name = 'UnrollMultiQubit';
  run(circuit: Circuit, props: PropertySet): Circuit {
    return unrollMultiQubit(circuit, props.target.basisMulti);
  }
}
