/**
 * Reset models: what is left in a qubit after the reset that separates shots and jobs. An
 * imperfect, state-dependent reset is what lets one user's final state leak into the next
 * user's first shot ("horizontal" leakage).
 */
import type { QubitCalibration, ResetQubit } from './schema.js';

/**
 * Measure-and-conditionally-flip reset (IBM `reset`, active reset on IQM/Rigetti/OQC): a qubit
 * that was |1⟩ but reads 0 is left in |1⟩, and one that was |0⟩ but reads 1 is flipped to
 * |1⟩. The residual populations are therefore the assignment errors of that measurement —
 * an upper bound, since some "read 0 given 1" events are decays during readout that leave
 * the qubit in |0⟩.
 */
export function measureAndFlipReset(qubits: readonly QubitCalibration[], durationsNs?: readonly number[]): ResetQubit[] {
  return qubits.map((q, i) => {
    const duration = durationsNs?.[i];
    return {
      qubit: q.qubit,
      residual_from_0: q.prob_meas1_prep0,
      residual_from_1: q.prob_meas0_prep1,
      ...(duration !== undefined ? { duration_ns: duration } : {}),
    };
  });
}

/** Optical-pumping reset of trapped ions: a small state-independent residual on every qubit. */
export function opticalPumpingReset(numQubits: number, residual: number, durationNs?: number): ResetQubit[] {
  return Array.from({ length: numQubits }, (_, qubit) => ({
    qubit,
    residual_from_0: residual,
    residual_from_1: residual,
    ...(durationNs !== undefined ? { duration_ns: durationNs } : {}),
  }));
}

/** Mean residual |1⟩ population of a qubit's reset, averaging over a uniformly random prior state. */
export function meanResetResidual(r: ResetQubit): number {
  return (r.residual_from_0 + r.residual_from_1) / 2;
}
