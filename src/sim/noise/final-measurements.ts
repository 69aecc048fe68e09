/**
 * Splitting a circuit for noisy simulation: everything before the final measurements (gates,
 * barriers and resets — resets are channels, they need no classical record) and the final
 * measurements themselves. Circuits whose measurements are followed by more operations on the
 * measured qubit, or that use classical conditions, must be sampled shot by shot.
 */
import type { Circuit } from '../../circuit/circuit.js';
import type { Operation } from '../../circuit/operation.js';

export interface NoisySplit {
  readonly body: Circuit;
  readonly measurements: readonly { qubit: number; clbit: number }[];
}

export function splitForNoisySimulation(circuit: Circuit): NoisySplit | null {
  const measured = new Set<number>();
  const body: Operation[] = [];
  const measurements: { qubit: number; clbit: number }[] = [];
  for (const op of circuit.ops) {
    if (op.kind !== 'barrier' && op.condition) return null;
    if (op.kind === 'measure') {
      if (measured.has(op.qubit)) return null;
      measured.add(op.qubit);
      measurements.push({ qubit: op.qubit, clbit: op.clbit });
      continue;
    }
    if (op.kind === 'barrier') continue;
    const qs = op.kind === 'reset' ? [op.qubit] : op.qubits;
    if (qs.some((q) => measured.has(q))) return null;
    body.push(op);
  }
  return { body: circuit.with({ ops: body }), measurements };
}
