/**
 * Where a QNN runs: a Backend plus, optionally, a preparation step that turns the logical
 * template and observables into what the backend executes (for a device: transpile, and map
 * observables through the final layout). Gradients and training only talk to this.
 */
import { InputError } from '../../core/errors.js';
import type { Circuit } from '../../circuit/circuit.js';
import type { Backend } from '../../sim/backend.js';
import type { Observable } from '../../sim/pauli.js';

export interface PreparedCircuit {
  readonly circuit: Circuit;
  readonly observables: readonly Observable[];
}

export interface QnnExecutor {
  readonly backend: Backend;
  /** Shots per evaluation; undefined = exact expectations (when the backend can). */
  readonly shots?: number;
  /** Logical template → executable circuit (cached by the executor when expensive). */
  prepare?(circuit: Circuit, observables: readonly Observable[]): PreparedCircuit;
}

/** Runs `circuit` (already prepared) and returns expectations, B × K row-major. */
export function evaluate(
  executor: QnnExecutor, circuit: Circuit, observables: readonly Observable[], inputs: readonly ArrayLike<number>[],
  weights: ArrayLike<number> | readonly ArrayLike<number>[], seed: number,
): Float64Array {
  const r = executor.backend.run({
    circuit, output: 'expectations', observables, inputs, weights,
    ...(executor.shots !== undefined ? { shots: executor.shots, seed } : {}),
  });
  if (!r.expectations) throw new InputError(`backend ${executor.backend.name} returned no expectation values`, 'BACKEND');
  return r.expectations;
}

/** Prepares through the executor, or passes the template through. */
export function prepared(executor: QnnExecutor, circuit: Circuit, observables: readonly Observable[]): PreparedCircuit {
  return executor.prepare ? executor.prepare(circuit, observables) : { circuit, observables };
}
