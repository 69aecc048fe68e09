import { describe, expect, it } from 'vitest';
import { fgsm, pgd } from '../../src/lab/common/adversarial.js';
import { accuracyOf, ensembleClassifier, type DifferentiableClassifier } from '../../src/lab/common/classifier.js';

/** Logits (a·x, 0): p₀ = σ(a·x), and dCE/dx = (p₀ − [y = 0]) · a — derived by hand. */
function logistic(a: readonly number[]): DifferentiableClassifier {
  const p0 = (x: readonly number[]) => 1 / (1 + Math.exp(-x.reduce((s, v, j) => s + v * (a[j] as number), 0)));
  return {
    numClasses: 2,
    numFeatures: a.length,
    predictProba: (rows) => Float64Array.from(rows.flatMap((x) => [p0(x), 1 - p0(x)])),
    inputGradient: (rows, labels) => ({
      gradient: Float64Array.from(rows.flatMap((x, b) => a.map((aj) => (p0(x) - (labels[b] === 0 ? 1 : 0)) * aj))),
      executions: rows.length,
    }),
  };
}

describe('FGSM and PGD', () => {
  const clf = logistic([1, -2]);

  it('FGSM steps ε against the sign of the class score (hand-derived)', () => {
    // at x = 0, label 0: ∇ = −½·(1, −2) → sign (−1, +1)
    expect(fgsm(clf, [[0, 0]], [0], 0.1).rows).toEqual([[-0.1, 0.1]]);
    // per-feature scale and clipping to the box
    expect(fgsm(clf, [[0, 0]], [0], 0.1, { scale: [2, 3] }).rows[0]).toEqual([-0.2, expect.closeTo(0.3, 12)]);
    expect(fgsm(clf, [[0, 0.95]], [0], 0.1, { lower: 0, upper: 1 }).rows).toEqual([[0, 1]]);
    expect(fgsm(clf, [[0, 0]], [0], 0).executions).toBe(0);
  });

  it('PGD with one step of size ε is FGSM; more steps stay in the ε-ball and the box', () => {
    const x = [[0.3, 0.2], [0.9, 0.1]];
    expect(pgd(clf, x, [0, 1], { epsilon: 0.1, step: 0.1, iterations: 1 }).rows).toEqual(fgsm(clf, x, [0, 1], 0.1).rows);
    const r = pgd(clf, x, [0, 1], { epsilon: 0.05, step: 0.02, iterations: 10 }, { scale: [1, 2], lower: 0, upper: 1 });
    r.rows.forEach((row, b) => row.forEach((v, j) => {
      expect(Math.abs(v - (x[b]?.[j] as number))).toBeLessThanOrEqual(0.05 * (j === 0 ? 1 : 2) + 1e-12);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }));
    expect(r.executions).toBe(20); // 10 gradients of 2 rows
  });

  it('lowers accuracy monotonically in ε on a linear model', () => {
    const rows = Array.from({ length: 41 }, (_, i) => [i / 20 - 1, 0]);
    const labels = rows.map((r) => ((r[0] as number) > 0 ? 0 : 1));
    const acc = [0, 0.1, 0.3, 0.6].map((e) => accuracyOf(clf, pgd(clf, rows, labels, { epsilon: e, step: e / 4, iterations: 10 }).rows, labels));
    for (let i = 1; i < acc.length; i++) expect(acc[i]).toBeLessThanOrEqual(acc[i - 1] as number);
    expect(acc[0]).toBeGreaterThan(0.95);
  });

  it('attacks an ensemble through the mean of its members\' gradients', () => {
    const e = ensembleClassifier([logistic([1, -2]), logistic([3, -6])]);
    expect(fgsm(e, [[0, 0]], [0], 0.1).rows).toEqual([[-0.1, 0.1]]);
    expect(Array.from(e.predictProba([[0, 0]]))).toEqual([0.5, 0.5]);
  });

  it('rejects a negative ε or a fractional iteration count', () => {
    expect(() => fgsm(clf, [[0, 0]], [0], -0.1)).toThrow(/ε/);
    expect(() => pgd(clf, [[0, 0]], [0], { epsilon: 0.1, step: 0.01, iterations: 1.5 })).toThrow(/iterations/);
  });
});
