/**
 * The simulator reuses a compiled program while the circuit and its weights stay the same.
 * Every call must still answer for its own bindings: checked against the dense reference
 * unitary (independent of the compiler) over a sequence that switches weights and inputs
 * back and forth on one circuit value.
 */
import { describe, expect, it } from 'vitest';
import { circuit } from '../../src/circuit/builder.js';
import { x, w } from '../../src/circuit/param.js';
import { Rng } from '../../src/core/rng.js';
import { PauliSum } from '../../src/sim/pauli.js';
import { StatevectorSimulator } from '../../src/sim/statevector.js';
import { maxDiff, referenceState } from './reference.js';
import { randomCircuit } from './random-circuits.js';

describe('statevector: compiled-program reuse', () => {
  it('answers every call for its own weights and inputs on one circuit value', () => {
    const rng = new Rng(11);
    const c = randomCircuit(rng, { numQubits: 4, numGates: 40, symbolic: 0.6, numInputs: 3, numWeights: 5 });
    const sim = new StatevectorSimulator();
    const weightSets = [0, 1].map(() => Float64Array.from({ length: 5 }, () => rng.uniform(-3, 3)));
    const inputSets = [0, 1, 2].map(() => Float64Array.from({ length: 3 }, () => rng.uniform(-3, 3)));
    // w0 x0, w0 x1 (reuse), w1 x1 (recompile), w0 x2 (recompile back), w0 x0 (reuse).
    for (const [wi, xi] of [[0, 0], [0, 1], [1, 1], [0, 2], [0, 0]] as const) {
      const weights = weightSets[wi] as Float64Array;
      const inputs = inputSets[xi] as Float64Array;
      const sv = sim.statevector(c, { inputs: [inputs], weights });
      expect(maxDiff(sv, referenceState(c, inputs, weights)), `w${wi} x${xi}`).toBeLessThan(1e-12);
    }
  });

  it('does not keep a caller’s weight array: changing it in place gives new results', () => {
    const c = circuit(1).ry(w(0), 0).build();
    const sim = new StatevectorSimulator();
    const weights = Float64Array.of(0);
    expect(sim.expectations(c, [PauliSum.z(0)], { weights })[0]).toBeCloseTo(1, 14);
    weights[0] = Math.PI; // ⟨Z⟩ of RY(π)|0⟩ = −1
    expect(sim.expectations(c, [PauliSum.z(0)], { weights })[0]).toBeCloseTo(-1, 14);
  });

  it('folds a single binding into the program on wide circuits with the same results as a batch', () => {
    const n = 15;
    const b = circuit(n);
    for (let q = 0; q < n; q++) b.ry(x(q), q).rz(w(q), q);
    for (let q = 0; q + 1 < n; q++) b.cx(q, q + 1);
    const c = b.build();
    const rng = new Rng(3);
    const weights = Float64Array.from({ length: n }, () => rng.uniform(-3, 3));
    const rows = [0, 1].map(() => Float64Array.from({ length: n }, () => rng.uniform(-3, 3)));
    const obs = [PauliSum.z(0), PauliSum.z(n - 1)];
    const sim = new StatevectorSimulator();
    const batch = sim.expectations(c, obs, { inputs: rows, weights });
    for (let r = 0; r < 2; r++) {
      const one = sim.expectations(c, obs, { inputs: [rows[r] as Float64Array], weights });
      expect(Math.abs((one[0] as number) - (batch[2 * r] as number))).toBeLessThan(1e-12);
      expect(Math.abs((one[1] as number) - (batch[2 * r + 1] as number))).toBeLessThan(1e-12);
    }
  });

  it('a circuit without measurements splits into itself', () => {
    const c = circuit(2).h(0).cx(0, 1).build();
    expect(c.splitFinalMeasurements()?.circuit).toBe(c);
    const measured = circuit(2, 2).h(0).cx(0, 1).measure(0, 0).build();
    expect(measured.splitFinalMeasurements()?.circuit.ops).toHaveLength(2);
  });
});
