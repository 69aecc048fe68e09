/**
 * The dependency graph routing works on: one node per operation, an edge from each
 * operation to the next one on each shared qubit or classical bit (stored CSR in typed
 * arrays for speed). Two-qubit gates are the nodes that need adjacent physical qubits.
 */
import { InputError } from '../../core/errors.js';
import type { Operation } from '../../circuit/operation.js';
import { opClbits, opQubits } from '../../circuit/operation.js';

/** The routing DAG of a circuit (typed arrays). */
export interface RoutingDag {
  readonly numNodes: number;
  readonly numQubits: number;
  /** 1 when the node is a two-qubit gate (needs adjacency). */
  readonly twoQubit: Uint8Array;
  /** The two logical qubits of two-qubit gates (−1 otherwise). */
  readonly q0: Int32Array;
  readonly q1: Int32Array;
  /** CSR successor lists. */
  readonly succStart: Int32Array;
  readonly succ: Int32Array;
  /** Number of distinct predecessors of each node. */
  readonly predCount: Int32Array;
  /** `order[i]` is the index in the circuit's op list of node i. */
  readonly opIndex: Int32Array;
}

/**
 * Builds the routing DAG of `ops` (in reverse order when `reverse`, for SABRE's backward
 * passes). Gates on three or more qubits must have been unrolled first.
 */
export function buildRoutingDag(ops: readonly Operation[], numQubits: number, numClbits: number, reverse = false): RoutingDag {
  const n = ops.length;
  const twoQubit = new Uint8Array(n);
  const q0 = new Int32Array(n).fill(-1);
  const q1 = new Int32Array(n).fill(-1);
  const opIndex = new Int32Array(n);
  const lastQ = new Int32Array(numQubits).fill(-1);
  const lastC = new Int32Array(numClbits).fill(-1);
  const edgesFrom: number[] = [];
  const edgesTo: number[] = [];
  const predCount = new Int32Array(n);
  const outDeg = new Int32Array(n);
  const seenStamp = new Int32Array(n).fill(-1);
  for (let node = 0; node < n; node++) {
    const idx = reverse ? n - 1 - node : node;
    opIndex[node] = idx;
    const op = ops[idx] as Operation;
    const qs = opQubits(op);
    if (op.kind === 'gate' && qs.length > 2) {
      throw new InputError(`routing: operation ${idx} (${op.name}) acts on ${qs.length} qubits; unroll gates on three or more qubits first`, 'UNROLL_FIRST');
    }
    if (op.kind === 'gate' && qs.length === 2) {
      twoQubit[node] = 1;
      q0[node] = qs[0] as number;
      q1[node] = qs[1] as number;
    }
    const link = (prev: number): void => {
      if (prev < 0 || seenStamp[prev] === node) return;
      seenStamp[prev] = node;
      edgesFrom.push(prev);
      edgesTo.push(node);
      predCount[node] = (predCount[node] as number) + 1;
      outDeg[prev] = (outDeg[prev] as number) + 1;
    };
    for (const q of qs) {
      link(lastQ[q] as number);
      lastQ[q] = node;
    }
    for (const c of opClbits(op)) {
      link(lastC[c] as number);
      lastC[c] = node;
    }
  }
  const succStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) succStart[i + 1] = (succStart[i] as number) + (outDeg[i] as number);
  const fill = succStart.slice(0, n);
  const succ = new Int32Array(edgesFrom.length);
  for (let e = 0; e < edgesFrom.length; e++) {
    const from = edgesFrom[e] as number;
    succ[fill[from] as number] = edgesTo[e] as number;
    fill[from] = (fill[from] as number) + 1;
  }
  return { numNodes: n, numQubits, twoQubit, q0, q1, succStart, succ, predCount, opIndex };
}
