import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../src/core/errors.js';
import { featureRow } from '../../src/data/feature-matrix.js';
import { LinearDiscriminantAnalysis } from '../../src/data/preprocess/lda.js';
import { loadDataset } from '../../src/data/registry.js';

describe('LinearDiscriminantAnalysis', () => {
  const iris = loadDataset('iris');
  const lda = new LinearDiscriminantAnalysis().fit(iris.features, iris.labels);
  const z = lda.transform(iris.features);

  it('gives scikit-learn\'s explained-variance ratios for Iris', () => {
    expect(lda.nFeaturesOut).toBe(2);
    expect(lda.explainedVarianceRatio![0]).toBeCloseTo(0.9912, 4);
    expect(lda.explainedVarianceRatio![1]).toBeCloseTo(0.0088, 4);
  });

  it('matches scikit-learn\'s transform of the first Iris sample up to sign', () => {
    // LinearDiscriminantAnalysis().fit(X, y).transform(X)[0] = [8.06179978, 0.30042062]
    const first = featureRow(z, 0);
    expect(Math.abs(first[0] as number)).toBeCloseTo(8.06179978, 6);
    expect(Math.abs(first[1] as number)).toBeCloseTo(0.30042062, 6);
  });

  it('whitens the pooled within-class covariance (denominator n − k) to the identity', () => {
    const k = 3;
    const n = iris.features.rows;
    const means = [0, 1, 2].map((c) => {
      const rows = Array.from(iris.labels).map((y, i) => [y, i] as const).filter(([y]) => y === c).map(([, i]) => i);
      return [0, 1].map((j) => rows.reduce((s, i) => s + (z.data[i * 2 + j] as number), 0) / rows.length);
    });
    const cov = [
      [0, 0],
      [0, 0],
    ];
    for (let i = 0; i < n; i++) {
      const m = means[iris.labels[i] as number]!;
      for (let a = 0; a < 2; a++) for (let b = 0; b < 2; b++) cov[a]![b]! += ((z.data[i * 2 + a] as number) - m[a]!) * ((z.data[i * 2 + b] as number) - m[b]!) / (n - k);
    }
    expect(cov[0]![0]).toBeCloseTo(1, 10);
    expect(cov[1]![1]).toBeCloseTo(1, 10);
    expect(cov[0]![1]).toBeCloseTo(0, 10);
  });

  it('separates the Iris classes (nearest class mean in LDA space ≥ 97 % correct)', () => {
    const means = [0, 1, 2].map((c) => {
      let a = 0, b = 0, m = 0;
      for (let i = 0; i < 150; i++) if (iris.labels[i] === c) { a += z.data[2 * i] as number; b += z.data[2 * i + 1] as number; m++; }
      return [a / m, b / m] as const;
    });
    let correct = 0;
    for (let i = 0; i < 150; i++) {
      const d = means.map(([a, b]) => ((z.data[2 * i] as number) - a) ** 2 + ((z.data[2 * i + 1] as number) - b) ** 2);
      if (d.indexOf(Math.min(...d)) === iris.labels[i]) correct++;
    }
    expect(correct / 150).toBeGreaterThanOrEqual(0.97);
    // Setosa is linearly far from the rest along the first discriminant.
    const setosa = means[0]![0];
    expect(Math.abs(setosa - means[1]![0])).toBeGreaterThan(5);
  });

  it('handles collinear features (Digits has constant pixels)', () => {
    const digits = loadDataset('digits');
    const d = new LinearDiscriminantAnalysis({ nComponents: 2 }).fit(digits.features, digits.labels);
    expect(d.nFeaturesOut).toBe(2);
    expect(d.explainedVarianceRatio!.length).toBe(9);
    expect(d.explainedVarianceRatio!.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(d.transform(digits.features).data.every(Number.isFinite)).toBe(true);
  });

  it('rejects missing labels, one class and too many components', () => {
    expect(() => new LinearDiscriminantAnalysis().fit(iris.features)).toThrow(UsageError);
    expect(() => new LinearDiscriminantAnalysis().fit([[1], [2], [3]], [0, 0, 0])).toThrow(/at least 2 classes/);
    expect(() => new LinearDiscriminantAnalysis({ nComponents: 3 }).fit(iris.features, iris.labels)).toThrow(/at most min\(classes − 1, features\) = 2/);
    expect(() => new LinearDiscriminantAnalysis().fit(iris.features, Array.from(iris.labels).slice(1))).toThrow(InputError);
  });
});
