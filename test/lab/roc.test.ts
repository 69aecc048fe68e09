import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { rocAtFprGrid, rocAuc, rocCurve, thresholdAtFpr, tprAtFpr } from '../../src/lab/common/roc.js';

describe('ROC statistics', () => {
  it('gives AUC 1 for separated scores, 0 for inverted ones and ½ for identical ones', () => {
    expect(rocAuc([0.1, 0.2, 0.3], [0.4, 0.5])).toBe(1);
    expect(rocAuc([0.4, 0.5], [0.1, 0.2, 0.3])).toBe(0);
    expect(rocAuc([1, 1], [1, 1, 1])).toBe(0.5);
  });

  it('counts Mann–Whitney wins with ties as one half (hand-derived)', () => {
    // attacked 2 vs honest {1, 2, 3}: win, tie, loss → 1.5; attacked 4: 3 wins → total 4.5 of 6
    expect(rocAuc([1, 2, 3], [2, 4])).toBeCloseTo(4.5 / 6, 15);
  });

  it('draws the curve from (0,0) to (1,1) with the alarm above the threshold', () => {
    const c = rocCurve([1, 2], [3, 2]);
    expect(c[0]).toMatchObject({ fpr: 0, tpr: 0 });
    expect(c[c.length - 1]).toMatchObject({ fpr: 1, tpr: 1 });
    // threshold 2: honest {1, 2} → none above; attacked {3, 2} → one above
    expect(c.find((p) => p.threshold === 2)).toMatchObject({ fpr: 0, tpr: 0.5 });
    expect(c.find((p) => p.threshold === 1)).toMatchObject({ fpr: 0.5, tpr: 1 });
  });

  it('picks the threshold that keeps the false-positive rate at or below the target', () => {
    const honest = Array.from({ length: 20 }, (_, i) => i); // 0..19
    // 5 % of 20 = one false alarm allowed: threshold = second largest = 18
    expect(thresholdAtFpr(honest, 0.05)).toBe(18);
    expect(honest.filter((s) => s > 18).length / 20).toBeLessThanOrEqual(0.05);
    expect(tprAtFpr(honest, [18, 18.5, 30, 0], 0.05)).toBe(0.5);
    expect(thresholdAtFpr(honest, 1)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('resamples the curve on a grid of false-positive rates', () => {
    const pts = rocAtFprGrid([1, 2, 3, 4], [2.5, 3.5, 5, 6], [0, 0.25, 0.5, 1]);
    // alarm > 4: fpr 0, tpr 0.5; > 3: fpr .25, tpr .75; > 2: fpr .5, tpr 1
    expect(pts.map((p) => p.tpr)).toEqual([0.5, 0.75, 1, 1]);
  });

  it('refuses empty or non-finite scores with a clear error', () => {
    expect(() => rocAuc([], [1])).toThrow(InputError);
    expect(() => rocAuc([1], [Number.NaN])).toThrow(/attacked score 0 is NaN/);
    expect(() => thresholdAtFpr([1], 1.5)).toThrow(/false-positive rate/);
  });
});
