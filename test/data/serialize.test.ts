import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors.js';
import { loadDataset } from '../../src/data/registry.js';
import { transformerFromJSON } from '../../src/data/preprocess/from-json.js';
import { LinearDiscriminantAnalysis } from '../../src/data/preprocess/lda.js';
import { MaxAbsScaler } from '../../src/data/preprocess/max-abs-scaler.js';
import { MinMaxScaler } from '../../src/data/preprocess/min-max-scaler.js';
import { PCA } from '../../src/data/preprocess/pca.js';
import { Pipeline } from '../../src/data/preprocess/pipeline.js';
import { StandardScaler } from '../../src/data/preprocess/standard-scaler.js';
import type { Transformer } from '../../src/data/preprocess/transformer.js';

const wine = loadDataset('wine');

function roundTrip(t: Transformer): Transformer {
  return transformerFromJSON(JSON.parse(JSON.stringify(t)));
}

function validationError(state: unknown): ValidationError {
  try {
    transformerFromJSON(state);
  } catch (err) {
    if (err instanceof ValidationError) return err;
    throw err;
  }
  throw new Error('expected a ValidationError');
}

describe('serialise → load → transform', () => {
  const fitted: [string, () => Transformer][] = [
    ['standard-scaler', () => new StandardScaler().fit(wine.features)],
    ['min-max-scaler', () => new MinMaxScaler({ featureRange: [0, Math.PI], clip: true }).fit(wine.features)],
    ['max-abs-scaler', () => new MaxAbsScaler().fit(wine.features)],
    ['pca', () => new PCA({ nComponents: 4, whiten: true }).fit(wine.features)],
    ['lda', () => new LinearDiscriminantAnalysis().fit(wine.features, wine.labels)],
    ['pipeline', () => new Pipeline([new StandardScaler(), new PCA({ nComponents: 5 }), new MinMaxScaler({ featureRange: [0, Math.PI] })]).fit(wine.features)],
  ];

  for (const [kind, make] of fitted) {
    it(`${kind}: gives identical numbers after a JSON round trip`, () => {
      const original = make();
      const restored = roundTrip(original);
      expect(restored.kind).toBe(kind);
      expect(restored.toJSON()).toEqual(original.toJSON());
      expect(restored.transform(wine.features).data).toEqual(original.transform(wine.features).data);
      const out = new Float64Array(original.nFeaturesOut as number);
      const row = wine.features.data.subarray(13 * 7, 13 * 8);
      expect(restored.transformRow(row, out)).toBe(out);
      expect(Array.from(out)).toEqual(Array.from(original.transform(wine.features).data.subarray(7 * out.length, 8 * out.length)));
    });
  }

  it('builds unfitted transformers from hand-written configuration', () => {
    const t = transformerFromJSON({ kind: 'pipeline', steps: [{ kind: 'standard-scaler' }, { kind: 'min-max-scaler', params: { featureRange: [0, 3.141592653589793] } }] });
    expect(t.isFitted).toBe(false);
    const z = t.fitTransform(wine.features);
    expect(Math.max(...z.data)).toBeCloseTo(Math.PI, 12);
    expect(() => transformerFromJSON({ kind: 'pca' }).transform(wine.features)).toThrow('pca: transform called before fit');
  });
});

describe('invalid or tampered state', () => {
  const scalerState = () => JSON.parse(JSON.stringify(new StandardScaler().fit(wine.features))) as { fitted: { mean: number[]; variance: number[] } };

  it('names a vector of the wrong length', () => {
    const s = scalerState();
    s.fitted.mean.pop();
    const err = validationError(s);
    expect(err.path).toEqual(['fitted', 'mean']);
    expect(err.message).toMatch(/at fitted\.mean: has 12 entries, expected 13/);
  });

  it('names a non-number and a negative variance', () => {
    const s = scalerState();
    (s.fitted.mean as unknown[])[3] = null;
    s.fitted.variance[5] = -1;
    const err = validationError(s);
    expect(err.issues.map((i) => i.path)).toEqual([
      ['fitted', 'mean', 3],
      ['fitted', 'variance', 5],
    ]);
  });

  it('rejects unknown kinds and unknown fields', () => {
    expect(validationError({ kind: 'robust-scaler' }).message).toMatch(/at kind: Invalid discriminator value/);
    expect(validationError({ kind: 'max-abs-scaler', params: {}, extra: 1 }).message).toMatch(/unknown field\(s\) "extra"/);
    expect(validationError({ kind: 'min-max-scaler', params: { featureRange: [1, 0] } }).path).toEqual(['params', 'featureRange']);
  });

  it('rejects min-max state whose maximum is below its minimum', () => {
    const s = JSON.parse(JSON.stringify(new MinMaxScaler().fit(wine.features))) as { fitted: { dataMax: number[] } };
    s.fitted.dataMax[4] = -1;
    expect(validationError(s).path).toEqual(['fitted', 'dataMax', 4]);
  });

  it('rejects PCA components that are no longer orthonormal', () => {
    const s = JSON.parse(JSON.stringify(new PCA({ nComponents: 3 }).fit(wine.features))) as { fitted: { components: number[][] } };
    s.fitted.components[1]![0]! += 0.01;
    const err = validationError(s);
    expect(err.path[0]).toBe('fitted');
    expect(err.path[1]).toBe('components');
    expect(err.message).toMatch(/not orthogonal|norm²/);
  });

  it('rejects a pipeline whose steps do not chain, naming the step', () => {
    const p = JSON.parse(JSON.stringify(new Pipeline([new StandardScaler(), new PCA({ nComponents: 2 }), new MaxAbsScaler()]).fit(wine.features))) as {
      steps: { fitted: { nFeaturesIn: number; maxAbs?: number[] } }[];
    };
    p.steps[2]!.fitted.nFeaturesIn = 3;
    p.steps[2]!.fitted.maxAbs!.push(1);
    const err = validationError(p);
    expect(err.path).toEqual(['steps', 2, 'fitted', 'nFeaturesIn']);
    expect(err.message).toMatch(/is 3 but step 1 \(pca\) outputs 2 features/);
  });

  it('rejects a partly fitted pipeline', () => {
    const p = JSON.parse(JSON.stringify(new Pipeline([new StandardScaler(), new MaxAbsScaler()]).fit(wine.features))) as { steps: { fitted?: unknown }[] };
    delete p.steps[1]!.fitted;
    expect(validationError(p).path).toEqual(['steps', 1, 'fitted']);
  });
});
