import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { computeLoss } from '../../src/qml/losses.js';
import { HybridModel } from '../../src/qml/model.js';
import { simulatorExecutor } from '../../src/qml/runner.js';
import { huberSoftTargetLoss, softTargetStep, trainOnSoftTargets } from '../../src/lab/common/soft-target-training.js';

const logits = Float64Array.from([0.3, -1.2, 2.0, 0.5, 0.1, -0.4]);

describe('the Huber soft-target loss', () => {
  it('equals qml\'s Huber loss (δ = 1) when the targets are one-hot labels', () => {
    const mine = huberSoftTargetLoss(logits, [0, 0, 1, 1, 0, 0], 2, 3, 1);
    const qml = computeLoss('huber', logits, [2, 0], 3);
    expect(mine.loss).toBeCloseTo(qml.loss, 12);
    Array.from(qml.gradient).forEach((g, i) => expect(mine.gradient[i]).toBeCloseTo(g, 12));
  });

  it('has the gradient of central differences, also in the linear (|r| > δ) regime', () => {
    const targets = [0.1, 0.1, 0.8, 0.0, 0.9, 0.1];
    const { gradient } = huberSoftTargetLoss(logits, targets, 2, 3, 0.3);
    const h = 1e-6;
    for (let i = 0; i < logits.length; i++) {
      const up = Float64Array.from(logits);
      const down = Float64Array.from(logits);
      up[i] = (up[i] as number) + h;
      down[i] = (down[i] as number) - h;
      const fd = (huberSoftTargetLoss(up, targets, 2, 3, 0.3).loss - huberSoftTargetLoss(down, targets, 2, 3, 0.3).loss) / (2 * h);
      expect(gradient[i]).toBeCloseTo(fd, 7);
    }
  });
});

describe('soft-target training of a hybrid model', () => {
  const model = () => {
    const m = new HybridModel({ qnn: { numQubits: 2, encoder: { kind: 'angle' }, ansatz: { kind: 'strongly_entangling', layers: 1 } }, head: 'linear', classes: ['a', 'b'] });
    m.initialize(new Rng(11));
    return m;
  };
  const features = [[0.1, 0.4], [1.2, 2.5], [2.9, 0.3], [0.7, 1.9]];
  const targets = Float64Array.from([0.9, 0.1, 0.2, 0.8, 0.7, 0.3, 0.1, 0.9]);
  const executor = simulatorExecutor('statevector');

  it('computes the parameter gradient of the loss (checked by central differences)', () => {
    const m = model();
    const encoded = m.qnn.encode(features);
    const step = softTargetStep(m, encoded, targets, executor, 0.5);
    const h = 1e-5;
    for (const i of [0, 3, m.qnn.numWeights, m.numParams - 1]) {
      const v = m.params[i] as number;
      m.params[i] = v + h;
      const up = softTargetStep(m, encoded, targets, executor, 0.5).loss;
      m.params[i] = v - h;
      const down = softTargetStep(m, encoded, targets, executor, 0.5).loss;
      m.params[i] = v;
      expect(step.gradient[i]).toBeCloseTo((up - down) / (2 * h), 6);
    }
  });

  it('lowers the loss when trained, and names a shape mismatch', () => {
    const m = model();
    const before = softTargetStep(m, m.qnn.encode(features), targets, executor, 0.5).loss;
    const r = trainOnSoftTargets(m, features, targets, { executor, epochs: 30, batchSize: 2, optimizer: { kind: 'adam', lr: 0.1 }, delta: 0.5, seed: 1 });
    expect(r.loss).toBeLessThan(before);
    expect(() => trainOnSoftTargets(m, features, targets.subarray(0, 6), { executor, epochs: 1, batchSize: 2, optimizer: { kind: 'adam' }, delta: 0.5, seed: 1 })).toThrow(/6 target values for 4 rows/);
  });
});
