import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { createDataset, subsetDataset } from '../../src/data/dataset.js';
import { featureColumn, featureRow, featureRows, selectRows, toFeatureMatrix } from '../../src/data/feature-matrix.js';
import { classCounts, classWeights, oneHot, sampleWeights } from '../../src/data/labels.js';

describe('FeatureMatrix', () => {
  it('converts rows to a row-major matrix and back', () => {
    const m = toFeatureMatrix([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(m.rows).toBe(2);
    expect(m.cols).toBe(3);
    expect(Array.from(m.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(featureRow(m, 1))).toEqual([4, 5, 6]);
    expect(Array.from(featureColumn(m, 2))).toEqual([3, 6]);
    expect(featureRows(selectRows(m, [1, 0, 1]))).toEqual([
      [4, 5, 6],
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('names the row and column of ragged or non-finite input', () => {
    expect(() => toFeatureMatrix([[1, 2], [3]], 'x')).toThrow(/x\[1\] has 1 values, expected 2/);
    expect(() => toFeatureMatrix([[1, 2], [3, Number.NaN]], 'x')).toThrow(/x\[1\]\[1\] must be a finite number, got NaN/);
    expect(() => toFeatureMatrix([[1, Infinity]], 'x')).toThrow(/x\[0\]\[1\].*Infinity/);
    expect(() => toFeatureMatrix({ rows: 1, cols: 2, data: Float64Array.of(0, -Infinity) }, 'x')).toThrow(/x\[0\]\[1\]/);
  });
});

describe('createDataset', () => {
  it('builds a dataset with default names', () => {
    const ds = createDataset({ name: 'toy', features: [[0], [1], [2]], labels: [0, 2, 1] });
    expect(ds.featureNames).toEqual(['x0']);
    expect(ds.classNames).toEqual(['0', '1', '2']);
    expect(Array.from(ds.labels)).toEqual([0, 2, 1]);
    const sub = subsetDataset(ds, [2, 0]);
    expect(Array.from(sub.features.data)).toEqual([2, 0]);
    expect(Array.from(sub.labels)).toEqual([1, 0]);
  });

  it('rejects labels outside the class list, naming the index and the classes', () => {
    expect(() => createDataset({ name: 'toy', features: [[0], [1]], labels: [0, 3], classNames: ['a', 'b'] })).toThrow(
      /toy\.labels\[1\] = 3 is not a class index: expected an integer in 0\.\.1 \(a, b\)/,
    );
    expect(() => createDataset({ name: 'toy', features: [[0], [1]], labels: [0, 0.5] })).toThrow(InputError);
  });

  it('rejects shape mismatches and repeated names', () => {
    expect(() => createDataset({ name: 't', features: [[0], [1]], labels: [0] })).toThrow(/2 feature rows but 1 labels/);
    expect(() => createDataset({ name: 't', features: [[0, 1]], labels: [0], featureNames: ['a'] })).toThrow(/2 feature columns but 1 feature names/);
    expect(() => createDataset({ name: 't', features: [[0, 1]], labels: [0], featureNames: ['a', 'a'] })).toThrow(/t\.featureNames\[1\] "a" repeats entry 0/);
  });
});

describe('label helpers', () => {
  const y = [0, 1, 1, 2, 2, 2];

  it('counts classes and one-hot encodes', () => {
    expect(classCounts(y)).toEqual([1, 2, 3]);
    expect(classCounts(y, 4)).toEqual([1, 2, 3, 0]);
    const h = oneHot([2, 0], 3);
    expect(Array.from(h.data)).toEqual([0, 0, 1, 1, 0, 0]);
    expect(() => oneHot([3], 3)).toThrow(/labels\[0\] = 3 is not a class index in 0\.\.2/);
  });

  it('balanced weights are n / (k · count) (scikit-learn compute_class_weight)', () => {
    // n = 6, k = 3: 6/(3·1) = 2, 6/(3·2) = 1, 6/(3·3) = 2/3
    const w = classWeights(y);
    expect(w[0]).toBeCloseTo(2, 15);
    expect(w[1]).toBeCloseTo(1, 15);
    expect(w[2]).toBeCloseTo(2 / 3, 15);
    // Weighted class totals are equal: the point of balancing.
    const sw = sampleWeights(y);
    const totals = [0, 0, 0];
    y.forEach((c, i) => (totals[c] = (totals[c] as number) + (sw[i] as number)));
    expect(totals[0]).toBeCloseTo(2, 12);
    expect(totals[1]).toBeCloseTo(2, 12);
    expect(totals[2]).toBeCloseTo(2, 12);
  });
});
