import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { createDataset } from '../../src/data/dataset.js';
import { classCounts } from '../../src/data/labels.js';
import { loadDataset } from '../../src/data/registry.js';
import { kFold, shuffleDataset, trainTestSplit } from '../../src/data/split.js';

const sorted = (a: ArrayLike<number>) => Array.from(a).sort((x, y) => x - y);

describe('trainTestSplit', () => {
  it('keeps class proportions exactly when they divide evenly (Iris, 20 % test)', () => {
    const iris = loadDataset('iris');
    const { train, test, trainIndices, testIndices } = trainTestSplit(iris, { testSize: 0.2, seed: 1 });
    expect(classCounts(test.labels, 3)).toEqual([10, 10, 10]);
    expect(classCounts(train.labels, 3)).toEqual([40, 40, 40]);
    expect(sorted([...trainIndices, ...testIndices])).toEqual(Array.from({ length: 150 }, (_, i) => i));
    // Rows follow their indices.
    expect(Array.from(test.features.data.subarray(0, 4))).toEqual(Array.from(iris.features.data.subarray(testIndices[0]! * 4, testIndices[0]! * 4 + 4)));
  });

  it('keeps each class within one row of its share otherwise (Wine 59/71/48, 30 %)', () => {
    const wine = loadDataset('wine');
    const { test } = trainTestSplit(wine, { testSize: 0.3, seed: 2 });
    const nTest = Math.ceil(0.3 * 178);
    expect(test.features.rows).toBe(nTest);
    classCounts(test.labels, 3).forEach((c, k) => {
      const share = (nTest * [59, 71, 48][k]!) / 178;
      expect(Math.abs(c - share)).toBeLessThan(1);
    });
  });

  it('is reproducible per seed and differs across seeds', () => {
    const ds = loadDataset('moons', { nSamples: 60 });
    const a = trainTestSplit(ds, { seed: 4 }).testIndices;
    expect(trainTestSplit(ds, { seed: 4 }).testIndices).toEqual(a);
    expect(trainTestSplit(ds, { seed: 5 }).testIndices).not.toEqual(a);
  });

  it('takes the last rows as test without shuffling (stratify off)', () => {
    const ds = loadDataset('xor', { nSamples: 8 });
    const { trainIndices, testIndices } = trainTestSplit(ds, { testSize: 3, shuffle: false, stratify: false });
    expect(Array.from(trainIndices)).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(testIndices)).toEqual([5, 6, 7]);
  });

  it('keeps every class on both sides even for tiny classes', () => {
    const ds = createDataset({ name: 't', features: Array.from({ length: 12 }, (_, i) => [i]), labels: [0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] });
    const { train, test } = trainTestSplit(ds, { testSize: 0.75, seed: 0 });
    expect(classCounts(train.labels, 2)[0]).toBe(1);
    expect(classCounts(test.labels, 2)[0]).toBe(1);
    expect(test.features.rows).toBe(9);
  });

  it('rejects impossible requests', () => {
    const iris = loadDataset('iris');
    expect(() => trainTestSplit(iris, { testSize: 1.5 })).toThrow(/testSize must be a fraction in \(0, 1\) or a whole number of rows ≥ 1, got 1\.5/);
    expect(() => trainTestSplit(iris, { testSize: 150 })).toThrow(/leaves no training rows/);
    expect(() => trainTestSplit(iris, { testSize: 2 })).toThrow(/needs at least 3 rows in each part/);
    expect(() => trainTestSplit(iris, { shuffle: false })).toThrow(UsageError);
    const lonely = createDataset({ name: 't', features: [[0], [1], [2]], labels: [0, 0, 1] });
    expect(() => trainTestSplit(lonely)).toThrow(/class "1" has only 1 sample/);
  });
});

describe('kFold', () => {
  it('puts every row in exactly one test fold, with balanced sizes and classes', () => {
    const wine = loadDataset('wine');
    const folds = kFold(wine, { k: 5, seed: 3 });
    expect(folds).toHaveLength(5);
    const all = folds.flatMap((f) => Array.from(f.testIndices));
    expect(sorted(all)).toEqual(Array.from({ length: 178 }, (_, i) => i));
    const sizes = folds.map((f) => f.test.features.rows);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    for (let c = 0; c < 3; c++) {
      const perFold = folds.map((f) => classCounts(f.test.labels, 3)[c]!);
      expect(Math.max(...perFold) - Math.min(...perFold)).toBeLessThanOrEqual(1);
    }
    for (const f of folds) expect(f.train.features.rows + f.test.features.rows).toBe(178);
  });

  it('gives contiguous folds without shuffling (scikit-learn KFold sizes)', () => {
    const ds = createDataset({ name: 't', features: Array.from({ length: 7 }, (_, i) => [i]), labels: [0, 0, 0, 0, 0, 0, 0] });
    const folds = kFold(ds, { k: 3, shuffle: false, stratify: false });
    expect(folds.map((f) => Array.from(f.testIndices))).toEqual([[0, 1, 2], [3, 4], [5, 6]]);
    expect(() => kFold(ds, { k: 8 })).toThrow(/k must be an integer in 2\.\.7/);
  });

  it('shuffleDataset permutes rows reproducibly', () => {
    const iris = loadDataset('iris');
    const a = shuffleDataset(iris, 11);
    expect(sorted(a.labels)).toEqual(sorted(iris.labels));
    expect(a.features.data).toEqual(shuffleDataset(iris, 11).features.data);
    expect(a.features.data).not.toEqual(iris.features.data);
  });
});
