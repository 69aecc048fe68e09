import { describe, expect, it } from 'vitest';
import { circuit } from '../../src/circuit/builder.js';
import { Circuit } from '../../src/circuit/circuit.js';
import { x, w } from '../../src/circuit/param.js';
import { Rng } from '../../src/core/rng.js';
import { InputError } from '../../src/core/errors.js';
import { PauliSum } from '../../src/sim/pauli.js';
import { StatevectorSimulator } from '../../src/sim/statevector.js';
import { fidelity, maxDiff, referenceState } from './reference.js';
import { randomCircuit } from './random-circuits.js';

const sim = new StatevectorSimulator();
const S2 = Math.SQRT1_2;

describe('statevector: hand-derived states', () => {
  it('prepares a Bell state', () => {
    const sv = sim.statevector(circuit(2).h(0).cx(0, 1).build());
    expect(maxDiff(sv, [S2, 0, 0, 0, 0, 0, S2, 0])).toBeLessThan(1e-15);
  });

  it('prepares a 5-qubit GHZ state', () => {
    const b = circuit(5).h(0);
    for (let q = 0; q < 4; q++) b.cx(q, q + 1);
    const p = sim.run({ circuit: b.build(), output: 'probabilities' }).probabilities as Float64Array;
    expect(p[0]).toBeCloseTo(0.5, 14);
    expect(p[31]).toBeCloseTo(0.5, 14);
    expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 14);
  });

  it('follows little-endian qubit order (X on qubit 1 gives index 2)', () => {
    const sv = sim.statevector(circuit(3).x(1).build());
    expect(sv[4]).toBe(1);
  });

  it('computes the QFT of a basis state: amplitudes e^{2πi jk/N}/√N', () => {
    const n = 4;
    const N = 2 ** n;
    const j = 5;
    const b = circuit(n);
    for (let q = 0; q < n; q++) if ((j >> q) & 1) b.x(q);
    // Textbook QFT (most significant qubit first), then reverse qubit order with swaps.
    for (let q = n - 1; q >= 0; q--) {
      b.h(q);
      for (let k = q - 1; k >= 0; k--) b.cp(Math.PI / 2 ** (q - k), k, q);
    }
    for (let q = 0; q < n / 2; q++) b.swap(q, n - 1 - q);
    const sv = sim.statevector(b.build());
    for (let k = 0; k < N; k++) {
      expect(sv[2 * k]).toBeCloseTo(Math.cos((2 * Math.PI * j * k) / N) / Math.sqrt(N), 12);
      expect(sv[2 * k + 1]).toBeCloseTo(Math.sin((2 * Math.PI * j * k) / N) / Math.sqrt(N), 12);
    }
  });

  it('applies the global phase to statevectors', () => {
    const c = new Circuit({ numQubits: 1, globalPhase: Math.PI / 2 });
    const sv = sim.statevector(c);
    expect(sv[0]).toBeCloseTo(0, 15);
    expect(sv[1]).toBeCloseTo(1, 15);
  });
});

describe('statevector: agreement with a dense reference on random circuits', () => {
  it('matches for every library gate, with and without fusion (1–5 qubits)', () => {
    const rng = new Rng(7);
    const noFusion = new StatevectorSimulator({ fusion: false });
    for (let trial = 0; trial < 60; trial++) {
      const n = 1 + (trial % 5);
      const c = randomCircuit(rng, { numQubits: n, numGates: 25 });
      const ref = referenceState(c);
      expect(maxDiff(sim.statevector(c), ref)).toBeLessThan(1e-12);
      expect(maxDiff(noFusion.statevector(c), ref)).toBeLessThan(1e-12);
    }
  });

  it('matches per binding for batched templates with input- and weight-dependent angles', () => {
    const rng = new Rng(11);
    for (let trial = 0; trial < 20; trial++) {
      const n = 2 + (trial % 4);
      const c = randomCircuit(rng, { numQubits: n, numGates: 30, symbolic: 0.7, numInputs: 3, numWeights: 4 });
      const B = 7;
      const inputs = Array.from({ length: B }, () => [rng.normal(), rng.normal(), rng.normal()]);
      const weights = [rng.normal(), rng.normal(), rng.normal(), rng.normal()];
      const r = sim.run({ circuit: c, output: 'statevector', inputs, weights });
      const dim = 2 * 2 ** n;
      for (let b = 0; b < B; b++) {
        const ref = referenceState(c, inputs[b], weights);
        expect(maxDiff((r.statevectors as Float64Array).subarray(b * dim, (b + 1) * dim), ref)).toBeLessThan(1e-12);
      }
      // Per-binding weights give the same as running each binding alone.
      const perWeights = inputs.map(() => weights.map((v) => v + rng.normal() * 0.1));
      const r2 = sim.run({ circuit: c, output: 'statevector', inputs, weights: perWeights });
      for (let b = 0; b < B; b++) {
        const ref = referenceState(c, inputs[b], perWeights[b]);
        expect(fidelity((r2.statevectors as Float64Array).subarray(b * dim, (b + 1) * dim), ref)).toBeCloseTo(1, 12);
      }
    }
  });
});

describe('statevector: expectations', () => {
  it('gives ⟨Z⟩ = cos θ, ⟨X⟩ = sin θ after RY(θ), and ⟨Y⟩ = −sin θ after RX(θ)', () => {
    const thetas = [-2.1, -0.3, 0, 0.7, 1.9, 3.0];
    const c = circuit(2).ry(x(0), 0).rx(x(0), 1).build();
    const obs = [PauliSum.parse('Z0'), PauliSum.parse('X0'), PauliSum.parse('Y1'), PauliSum.parse('0.5*Z0Z1 + 2')];
    const e = sim.expectations(c, obs, { inputs: thetas.map((t) => [t]) });
    thetas.forEach((t, b) => {
      expect(e[b * 4]).toBeCloseTo(Math.cos(t), 13);
      expect(e[b * 4 + 1]).toBeCloseTo(Math.sin(t), 13);
      expect(e[b * 4 + 2]).toBeCloseTo(-Math.sin(t), 13);
      expect(e[b * 4 + 3]).toBeCloseTo(0.5 * Math.cos(t) * Math.cos(t) + 2, 13);
    });
  });

  it('estimates expectations from shots within 5 standard errors', () => {
    const c = circuit(2).ry(1.1, 0).h(1).build();
    const obs = [PauliSum.parse('Z0'), PauliSum.parse('X1'), PauliSum.parse('Z0X1')];
    const shots = 20000;
    const e = sim.expectations(c, obs, {}, { shots, seed: 3 });
    const exact = [Math.cos(1.1), 1, Math.cos(1.1)];
    exact.forEach((v, k) => expect(Math.abs((e[k] as number) - v)).toBeLessThan(5 * Math.sqrt((1 - v * v) / shots) + 1e-12));
    const again = sim.expectations(c, obs, {}, { shots, seed: 3 });
    expect(Array.from(again)).toEqual(Array.from(e));
  });
});

describe('statevector: sampling', () => {
  it('samples Bell counts 00/11 only, about half each, reproducibly', () => {
    const c = circuit(2, 2).h(0).cx(0, 1).measure(0, 0).measure(1, 1).build();
    const counts = sim.counts(c, 4000, { seed: 1 });
    expect(Object.keys(counts).sort()).toEqual(['00', '11']);
    expect(Math.abs((counts['00'] as number) - 2000)).toBeLessThan(5 * Math.sqrt(1000));
    expect(sim.counts(c, 4000, { seed: 1 })).toEqual(counts);
  });

  it('puts classical bit 0 rightmost', () => {
    const c = circuit(2, 2).x(0).measure(0, 0).measure(1, 1).build();
    expect(sim.counts(c, 10)).toEqual({ '01': 10 });
    const swapped = circuit(2, 2).x(0).measure(0, 1).measure(1, 0).build();
    expect(sim.counts(swapped, 10)).toEqual({ '10': 10 });
  });

  it('handles reset and mid-circuit measurement', () => {
    const c = circuit(1, 2).h(0).measure(0, 0).reset(0).measure(0, 1).build();
    const counts = sim.counts(c, 2000, { seed: 5 });
    expect(Object.keys(counts).sort()).toEqual(['00', '01']);
    expect(Math.abs((counts['01'] as number) - 1000)).toBeLessThan(5 * Math.sqrt(500));
  });

  it('teleports a state with measurement and conditioned corrections', () => {
    // Teleport RY(θ)|0⟩ from qubit 0 to qubit 2; P(1) on qubit 2 must be sin²(θ/2).
    const theta = 1.2;
    const c = circuit(3, 3)
      .ry(theta, 0)
      .h(1).cx(1, 2)
      .cx(0, 1).h(0)
      .measure(0, 0).measure(1, 1)
      .ifEquals([1], 1, (b) => b.x(2))
      .ifEquals([0], 1, (b) => b.z(2))
      .measure(2, 2)
      .build();
    const shots = 20000;
    const counts = sim.counts(c, shots, { seed: 9 });
    let ones = 0;
    for (const [k, v] of Object.entries(counts)) if (k[0] === '1') ones += v;
    const p = Math.sin(theta / 2) ** 2;
    expect(Math.abs(ones / shots - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / shots));
  });

  it('refuses statevectors of circuits with mid-circuit measurement, saying why', () => {
    const c = circuit(1, 1).h(0).measure(0, 0).x(0).build();
    expect(() => sim.run({ circuit: c, output: 'statevector' })).toThrow(/can only be sampled/);
  });
});

describe('statevector: bad input', () => {
  it('names missing or non-finite inputs', () => {
    const c = circuit(1).ry(x(1), 0).rz(w(0), 0).build();
    expect(() => sim.run({ circuit: c, output: 'statevector', weights: [0.1] })).toThrow(/reads 2 input feature/);
    expect(() => sim.run({ circuit: c, output: 'statevector', inputs: [[0, NaN]], weights: [0.1] })).toThrow(/row 0, feature 1/);
    expect(() => sim.run({ circuit: c, output: 'statevector', inputs: [[0, 1]] })).toThrow(/weight/);
  });

  it('refuses states that do not fit in memory and says how much they need', () => {
    const big = new StatevectorSimulator({ maxQubits: 60, memoryLimit: 2 ** 30 });
    expect(() => big.statevector(new Circuit({ numQubits: 40 }))).toThrow(/16\.0 TiB/);
    expect(() => sim.statevector(new Circuit({ numQubits: 50 }))).toThrow(InputError);
  });
});

describe('statevector: WebAssembly kernels', () => {
  it('agree with the JS kernels on random 13-qubit circuits of every gate', () => {
    const rng = new Rng(99);
    const js = new StatevectorSimulator({ wasm: false });
    for (let trial = 0; trial < 4; trial++) {
      const c = randomCircuit(rng, { numQubits: 13, numGates: 80, symbolic: 0.5, numInputs: 2, numWeights: 2 });
      const bindings = { inputs: [[0.3, -1.2]], weights: [0.7, 2.1] };
      const a = sim.run({ circuit: c, output: 'statevector', ...bindings }).statevectors as Float64Array;
      const b = js.run({ circuit: c, output: 'statevector', ...bindings }).statevectors as Float64Array;
      expect(maxDiff(a, b)).toBeLessThan(1e-12);
    }
  });

  it('agree with the JS kernels on a batched 12-qubit template', () => {
    const rng = new Rng(5);
    const js = new StatevectorSimulator({ wasm: false });
    const c = randomCircuit(rng, { numQubits: 12, numGates: 60, symbolic: 0.6, numInputs: 3, numWeights: 3 });
    const inputs = Array.from({ length: 4 }, () => [rng.normal(), rng.normal(), rng.normal()]);
    const weights = [0.1, 0.2, 0.3];
    const obs = [PauliSum.parse('Z0 + X3Y5'), PauliSum.parse('Z11Z10')];
    const a = sim.expectations(c, obs, { inputs, weights });
    const b = js.expectations(c, obs, { inputs, weights });
    expect(maxDiff(a, b)).toBeLessThan(1e-12);
  });
});

describe('statevector: fused CNOT runs', () => {
  it('a ring of CNOTs applied as one permutation equals the dense reference (12–14 qubits, batched and inverted)', async () => {
    const { adjointGradient } = await import('../../src/sim/adjoint.js');
    const rng = new Rng(31);
    for (const n of [12, 14]) {
      const b = circuit(n);
      for (let q = 0; q < n; q++) b.ry(x(q % 3), q).rz(w(q % 2), q);
      for (let q = 0; q < n; q++) b.cx(q, (q + 2) % n);
      b.swap(0, n - 1).swap(1, 2);
      for (let q = 0; q < n; q++) b.rx(w(2), q);
      const c = b.build();
      const inputs = [[rng.normal(), rng.normal(), rng.normal()], [rng.normal(), rng.normal(), rng.normal()]];
      const weights = [0.3, -0.8, 1.1];
      const fused = sim.run({ circuit: c, output: 'statevector', inputs, weights }).statevectors as Float64Array;
      const plain = new StatevectorSimulator({ fusion: false }).run({ circuit: c, output: 'statevector', inputs, weights }).statevectors as Float64Array;
      expect(maxDiff(fused, plain)).toBeLessThan(1e-12);
      // The adjoint pass applies the permutation's inverse: its gradient must match finite differences.
      const obs = [PauliSum.parse('Z0 + X3')];
      const g = adjointGradient(c, obs, { inputs, weights });
      const h = 1e-6;
      const wp = [...weights]; wp[2]! += h;
      const wm = [...weights]; wm[2]! -= h;
      const sum = (ws: number[]) => Array.from(sim.expectations(c, obs, { inputs, weights: ws })).reduce((a, v) => a + v, 0);
      expect(g.weightGradients[2]).toBeCloseTo((sum(wp) - sum(wm)) / (2 * h), 6);
    }
  });
});
