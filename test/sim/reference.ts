/**
 * An independent reference for tests: builds the full 2^n × 2^n unitary of a bound circuit
 * with dense matrices (embed + matmul from circuit/matrix.ts) and applies it to |0…0⟩.
 * Shares no code with the simulator's kernels.
 */
import type { Circuit } from '../../src/circuit/circuit.js';
import { getGate } from '../../src/circuit/gates.js';
import { embed, identity, matmul, scale, type Matrix } from '../../src/circuit/matrix.js';

export function referenceUnitary(circuit: Circuit, x?: ArrayLike<number>, w?: ArrayLike<number>): Matrix {
  const n = circuit.numQubits;
  let u = identity(2 ** n);
  for (const op of circuit.ops) {
    if (op.kind === 'barrier') continue;
    if (op.kind !== 'gate' || op.condition) throw new Error('reference: unitary circuits only');
    const m = getGate(op.name).matrix(op.params.map((p) => p.evaluate(x, w)));
    u = matmul(embed(m, op.qubits, n), u);
  }
  return scale(u, Math.cos(circuit.globalPhase), Math.sin(circuit.globalPhase));
}

/** First column of the unitary = U|0…0⟩, interleaved complex. */
export function referenceState(circuit: Circuit, x?: ArrayLike<number>, w?: ArrayLike<number>): Float64Array {
  const u = referenceUnitary(circuit, x, w);
  const dim = 2 ** circuit.numQubits;
  const out = new Float64Array(2 * dim);
  for (let r = 0; r < dim; r++) {
    out[2 * r] = u[2 * (r * dim)] as number;
    out[2 * r + 1] = u[2 * (r * dim) + 1] as number;
  }
  return out;
}

export function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs((a[i] as number) - (b[i] as number)));
  return m;
}

/** |⟨a|b⟩|² for normalised interleaved states. */
export function fidelity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let re = 0;
  let im = 0;
  for (let i = 0; i < a.length; i += 2) {
    const ar = a[i] as number, ai = a[i + 1] as number, br = b[i] as number, bi = b[i + 1] as number;
    re += ar * br + ai * bi;
    im += ar * bi - ai * br;
  }
  return re * re + im * im;
}
