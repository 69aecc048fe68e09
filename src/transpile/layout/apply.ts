/**
 * ApplyLayout: rewrites the virtual circuit onto the target's physical qubits (ancillas
 * included) using `props.layout`, or the trivial layout when no pass chose one.
 */
import { InputError } from '../../core/errors.js';
import type { Circuit } from '../../circuit/circuit.js';
import type { Operation } from '../../circuit/operation.js';
import { Layout } from '../layout.js';
import type { Pass } from '../pass.js';
import type { PropertySet } from '../property-set.js';
import { checkFits } from './common.js';

/** Property key: `{ virtual, physical }` circuits of the last ApplyLayout run. */
export const APPLIED_LAYOUT_KEY = 'transpile.applied_layout';

/** Maps every operation's qubits through `toPhysical` onto a circuit of `numPhysical` qubits. */
export function applyLayout(circuit: Circuit, toPhysical: ArrayLike<number>, numPhysical: number): Circuit {
  const m = (q: number): number => toPhysical[q] as number;
  const ops = circuit.ops.map((op): Operation => {
    switch (op.kind) {
      case 'gate':
        return { ...op, qubits: op.qubits.map(m) };
      case 'barrier':
        return { ...op, qubits: op.qubits.map(m) };
      case 'measure':
      case 'reset':
        return { ...op, qubit: m(op.qubit) };
    }
  });
  return circuit.with({ numQubits: numPhysical, ops, qregs: [{ name: 'q', size: numPhysical, offset: 0 }] });
}

/** Layout-stage pass that rewrites the circuit onto physical qubits (end of the layout stage). */
export class ApplyLayout implements Pass {
  readonly name = 'ApplyLayout';
  run(circuit: Circuit, props: PropertySet): Circuit {
    const target = props.target;
    if (props.physical) throw new InputError('ApplyLayout: the circuit is already on physical qubits', 'PASS_ORDER');
    checkFits(circuit, target);
    if (!props.layout) props.layout = Layout.trivial(target.numQubits);
    if (props.layout.size !== target.numQubits) throw new InputError(`ApplyLayout: the layout covers ${props.layout.size} qubits, target has ${target.numQubits}`, 'LAYOUT');
    const physical = applyLayout(circuit, props.layout.toPhysical, target.numQubits);
    props.physical = true;
    props.set(APPLIED_LAYOUT_KEY, { virtual: circuit, physical });
    return physical;
  }
}
