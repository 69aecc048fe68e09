/**
 * Losses and the classical head: identities (softmax sums to 1, cross-entropy of a uniform
 * prediction is ln C, shift invariance), hand-computed values, and every gradient against
 * central finite differences.
 */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { Rng } from '../../src/core/rng.js';
import { Head } from '../../src/qml/head.js';
import { computeLoss, type LossKind, LOSS_KINDS, softmax } from '../../src/qml/losses.js';
import { maxDiff } from './helpers/dense.js';
import { centralGradient } from './helpers/numeric.js';

const rng = new Rng('qml-losses');
const B = 4;
const C = 3;
const logits = Float64Array.from({ length: B * C }, () => rng.normal(0, 2));
const labels = Int32Array.of(0, 2, 1, 2);

describe('softmax', () => {
  it('rows sum to 1, are positive, and are invariant to adding a constant per row', () => {
    const p = softmax(logits, B, C);
    for (let b = 0; b < B; b++) {
      const row = p.subarray(b * C, (b + 1) * C);
      expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 15);
      for (const v of row) expect(v).toBeGreaterThan(0);
    }
    const shifted = Float64Array.from(logits, (v, i) => v + (Math.floor(i / C) + 1) * 1000);
    expect(maxDiff(softmax(shifted, B, C), p)).toBeLessThan(1e-12);
  });

  it('softmax(0, ln 2, ln 3) = (1/6, 2/6, 3/6)', () => {
    expect(maxDiff(softmax(Float64Array.of(0, Math.LN2, Math.log(3)), 1, 3), [1 / 6, 2 / 6, 3 / 6])).toBeLessThan(1e-15);
  });
});

describe('losses', () => {
  it('cross-entropy of a uniform prediction is ln C', () => {
    for (const c of [2, 3, 10]) {
      const r = computeLoss('cross_entropy', new Float64Array(2 * c).fill(0.7), [0, c - 1], c);
      expect(r.loss).toBeCloseTo(Math.log(c), 14);
    }
  });

  it('hand-computed values: CE = −ln p_y, MSE = Σ_c (p_c − y_c)², Huber with δ', () => {
    const l = Float64Array.of(0, Math.LN2, Math.log(3)); // p = (1/6, 1/3, 1/2)
    expect(computeLoss('cross_entropy', l, [1], 3).loss).toBeCloseTo(Math.log(3), 14);
    expect(computeLoss('mse', l, [2], 3).loss).toBeCloseTo(1 / 36 + 1 / 9 + 1 / 4, 14);
    // Huber (PyTorch's HuberLoss form) with δ = 0.3: residuals 1/6, 1/3, −1/2.
    const hub = 0.5 * (1 / 6) ** 2 + 0.3 * (1 / 3 - 0.15) + 0.3 * (1 / 2 - 0.15);
    expect(computeLoss('huber', l, [2], 3, 0.3).loss).toBeCloseTo(hub, 14);
    // With δ = 1 every residual of a probability is in the quadratic zone: Huber = MSE / 2.
    expect(computeLoss('huber', l, [2], 3).loss).toBeCloseTo((1 / 36 + 1 / 9 + 1 / 4) / 2, 14);
  });

  it.each([
    ['cross_entropy', 1], ['mse', 1], ['huber', 1], ['huber', 0.2],
  ] as [LossKind, number][])('%s (δ = %f): gradient w.r.t. logits = central finite differences; probabilities are the softmax', (kind, delta) => {
    const r = computeLoss(kind, logits, labels, C, delta);
    const fd = centralGradient((z) => computeLoss(kind, z, labels, C, delta).loss, logits, 1e-6);
    expect(maxDiff(r.gradient, fd)).toBeLessThan(1e-8);
    expect(maxDiff(r.probabilities, softmax(logits, B, C))).toBeLessThan(1e-15);
  });

  it('cross-entropy stays finite for confident wrong predictions', () => {
    const r = computeLoss('cross_entropy', Float64Array.of(1000, -1000), [1], 2);
    expect(Number.isFinite(r.loss)).toBe(true);
    expect(r.loss).toBeGreaterThan(600);
  });

  it('unknown losses list the known ones', () => {
    expect(() => computeLoss('hinge' as LossKind, logits, labels, C)).toThrow(UsageError);
    expect(() => computeLoss('hinge' as LossKind, logits, labels, C)).toThrow(new RegExp(LOSS_KINDS.join(', ')));
  });
});

describe('linear head', () => {
  const K = 4;
  const q = Float64Array.from({ length: B * K }, () => rng.uniform(-1, 1));
  const head = new Head('linear', K, C);
  const theta = Float64Array.from({ length: head.numParams }, () => rng.normal());

  it('has C·K weights then C biases; logits = W·q + b by hand', () => {
    expect(head.numParams).toBe(C * K + C);
    const out = head.forward(q, B, theta);
    for (let b = 0; b < B; b++) {
      for (let c = 0; c < C; c++) {
        let s = theta[C * K + c] as number;
        for (let k = 0; k < K; k++) s += (theta[c * K + k] as number) * (q[b * K + k] as number);
        expect(out[b * C + c]).toBeCloseTo(s, 14);
      }
    }
  });

  it('backward = central finite differences of a scalar of the logits (w.r.t. θ and q)', () => {
    const g = Float64Array.from({ length: B * C }, () => rng.normal());
    const scalar = (l: Float64Array) => l.reduce((s, v, i) => s + v * (g[i] as number), 0);
    const gradTheta = new Float64Array(head.numParams);
    const dq = head.backward(q, B, theta, g, gradTheta);
    expect(maxDiff(gradTheta, centralGradient((t) => scalar(head.forward(q, B, t)), theta, 1e-6))).toBeLessThan(1e-8);
    expect(maxDiff(dq, centralGradient((qq) => scalar(head.forward(qq, B, theta)), q, 1e-6))).toBeLessThan(1e-8);
  });

  it('head "none" passes the QNN outputs through and has no parameters', () => {
    const none = new Head('none', C, C);
    expect(none.numParams).toBe(0);
    const qq = Float64Array.from({ length: B * C }, () => rng.normal());
    expect(Array.from(none.forward(qq, B, []))).toEqual(Array.from(qq));
    const g = Float64Array.from({ length: B * C }, () => rng.normal());
    expect(Array.from(none.backward(qq, B, [], g, new Float64Array(0)))).toEqual(Array.from(g));
  });
});
