/**
 * What a QNN measures: ⟨Z⟩ on chosen wires, arbitrary Pauli sums, the parity of several
 * wires, or the probabilities of the basis states of some wires (each a sum of Z-strings, so
 * every readout is an expectation value — exact or estimated from shots on any backend).
 */
import { InputError } from '../core/errors.js';
import { PauliString, PauliSum, type Observable } from '../sim/pauli.js';

export type MeasurementSpec =
  | { readonly kind: 'z'; readonly wires?: readonly number[] }
  | { readonly kind: 'pauli'; readonly observables: readonly string[] }
  | { readonly kind: 'parity'; readonly wires?: readonly number[] }
  | { readonly kind: 'probabilities'; readonly wires?: readonly number[] };

function checkWires(wires: readonly number[], numQubits: number): void {
  wires.forEach((w) => {
    if (!Number.isInteger(w) || w < 0 || w >= numQubits) throw new InputError(`measured wire ${w} is not one of the ${numQubits} qubits`, 'SPEC');
  });
}

/** The observables of a measurement spec on `numQubits` qubits. */
export function measurementObservables(spec: MeasurementSpec, numQubits: number): Observable[] {
  const all = Array.from({ length: numQubits }, (_, q) => q);
  switch (spec.kind) {
    case 'z': {
      const wires = spec.wires ?? all;
      checkWires(wires, numQubits);
      return wires.map((q) => PauliSum.z(q));
    }
    case 'pauli': {
      if (spec.observables.length === 0) throw new InputError('a Pauli measurement needs at least one observable', 'SPEC');
      return spec.observables.map((text) => {
        const o = PauliSum.parse(text);
        if (o.maxQubit >= numQubits) throw new InputError(`observable "${text}" acts on qubit ${o.maxQubit}, but the model has ${numQubits} qubits`, 'SPEC');
        return o;
      });
    }
    case 'parity': {
      const wires = spec.wires ?? all;
      checkWires(wires, numQubits);
      return [new PauliSum([new PauliString(1, wires.map((q) => ({ qubit: q, pauli: 'Z' as const })))])];
    }
    case 'probabilities': {
      const wires = spec.wires ?? all;
      checkWires(wires, numQubits);
      if (wires.length > 10) throw new InputError(`probabilities of ${wires.length} wires would be ${2 ** wires.length} outputs; measure at most 10 wires`, 'SPEC');
      const k = wires.length;
      // |s⟩⟨s| = Π_j (I + (−1)^{s_j} Z_j)/2 = 2^{-k} Σ_{T ⊆ wires} (−1)^{|s ∧ T|} Z_T
      return Array.from({ length: 2 ** k }, (_, s) => {
        const terms: PauliString[] = [];
        for (let t = 0; t < 2 ** k; t++) {
          let sign = 1;
          const paulis: { qubit: number; pauli: 'Z' }[] = [];
          for (let j = 0; j < k; j++) {
            if ((t >> j) & 1) {
              paulis.push({ qubit: wires[j] as number, pauli: 'Z' });
              if ((s >> j) & 1) sign = -sign;
            }
          }
          terms.push(new PauliString(sign / 2 ** k, paulis));
        }
        return new PauliSum(terms);
      });
    }
  }
}
