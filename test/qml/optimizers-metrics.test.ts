/**
 * Optimizers against PyTorch's update formulas computed by hand, learning-rate schedules
 * against their closed forms (PyTorch StepLR / ExponentialLR / CosineAnnealingLR), SPSA gains
 * against Spall (1998); metrics against scikit-learn's documented examples.
 */
import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../src/core/errors.js';
import { argmaxRows, classificationMetrics } from '../../src/qml/metrics.js';
import { Optimizer, type OptimizerSpec, scheduledRate } from '../../src/qml/optimizers.js';
import { maxDiff } from './helpers/dense.js';

const g1 = Float64Array.of(0.5, -2, 0, 1e-3);
const g2 = Float64Array.of(-0.25, -1, 3, 1e-3);
const p0 = Float64Array.of(1, 2, 3, 4);

function run(spec: OptimizerSpec, grads: Float64Array[]): Float64Array {
  const o = new Optimizer(spec);
  const p = Float64Array.from(p0);
  grads.forEach((g) => o.step(p, g, 0));
  return p;
}

describe('optimizers (PyTorch formulas)', () => {
  it('SGD: p ← p − lr·g', () => {
    expect(maxDiff(run({ kind: 'sgd', lr: 0.3 }, [g1]), Array.from(p0, (v, i) => v - 0.3 * g1[i]!))).toBeLessThan(1e-15);
  });

  it('momentum: b₁ = g₁, b₂ = μ·b₁ + g₂, p ← p − lr·b (torch.optim.SGD, dampening 0)', () => {
    const [lr, mu] = [0.1, 0.8];
    const expected = Array.from(p0, (v, i) => v - lr * g1[i]! - lr * (mu * g1[i]! + g2[i]!));
    expect(maxDiff(run({ kind: 'momentum', lr, momentum: mu }, [g1, g2]), expected)).toBeLessThan(1e-15);
  });

  it('Adam, first step: every parameter moves by lr·g/(|g| + ε), i.e. lr·sign(g)', () => {
    const lr = 0.05;
    const p = run({ kind: 'adam', lr }, [g1]);
    for (let i = 0; i < 4; i++) {
      expect(p[i]).toBeCloseTo(p0[i]! - (lr * g1[i]!) / (Math.abs(g1[i]!) + 1e-8), 15);
      if (g1[i] !== 0) expect(Math.abs(p[i]! - p0[i]!)).toBeCloseTo(lr, 6);
    }
  });

  /** Adam / AMSGrad by hand (torch.optim.Adam with amsgrad false / true). */
  function adamByHand(lr: number, b1: number, b2: number, eps: number, grads: Float64Array[], ams: boolean): number[] {
    const p = Array.from(p0);
    const m = [0, 0, 0, 0];
    const v = [0, 0, 0, 0];
    const vMax = [0, 0, 0, 0];
    grads.forEach((g, k) => {
      const t = k + 1;
      for (let i = 0; i < 4; i++) {
        m[i] = b1 * m[i]! + (1 - b1) * g[i]!;
        v[i] = b2 * v[i]! + (1 - b2) * g[i]! ** 2;
        vMax[i] = Math.max(vMax[i]!, v[i]!);
        const denom = Math.sqrt((ams ? vMax[i]! : v[i]!) / (1 - b2 ** t)) + eps;
        p[i] = p[i]! - (lr / (1 - b1 ** t)) * (m[i]! / denom);
      }
    });
    return p;
  }

  it('Adam and AMSGrad over three steps, with non-default betas', () => {
    const g3 = Float64Array.of(0.01, 0.01, 0.01, 0.01); // small: v shrinks, AMSGrad keeps the max
    const spec = { lr: 0.02, beta1: 0.8, beta2: 0.9, epsilon: 1e-6 };
    const adam = run({ kind: 'adam', ...spec }, [g1, g2, g3]);
    const ams = run({ kind: 'amsgrad', ...spec }, [g1, g2, g3]);
    expect(maxDiff(adam, adamByHand(0.02, 0.8, 0.9, 1e-6, [g1, g2, g3], false))).toBeLessThan(1e-14);
    expect(maxDiff(ams, adamByHand(0.02, 0.8, 0.9, 1e-6, [g1, g2, g3], true))).toBeLessThan(1e-14);
    expect(maxDiff(adam, ams)).toBeGreaterThan(1e-4);
  });

  it('SPSA gains (Spall 1998): a_k = a/(k + 1 + A)^α, c_k = c/(k + 1)^γ with α = 0.602, γ = 0.101', () => {
    const o = new Optimizer({ kind: 'spsa', lr: 0.2 });
    expect(o.spsaPerturbation()).toBeCloseTo(0.1, 15);
    const p = Float64Array.from(p0);
    o.step(p, g1, 0);
    expect(maxDiff(p, Array.from(p0, (v, i) => v - (0.2 / 11 ** 0.602) * g1[i]!))).toBeLessThan(1e-15);
    expect(o.spsaPerturbation()).toBeCloseTo(0.1 / 2 ** 0.101, 15);
    const custom = new Optimizer({ kind: 'spsa', spsa: { a: 1, c: 0.3, A: 0, alpha: 1, gamma: 0.5 } });
    custom.step(p, g1, 0);
    custom.step(p, g1, 0);
    expect(custom.spsaPerturbation()).toBeCloseTo(0.3 / Math.sqrt(3), 15);
  });

  it('optimizer state is plain data: resuming from its JSON continues exactly', () => {
    const spec: OptimizerSpec = { kind: 'amsgrad', lr: 0.03 };
    const whole = run(spec, [g1, g2, g1]);
    const first = new Optimizer(spec);
    const p = Float64Array.from(p0);
    first.step(p, g1, 0);
    first.step(p, g2, 0);
    const resumed = new Optimizer(spec, JSON.parse(JSON.stringify(first.state)));
    resumed.step(p, g1, 0);
    expect(Array.from(p)).toEqual(Array.from(whole));
  });

  it('bad optimizer specs are refused', () => {
    expect(() => new Optimizer({ kind: 'lbfgs' } as unknown as OptimizerSpec)).toThrow(/known: sgd, momentum, adam, amsgrad, spsa/);
    expect(() => new Optimizer({ kind: 'adam', lr: 0 })).toThrow(UsageError);
    expect(() => new Optimizer({ kind: 'sgd', lr: Number.NaN })).toThrow(/learning rate/);
  });
});

describe('learning-rate schedules', () => {
  it('step, exponential and cosine follow their closed forms; the schedule reaches the update', () => {
    expect([0, 2, 3, 5, 6].map((e) => scheduledRate(0.1, { kind: 'step', every: 3, factor: 0.5 }, e))).toEqual([0.1, 0.1, 0.05, 0.05, 0.025]);
    expect(scheduledRate(0.2, { kind: 'exponential', gamma: 0.9 }, 4)).toBeCloseTo(0.2 * 0.9 ** 4, 15);
    const cos = { kind: 'cosine', total: 10, min: 0.01 } as const;
    expect(scheduledRate(0.1, cos, 0)).toBeCloseTo(0.1, 15);
    expect(scheduledRate(0.1, cos, 5)).toBeCloseTo(0.055, 15);
    expect(scheduledRate(0.1, cos, 10)).toBeCloseTo(0.01, 15);
    expect(scheduledRate(0.1, cos, 25)).toBeCloseTo(0.01, 15);
    expect(scheduledRate(0.1, { kind: 'constant' }, 99)).toBe(0.1);
    const o = new Optimizer({ kind: 'sgd', lr: 0.1, schedule: { kind: 'step', every: 2, factor: 0.1 } });
    const p = Float64Array.of(1);
    o.step(p, [1], 3);
    expect(p[0]).toBeCloseTo(1 - 0.01, 15);
  });
});

describe('metrics (scikit-learn documented examples)', () => {
  it('f1_score docstring: y_true [0,1,2,0,1,2], y_pred [0,2,1,0,0,1] → macro F1 0.2666…', () => {
    const m = classificationMetrics([0, 1, 2, 0, 1, 2], [0, 2, 1, 0, 0, 1], 3);
    expect(m.macroF1).toBeCloseTo(0.26666666666666666, 14);
    expect(m.accuracy).toBeCloseTo(2 / 6, 15);
    // A class absent from both truth and prediction is left out, as scikit-learn does by default.
    expect(classificationMetrics([0, 1, 2, 0, 1, 2], [0, 2, 1, 0, 0, 1], 5).macroF1).toBeCloseTo(0.26666666666666666, 14);
  });

  it('accuracy_score docstring: y_pred [0,2,1,3], y_true [0,1,2,3] → 0.5', () => {
    expect(classificationMetrics([0, 1, 2, 3], [0, 2, 1, 3], 4).accuracy).toBe(0.5);
  });

  it('confusion_matrix docstring: y_true [2,0,2,2,0,1], y_pred [0,0,2,2,0,2] → [[2,0,0],[0,0,1],[1,0,2]]', () => {
    const m = classificationMetrics([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2], 3);
    expect(m.confusion).toEqual([[2, 0, 0], [0, 0, 1], [1, 0, 2]]);
    // Per class F1 by hand: 0.8, 0, 2/3.
    expect(m.macroF1).toBeCloseTo((0.8 + 0 + 2 / 3) / 3, 14);
  });

  it('argmax takes the first of tied maxima (numpy.argmax)', () => {
    expect(Array.from(argmaxRows([0.2, 0.5, 0.5, 0.9, 0.1, 0.9], 2, 3))).toEqual([1, 0]);
  });

  // Regression (fixed): src/qml/metrics.ts classificationMetrics indexes confusion[y] without checking
  // 0 ≤ y < numClasses: a label or prediction out of range crashes with a TypeError
  // ("Cannot read properties of undefined") instead of a clear InputError naming the row.
  it('a label outside 0..C−1 is refused with an InputError naming the row', () => {
    expect(() => classificationMetrics([0, 3], [0, 0], 3)).toThrow(InputError);
    expect(() => classificationMetrics([0, 3], [0, 0], 3)).toThrow(/row 1|\[1\]/);
  });
});
