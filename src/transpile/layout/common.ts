/** Helpers shared by the layout passes. */
import { InputError } from '../../core/errors.js';
import type { Circuit } from '../../circuit/circuit.js';
import type { Target } from '../target.js';

/** Two-qubit gate counts per unordered virtual pair, plus per-qubit totals. */
export interface InteractionGraph {
  readonly numQubits: number;
  /** Pairs [a, b] (a < b) with their gate counts, heaviest first. */
  readonly pairs: readonly { a: number; b: number; count: number }[];
  /** Two-qubit gates touching each qubit. */
  readonly degree: Int32Array;
  /** Distinct partners of each qubit. */
  readonly partners: readonly number[][];
}

/** The interaction graph of a circuit's two-qubit gates. */
export function interactionGraph(circuit: Circuit): InteractionGraph {
  const n = circuit.numQubits;
  const counts = new Map<number, number>();
  const degree = new Int32Array(n);
  for (const op of circuit.ops) {
    if (op.kind !== 'gate' || op.qubits.length !== 2) continue;
    const [x, y] = op.qubits as [number, number];
    const a = Math.min(x, y);
    const b = Math.max(x, y);
    const key = a * n + b;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    degree[a] = (degree[a] as number) + 1;
    degree[b] = (degree[b] as number) + 1;
  }
  const pairs = [...counts].map(([key, count]) => ({ a: Math.floor(key / n), b: key % n, count }));
  pairs.sort((p, q) => q.count - p.count || p.a - q.a || p.b - q.b);
  const partners: number[][] = Array.from({ length: n }, () => []);
  for (const { a, b } of pairs) {
    partners[a]?.push(b);
    partners[b]?.push(a);
  }
  return { numQubits: n, pairs, degree, partners };
}

/** Throws a clear error when the circuit cannot fit on the target. */
export function checkFits(circuit: Circuit, target: Target): void {
  if (circuit.numQubits > target.numQubits) {
    throw new InputError(`the circuit has ${circuit.numQubits} qubits but target ${target.name} has only ${target.numQubits}`, 'TOO_WIDE');
  }
}

/**
 * Physical qubits a layout may use for the circuit's virtual qubits: the largest connected
 * part of the target (all qubits when the circuit has no two-qubit gates).
 */
export function usableQubits(circuit: Circuit, target: Target, graph: InteractionGraph = interactionGraph(circuit)): number[] {
  checkFits(circuit, target);
  const all = Array.from({ length: target.numQubits }, (_, i) => i);
  if (graph.pairs.length === 0) return all;
  const main = all.filter((q) => target.component[q] === 0);
  if (circuit.numQubits > main.length) {
    throw new InputError(
      `the circuit has ${circuit.numQubits} qubits but the largest connected group of target ${target.name} has ${main.length} (couplers are missing)`,
      'TOO_WIDE',
    );
  }
  return main;
}
