/**
 * Ansätze: trainable layers appended to a circuit, reading weights w[offset + …] in a
 * documented flat order so that weights transfer from PennyLane and Qiskit.
 */
import type { CircuitBuilder } from '../../circuit/builder.js';

export type AnsatzKind = 'strongly_entangling' | 'basic_entangler' | 'real_amplitudes' | 'efficient_su2' | 'hardware_efficient';

export interface Ansatz {
  readonly kind: AnsatzKind;
  readonly numQubits: number;
  /** Repeated layers (PennyLane's n_layers, Qiskit's reps). */
  readonly layers: number;
  readonly numWeights: number;
  /** The weights' natural shape, e.g. [L, n, 3] for StronglyEntanglingLayers. */
  readonly weightShape: readonly number[];
  /** Appends every layer (and any final rotation layer). */
  append(b: CircuitBuilder, weightOffset?: number): void;
  /** Appends layer `l` only (data re-uploading interleaves encodings between layers). */
  appendLayer(b: CircuitBuilder, l: number, weightOffset?: number): void;
  /** Weights used by layer `l` (for re-uploading bookkeeping). */
  readonly weightsPerLayer: number;
  /** Weights of a final rotation layer after the last entangling layer (Qiskit style), else 0. */
  readonly finalLayerWeights: number;
  appendFinalLayer(b: CircuitBuilder, weightOffset?: number): void;
}
