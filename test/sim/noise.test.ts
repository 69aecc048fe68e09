import { describe, expect, it } from 'vitest';
import { circuit } from '../../src/circuit/builder.js';
import { x, w } from '../../src/circuit/param.js';
import { Rng } from '../../src/core/rng.js';
import { ParseError } from '../../src/core/errors.js';
import {
  amplitudeDamping, averageInfidelity, depolarizing, isTracePreserving, pauliChannel, phaseDamping, resetChannel,
  thermalRelaxation, unitaryError, pauliError, tensor, compose,
} from '../../src/sim/noise/channel.js';
import { dagger, isDiagonal, matmul } from '../../src/circuit/matrix.js';
import { populations, reducedDensity } from '../../src/sim/kernels/per-element.js';
import { NoiseModel } from '../../src/sim/noise/noise-model.js';
import { parseNoiseSpec } from '../../src/sim/noise/spec.js';
import { DensityMatrixSimulator } from '../../src/sim/density-matrix.js';
import { TrajectorySimulator } from '../../src/sim/trajectories.js';
import { StatevectorSimulator } from '../../src/sim/statevector.js';
import { PauliSum } from '../../src/sim/pauli.js';
import { getGate } from '../../src/circuit/gates.js';
import { randomCircuit } from './random-circuits.js';

/** ρ[r][c] of a row-major interleaved density matrix. */
function entry(rho: Float64Array, dim: number, r: number, c: number): [number, number] {
  return [rho[2 * (r * dim + c)] as number, rho[2 * (r * dim + c) + 1] as number];
}

const afterGate = (ch: ReturnType<typeof depolarizing>, gates: string[] = ['x', 'h', 'id']) => new NoiseModel().addGateError(ch, gates);

describe('channels', () => {
  it('are trace preserving', () => {
    for (const c of [depolarizing(0.1), depolarizing(0.2, 2), amplitudeDamping(0.3), phaseDamping(0.4), thermalRelaxation(50, 70, 3), resetChannel(0.02, 0.05), pauliError(0.1, 0.05, 0.2), tensor(amplitudeDamping(0.1), phaseDamping(0.2))]) {
      expect(isTracePreserving(c)).toBe(true);
    }
  });

  it('have the textbook average infidelity: depolarizing p(d−1)/d', () => {
    expect(averageInfidelity(depolarizing(0.01))).toBeCloseTo(0.005, 14);
    expect(averageInfidelity(depolarizing(0.02, 2))).toBeCloseTo(0.015, 14);
  });

  it('reject bad parameters', () => {
    expect(() => depolarizing(-0.1)).toThrow(/\[0, /);
    expect(() => amplitudeDamping(1.5)).toThrow(/probability/);
    expect(() => thermalRelaxation(10, 30, 1)).toThrow(/T2 ≤ 2·T1/);
    expect(() => pauliChannel({ X: 0.5, Z: 0.4 })).toThrow(/sum to 1/);
  });
});

describe('density matrix: analytic channel results', () => {
  it('depolarizing after X: P(1) = 1 − p/2', () => {
    const p = 0.12;
    const sim = new DensityMatrixSimulator({ noise: afterGate(depolarizing(p)) });
    const rho = sim.densityMatrix(circuit(1).x(0).build());
    expect(entry(rho, 2, 1, 1)[0]).toBeCloseTo(1 - p / 2, 14);
    expect(entry(rho, 2, 0, 0)[0]).toBeCloseTo(p / 2, 14);
  });

  it('amplitude damping: P(1) = 1 − γ after X; coherence ½√(1−γ) after H', () => {
    const g = 0.3;
    const sim = new DensityMatrixSimulator({ noise: afterGate(amplitudeDamping(g)) });
    expect(entry(sim.densityMatrix(circuit(1).x(0).build()), 2, 1, 1)[0]).toBeCloseTo(1 - g, 14);
    const rho = sim.densityMatrix(circuit(1).h(0).build());
    expect(entry(rho, 2, 0, 1)[0]).toBeCloseTo(0.5 * Math.sqrt(1 - g), 14);
    expect(entry(rho, 2, 1, 1)[0]).toBeCloseTo(0.5 * (1 - g), 14);
  });

  it('phase damping keeps populations and shrinks coherence to ½√(1−λ)', () => {
    const l = 0.45;
    const rho = new DensityMatrixSimulator({ noise: afterGate(phaseDamping(l)) }).densityMatrix(circuit(1).h(0).build());
    expect(entry(rho, 2, 0, 0)[0]).toBeCloseTo(0.5, 14);
    expect(entry(rho, 2, 0, 1)[0]).toBeCloseTo(0.5 * Math.sqrt(1 - l), 14);
  });

  it('thermal relaxation: populations e^{−t/T1}, coherence e^{−t/T2}', () => {
    const [t1, t2, t] = [80, 60, 7];
    const sim = new DensityMatrixSimulator({ noise: afterGate(thermalRelaxation(t1, t2, t)) });
    expect(entry(sim.densityMatrix(circuit(1).x(0).build()), 2, 1, 1)[0]).toBeCloseTo(Math.exp(-t / t1), 13);
    expect(entry(sim.densityMatrix(circuit(1).h(0).build()), 2, 0, 1)[0]).toBeCloseTo(0.5 * Math.exp(-t / t2), 13);
  });

  it('two-qubit depolarizing on a Bell state gives (1 − p)|Φ⟩⟨Φ| + p·I/4, by kernel and by superoperator', () => {
    const p = 0.2;
    const bell = circuit(2).h(0).cx(0, 1).build();
    const fast = new DensityMatrixSimulator({ noise: new NoiseModel().addGateError(depolarizing(p, 2), ['cx']) }).densityMatrix(bell);
    const generic = { ...depolarizing(p, 2), depolarizing: undefined, pauli: undefined };
    const slow = new DensityMatrixSimulator({ noise: new NoiseModel().addGateError(generic, ['cx']) }).densityMatrix(bell);
    const expected = [[0.5 * (1 - p) + p / 4, 0, 0, 0.5 * (1 - p)], [0, p / 4, 0, 0], [0, 0, p / 4, 0], [0.5 * (1 - p), 0, 0, 0.5 * (1 - p) + p / 4]];
    for (let r = 0; r < 4; r++) for (let c = 0; c < 4; c++) {
      expect(entry(fast, 4, r, c)[0]).toBeCloseTo(expected[r]![c]!, 14);
      expect(entry(slow, 4, r, c)[0]).toBeCloseTo(expected[r]![c]!, 14);
    }
  });

  it('a ZZ-type crosstalk channel on a spectator dephases it only when the coupler is active', () => {
    const p = 0.1;
    const noise = new NoiseModel().addCrosstalk([0, 1], pauliChannel({ II: 1 - p, ZZ: p }), [1, 2]);
    const sim = new DensityMatrixSimulator({ noise });
    // Spectator qubit 2 in |+⟩; a CZ on (0,1) with qubit 1 in |1⟩ → ZZ error flips the phase of qubit 2 with prob. p.
    const rho = sim.densityMatrix(circuit(3).x(1).h(2).cz(0, 1).build());
    const dim = 8;
    // coherence between |1,1,0⟩ (index 2) and |1,1,1⟩... qubit1=1, qubit2 ∈ {0,1}: indices 2 and 6
    expect(entry(rho, dim, 2, 6)[0]).toBeCloseTo(0.5 * (1 - 2 * p), 14);
    const idle = sim.densityMatrix(circuit(3).x(1).h(2).cz(0, 2).build());
    expect(entry(idle, dim, 2, 6)[0]).toBeCloseTo(0.5, 14);
  });

  it('imperfect reset leaves residual |1⟩ population depending on the prior state', () => {
    const noise = new NoiseModel().setResetError(0.01, 0.07);
    const sim = new DensityMatrixSimulator({ noise });
    expect(entry(sim.densityMatrix(circuit(1).x(0).reset(0).build()), 2, 1, 1)[0]).toBeCloseTo(0.07, 14);
    expect(entry(sim.densityMatrix(circuit(1).reset(0).build()), 2, 1, 1)[0]).toBeCloseTo(0.01, 14);
  });

  it('readout confusion changes reported probabilities but not the state', () => {
    const noise = new NoiseModel().addReadoutError({ p1Given0: 0.02, p0Given1: 0.05 });
    const sim = new DensityMatrixSimulator({ noise });
    const p = sim.run({ circuit: circuit(1, 1).x(0).measure(0, 0).build(), output: 'probabilities' }).probabilities as Float64Array;
    expect(p[1]).toBeCloseTo(0.95, 14);
    expect(p[0]).toBeCloseTo(0.05, 14);
  });

  it('coherent over-rotation adds up: RX(ε) after each of k X gates', () => {
    const eps = 0.05;
    const noise = new NoiseModel().addGateError(unitaryError(getGate('rx').matrix([eps]), 'over-rotation'), ['x']);
    const sim = new DensityMatrixSimulator({ noise });
    const rho = sim.densityMatrix(circuit(1).x(0).x(0).x(0).x(0).build());
    expect(entry(rho, 2, 1, 1)[0]).toBeCloseTo(Math.sin((4 * eps) / 2) ** 2, 12);
  });

  it('equals |ψ⟩⟨ψ| of the statevector without noise, for batched parametric templates', () => {
    const rng = new Rng(4);
    const sv = new StatevectorSimulator();
    const dm = new DensityMatrixSimulator();
    for (let trial = 0; trial < 6; trial++) {
      const c = randomCircuit(rng, { numQubits: 3, numGates: 20, symbolic: 0.6, numInputs: 2, numWeights: 2 });
      const inputs = [[0.1, 0.5], [-1, 2]];
      const weights = [0.3, -0.7];
      const psi = sv.run({ circuit: c, output: 'statevector', inputs, weights }).statevectors as Float64Array;
      const rho = dm.run({ circuit: c, output: 'density_matrix', inputs, weights }).densityMatrices as Float64Array;
      for (let b = 0; b < 2; b++) {
        for (let r = 0; r < 8; r++) for (let col = 0; col < 8; col++) {
          const ar = psi[2 * (b * 8 + r)] as number, ai = psi[2 * (b * 8 + r) + 1] as number;
          const br = psi[2 * (b * 8 + col)] as number, bi = psi[2 * (b * 8 + col) + 1] as number;
          expect(rho[2 * (b * 64 + r * 8 + col)]).toBeCloseTo(ar * br + ai * bi, 12);
          expect(rho[2 * (b * 64 + r * 8 + col) + 1]).toBeCloseTo(ai * br - ar * bi, 12);
        }
      }
    }
  });
});

describe('per-element kernels', () => {
  it('populations are the diagonal of the reduced density matrix, for one and two qubits in any order', () => {
    const rng = new Rng(21);
    const n = 5;
    const batch = 3;
    const s = Float64Array.from({ length: 2 * batch * 2 ** n }, () => rng.uniform(-1, 1));
    for (const qubits of [[0], [3], [4, 1], [1, 4], [2, 0]]) {
      const d = 2 ** qubits.length;
      const rho = new Float64Array(2 * d * d * batch);
      const pops = new Float64Array(d * batch);
      reducedDensity(s, n, batch, qubits, rho);
      populations(s, n, batch, qubits, pops);
      for (let b = 0; b < batch; b++) {
        for (let r = 0; r < d; r++) {
          // Independent: sum |amplitude|² over basis states whose listed qubits read r.
          let direct = 0;
          for (let a = 0; a < 2 ** n; a++) {
            const local = qubits.reduce((acc, q, t) => acc | (((a >> q) & 1) << t), 0);
            if (local === r) direct += (s[2 * (a * batch + b)] as number) ** 2 + (s[2 * (a * batch + b) + 1] as number) ** 2;
          }
          expect(pops[b * d + r], `qubits ${qubits} element ${b} r ${r}`).toBeCloseTo(direct, 12);
          expect(rho[2 * d * d * b + 2 * (r * d + r)]).toBeCloseTo(direct, 12);
        }
      }
    }
  });
});

describe('trajectories agree with the density matrix', () => {
  it('on expectations of a noisy random circuit (within 5 standard errors)', () => {
    const rng = new Rng(8);
    const c = randomCircuit(rng, { numQubits: 4, numGates: 25, gates: ['h', 'rx', 'ry', 'cx', 'cz', 'rzz', 's', 'ccx'] });
    const noise = parseNoiseSpec('depolarizing=0.01/0.05,amplitude_damping=0.02');
    const obs = [PauliSum.parse('Z0'), PauliSum.parse('X1X2'), PauliSum.parse('Z3 + 0.5*Y0Z2')];
    const exact = new DensityMatrixSimulator({ noise }).expectations(c, obs);
    const T = 4000;
    const est = new TrajectorySimulator({ noise, trajectories: T }).run({ circuit: c, output: 'expectations', observables: obs, seed: 2 }).expectations as Float64Array;
    for (let k = 0; k < 3; k++) expect(Math.abs((est[k] as number) - (exact[k] as number))).toBeLessThan(5 * 1.5 / Math.sqrt(T));
  });

  it('on channels whose K†K are diagonal (thermal relaxation: populations decide) and not (damping in the X basis)', () => {
    const h = getGate('h').matrix([]);
    const xDamping = compose(unitaryError(h, 'h'), compose(amplitudeDamping(0.3), unitaryError(h, 'h')));
    const noise = new NoiseModel().addGateError(thermalRelaxation(50, 40, 5), ['ry', 'cx']).addGateError(xDamping, ['rx']);
    const c = circuit(3).ry(0.7, 0).rx(1.9, 1).cx(0, 1).ry(-0.4, 2).cx(1, 2).rx(0.5, 0).build();
    const obs = [PauliSum.parse('Z0'), PauliSum.parse('X1'), PauliSum.parse('Z1Z2'), PauliSum.parse('Y0X2')];
    const exact = new DensityMatrixSimulator({ noise }).expectations(c, obs);
    const T = 4000;
    const est = new TrajectorySimulator({ noise, trajectories: T }).run({ circuit: c, output: 'expectations', observables: obs, seed: 9 }).expectations as Float64Array;
    for (let k = 0; k < obs.length; k++) expect(Math.abs((est[k] as number) - (exact[k] as number)), `observable ${k}`).toBeLessThan(5 / Math.sqrt(T));
    // The X-basis damping really is a channel with non-diagonal K†K (it takes the other path)…
    expect(xDamping.kraus.some((K) => !isDiagonal(matmul(dagger(K), K), 1e-9))).toBe(true);
    // …and trajectories reproduce its analytic decay: |−⟩ decays towards |+⟩ by 1 − γ per
    // application, so after three ⟨X⟩ = 1 − 2·0.7³.
    const decay = circuit(1).x(0).h(0).rx(0, 0).rx(0, 0).rx(0, 0).build();
    const xDecay = new TrajectorySimulator({ noise: new NoiseModel().addGateError(xDamping, ['rx']), trajectories: T })
      .run({ circuit: decay, output: 'expectations', observables: [PauliSum.parse('X0')], seed: 4 }).expectations as Float64Array;
    expect(Math.abs((xDecay[0] as number) - (1 - 2 * 0.7 ** 3))).toBeLessThan(5 / Math.sqrt(T));
  });

  it('on counts with readout error and reset residue', () => {
    const noise = new NoiseModel().addGateError(depolarizing(0.05), ['h']).addReadoutError({ p1Given0: 0.03, p0Given1: 0.08 }).setResetError(0.02, 0.1);
    const c = circuit(2, 2).x(0).reset(0).h(1).measure(0, 0).measure(1, 1).build();
    const dmP = new DensityMatrixSimulator({ noise }).run({ circuit: c, output: 'probabilities' }).probabilities as Float64Array;
    const shots = 40000;
    const counts = new TrajectorySimulator({ noise }).run({ circuit: c, output: 'counts', shots, seed: 3 }).counts![0]!;
    for (let i = 0; i < 4; i++) {
      const key = i.toString(2).padStart(2, '0');
      const p = dmP[i] as number;
      expect(Math.abs((counts[key] ?? 0) / shots - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / shots) + 1e-3);
    }
  });

  it('sample mid-circuit measurement and conditions (ideal: same distribution as the statevector)', () => {
    const theta = 1.1;
    const c = circuit(3, 3).ry(theta, 0).h(1).cx(1, 2).cx(0, 1).h(0).measure(0, 0).measure(1, 1)
      .ifEquals([1], 1, (b) => b.x(2)).ifEquals([0], 1, (b) => b.z(2)).measure(2, 2).build();
    const shots = 20000;
    const counts = new TrajectorySimulator().run({ circuit: c, output: 'counts', shots, seed: 1 }).counts![0]!;
    let ones = 0;
    for (const [k, v] of Object.entries(counts)) if (k[0] === '1') ones += v;
    const p = Math.sin(theta / 2) ** 2;
    expect(Math.abs(ones / shots - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / shots));
  });

  it('handle per-binding parameters', () => {
    const c = circuit(1).ry(x(0), 0).rz(w(0), 0).build();
    const noise = new NoiseModel().addGateError(depolarizing(0.1), ['ry']);
    const inputs = [[0.3], [2.0]];
    const dm = new DensityMatrixSimulator({ noise }).expectations(c, [PauliSum.z(0)], { inputs, weights: [0.5] });
    inputs.forEach(([t], b) => expect(dm[b]).toBeCloseTo((1 - 0.1) * Math.cos(t as number), 12));
    const tr = new TrajectorySimulator({ noise, trajectories: 4000 }).run({ circuit: c, output: 'expectations', observables: [PauliSum.z(0)], inputs, weights: [0.5], seed: 5 }).expectations!;
    inputs.forEach((_, b) => expect(Math.abs((tr[b] as number) - (dm[b] as number))).toBeLessThan(5 / Math.sqrt(4000)));
  });
});

describe('noise specification', () => {
  it('parses depolarizing and readout', () => {
    const m = parseNoiseSpec('depolarizing=0.001/0.01,readout=0.02');
    expect(m.errorsAfter('h', [0])[0]?.channel.depolarizing).toBe(0.001);
    expect(m.errorsAfter('cx', [0, 1])[0]?.channel.depolarizing).toBe(0.01);
    expect(m.readoutError(3)).toEqual({ p1Given0: 0.02, p0Given1: 0.02 });
  });

  it('rejects what does not parse or is not a probability, naming the column', () => {
    expect(() => parseNoiseSpec('depolarizing=1.5')).toThrow(ParseError);
    expect(() => parseNoiseSpec('depolarizing=0.1,foo=2')).toThrow(/1:18.*unknown noise "foo"/);
    expect(() => parseNoiseSpec('readout=abc')).toThrow(/not a number/);
    expect(() => parseNoiseSpec('')).toThrow(/empty/);
  });
});
