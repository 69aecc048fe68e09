/**
 * The hybrid model: dL/dparams (QNN weights and head) against central finite differences of
 * the full model loss for every gradient method, and dL/d(raw inputs) through preprocessing
 * pipelines against finite differences on the raw inputs (what the adversarial attacks use).
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { Rng } from '../../src/core/rng.js';
import { featureMatrix } from '../../src/data/feature-matrix.js';
import { MinMaxScaler } from '../../src/data/preprocess/min-max-scaler.js';
import { PCA } from '../../src/data/preprocess/pca.js';
import { Pipeline } from '../../src/data/preprocess/pipeline.js';
import { StandardScaler } from '../../src/data/preprocess/standard-scaler.js';
import type { Transformer } from '../../src/data/preprocess/transformer.js';
import type { QnnConfig } from '../../src/qml/config.js';
import type { QnnExecutor } from '../../src/qml/gradients/executor.js';
import type { GradientMethod } from '../../src/qml/gradients/vjp.js';
import type { LossKind } from '../../src/qml/losses.js';
import { HybridModel, type HybridModelInit } from '../../src/qml/model.js';
import { DensityMatrixSimulator } from '../../src/sim/density-matrix.js';
import { StatevectorSimulator } from '../../src/sim/statevector.js';
import { maxDiff } from './helpers/dense.js';
import { centralGradient, meanAndStdError } from './helpers/numeric.js';

const exact: QnnExecutor = { backend: new StatevectorSimulator() };
const rng = new Rng('qml-model');

function makeModel(init: Partial<HybridModelInit> & { qnn: QnnConfig }, seed = 5): HybridModel {
  const m = new HybridModel({ head: 'linear', classes: ['a', 'b', 'c'], ...init });
  m.initialize(new Rng(seed));
  return m;
}

/** The full model loss as a function of the flat parameter vector. */
function lossOfParams(model: HybridModel, features: number[][], labels: Int32Array, loss: LossKind = 'cross_entropy') {
  return (p: Float64Array) => {
    const saved = Float64Array.from(model.params);
    model.params.set(p);
    const l = model.evaluate(features, labels, exact, { loss }).loss;
    model.params.set(saved);
    return l;
  };
}

const sel: QnnConfig = { numQubits: 2, encoder: { kind: 'angle', rotation: 'Y' }, ansatz: { kind: 'strongly_entangling', layers: 1 } };
const features = [[0.3, 1.2], [2.0, -0.4], [1.1, 0.9]];
const labels = Int32Array.of(0, 2, 1);

describe('dL/dparams = finite differences of the model loss', () => {
  it.each([
    ['adjoint', 'cross_entropy'], ['parameter-shift', 'cross_entropy'], ['finite-difference', 'cross_entropy'],
    ['adjoint', 'mse'], ['parameter-shift', 'huber'],
  ] as [GradientMethod, LossKind][])('%s, %s loss: every QNN weight and head parameter', (method, loss) => {
    const model = makeModel({ qnn: sel });
    expect(model.numParams).toBe(6 + 2 * 3 + 3);
    const r = model.step(features, labels, exact, { method, loss });
    const fd = centralGradient(lossOfParams(model, features, labels, loss), model.params, 1e-5);
    expect(r.loss).toBeCloseTo(lossOfParams(model, features, labels, loss)(model.params), 14);
    expect(maxDiff(r.gradient, fd)).toBeLessThan(method === 'finite-difference' ? 1e-6 : 1e-8);
    expect(Math.max(...Array.from(r.gradient.subarray(0, 6), Math.abs))).toBeGreaterThan(1e-3);
  });

  it('SPSA: head gradient exact, QNN-weight gradient unbiased over seeds', () => {
    const model = makeModel({ qnn: sel });
    const fd = centralGradient(lossOfParams(model, features, labels), model.params, 1e-5);
    const runs = Array.from({ length: 300 }, (_, s) => model.step(features, labels, exact, { method: 'spsa', seed: s }).gradient);
    for (const g of runs) expect(maxDiff(g.subarray(6), fd.subarray(6))).toBeLessThan(1e-8);
    const { mean, se } = meanAndStdError(runs.map((g) => g.subarray(0, 6)));
    for (let j = 0; j < 6; j++) expect(Math.abs((mean[j] as number) - (fd[j] as number))).toBeLessThan(4 * (se[j] as number) + 1e-3);
  });

  it('density-matrix backend (noiseless) defaults to parameter shift and gives the same gradient', () => {
    const model = makeModel({ qnn: sel });
    const dm = model.step(features, labels, { backend: new DensityMatrixSimulator() });
    const sv = model.step(features, labels, exact, { method: 'adjoint' });
    expect(maxDiff(dm.gradient, sv.gradient)).toBeLessThan(1e-10);
  });

  it('re-uploading with trainable scales, RealAmplitudes, head "none" (outputs are the class scores)', () => {
    const qnn: QnnConfig = { numQubits: 2, encoder: { kind: 'angle', rotation: 'X' }, ansatz: { kind: 'real_amplitudes', reps: 2 }, reupload: { trainableScaling: true } };
    const model = makeModel({ qnn, head: 'none', classes: ['no', 'yes'] });
    expect(model.numParams).toBe(6 + 2 * 2);
    const lab = Int32Array.of(1, 0, 1);
    for (const method of ['adjoint', 'parameter-shift'] as const) {
      const r = model.step(features, lab, exact, { method });
      expect(maxDiff(r.gradient, centralGradient(lossOfParams(model, features, lab), model.params, 1e-5))).toBeLessThan(1e-8);
    }
  });
});

describe('dL/d(inputs) for attacks', () => {
  const raw = Array.from({ length: 20 }, () => Array.from({ length: 5 }, (_, j) => rng.normal(j, 1 + j)));
  const rawLabels = Int32Array.from(raw, (r) => (r[0]! + r[2]! > 2 ? 1 : 0));
  const batch = raw.slice(0, 3);
  const batchLabels = rawLabels.slice(0, 3);

  /** L(raw) through preprocessing, as a function of one flattened batch of raw rows. */
  function lossOfRaw(model: HybridModel, width: number) {
    return (flat: Float64Array) => {
      const m = featureMatrix(flat.length / width, width, Float64Array.from(flat));
      return model.evaluate(model.features(m), batchLabels, exact).loss;
    };
  }

  const pipelines: [string, () => Transformer][] = [
    ['standard → PCA(3) → minmax[0, π]', () => new Pipeline([new StandardScaler(), new PCA({ nComponents: 3 }), new MinMaxScaler({ featureRange: [0, Math.PI] })])],
    ['standard → PCA(3, whiten)', () => new Pipeline([new StandardScaler(), new PCA({ nComponents: 3, whiten: true })])],
  ];

  it.each(pipelines)('%s: rawGradient = finite differences on raw inputs (adjoint, parameter shift, finite differences)', (_name, make) => {
    const preprocessing = make().fit(raw, rawLabels);
    const model = makeModel({
      qnn: { numQubits: 3, encoder: { kind: 'angle', rotation: 'Y' }, ansatz: { kind: 'strongly_entangling', layers: 1 } },
      classes: ['neg', 'pos'], preprocessing,
    });
    expect(model.numInputFeatures).toBe(5);
    const fd = centralGradient(lossOfRaw(model, 5), Float64Array.from(batch.flat()), 1e-5);
    expect(Math.max(...Array.from(fd, Math.abs))).toBeGreaterThan(1e-3);
    for (const method of ['adjoint', 'parameter-shift', 'finite-difference'] as const) {
      const r = model.step(model.features(batch), batchLabels, exact, { method, wantFeatureGradient: true });
      const g = model.rawGradient(r.featureGradient as Float64Array, batch.length);
      expect(g.length).toBe(15);
      expect(maxDiff(g, fd)).toBeLessThan(method === 'finite-difference' ? 1e-6 : 1e-8);
    }
  });

  it.each([
    ['amplitude (features → angles classically)', { numQubits: 2, encoder: { kind: 'amplitude', features: 3, pad: 0.5 }, ansatz: { kind: 'strongly_entangling', layers: 2 } }],
    ['ZZ feature map (bilinear in the inputs)', { numQubits: 3, encoder: { kind: 'zz', reps: 2 }, ansatz: { kind: 'real_amplitudes', reps: 1 } }],
    ['dense angle', { numQubits: 2, encoder: { kind: 'dense_angle', features: 3 }, ansatz: { kind: 'basic_entangler', layers: 2 } }],
  ] as [string, QnnConfig][])('%s: featureGradient = finite differences on the encoder features', (_name, qnn) => {
    const model = makeModel({ qnn, classes: ['a', 'b'] });
    const rows = [[0.4, -1.1, 0.8], [1.5, 0.2, -0.3]];
    const lab = Int32Array.of(1, 0);
    const r = model.step(rows, lab, exact, { method: 'adjoint', wantFeatureGradient: true });
    const fd = centralGradient((flat) => model.evaluate([Array.from(flat.subarray(0, 3)), Array.from(flat.subarray(3))], lab, exact).loss, Float64Array.from(rows.flat()), 1e-5);
    expect(maxDiff(r.featureGradient as Float64Array, fd)).toBeLessThan(1e-7);
    expect(Math.max(...Array.from(fd, Math.abs))).toBeGreaterThan(1e-3);
  });

  it('without preprocessing, rawGradient is the feature gradient', () => {
    const model = makeModel({ qnn: sel, classes: ['a', 'b'] });
    const r = model.step(features, Int32Array.of(0, 1, 1), exact, { wantFeatureGradient: true });
    expect(model.rawGradient(r.featureGradient as Float64Array, 3)).toBe(r.featureGradient);
  });
});

describe('model input checks', () => {
  const model = makeModel({ qnn: sel });

  it('labels outside the class list are refused, naming the row', () => {
    expect(() => model.step(features, Int32Array.of(0, 3, 1), exact)).toThrow(/label 3 of row 1 is not one of the 3 classes/);
    expect(() => model.step(features, [0, 1.5, 1], exact)).toThrow(/row 1/);
    expect(() => model.step(features, Int32Array.of(0, 1), exact)).toThrow(/3 feature rows but 2 labels/);
  });

  it('raw inputs of the wrong width, NaN or Infinity are refused, naming row and feature', () => {
    expect(() => model.predictProba([[0.1, 0.2, 0.3]], exact)).toThrow(/3 feature\(s\) per row; the model takes 2/);
    expect(() => model.predictProba([[0.1, 0.2], [Number.NaN, 0.2]], exact)).toThrow(/\[1\]\[0\].*NaN/);
    expect(() => model.predictProba([[0.1, Infinity]], exact)).toThrow(/\[0\]\[1\].*Infinity/);
    expect(() => model.step([[0.1, 0.2], [0.3, -Infinity]], Int32Array.of(0, 1), exact)).toThrow(/row 1, feature 1 must be a finite number/);
    for (const bad of [() => model.predictProba([[0.1, Number.NaN]], exact)]) expect(bad).toThrow(InputError);
  });

  it('construction errors explain the mismatch', () => {
    expect(() => new HybridModel({ qnn: sel, head: 'none', classes: ['a', 'b', 'c'] })).toThrow(/2 measured values.*3 classes/);
    expect(() => new HybridModel({ qnn: sel, head: 'linear', classes: ['only'] })).toThrow(/at least two classes/);
    expect(() => new HybridModel({ qnn: sel, head: 'linear', classes: ['a', 'b'], params: [1, 2, 3] })).toThrow(/has 12 parameters, got 3/);
    const pre = new StandardScaler().fit([[1, 2, 3], [2, 3, 5]]);
    expect(() => new HybridModel({ qnn: sel, head: 'linear', classes: ['a', 'b'], preprocessing: pre })).toThrow(/produces 3 feature\(s\) but the encoder takes 2/);
  });
});
