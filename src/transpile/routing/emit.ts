/** Turning a SABRE trial (events) into circuit operations, and scoring trials. */
import type { Operation } from '../../circuit/operation.js';
import type { Target } from '../target.js';
import type { RoutingDag } from './dag.js';
import { decodeSwap, swapLayout } from './sabre.js';

/**
 * The routed operations on physical qubits: each node's op with its qubits mapped through the
 * current logical → physical mapping, SWAP gates where the trial swapped.
 */
export function emitRouted(ops: readonly Operation[], dag: RoutingDag, events: Int32Array, initial: Int32Array, target: Target): Operation[] {
  const N = target.numQubits;
  const l2p = Int32Array.from(initial);
  const p2l = new Int32Array(N);
  for (let l = 0; l < N; l++) p2l[l2p[l] as number] = l;
  const m = (q: number): number => l2p[q] as number;
  const out: Operation[] = [];
  for (const e of events) {
    if (e < 0) {
      const [a, b] = decodeSwap(e, N);
      out.push({ kind: 'gate', name: 'swap', qubits: [a, b], params: [] });
      swapLayout(l2p, p2l, a, b);
      continue;
    }
    const op = ops[dag.opIndex[e] as number] as Operation;
    switch (op.kind) {
      case 'gate':
      case 'barrier':
        out.push({ ...op, qubits: op.qubits.map(m) });
        break;
      case 'measure':
      case 'reset':
        out.push({ ...op, qubit: m(op.qubit) });
        break;
    }
  }
  return out;
}

const logFid = (e: number): number => -Math.log1p(-Math.min(Math.max(e, 0), 0.999999));

/**
 * Cost of a routed trial for choosing among trials: the SWAP count, or with `noise` the
 * estimated −log success probability of its two-qubit gates (a SWAP = three gates) and
 * measurements under the target's calibration.
 */
export function trialCost(dag: RoutingDag, ops: readonly Operation[], events: Int32Array, initial: Int32Array, target: Target, noise: boolean, swaps: number): number {
  if (!noise) return swaps;
  const N = target.numQubits;
  const l2p = Int32Array.from(initial);
  const p2l = new Int32Array(N);
  for (let l = 0; l < N; l++) p2l[l2p[l] as number] = l;
  let cost = 0;
  for (const e of events) {
    if (e < 0) {
      const [a, b] = decodeSwap(e, N);
      cost += 3 * logFid(target.couplerError(a, b));
      swapLayout(l2p, p2l, a, b);
      continue;
    }
    if (dag.twoQubit[e]) {
      cost += logFid(target.couplerError(l2p[dag.q0[e] as number] as number, l2p[dag.q1[e] as number] as number));
      continue;
    }
    const op = ops[dag.opIndex[e] as number] as Operation;
    if (op.kind === 'measure') cost += logFid(target.readoutError(l2p[op.qubit] as number));
  }
  // Ties (uncalibrated couplers) fall back to fewer SWAPs.
  return cost + swaps * 1e-9;
}
