import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { featureColumn, featureRows } from '../../src/data/feature-matrix.js';
import { PCA } from '../../src/data/preprocess/pca.js';
import { loadDataset } from '../../src/data/registry.js';

/** Variance with denominator n − 1. */
function sampleVariance(v: Float64Array): number {
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  return v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1);
}

describe('PCA', () => {
  it('recovers the analytic eigendecomposition of a rotated cross', () => {
    // Points (±2, 0) and (0, ±1) rotated by 30° and shifted: covariance (ddof 1) has eigenvalues
    // 8/3 and 2/3 along (cos 30°, sin 30°) and (−sin 30°, cos 30°).
    const t = Math.PI / 6;
    const [c, s] = [Math.cos(t), Math.sin(t)];
    const base = [
      [2, 0],
      [-2, 0],
      [0, 1],
      [0, -1],
    ];
    const x = base.map(([u, v]) => [5 + c * u! - s * v!, -3 + s * u! + c * v!]);
    const pca = new PCA().fit(x);
    expect(Array.from(pca.mean!).map((v) => Number(v.toFixed(12)))).toEqual([5, -3]);
    expect(pca.explainedVariance![0]).toBeCloseTo(8 / 3, 12);
    expect(pca.explainedVariance![1]).toBeCloseTo(2 / 3, 12);
    expect(pca.explainedVarianceRatio![0]).toBeCloseTo(0.8, 12);
    expect(pca.explainedVarianceRatio![1]).toBeCloseTo(0.2, 12);
    const [pc1, pc2] = pca.components!;
    // Sign convention: the largest-magnitude entry of each component is positive.
    expect(pc1![0]).toBeCloseTo(c, 12);
    expect(pc1![1]).toBeCloseTo(s, 12);
    expect(pc2![0]).toBeCloseTo(-s, 12);
    expect(pc2![1]).toBeCloseTo(c, 12);
    // Projections of the original cross: (±2, 0) and (0, ±1).
    const z = featureRows(pca.transform(x));
    base.forEach((row, i) => row.forEach((v, j) => expect(z[i]![j]).toBeCloseTo(v, 12)));
  });

  it('gives scikit-learn\'s explained-variance ratios for Iris', () => {
    const iris = loadDataset('iris');
    const pca = new PCA().fit(iris.features);
    const published = [0.92461872, 0.05306648, 0.01710261, 0.00521218];
    published.forEach((r, i) => expect(pca.explainedVarianceRatio![i]).toBeCloseTo(r, 8));
    // scikit-learn's first component for Iris (components_[0]).
    [0.36138659, -0.08452251, 0.85667061, 0.3582892].forEach((v, j) => expect(pca.components![0]![j]).toBeCloseTo(v, 7));
  });

  it('keeps the fewest components whose cumulative ratio exceeds a fraction', () => {
    const iris = loadDataset('iris');
    expect(new PCA({ nComponents: 0.95 }).fit(iris.features).nFeaturesOut).toBe(2); // 0.9246 + 0.0531 = 0.9777
    expect(new PCA({ nComponents: 0.9 }).fit(iris.features).nFeaturesOut).toBe(1);
    expect(new PCA({ nComponents: 3 }).fit(iris.features).nFeaturesOut).toBe(3);
    expect(() => new PCA({ nComponents: 5 }).fit(iris.features)).toThrow(/at most min\(rows, features\) = 4/);
  });

  it('whitens to unit variance and inverts exactly with all components', () => {
    const wine = loadDataset('wine');
    const pca = new PCA({ nComponents: 3, whiten: true }).fit(wine.features);
    const z = pca.transform(wine.features);
    for (let j = 0; j < 3; j++) expect(sampleVariance(featureColumn(z, j))).toBeCloseTo(1, 10);
    const full = new PCA().fit(wine.features);
    const back = full.inverseTransform(full.transform(wine.features));
    for (let k = 0; k < back.data.length; k++) expect(Math.abs((back.data[k] as number) - (wine.features.data[k] as number))).toBeLessThan(1e-9);
  });

  it('has orthonormal components when there are fewer rows than features', () => {
    const x = [
      [1, 0, 2, 5, 1],
      [0, 3, 1, 1, 4],
      [2, 2, 0, 3, 3],
    ];
    const pca = new PCA().fit(x);
    const comps = pca.components!;
    expect(comps.length).toBeLessThanOrEqual(3);
    for (let a = 0; a < 2; a++) {
      for (let b = 0; b < 2; b++) {
        const dot = comps[a]!.reduce((s, v, j) => s + v * comps[b]![j]!, 0);
        expect(dot).toBeCloseTo(a === b ? 1 : 0, 10);
      }
    }
    // Two components carry all the variance of three centred points.
    expect(pca.explainedVarianceRatio![0]! + pca.explainedVarianceRatio![1]!).toBeCloseTo(1, 10);
  });

  it('needs at least two rows', () => {
    expect(() => new PCA().fit([[1, 2]])).toThrow(InputError);
  });
});
