/**
 * DenseLayout: picks the most densely coupled connected set of physical qubits (grown greedily
 * from every qubit, scored by couplers inside the set, then calibrated error), and places the
 * virtual qubits on it greedily by hop distance.
 */
import type { Circuit } from '../../circuit/circuit.js';
import { Layout } from '../layout.js';
import type { Pass } from '../pass.js';
import type { PropertySet } from '../property-set.js';
import type { Target } from '../target.js';
import { interactionGraph, usableQubits } from './common.js';
import { greedyPlace } from './place.js';

/**
 * The densest connected set of `size` qubits among `usable`: from every start qubit, grow the
 * set by the neighbour with the most couplers into it (ties: lower coupler error, lower
 * index); keep the set with the most inner couplers, then the lowest calibrated error.
 */
export function densestSubset(target: Target, usable: readonly number[], size: number): number[] {
  const N = target.numQubits;
  const allowed = new Uint8Array(N);
  for (const q of usable) allowed[q] = 1;
  let best: number[] = usable.slice(0, size);
  let bestEdges = -1;
  let bestError = Number.POSITIVE_INFINITY;
  const inSet = new Uint8Array(N);
  const links = new Int32Array(N);
  const linkError = new Float64Array(N);
  for (const start of usable) {
    inSet.fill(0);
    links.fill(0);
    linkError.fill(0);
    const set: number[] = [];
    let frontier: number[] = [];
    const add = (q: number): void => {
      inSet[q] = 1;
      set.push(q);
      for (const v of target.neighbors(q)) {
        if (!allowed[v] || inSet[v]) continue;
        if (links[v] === 0) frontier.push(v);
        links[v] = (links[v] as number) + 1;
        linkError[v] = (linkError[v] as number) + target.couplerError(q, v);
      }
    };
    add(start);
    while (set.length < size && frontier.length > 0) {
      let pick = -1;
      for (const v of frontier) {
        if (inSet[v]) continue;
        if (pick === -1 || (links[v] as number) > (links[pick] as number) || ((links[v] as number) === (links[pick] as number) && ((linkError[v] as number) < (linkError[pick] as number) - 1e-15 || ((linkError[v] as number) <= (linkError[pick] as number) + 1e-15 && v < pick)))) pick = v;
      }
      if (pick === -1) break;
      frontier = frontier.filter((v) => v !== pick);
      add(pick);
    }
    if (set.length < size) continue;
    let edges = 0;
    let error = 0;
    for (const u of set) {
      error += target.readoutError(u) + target.qubitError(u);
      for (const v of target.neighbors(u)) {
        if (inSet[v] && u < v) {
          edges++;
          error += target.couplerError(u, v);
        }
      }
    }
    if (edges > bestEdges || (edges === bestEdges && error < bestError - 1e-15)) {
      bestEdges = edges;
      bestError = error;
      best = set;
    }
  }
  return best;
}

/** The dense layout's virtual → physical map for the circuit's qubits. */
export function denseLayout(circuit: Circuit, target: Target): number[] {
  const graph = interactionGraph(circuit);
  const usable = usableQubits(circuit, target, graph);
  if (circuit.numQubits === 0) return [];
  const subset = densestSubset(target, usable, circuit.numQubits);
  return greedyPlace(graph, subset, { numPhysical: target.numQubits, distance: target.distance, qubitCost: new Float64Array(target.numQubits) });
}

/** Layout pass: the densest connected set of qubits, placed greedily. */
export class DenseLayout implements Pass {
  readonly name = 'DenseLayout';
  run(circuit: Circuit, props: PropertySet): Circuit {
    if (props.layout) return circuit;
    props.layout = Layout.fromVirtualToPhysical(denseLayout(circuit, props.target), props.target.numQubits);
    return circuit;
  }
}
