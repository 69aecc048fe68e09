/** Expectation values of Pauli sums on batched states: exact, or estimated from shots. */
import { InputError } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import { getGate } from '../circuit/gates.js';
import { accumulatePauliExpectation, accumulateSingleZ } from './kernels/observable.js';
import { apply1 } from './kernels/dense.js';
import type { Observable, PauliString } from './pauli.js';
import { sampleIndexHistogram } from './sampling.js';
import { parity } from './kernels/bits.js';

/** Throws when an observable names a qubit the circuit does not have. */
export function checkObservables(observables: readonly Observable[], numQubits: number): void {
  observables.forEach((o, k) => {
    if (o.maxQubit >= numQubits) throw new InputError(`observable ${k} (${o.toString()}) acts on qubit ${o.maxQubit}, but the circuit has ${numQubits} qubit(s)`, 'QUBIT_RANGE');
  });
}

/** Exact expectations: B × K row-major. Single-Z terms share one pass over the state. */
export function exactExpectations(s: Float64Array, numQubits: number, batch: number, observables: readonly Observable[]): Float64Array {
  const K = observables.length;
  const out = new Float64Array(batch * K);
  const zQubits: number[] = [];
  const zCoeffs: number[] = [];
  const zIndex: number[] = [];
  observables.forEach((o, k) => {
    for (const t of o.terms) {
      const only = t.paulis.length === 1 ? t.paulis[0] : undefined;
      if (only && only.pauli === 'Z') {
        zQubits.push(only.qubit);
        zCoeffs.push(t.coeff);
        zIndex.push(k);
      } else accumulatePauliExpectation(s, numQubits, batch, t.xMask, t.zMask, t.numY, t.coeff, out, K, k);
    }
  });
  if (zQubits.length > 0) accumulateSingleZ(s, numQubits, batch, zQubits, zCoeffs, out, K, zIndex);
  return out;
}

/** Groups terms that can be measured in one basis (qubit-wise commuting). */
export function measurementGroups(terms: readonly { term: PauliString; obs: number }[]): { basis: Map<number, 'X' | 'Y' | 'Z'>; members: { term: PauliString; obs: number }[] }[] {
  const groups: { basis: Map<number, 'X' | 'Y' | 'Z'>; members: { term: PauliString; obs: number }[] }[] = [];
  for (const entry of terms) {
    let placed = false;
    for (const g of groups) {
      if (entry.term.paulis.every((p) => (g.basis.get(p.qubit) ?? p.pauli) === p.pauli)) {
        for (const p of entry.term.paulis) g.basis.set(p.qubit, p.pauli);
        g.members.push(entry);
        placed = true;
        break;
      }
    }
    if (!placed) groups.push({ basis: new Map(entry.term.paulis.map((p) => [p.qubit, p.pauli])), members: [entry] });
  }
  return groups;
}

/**
 * Shot-based estimates: terms are grouped by qubit-wise commuting measurement basis; each
 * group gets `shots` samples of the state rotated into its basis (H for X, S†·H for Y).
 * `state` is not modified.
 */
export function sampledExpectations(
  s: Float64Array, numQubits: number, batch: number, observables: readonly Observable[], shots: number, rng: Rng,
): Float64Array {
  const K = observables.length;
  const out = new Float64Array(batch * K);
  const entries: { term: PauliString; obs: number }[] = [];
  observables.forEach((o, k) => {
    for (const t of o.terms) {
      if (t.paulis.length === 0) {
        for (let b = 0; b < batch; b++) out[b * K + k] += t.coeff;
      } else entries.push({ term: t, obs: k });
    }
  });
  const h = getGate('h').matrix([]);
  const sdg = getGate('sdg').matrix([]);
  for (const group of measurementGroups(entries)) {
    let work = s;
    const needsRotation = [...group.basis.values()].some((p) => p !== 'Z');
    if (needsRotation) {
      work = Float64Array.from(s);
      for (const [q, p] of group.basis) {
        if (p === 'Y') apply1(work, numQubits, batch, q, sdg);
        if (p === 'X' || p === 'Y') apply1(work, numQubits, batch, q, h);
      }
    }
    for (let b = 0; b < batch; b++) {
      const hist = sampleIndexHistogram(work, numQubits, batch, b, shots, rng);
      for (const { term, obs } of group.members) {
        let support = 0;
        for (const p of term.paulis) support |= 1 << p.qubit;
        let acc = 0;
        for (const [index, c] of hist) acc += parity(index & support) ? -c : c;
        out[b * K + obs] += (term.coeff * acc) / shots;
      }
    }
  }
  return out;
}
