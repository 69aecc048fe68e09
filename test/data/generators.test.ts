import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { featureRow } from '../../src/data/feature-matrix.js';
import { linspace, makeCircles, makeMoons, makeXor } from '../../src/data/generators.js';
import { classCounts } from '../../src/data/labels.js';
import { loadDataset } from '../../src/data/registry.js';

describe('makeMoons', () => {
  it('puts noise-free points on the two half circles (scikit-learn construction)', () => {
    const ds = makeMoons({ nSamples: 101, shuffle: false });
    expect(classCounts(ds.labels)).toEqual([50, 51]);
    // Outer moon starts at (cos 0, sin 0) = (1, 0); inner starts at (1 − cos 0, 0.5 − sin 0) = (0, 0.5).
    expect(Array.from(featureRow(ds.features, 0))).toEqual([1, 0]);
    expect(Array.from(featureRow(ds.features, 50))).toEqual([0, 0.5]);
    for (let i = 0; i < 101; i++) {
      const [x, y] = featureRow(ds.features, i) as unknown as [number, number];
      if (ds.labels[i] === 0) {
        expect(x * x + y * y).toBeCloseTo(1, 12);
        expect(y).toBeGreaterThanOrEqual(-1e-12);
      } else {
        expect((x - 1) ** 2 + (y - 0.5) ** 2).toBeCloseTo(1, 12);
        expect(y).toBeLessThanOrEqual(0.5 + 1e-12);
      }
    }
  });

  it('adds Gaussian noise of the requested size, reproducibly per seed', () => {
    const clean = makeMoons({ nSamples: 4000, seed: 7 });
    const noisy = makeMoons({ nSamples: 4000, seed: 7, noise: 0.2 });
    // Same seed, same shuffle: the difference is the noise alone.
    let s2 = 0;
    for (let k = 0; k < clean.features.data.length; k++) s2 += ((noisy.features.data[k] as number) - (clean.features.data[k] as number)) ** 2;
    const sd = Math.sqrt(s2 / clean.features.data.length);
    expect(Math.abs(sd - 0.2)).toBeLessThan(0.01);
    expect(makeMoons({ seed: 1, noise: 0.1 }).features.data).toEqual(makeMoons({ seed: 1, noise: 0.1 }).features.data);
    expect(makeMoons({ seed: 1, noise: 0.1 }).features.data).not.toEqual(makeMoons({ seed: 2, noise: 0.1 }).features.data);
  });
});

describe('makeCircles', () => {
  it('puts classes on radii 1 and factor, evenly spaced in angle', () => {
    const ds = makeCircles({ nSamples: 40, factor: 0.5, shuffle: false });
    for (let i = 0; i < 40; i++) {
      const [x, y] = featureRow(ds.features, i) as unknown as [number, number];
      expect(Math.hypot(x, y)).toBeCloseTo(ds.labels[i] === 0 ? 1 : 0.5, 12);
    }
    // 20 points per circle, endpoint excluded: point 5 is at angle 2π·5/20 = π/2.
    expect(featureRow(ds.features, 5)[0]).toBeCloseTo(0, 12);
    expect(featureRow(ds.features, 5)[1]).toBeCloseTo(1, 12);
    expect(() => makeCircles({ factor: 1 })).toThrow(UsageError);
  });
});

describe('makeXor', () => {
  it('labels 1 exactly when the coordinates have opposite signs, balanced', () => {
    const ds = makeXor({ nSamples: 400, seed: 5 });
    expect(classCounts(ds.labels)).toEqual([200, 200]);
    for (let i = 0; i < 400; i++) {
      const [x, y] = featureRow(ds.features, i) as unknown as [number, number];
      expect(Math.abs(x)).toBeLessThanOrEqual(1);
      expect(Math.abs(y)).toBeLessThanOrEqual(1);
      expect(ds.labels[i]).toBe(x * y < 0 ? 1 : 0);
    }
  });
});

describe('generator options', () => {
  it('rejects bad sizes and noise', () => {
    expect(() => makeMoons({ nSamples: 1 })).toThrow(/makeMoons: nSamples must be an integer in 2\.\.10000000, got 1/);
    expect(() => makeXor({ noise: -1 })).toThrow(/makeXor: noise must be a finite number ≥ 0/);
    expect(() => makeCircles({ nSamples: 2.5 })).toThrow(UsageError);
  });

  it('are reachable through loadDataset', () => {
    const ds = loadDataset('moons', { nSamples: 30, noise: 0.1, seed: 4 });
    expect(ds.features.data).toEqual(makeMoons({ nSamples: 30, noise: 0.1, seed: 4 }).features.data);
  });

  it('linspace matches numpy', () => {
    expect(linspace(0, 1, 5, true)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(linspace(0, 1, 4, false)).toEqual([0, 0.25, 0.5, 0.75]);
    expect(linspace(2, 3, 1, true)).toEqual([2]);
  });
});
