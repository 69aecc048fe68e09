/** Invariants that must hold for any data, checked on random matrices with fast-check. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { featureColumn } from '../../src/data/feature-matrix.js';
import { transformerFromJSON } from '../../src/data/preprocess/from-json.js';
import { MinMaxScaler } from '../../src/data/preprocess/min-max-scaler.js';
import { PCA } from '../../src/data/preprocess/pca.js';
import { StandardScaler } from '../../src/data/preprocess/standard-scaler.js';

const matrix = fc
  .tuple(fc.integer({ min: 3, max: 12 }), fc.integer({ min: 1, max: 5 }))
  .chain(([n, d]) => fc.array(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true }), { minLength: d, maxLength: d }), { minLength: n, maxLength: n }));

describe('preprocessing invariants', () => {
  it('StandardScaler output has mean 0 and population variance 1 (or 0 for constant columns)', () => {
    fc.assert(
      fc.property(matrix, (x) => {
        const z = new StandardScaler().fitTransform(x);
        for (let j = 0; j < z.cols; j++) {
          const col = featureColumn(z, j);
          const mean = col.reduce((a, b) => a + b, 0) / col.length;
          const variance = col.reduce((a, b) => a + (b - mean) ** 2, 0) / col.length;
          expect(Math.abs(mean)).toBeLessThan(1e-9);
          expect(Math.abs(variance - 1) < 1e-9 || variance < 1e-20).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('MinMaxScaler puts training data inside the range, touching both ends of non-constant columns', () => {
    fc.assert(
      fc.property(matrix, fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: 0.1, max: 5, noNaN: true }), (x, a, width) => {
        const b = a + width;
        const s = new MinMaxScaler({ featureRange: [a, b] }).fit(x);
        const z = s.transform(x);
        for (let j = 0; j < z.cols; j++) {
          const [min, max] = [s.dataMin![j]!, s.dataMax![j]!];
          const range = max - min;
          // Like scikit-learn, a range below 10·eps counts as constant; a range within rounding
          // of the values' magnitude is ill-conditioned in any implementation, so skip it.
          const constant = range < 10 * Number.EPSILON;
          if (!constant && range < 1e-6 * Math.max(Math.abs(min), Math.abs(max))) continue;
          const col = featureColumn(z, j);
          const lo = Math.min(...col);
          const hi = Math.max(...col);
          expect(lo).toBeGreaterThanOrEqual(a - 1e-9 * (1 + Math.abs(a)));
          expect(hi).toBeLessThanOrEqual(b + 1e-9 * (1 + Math.abs(b)));
          expect(lo).toBeCloseTo(a, 8);
          if (!constant) expect(hi).toBeCloseTo(b, 8);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a restored transformer reproduces the original bit for bit', () => {
    fc.assert(
      fc.property(matrix, (x) => {
        for (const t of [new StandardScaler().fit(x), new MinMaxScaler().fit(x), new PCA().fit(x)]) {
          const restored = transformerFromJSON(JSON.parse(JSON.stringify(t.toJSON())));
          expect(restored.transform(x).data).toEqual(t.transform(x).data);
        }
      }),
      { numRuns: 40 },
    );
  });
});
