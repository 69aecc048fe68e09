/**
 * TrivialLayout: virtual qubit v on physical qubit v. When that would put interacting qubits
 * in different connected parts of the target (devices with dead couplers, e.g. IBM
 * Sherbrooke's isolated qubit 6), virtual v goes to the v-th qubit of the largest connected
 * part instead, still in index order.
 */
import type { Circuit } from '../../circuit/circuit.js';
import { Layout } from '../layout.js';
import type { Pass } from '../pass.js';
import type { PropertySet } from '../property-set.js';
import { checkFits, interactionGraph, usableQubits } from './common.js';

/** Layout pass: v → v (see the file comment for devices with dead couplers). */
export class TrivialLayout implements Pass {
  readonly name = 'TrivialLayout';
  run(circuit: Circuit, props: PropertySet): Circuit {
    if (props.layout) return circuit;
    const target = props.target;
    checkFits(circuit, target);
    const graph = interactionGraph(circuit);
    const n = circuit.numQubits;
    const identityWorks = graph.pairs.length === 0 || Array.from({ length: n }, (_, v) => target.component[v] === 0).every(Boolean);
    props.layout = identityWorks ? Layout.trivial(target.numQubits) : Layout.fromVirtualToPhysical(usableQubits(circuit, target, graph).slice(0, n), target.numQubits);
    return circuit;
  }
}
