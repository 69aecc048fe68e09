/**
 * Measurement kinds: each readout is compared with the same quantity computed directly from
 * the amplitudes (|a_i|² sums and ⟨ψ|P|ψ⟩ by hand), on a random entangled 3-qubit state.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { Rng } from '../../src/core/rng.js';
import type { MeasurementSpec } from '../../src/qml/measurement.js';
import { measurementObservables } from '../../src/qml/measurement.js';
import { QNN } from '../../src/qml/qnn.js';
import { StatevectorSimulator } from '../../src/sim/statevector.js';
import { expParity, expZ, marginal, maxDiff } from './helpers/dense.js';
import { qmlsecState } from './helpers/numeric.js';

const rng = new Rng('qml-measurement');
const x = Float64Array.from({ length: 3 }, () => rng.uniform(0, Math.PI));
const w = Float64Array.from({ length: 18 }, () => rng.uniform(0, 2 * Math.PI));

function readout(measurement: MeasurementSpec): { values: Float64Array; state: Float64Array } {
  const qnn = new QNN({ numQubits: 3, encoder: { kind: 'angle', rotation: 'X' }, ansatz: { kind: 'strongly_entangling', layers: 2 }, measurement });
  const values = new StatevectorSimulator().expectations(qnn.circuit, qnn.observables, { inputs: [x], weights: w });
  return { values, state: qmlsecState(qnn.circuit, x, w) };
}

/** ⟨X_q⟩ = Σ_i conj(a_i) a_{i ⊕ 2^q}. */
function expX(st: Float64Array, q: number): number {
  let e = 0;
  for (let i = 0; i < st.length / 2; i++) {
    const j = i ^ (1 << q);
    e += (st[2 * i] as number) * (st[2 * j] as number) + (st[2 * i + 1] as number) * (st[2 * j + 1] as number);
  }
  return e;
}

describe('measurements', () => {
  it('z: one ⟨Z_w⟩ per listed wire, in the listed order; default every wire', () => {
    const { values, state } = readout({ kind: 'z', wires: [2, 0] });
    expect(maxDiff(values, [expZ(state, 2), expZ(state, 0)])).toBeLessThan(1e-12);
    const all = readout({ kind: 'z' });
    expect(maxDiff(all.values, [0, 1, 2].map((q) => expZ(all.state, q)))).toBeLessThan(1e-12);
  });

  it('parity: ⟨Z_a Z_b …⟩ of the listed wires', () => {
    const { values, state } = readout({ kind: 'parity', wires: [0, 2] });
    expect(values.length).toBe(1);
    expect(values[0]).toBeCloseTo(expParity(state, [0, 2]), 12);
    const all = readout({ kind: 'parity' });
    expect(all.values[0]).toBeCloseTo(expParity(all.state, [0, 1, 2]), 12);
  });

  it('probabilities: 2^k values that sum to 1 and equal the |amplitude|² marginals (outcome bit j = wires[j])', () => {
    for (const wires of [[1], [2, 0], [0, 1, 2]]) {
      const { values, state } = readout({ kind: 'probabilities', wires });
      expect(values.length).toBe(2 ** wires.length);
      expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(maxDiff(values, marginal(state, wires))).toBeLessThan(1e-12);
    }
  });

  it('pauli: arbitrary Pauli sums', () => {
    const { values, state } = readout({ kind: 'pauli', observables: ['0.5*Z0Z1 - X2', 'X0'] });
    expect(values[0]).toBeCloseTo(0.5 * expParity(state, [0, 1]) - expX(state, 2), 12);
    expect(values[1]).toBeCloseTo(expX(state, 0), 12);
  });

  it('bad measurement specs are refused with the reason', () => {
    const bad = (spec: MeasurementSpec, re: RegExp) => {
      expect(() => measurementObservables(spec, 3)).toThrow(InputError);
      expect(() => measurementObservables(spec, 3)).toThrow(re);
    };
    bad({ kind: 'z', wires: [3] }, /wire 3 is not one of the 3 qubits/);
    bad({ kind: 'parity', wires: [-1] }, /wire -1/);
    bad({ kind: 'pauli', observables: [] }, /at least one observable/);
    bad({ kind: 'pauli', observables: ['Z5'] }, /qubit 5.*3 qubits/);
    expect(() => measurementObservables({ kind: 'probabilities' }, 11)).toThrow(/at most 10 wires/);
  });
});
