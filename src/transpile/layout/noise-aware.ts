/**
 * NoiseAwareLayout (after Murali et al., "Noise-adaptive compiler mappings", ASPLOS 2019, as
 * Qiskit's NoiseAdaptiveLayout): physical distances are shortest paths where a coupler costs
 * −log(1 − error) (three gates per SWAP along the way, one for the gate itself), each qubit
 * costs −log(1 − readout error) − log(1 − one-qubit error), and the most-interacting virtual
 * qubits are placed greedily on the most reliable region. Without calibration it reduces to
 * hop distances.
 */
import type { Circuit } from '../../circuit/circuit.js';
import { Layout } from '../layout.js';
import type { Pass } from '../pass.js';
import type { PropertySet } from '../property-set.js';
import type { Target } from '../target.js';
import { interactionGraph, usableQubits } from './common.js';
import { greedyPlace } from './place.js';

const HOP = 1e-3;

function fidelityCost(error: number): number {
  const e = Math.min(Math.max(error, 0), 0.999999);
  return -Math.log1p(-e);
}

/** Reliability-weighted all-pairs distances (Dijkstra from every qubit). */
export function reliabilityDistances(target: Target): Float64Array {
  const N = target.numQubits;
  const dist = new Float64Array(N * N).fill(Number.POSITIVE_INFINITY);
  const edgeCost = (a: number, b: number): number => 3 * fidelityCost(target.couplerError(a, b)) + HOP;
  const heap = new MinHeap();
  for (let s = 0; s < N; s++) {
    const row = s * N;
    dist[row + s] = 0;
    heap.push(0, s);
    while (heap.size > 0) {
      const [d, u] = heap.pop();
      if (d > (dist[row + u] as number)) continue;
      for (const v of target.neighbors(u)) {
        const nd = d + edgeCost(u, v);
        if (nd < (dist[row + v] as number)) {
          dist[row + v] = nd;
          heap.push(nd, v);
        }
      }
    }
  }
  // Interacting on adjacent qubits costs one gate, not a SWAP: subtract the over-count.
  for (let a = 0; a < N; a++)
    for (let b = 0; b < N; b++) {
      if (a === b) continue;
      const d = dist[a * N + b] as number;
      if (Number.isFinite(d)) dist[a * N + b] = Math.max(HOP, d - 2 * fidelityCost(target.couplerError(a, b)));
    }
  return dist;
}

/** The noise-aware layout's virtual → physical map for the circuit's qubits. */
export function noiseAwareLayout(circuit: Circuit, target: Target): number[] {
  const graph = interactionGraph(circuit);
  const usable = usableQubits(circuit, target, graph);
  const qubitCost = new Float64Array(target.numQubits);
  for (let q = 0; q < target.numQubits; q++) qubitCost[q] = fidelityCost(target.readoutError(q)) + fidelityCost(target.qubitError(q));
  return greedyPlace(graph, usable, { numPhysical: target.numQubits, distance: reliabilityDistances(target), qubitCost });
}

/** Layout pass: the most reliable region for the most-interacting qubits. */
export class NoiseAwareLayout implements Pass {
  readonly name = 'NoiseAwareLayout';
  run(circuit: Circuit, props: PropertySet): Circuit {
    if (props.layout) return circuit;
    props.layout = Layout.fromVirtualToPhysical(noiseAwareLayout(circuit, props.target), props.target.numQubits);
    return circuit;
  }
}

class MinHeap {
  private keys: number[] = [];
  private vals: number[] = [];
  get size(): number {
    return this.keys.length;
  }
  push(key: number, val: number): void {
    const k = this.keys;
    const v = this.vals;
    let i = k.length;
    k.push(key);
    v.push(val);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((k[parent] as number) <= key) break;
      k[i] = k[parent] as number;
      v[i] = v[parent] as number;
      i = parent;
    }
    k[i] = key;
    v[i] = val;
  }
  pop(): [number, number] {
    const k = this.keys;
    const v = this.vals;
    const top: [number, number] = [k[0] as number, v[0] as number];
    const lastK = k.pop() as number;
    const lastV = v.pop() as number;
    if (k.length > 0) {
      let i = 0;
      const n = k.length;
      while (true) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && (k[c + 1] as number) < (k[c] as number)) c++;
        if ((k[c] as number) >= lastK) break;
        k[i] = k[c] as number;
        v[i] = v[c] as number;
        i = c;
      }
      k[i] = lastK;
      v[i] = lastV;
    }
    return top;
  }
}
