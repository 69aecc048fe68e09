import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { loadDataset } from '../../src/data/registry.js';
import { LinearDiscriminantAnalysis } from '../../src/data/preprocess/lda.js';
import { MinMaxScaler } from '../../src/data/preprocess/min-max-scaler.js';
import { PCA } from '../../src/data/preprocess/pca.js';
import { Pipeline } from '../../src/data/preprocess/pipeline.js';
import { StandardScaler } from '../../src/data/preprocess/standard-scaler.js';

describe('Pipeline', () => {
  const iris = loadDataset('iris');

  it('equals applying its steps one after another', () => {
    const pipe = new Pipeline([new StandardScaler(), new PCA({ nComponents: 2 }), new MinMaxScaler({ featureRange: [0, Math.PI] })]).fit(iris.features);
    const a = new StandardScaler().fit(iris.features);
    const za = a.transform(iris.features);
    const b = new PCA({ nComponents: 2 }).fit(za);
    const zb = b.transform(za);
    const c = new MinMaxScaler({ featureRange: [0, Math.PI] }).fit(zb);
    expect(pipe.transform(iris.features).data).toEqual(c.transform(zb).data);
    expect(pipe.nFeaturesIn).toBe(4);
    expect(pipe.nFeaturesOut).toBe(2);
  });

  it('transforms single rows into a reused buffer, matching the batch transform', () => {
    const pipe = new Pipeline([new StandardScaler(), new LinearDiscriminantAnalysis()]).fit(iris.features, iris.labels);
    const batch = pipe.transform(iris.features);
    const out = new Float64Array(2);
    for (const i of [0, 75, 149]) {
      expect(pipe.transformRow(iris.features.data.subarray(4 * i, 4 * i + 4), out)).toBe(out);
      expect(Array.from(out)).toEqual(Array.from(batch.data.subarray(2 * i, 2 * i + 2)));
    }
  });

  it('inverts when every step can, and says which step cannot', () => {
    const pipe = new Pipeline([new StandardScaler(), new PCA(), new MinMaxScaler()]).fit(iris.features);
    const back = pipe.inverseTransform(pipe.transform(iris.features));
    for (let k = 0; k < back.data.length; k++) expect(back.data[k]).toBeCloseTo(iris.features.data[k] as number, 10);
    const withLda = new Pipeline([new StandardScaler(), new LinearDiscriminantAnalysis()]).fit(iris.features, iris.labels);
    expect(() => withLda.inverseTransform([[0, 0]])).toThrow('pipeline step 1 (lda) has no inverse, so the pipeline cannot be inverted');
  });

  it('flattens nested pipelines and prefixes errors with the failing step', () => {
    const inner = new Pipeline([new StandardScaler(), new PCA({ nComponents: 3 })]);
    const pipe = new Pipeline([inner, new LinearDiscriminantAnalysis()]);
    expect(pipe.steps.map((s) => s.kind)).toEqual(['standard-scaler', 'pca', 'lda']);
    expect(() => pipe.fit(iris.features)).toThrow('pipeline step 2 (lda): LDA: fit needs the labels y (it is supervised)');
    expect(() => pipe.transform(iris.features)).toThrow(UsageError);
    pipe.fit(iris.features, iris.labels);
    expect(() => pipe.transformRow([1, 2, 3])).toThrow('pipeline: row has 3 values, expected 4');
  });
});
