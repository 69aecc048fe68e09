/**
 * Figures of merit of a transpiled circuit. The estimated success probability is the
 * product of (1 − error) over every gate (per-qubit or per-coupler calibrated error of that
 * native gate; virtual and uncalibrated gates count as perfect) and over the readout error of
 * every measurement — the usual first-order ESP figure (Nishio et al., 2020). It ignores
 * idling decoherence and crosstalk.
 */
import type { Circuit } from '../circuit/circuit.js';
import type { Target } from './target.js';

/** Figures of merit of a transpiled circuit. */
export interface TranspileMetrics {
  /** SWAPs inserted by routing. */
  readonly swaps: number;
  readonly twoQubitGates: number;
  readonly depth: number;
  readonly twoQubitDepth: number;
  readonly estimatedSuccessProbability: number;
  /** Wall time of the whole transpilation. */
  readonly seconds: number;
  /** Gate counts by name (measure, reset, barrier included). */
  readonly counts: Readonly<Record<string, number>>;
}

/** Π(1 − gate error) · Π(1 − readout error) under the target's calibration. */
export function estimatedSuccessProbability(circuit: Circuit, target: Target): number {
  let logP = 0;
  for (const op of circuit.ops) {
    let e = 0;
    if (op.kind === 'gate') {
      if (op.qubits.length === 1) e = target.error1q(op.name, op.qubits[0] as number);
      else if (op.qubits.length === 2) e = target.errorOf2q(op.name, op.qubits[0] as number, op.qubits[1] as number);
    } else if (op.kind === 'measure') e = target.readoutError(op.qubit);
    if (e >= 1) return 0;
    if (e > 0) logP += Math.log1p(-e);
  }
  return Math.exp(logP);
}

/** Computes the metrics of a transpiled circuit. */
export function transpileMetrics(circuit: Circuit, target: Target, swaps: number, seconds: number): TranspileMetrics {
  const isTwo = (op: Circuit['ops'][number]): boolean => op.kind === 'gate' && op.qubits.length === 2;
  return {
    swaps,
    twoQubitGates: circuit.ops.filter(isTwo).length,
    depth: circuit.depth(),
    twoQubitDepth: circuit.depth(isTwo),
    estimatedSuccessProbability: estimatedSuccessProbability(circuit, target),
    seconds,
    counts: circuit.countOps(),
  };
}
