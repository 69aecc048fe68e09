/** Scalers on hand-computed cases, including the examples in scikit-learn's docstrings. */
import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../src/core/errors.js';
import { featureRows } from '../../src/data/feature-matrix.js';
import { MaxAbsScaler } from '../../src/data/preprocess/max-abs-scaler.js';
import { MinMaxScaler } from '../../src/data/preprocess/min-max-scaler.js';
import { StandardScaler } from '../../src/data/preprocess/standard-scaler.js';

describe('StandardScaler', () => {
  it('uses the population std (scikit-learn docstring example)', () => {
    const s = new StandardScaler().fit([
      [0, 0],
      [0, 0],
      [1, 1],
      [1, 1],
    ]);
    expect(Array.from(s.mean!)).toEqual([0.5, 0.5]);
    expect(Array.from(s.variance!)).toEqual([0.25, 0.25]);
    expect(Array.from(s.scale!)).toEqual([0.5, 0.5]);
    expect(featureRows(s.transform([[0, 0], [1, 1]]))).toEqual([
      [-1, -1],
      [1, 1],
    ]);
    expect(featureRows(s.transform([[2, 2]]))).toEqual([[3, 3]]);
  });

  it('computes mean 2 and std √(2/3) for 1, 2, 3', () => {
    const s = new StandardScaler().fit([[1], [2], [3]]);
    expect(s.mean![0]).toBe(2);
    expect(s.variance![0]).toBeCloseTo(2 / 3, 15);
    const z = s.transform([[1], [3]]).data;
    expect(z[0]).toBeCloseTo(-Math.sqrt(1.5), 14);
    expect(z[1]).toBeCloseTo(Math.sqrt(1.5), 14);
  });

  it('leaves constant features unscaled, even when their mean is not exact in binary', () => {
    const s = new StandardScaler().fit([
      [0.1, 1],
      [0.1, 2],
      [0.1, 3],
    ]);
    expect(s.scale![0]).toBe(1);
    expect(Math.abs(s.transform([[0.1, 2]]).data[0] as number)).toBeLessThan(1e-15);
  });

  it('honours withMean and withStd', () => {
    const x = [[1], [3]];
    expect(Array.from(new StandardScaler({ withMean: false }).fitTransform(x).data)).toEqual([1, 3]);
    expect(Array.from(new StandardScaler({ withStd: false }).fitTransform(x).data)).toEqual([-1, 1]);
  });

  it('inverts', () => {
    const x = [
      [1, -2],
      [4, 0.5],
      [-3, 7],
    ];
    const s = new StandardScaler().fit(x);
    const back = featureRows(s.inverseTransform(s.transform(x)));
    back.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(x[i]![j]!, 14)));
  });
});

describe('MinMaxScaler', () => {
  const data = [
    [-1, 2],
    [-0.5, 6],
    [0, 10],
    [1, 18],
  ];

  it('maps [min, max] onto [0, 1] (scikit-learn docstring example)', () => {
    const s = new MinMaxScaler().fit(data);
    expect(Array.from(s.dataMax!)).toEqual([1, 18]);
    expect(featureRows(s.transform(data))).toEqual([
      [0, 0],
      [0.25, 0.25],
      [0.5, 0.5],
      [1, 1],
    ]);
    expect(featureRows(s.transform([[2, 2]]))).toEqual([[1.5, 0]]);
    expect(Array.from(s.scale!)).toEqual([0.5, 1 / 16]);
    expect(Array.from(s.min!)).toEqual([0.5, -0.125]);
  });

  it('maps onto any range, e.g. [0, π] for angle encoding, and clips when asked', () => {
    const s = new MinMaxScaler({ featureRange: [0, Math.PI] }).fit(data);
    const z = featureRows(s.transform(data));
    expect(z[1]![0]).toBeCloseTo(Math.PI / 4, 15);
    expect(z[3]![1]).toBeCloseTo(Math.PI, 15);
    const clipped = new MinMaxScaler({ featureRange: [-1, 1], clip: true }).fit(data);
    expect(featureRows(clipped.transform([[5, -100]]))).toEqual([[1, -1]]);
    expect(featureRows(clipped.inverseTransform([[-1, 1]]))).toEqual([[-1, 18]]);
  });

  it('sends a constant feature to the bottom of the range', () => {
    const s = new MinMaxScaler({ featureRange: [2, 5] }).fit([[7], [7]]);
    expect(Array.from(s.transform([[7]]).data)).toEqual([2]);
  });

  it('rejects an empty range', () => {
    expect(() => new MinMaxScaler({ featureRange: [1, 1] })).toThrow(UsageError);
  });
});

describe('MaxAbsScaler', () => {
  it('divides by the largest magnitude (scikit-learn docstring example)', () => {
    const x = [
      [1, -1, 2],
      [2, 0, 0],
      [0, 1, -1],
    ];
    const s = new MaxAbsScaler().fit(x);
    expect(featureRows(s.transform(x))).toEqual([
      [0.5, -1, 1],
      [1, 0, 0],
      [0, 1, -0.5],
    ]);
    expect(featureRows(s.inverseTransform(s.transform(x)))).toEqual(x);
    // An all-zero column stays zero.
    expect(Array.from(new MaxAbsScaler().fitTransform([[0], [0]]).data)).toEqual([0, 0]);
  });
});

describe('bad input to transformers', () => {
  const s = new StandardScaler().fit([
    [1, 2],
    [3, 4],
  ]);

  it('names a feature-count mismatch', () => {
    expect(() => s.transform([[1, 2, 3]])).toThrow('standard-scaler was fitted on 2 features, but x has 3');
    expect(() => s.transformRow([1])).toThrow('standard-scaler: row has 1 values, expected 2');
  });

  it('names non-finite values by row and column', () => {
    expect(() => s.transform([[1, 2], [Number.NaN, 4]])).toThrow('x[1][0] must be a finite number, got NaN');
    expect(() => s.transformRow([1, Infinity])).toThrow('standard-scaler: row[1] must be a finite number, got Infinity');
    expect(() => new MinMaxScaler().fit([[1], [Number.NaN]])).toThrow(InputError);
  });

  it('refuses to transform before fit', () => {
    expect(() => new MaxAbsScaler().transform([[1]])).toThrow('max-abs-scaler: transform called before fit');
  });

  it('transformRow writes into the given buffer and agrees with transform', () => {
    const out = new Float64Array(2);
    expect(s.transformRow([5, 6], out)).toBe(out);
    expect(Array.from(out)).toEqual(Array.from(s.transform([[5, 6]]).data));
  });
});
