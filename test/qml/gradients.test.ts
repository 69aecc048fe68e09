/**
 * The four gradient methods: analytic derivatives on small circuits, exact agreement of
 * adjoint and parameter shift for every parametric gate kind (weights and inputs), finite
 * differences, statistical unbiasedness of SPSA and of parameter shift with shots, and
 * parameter shift on a noisy density-matrix backend against finite differences of the same
 * noisy expectation.
 */
import { describe, expect, it } from 'vitest';
import { CircuitBuilder } from '../../src/circuit/builder.js';
import type { Circuit } from '../../src/circuit/circuit.js';
import { getGate } from '../../src/circuit/gates.js';
import { type Param, w, x } from '../../src/circuit/param.js';
import { InputError, UsageError } from '../../src/core/errors.js';
import { Rng } from '../../src/core/rng.js';
import type { QnnExecutor } from '../../src/qml/gradients/executor.js';
import { shiftRule } from '../../src/qml/gradients/shift-rules.js';
import { type GradientMethod, GRADIENT_METHODS, vjp, type VjpRequest } from '../../src/qml/gradients/vjp.js';
import { QNN } from '../../src/qml/qnn.js';
import { DensityMatrixSimulator } from '../../src/sim/density-matrix.js';
import { depolarizing, amplitudeDamping } from '../../src/sim/noise/channel.js';
import { NoiseModel } from '../../src/sim/noise/noise-model.js';
import { PauliSum, type Observable } from '../../src/sim/pauli.js';
import { StatevectorSimulator } from '../../src/sim/statevector.js';
import { maxDiff } from './helpers/dense.js';
import { meanAndStdError } from './helpers/numeric.js';

const exact: QnnExecutor = { backend: new StatevectorSimulator() };
const rng = new Rng('qml-gradients');
const rand = (k: number, lo = -1.5, hi = 1.5) => Float64Array.from({ length: k }, () => rng.uniform(lo, hi));

function request(circuit: Circuit, observables: Observable[], inputs: Float64Array[], weights: Float64Array, upstream: Float64Array, executor = exact): VjpRequest {
  return { executor, circuit, observables, inputs, weights, upstream, wantInputs: true };
}

describe('analytic derivatives', () => {
  const z0 = [PauliSum.z(0)];

  it('⟨Z⟩ after RY(θ) is cos θ: every method gives −sin θ (weight and input)', () => {
    const theta = 0.7;
    const byWeight = new CircuitBuilder(1).ry(w(0), 0).build();
    const byInput = new CircuitBuilder(1).ry(x(0), 0).build();
    for (const method of GRADIENT_METHODS) {
      const rw = vjp(method, request(byWeight, z0, [new Float64Array(0)], Float64Array.of(theta), Float64Array.of(1)));
      expect(rw.values[0]).toBeCloseTo(Math.cos(theta), 12);
      // SPSA with one parameter is a central difference with step c = 0.01: error ~ c²/6.
      const tol = method === 'spsa' ? 1e-4 : method === 'finite-difference' ? 1e-8 : 1e-12;
      expect(Math.abs((rw.weights[0] as number) + Math.sin(theta))).toBeLessThan(tol);
      const rx = vjp(method, request(byInput, z0, [Float64Array.of(theta)], new Float64Array(0), Float64Array.of(1)));
      expect(Math.abs((rx.inputs as Float64Array)[0]! + Math.sin(theta))).toBeLessThan(tol);
    }
  });

  it('controlled rotations (four-term rule): H on the control, then CRY/CRX/CRZ(θ): ⟨·⟩ = (1 + cos θ)/2', () => {
    for (const theta of [-2.1, 0.3, 1.9]) {
      const cases: [Circuit, Observable][] = [
        [new CircuitBuilder(2).h(0).cry(w(0), 0, 1).build(), PauliSum.z(1)],
        [new CircuitBuilder(2).h(0).crx(w(0), 0, 1).build(), PauliSum.z(1)],
        [new CircuitBuilder(2).h(0).h(1).crz(w(0), 0, 1).build(), PauliSum.parse('X1')],
      ];
      for (const [c, o] of cases) {
        for (const method of ['adjoint', 'parameter-shift'] as const) {
          const r = vjp(method, request(c, [o], [new Float64Array(0)], Float64Array.of(theta), Float64Array.of(1)));
          expect(r.values[0]).toBeCloseTo((1 + Math.cos(theta)) / 2, 12);
          expect(r.weights[0]).toBeCloseTo(-Math.sin(theta) / 2, 12);
        }
      }
    }
  });

  it('controlled phase: H⊗H then CP(λ): ⟨X0⟩ = (1 + cos λ)/2', () => {
    const c = new CircuitBuilder(2).h(0).h(1).cp(w(0), 0, 1).build();
    for (const lambda of [-1.3, 0.4, 2.8]) {
      for (const method of ['adjoint', 'parameter-shift'] as const) {
        const r = vjp(method, request(c, [PauliSum.parse('X0')], [new Float64Array(0)], Float64Array.of(lambda), Float64Array.of(1)));
        expect(r.values[0]).toBeCloseTo((1 + Math.cos(lambda)) / 2, 12);
        expect(r.weights[0]).toBeCloseTo(-Math.sin(lambda) / 2, 12);
      }
    }
  });

  it('bilinear angle RY(w·x): d/dw = −x sin(wx), d/dx = −w sin(wx)', () => {
    const c = new CircuitBuilder(1).ry(w(0).times(x(0)), 0).build();
    const [wv, xv] = [0.8, -1.7];
    for (const method of ['adjoint', 'parameter-shift', 'finite-difference'] as const) {
      const r = vjp(method, request(c, [PauliSum.z(0)], [Float64Array.of(xv)], Float64Array.of(wv), Float64Array.of(1)));
      const tol = method === 'finite-difference' ? 1e-8 : 1e-12;
      expect(Math.abs((r.weights[0] as number) + xv * Math.sin(wv * xv))).toBeLessThan(tol);
      expect(Math.abs((r.inputs as Float64Array)[0]! + wv * Math.sin(wv * xv))).toBeLessThan(tol);
    }
  });

  it('shift rules: rotations ±π/2 with ±1/2; controlled rotations use the published four-term recipe', () => {
    expect(shiftRule(getGate('ry').generator!)).toEqual([{ coeff: 0.5, shift: Math.PI / 2 }, { coeff: -0.5, shift: -Math.PI / 2 }]);
    // Anselmetti et al. (arXiv 2107.12390) / PennyLane's CRX grad_recipe: shifts ±π/2 and ±3π/2,
    // coefficients ±c1 and ∓c2 with c1 = (√2 + 1)/(4√2), c2 = (√2 − 1)/(4√2).
    const c1 = (Math.SQRT2 + 1) / (4 * Math.SQRT2);
    const c2 = (Math.SQRT2 - 1) / (4 * Math.SQRT2);
    const rule = shiftRule(getGate('crx').generator!);
    const expected = [[c1, Math.PI / 2], [-c1, -Math.PI / 2], [-c2, 1.5 * Math.PI], [c2, -1.5 * Math.PI]];
    expect(rule.length).toBe(4);
    rule.forEach((t, i) => {
      expect(t.coeff).toBeCloseTo(expected[i]![0]!, 15);
      expect(t.shift).toBeCloseTo(expected[i]![1]!, 15);
    });
  });
});

describe('adjoint = parameter shift (exact statevector, weights and inputs)', () => {
  // Angles mixing constants, inputs, weights, and a bilinear w·x term.
  const a = (): Param => w(0).mul(1.3).add(x(0)).add(0.2);
  const bl = (): Param => x(1).times(w(1));
  const cc = (): Param => w(2).sub(x(0).mul(0.5));
  const gatesUnderTest: [string, (b: CircuitBuilder) => void][] = [
    ['rx / ry / rz', (b) => b.rx(a(), 0).ry(bl(), 1).rz(cc(), 0)],
    ['p / u1', (b) => b.p(a(), 0).u1(bl(), 1).p(cc(), 1)],
    ['crx', (b) => b.crx(a(), 0, 1).crx(bl(), 1, 0).crx(cc(), 0, 1)],
    ['cry', (b) => b.cry(a(), 0, 1).cry(bl(), 1, 0).cry(cc(), 0, 1)],
    ['crz', (b) => b.crz(a(), 0, 1).crz(bl(), 1, 0).crz(cc(), 0, 1)],
    ['cp / cu1', (b) => b.cp(a(), 0, 1).cu1(bl(), 1, 0).cp(cc(), 0, 1)],
    ['u3', (b) => b.u3(a(), bl(), cc(), 0).u3(cc(), a(), bl(), 1)],
    ['u2 / u', (b) => b.u2(a(), bl(), 0).u(cc(), a(), bl(), 1)],
    ['r', (b) => b.r(a(), bl(), 0).r(cc(), a(), 1)],
    ['gpi / gpi2', (b) => b.gate('gpi', [0], [a()]).gate('gpi2', [1], [bl()]).gate('gpi2', [0], [cc()])],
    ['ms', (b) => b.gate('ms', [0, 1], [a(), bl(), cc()])],
    ['rxx / ryy / rzz / rzx', (b) => b.rxx(a(), 0, 1).ryy(bl(), 0, 1).rzz(cc(), 1, 0).rzx(a(), 0, 1)],
    ['cu3', (b) => b.cu3(a(), bl(), cc(), 0, 1)],
  ];
  const observables = [PauliSum.z(0), PauliSum.parse('X1'), PauliSum.parse('0.3*Y0Z1 + X0X1')];
  const inputs = [rand(2), rand(2), rand(2)];
  const weights = rand(3);
  const upstream = rand(9);

  it.each(gatesUnderTest)('%s', (_name, add) => {
    const b = new CircuitBuilder(2).ry(0.4, 0).rx(1.1, 1).cx(0, 1);
    add(b);
    b.h(0).ry(0.2, 1).cx(1, 0);
    const c = b.build();
    const adj = vjp('adjoint', request(c, observables, inputs, weights, upstream));
    const ps = vjp('parameter-shift', request(c, observables, inputs, weights, upstream));
    expect(maxDiff(ps.values, adj.values)).toBeLessThan(1e-12);
    expect(maxDiff(ps.weights, adj.weights)).toBeLessThan(1e-10);
    expect(maxDiff(ps.inputs as Float64Array, adj.inputs as Float64Array)).toBeLessThan(1e-10);
    // Not trivially zero.
    expect(Math.max(...Array.from(adj.weights, Math.abs))).toBeGreaterThan(1e-3);
    expect(Math.max(...Array.from(adj.inputs as Float64Array, Math.abs))).toBeGreaterThan(1e-3);
    // Central finite differences agree to ~1e-6.
    const fd = vjp('finite-difference', request(c, observables, inputs, weights, upstream));
    expect(maxDiff(fd.weights, adj.weights)).toBeLessThan(1e-6);
    expect(maxDiff(fd.inputs as Float64Array, adj.inputs as Float64Array)).toBeLessThan(1e-6);
  });

  it('data re-uploading with trainable scaling (SEL, 2 layers): all weights, scales and inputs', () => {
    const qnn = new QNN({ numQubits: 2, encoder: { kind: 'angle', rotation: 'X' }, ansatz: { kind: 'strongly_entangling', layers: 2 }, reupload: { trainableScaling: true } });
    expect(qnn.numWeights).toBe(12 + 4);
    const wts = Float64Array.from({ length: qnn.numWeights }, (_, j) => (j < 12 ? rng.uniform(0, 6) : rng.uniform(0.5, 1.5)));
    const xs = [rand(2), rand(2)];
    const up = rand(4);
    const req = (m: GradientMethod) => vjp(m, request(qnn.circuit, [...qnn.observables], xs, wts, up));
    const adj = req('adjoint');
    const ps = req('parameter-shift');
    const fd = req('finite-difference');
    expect(maxDiff(ps.weights, adj.weights)).toBeLessThan(1e-10);
    expect(maxDiff(ps.inputs as Float64Array, adj.inputs as Float64Array)).toBeLessThan(1e-10);
    expect(maxDiff(fd.weights, adj.weights)).toBeLessThan(1e-6);
    expect(maxDiff(fd.inputs as Float64Array, adj.inputs as Float64Array)).toBeLessThan(1e-6);
    // The scale gradients are not trivially zero.
    expect(Math.max(...Array.from(adj.weights.subarray(12), Math.abs))).toBeGreaterThan(1e-3);
  });
});

describe('stochastic estimators are unbiased', () => {
  const c = new CircuitBuilder(2).ry(x(0), 0).ry(x(1), 1).rx(w(0), 0).cry(w(1), 0, 1).rz(w(2), 1).cx(1, 0).ry(w(3), 0).build();
  const obs = [PauliSum.parse('Z0'), PauliSum.parse('X1 + 0.5*Z0Z1')];
  const inputs = [Float64Array.of(0.3, -0.8), Float64Array.of(1.2, 0.5)];
  const weights = Float64Array.of(0.4, 1.3, -0.7, 2.2);
  const upstream = Float64Array.of(1, -0.5, 0.25, 2);
  const truth = vjp('adjoint', request(c, obs, inputs, weights, upstream));

  function expectUnbiased(samples: Float64Array[], target: Float64Array, slack: number): void {
    const { mean, se } = meanAndStdError(samples);
    for (let j = 0; j < target.length; j++) {
      expect(Math.abs((mean[j] as number) - (target[j] as number))).toBeLessThan(4 * (se[j] as number) + slack);
    }
  }

  it('SPSA: the mean of many estimates converges to the exact gradient (weights and inputs)', () => {
    const N = 400;
    const runs = Array.from({ length: N }, (_, s) => vjp('spsa', { ...request(c, obs, inputs, weights, upstream), seed: 1000 + s }));
    expect(runs[0]!.evaluations).toBe(3);
    // Different seeds draw different perturbations.
    expect(maxDiff(runs[0]!.weights, runs[1]!.weights)).toBeGreaterThan(0);
    expectUnbiased(runs.map((r) => r.weights), truth.weights, 1e-3);
    expectUnbiased(runs.map((r) => r.inputs as Float64Array), truth.inputs as Float64Array, 1e-3);
  });

  it('parameter shift with shots: the mean over seeds is the exact gradient within statistical error', () => {
    const shotExec: QnnExecutor = { backend: new StatevectorSimulator(), shots: 2000 };
    const runs = Array.from({ length: 40 }, (_, s) => vjp('parameter-shift', { ...request(c, obs, inputs, weights, upstream, shotExec), seed: 77 + 100 * s }));
    const { se } = meanAndStdError(runs.map((r) => r.weights));
    // Shot noise is real (the estimates differ) but small.
    expect(Math.min(...Array.from(se))).toBeGreaterThan(0);
    expectUnbiased(runs.map((r) => r.weights), truth.weights, 0);
    expectUnbiased(runs.map((r) => r.inputs as Float64Array), truth.inputs as Float64Array, 0);
  });
});

describe('parameter shift on a noisy density-matrix backend', () => {
  const noise = new NoiseModel('test-noise')
    .addGateError(depolarizing(0.04), '*')
    .addGateError(depolarizing(0.07, 2), '*')
    .addGateError(amplitudeDamping(0.03), ['ry']);
  const noisy: QnnExecutor = { backend: new DensityMatrixSimulator({ noise }) };
  const obs = [PauliSum.parse('Z0 + 0.5*X1'), PauliSum.parse('Y0')];
  const inputs = [Float64Array.of(0.6, -0.2)];
  const weights = Float64Array.of(0.7, -0.4, 1.1);
  const up = Float64Array.of(1, 0.5);

  function compare(c: Circuit): { ps: ReturnType<typeof vjp>; fd: ReturnType<typeof vjp> } {
    const ps = vjp('parameter-shift', request(c, obs, inputs, weights, up, noisy));
    const fd = vjp('finite-difference', { ...request(c, obs, inputs, weights, up, noisy), step: 1e-5 });
    return { ps, fd };
  }

  it('equals finite differences of the same noisy expectation (rotations, controlled rotations, cp, rzz)', () => {
    const c = new CircuitBuilder(2).ry(x(0), 0).ry(x(1), 1).h(0)
      .rx(w(0), 0).cry(w(1), 0, 1).rzz(w(2).add(x(0)), 0, 1).cp(w(0).times(x(1)), 1, 0).rz(w(2), 1).build();
    const { ps, fd } = compare(c);
    expect(maxDiff(ps.values, fd.values)).toBeLessThan(1e-12);
    expect(maxDiff(ps.weights, fd.weights)).toBeLessThan(1e-7);
    expect(maxDiff(ps.inputs as Float64Array, fd.inputs as Float64Array)).toBeLessThan(1e-7);
    // The noise matters: the noiseless gradient is different.
    const clean = vjp('adjoint', request(c, obs, inputs, weights, up));
    expect(maxDiff(clean.weights, fd.weights)).toBeGreaterThan(1e-3);
  });

  // Regression (fixed): src/qml/gradients/vjp.ts parameterShiftVjp runs every evaluation (the values too) on
  // shiftableForm(circuit), which decomposes u3 into p·ry·p. On a noisy backend the noise model
  // then follows three gates instead of one, so the values and the gradient belong to a
  // different (noisier) circuit than the one the model runs.
  it('u3 (a multi-parameter gate) gives the gradient of the circuit as written', () => {
    const c = new CircuitBuilder(2).ry(x(0), 0).u3(w(0), w(1), w(2).add(x(1)), 0).cx(0, 1).build();
    const { ps, fd } = compare(c);
    expect(maxDiff(ps.values, fd.values)).toBeLessThan(1e-12);
    expect(maxDiff(ps.weights, fd.weights)).toBeLessThan(1e-7);
  });
});

describe('method errors', () => {
  const c = new CircuitBuilder(1).ry(w(0), 0).build();
  const base = request(c, [PauliSum.z(0)], [new Float64Array(0)], Float64Array.of(0.1), Float64Array.of(1));

  it('adjoint needs the exact statevector and says to use parameter-shift', () => {
    expect(() => vjp('adjoint', { ...base, executor: { backend: new DensityMatrixSimulator() } })).toThrow(UsageError);
    expect(() => vjp('adjoint', { ...base, executor: { backend: new StatevectorSimulator(), shots: 100 } })).toThrow(/parameter-shift/);
  });

  it('unknown methods list the known ones; a wrongly shaped upstream gradient is refused', () => {
    expect(() => vjp('backprop' as GradientMethod, base)).toThrow(/known: adjoint, parameter-shift, finite-difference, spsa/);
    for (const m of GRADIENT_METHODS) expect(() => vjp(m, { ...base, upstream: Float64Array.of(1, 2) })).toThrow(InputError);
  });
});
