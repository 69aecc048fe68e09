/**
 * The `Backend` seam: anything that executes a batch — one circuit template with many
 * bindings — and returns expectation values, probabilities, counts or statevectors.
 * Statevector, density-matrix, trajectory and device backends implement it; adversaries and
 * defenses wrap it.
 */
import type { Seed } from '../core/rng.js';
import type { Circuit } from '../circuit/circuit.js';
import type { Bindings } from './bindings.js';
import type { Observable } from './pauli.js';

/** What a run should return. */
export type OutputKind = 'expectations' | 'probabilities' | 'counts' | 'statevector' | 'density_matrix';

/** One template, many bindings, one kind of output. */
export interface ExecutionBatch extends Bindings {
  readonly circuit: Circuit;
  readonly output: OutputKind;
  /** For `expectations`: the observables (Pauli sums). */
  readonly observables?: readonly Observable[];
  /** Shots: required for `counts`; for `expectations` turns exact values into estimates. */
  readonly shots?: number;
  readonly seed?: Seed;
}

/** Measured counts: classical-bit strings (bit 0 rightmost) to number of shots. */
export type Counts = Record<string, number>;

export interface ExecutionResult {
  readonly output: OutputKind;
  /** Number of bindings B. */
  readonly batchSize: number;
  /** B × K row-major: expectation of observable k for binding b. */
  readonly expectations?: Float64Array;
  readonly numObservables?: number;
  /** B × 2^n row-major: probability of each basis state (qubit 0 = bit 0). */
  readonly probabilities?: Float64Array;
  /** One Counts per binding. */
  readonly counts?: readonly Counts[];
  /** B × 2^n complex, interleaved (re, im). */
  readonly statevectors?: Float64Array;
  /** B × 2^n × 2^n complex, interleaved, row-major per binding. */
  readonly densityMatrices?: Float64Array;
  readonly numQubits: number;
  readonly shots?: number;
  /** Backend-specific facts (name, seconds, device, cost...). */
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** Executes batches. Synchronous: queueing and latency belong to the cloud layer. */
export interface Backend {
  readonly name: string;
  /** Largest circuit width the backend accepts. */
  readonly maxQubits: number;
  /** Output kinds this backend can produce. */
  readonly supports: ReadonlySet<OutputKind>;
  run(batch: ExecutionBatch): ExecutionResult;
}
