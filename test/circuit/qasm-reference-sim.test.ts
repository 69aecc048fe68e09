/** Sanity checks of the reference simulator the OpenQASM tests rely on. */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { CircuitBuilder } from '../../src/circuit/builder.js';
import { gateNames, getGate } from '../../src/circuit/gates.js';
import { basisState, circuitUnitary, fidelity, probabilities, qubitBloch, simulateBranches, simulateState } from '../helpers/reference-sim.js';

describe('reference simulator', () => {
  it('prepares a Bell state', () => {
    const s = simulateState(new CircuitBuilder(2).h(0).cx(0, 1).build());
    expect(Array.from(probabilities(s)).map((p) => Number(p.toFixed(12)))).toEqual([0.5, 0, 0, 0.5]);
  });

  it('agrees between its two methods: per-gate updates equal the columns of the dense unitary', () => {
    const rng = new Rng(5);
    const b = new CircuitBuilder(4);
    for (let i = 0; i < 40; i++) {
      const name = rng.choice(gateNames());
      const g = getGate(name);
      const qubits = rng.permutation(4).slice(0, g.numQubits);
      b.gate(name, qubits, Array.from({ length: g.numParams }, () => rng.uniform(-3, 3)));
    }
    const c = b.build();
    const u = circuitUnitary(c);
    for (const col of [0, 5, 11, 15]) {
      const state = simulateState(c, basisState(4, col));
      for (let row = 0; row < 16; row++) {
        expect(state[2 * row]).toBeCloseTo(u[2 * (row * 16 + col)] as number, 12);
        expect(state[2 * row + 1]).toBeCloseTo(u[2 * (row * 16 + col) + 1] as number, 12);
      }
    }
  });

  it('branches on measurements and resets', () => {
    const branches = simulateBranches(new CircuitBuilder(2, 1).h(0).measure(0, 0).reset(0).ifEquals([0], 1, (b) => b.x(1)).build());
    expect(branches.map((b) => [b.clbits[0], Number(b.probability.toFixed(12))])).toEqual([[0, 0.5], [1, 0.5]]);
    for (const b of branches) {
      expect(qubitBloch(b.state, 0).z).toBeCloseTo(1, 12);
      expect(qubitBloch(b.state, 1).z).toBeCloseTo(b.clbits[0] === 1 ? -1 : 1, 12);
    }
  });

  it('measures fidelity up to global phase', () => {
    const a = simulateState(new CircuitBuilder(1).rx(0.7, 0).build());
    const b = simulateState(new CircuitBuilder(1).u3(0.7, -Math.PI / 2, Math.PI / 2, 0).build());
    expect(fidelity(a, b)).toBeCloseTo(1, 14);
  });
});
