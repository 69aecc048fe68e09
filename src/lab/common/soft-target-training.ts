/**
 * Training a hybrid model to reproduce another model's answers (knowledge distillation): the
 * targets are probability vectors, not labels, and the loss is the Huber loss of the model's
 * softmax probabilities against them, L = mean_b Σ_c h_δ(p_bc − t_bc) with h_δ(r) = r²/2 for
 * |r| ≤ δ and δ(|r| − δ/2) beyond — quadratic for small disagreements, linear (so bounded in
 * influence) for answers far off, e.g. a label flipped by shot noise. This is QuantumLeak's
 * substitute loss (Fu et al., arXiv 2403.10790). qml's losses take integer labels, so the step
 * composes qml's pieces (encoder, VJP, head, softmax, optimizer) around a soft-target loss.
 */
import { InputError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import type { QnnExecutor } from '../../qml/gradients/executor.js';
import { vjp } from '../../qml/gradients/vjp.js';
import { softmax } from '../../qml/losses.js';
import type { HybridModel } from '../../qml/model.js';
import { Optimizer, type OptimizerSpec } from '../../qml/optimizers.js';

/** Loss value and parameter gradient of one soft-target batch. */
export interface SoftTargetStep {
  readonly loss: number;
  readonly gradient: Float64Array;
  readonly evaluations: number;
}

/** Huber loss of softmax(logits) against target rows, and its gradient w.r.t. the logits. */
export function huberSoftTargetLoss(logits: Float64Array, targets: ArrayLike<number>, B: number, C: number, delta: number): { loss: number; gradient: Float64Array } {
  const p = softmax(logits, B, C);
  const grad = new Float64Array(B * C);
  const dp = new Float64Array(C);
  let loss = 0;
  for (let b = 0; b < B; b++) {
    for (let c = 0; c < C; c++) {
      const r = (p[b * C + c] as number) - (targets[b * C + c] as number);
      if (Math.abs(r) <= delta) {
        loss += 0.5 * r * r;
        dp[c] = r;
      } else {
        loss += delta * (Math.abs(r) - 0.5 * delta);
        dp[c] = delta * Math.sign(r);
      }
    }
    let dot = 0;
    for (let c = 0; c < C; c++) dot += (dp[c] as number) * (p[b * C + c] as number);
    for (let c = 0; c < C; c++) grad[b * C + c] = ((p[b * C + c] as number) * ((dp[c] as number) - dot)) / B;
  }
  return { loss: loss / B, gradient: grad };
}

/** One gradient of the Huber soft-target loss on circuit-input rows (already encoded). */
export function softTargetStep(model: HybridModel, encoded: readonly Float64Array[], targets: ArrayLike<number>, executor: QnnExecutor, delta: number, seed = 0): SoftTargetStep {
  const B = encoded.length;
  const C = model.classes.length;
  if (targets.length !== B * C) throw new InputError(`${targets.length} target values for ${B} rows of ${C} classes`, 'SHAPE');
  const gradient = new Float64Array(model.numParams);
  const head = model.headParams;
  let loss = 0;
  const upstream = (q: Float64Array): Float64Array => {
    const r = huberSoftTargetLoss(model.head.forward(q, B, head), targets, B, C, delta);
    loss = r.loss;
    return model.head.backward(q, B, head, r.gradient, gradient.subarray(model.qnn.numWeights));
  };
  const method = executor.backend.name === 'statevector' && executor.shots === undefined ? 'adjoint' : 'parameter-shift';
  const g = vjp(method, { executor, circuit: model.qnn.circuit, observables: model.qnn.observables, inputs: encoded, weights: model.qnnWeights, upstream, seed });
  gradient.set(g.weights, 0);
  return { loss, gradient, evaluations: g.evaluations };
}

/** Options of {@link trainOnSoftTargets}. */
export interface SoftTargetTraining {
  readonly executor: QnnExecutor;
  readonly epochs: number;
  readonly batchSize: number;
  readonly optimizer: OptimizerSpec;
  /** Huber δ. */
  readonly delta: number;
  readonly seed: number;
}

/** Trains `model` in place on preprocessed feature rows and target probability rows (B × C). */
export function trainOnSoftTargets(model: HybridModel, features: readonly ArrayLike<number>[], targets: ArrayLike<number>, o: SoftTargetTraining): { loss: number; evaluations: number } {
  const n = features.length;
  const C = model.classes.length;
  if (n === 0) throw new InputError('the soft-target training set is empty', 'SHAPE');
  if (targets.length !== n * C) throw new InputError(`${targets.length} target values for ${n} rows of ${C} classes`, 'SHAPE');
  if (!(o.delta > 0)) throw new InputError(`the Huber δ must be positive, got ${o.delta}`, 'SPEC');
  const encoded = model.qnn.encode(features);
  const optimizer = new Optimizer(o.optimizer);
  let evaluations = 0;
  let loss = Number.NaN;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const order = new Rng(`${o.seed}:soft:${epoch}`).permutation(n);
    let sum = 0;
    for (let k = 0; k * o.batchSize < n; k++) {
      const idx = order.slice(k * o.batchSize, (k + 1) * o.batchSize);
      const t = new Float64Array(idx.length * C);
      idx.forEach((i, j) => {
        for (let c = 0; c < C; c++) t[j * C + c] = targets[i * C + c] as number;
      });
      const step = softTargetStep(model, idx.map((i) => encoded[i] as Float64Array), t, o.executor, o.delta, (o.seed + epoch * 7919 + k) >>> 0);
      evaluations += step.evaluations;
      if (!Number.isFinite(step.loss)) throw new InputError(`the soft-target loss became ${step.loss} at epoch ${epoch + 1}; lower the learning rate`, 'DIVERGED');
      sum += step.loss * idx.length;
      optimizer.step(model.params, step.gradient, epoch);
    }
    loss = sum / n;
  }
  return { loss, evaluations };
}
