import { describe, expect, it } from 'vitest';
import { circuit } from '../../src/circuit/builder.js';
import { x, w } from '../../src/circuit/param.js';
import { Rng } from '../../src/core/rng.js';
import { adjointGradient } from '../../src/sim/adjoint.js';
import { PauliSum } from '../../src/sim/pauli.js';
import { StatevectorSimulator } from '../../src/sim/statevector.js';
import { randomCircuit } from './random-circuits.js';

const sim = new StatevectorSimulator();

describe('adjoint differentiation', () => {
  it('gives d⟨Z⟩/dθ = −sin θ for RY(θ)', () => {
    const c = circuit(1).ry(w(0), 0).build();
    for (const t of [-1.3, 0.2, 2.5]) {
      const r = adjointGradient(c, [PauliSum.parse('Z0')], { weights: [t] });
      expect(r.expectations[0]).toBeCloseTo(Math.cos(t), 14);
      expect(r.weightGradients[0]).toBeCloseTo(-Math.sin(t), 14);
    }
  });

  it('matches central finite differences for weights and inputs on random circuits of every gate', () => {
    const rng = new Rng(21);
    const h = 1e-6;
    for (let trial = 0; trial < 12; trial++) {
      const n = 2 + (trial % 3);
      const c = randomCircuit(rng, { numQubits: n, numGates: 20, symbolic: 0.8, numInputs: 2, numWeights: 3 });
      const obs = [PauliSum.parse(`Z0 + 0.5*X1`), PauliSum.parse(`Y${n - 1}Z0 - 0.3*Z1`)];
      const B = 3;
      const inputs = Array.from({ length: B }, () => [rng.normal(), rng.normal()]);
      const weights = [rng.normal(), rng.normal(), rng.normal()];
      const upstream = Float64Array.from({ length: B * 2 }, () => rng.normal());
      const r = adjointGradient(c, obs, { inputs, weights }, { upstream });
      const loss = (xs: number[][], ws: number[]) => {
        const e = sim.expectations(c, obs, { inputs: xs, weights: ws });
        let s = 0;
        for (let i = 0; i < e.length; i++) s += (upstream[i] as number) * (e[i] as number);
        return s;
      };
      for (let j = 0; j < c.numWeights; j++) {
        const wp = [...weights];
        const wm = [...weights];
        wp[j] = (wp[j] as number) + h;
        wm[j] = (wm[j] as number) - h;
        const fd = (loss(inputs, wp) - loss(inputs, wm)) / (2 * h);
        expect(Math.abs((r.weightGradients[j] as number) - fd)).toBeLessThan(1e-7);
      }
      for (let b = 0; b < B; b++) {
        for (let j = 0; j < c.numInputs; j++) {
          const xp = inputs.map((row) => [...row]);
          const xm = inputs.map((row) => [...row]);
          (xp[b] as number[])[j] = ((xp[b] as number[])[j] as number) + h;
          (xm[b] as number[])[j] = ((xm[b] as number[])[j] as number) - h;
          const fd = (loss(xp, weights) - loss(xm, weights)) / (2 * h);
          expect(Math.abs((r.inputGradients[b * c.numInputs + j] as number) - fd)).toBeLessThan(1e-7);
        }
      }
    }
  });

  it('handles per-binding weights and affine parameters (a·w + b)', () => {
    const c = circuit(2).rx(w(0).mul(2).add(0.3), 0).cry(x(0).mul(-1.5), 0, 1).rzz(w(1), 0, 1).build();
    const obs = [PauliSum.parse('Z1 + X0X1')];
    const weights = [[0.4, -0.2], [1.1, 0.5]];
    const inputs = [[0.3], [-0.8]];
    const r = adjointGradient(c, obs, { inputs, weights });
    expect(r.weightsShared).toBe(false);
    const h = 1e-6;
    for (let b = 0; b < 2; b++) {
      for (let j = 0; j < 2; j++) {
        const wp = weights.map((row) => [...row]);
        const wm = weights.map((row) => [...row]);
        (wp[b] as number[])[j] = ((wp[b] as number[])[j] as number) + h;
        (wm[b] as number[])[j] = ((wm[b] as number[])[j] as number) - h;
        const ep = sim.expectations(c, obs, { inputs, weights: wp });
        const em = sim.expectations(c, obs, { inputs, weights: wm });
        expect(r.weightGradients[b * 2 + j]).toBeCloseTo(((ep[b] as number) - (em[b] as number)) / (2 * h), 7);
      }
    }
  });
});

describe('adjoint differentiation with bilinear parameters (w·x)', () => {
  it('matches finite differences for both factors', async () => {
    const { Param } = await import('../../src/circuit/param.js');
    const scaled = Param.bilinear({ source: 'w', index: 0 }, { source: 'x', index: 0 }, 1.5).add(Param.weight(1));
    const c = circuit(2).ry(scaled, 0).rx(Param.bilinear({ source: 'x', index: 1 }, { source: 'x', index: 0 }), 1).cz(0, 1).build();
    const obs = [PauliSum.parse('Z0 + X1')];
    const inputs = [[0.7, -0.4], [1.3, 0.9]];
    const weights = [0.8, -0.3];
    const r = adjointGradient(c, obs, { inputs, weights });
    const loss = (xs: number[][], ws: number[]) => Array.from(sim.expectations(c, obs, { inputs: xs, weights: ws })).reduce((a, b) => a + b, 0);
    const h = 1e-6;
    for (let j = 0; j < 2; j++) {
      const wp = [...weights]; wp[j]! += h;
      const wm = [...weights]; wm[j]! -= h;
      expect(r.weightGradients[j]).toBeCloseTo((loss(inputs, wp) - loss(inputs, wm)) / (2 * h), 7);
    }
    for (let b = 0; b < 2; b++) for (let j = 0; j < 2; j++) {
      const xp = inputs.map((row) => [...row]); xp[b]![j]! += h;
      const xm = inputs.map((row) => [...row]); xm[b]![j]! -= h;
      expect(r.inputGradients[b * 2 + j]).toBeCloseTo((loss(xp, weights) - loss(xm, weights)) / (2 * h), 7);
    }
  });
});
