/**
 * The training loop: seeded minibatches (the order of epoch e depends only on the seed and
 * e, so a resumed run repeats an uninterrupted one exactly), an optimizer, optional
 * validation split and early stopping (restoring the best parameters), callbacks for
 * progress, and checkpoints that carry everything needed to resume.
 */
import { InputError, UsageError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import type { QnnExecutor } from './gradients/executor.js';
import type { GradientMethod } from './gradients/vjp.js';
import type { LossKind } from './losses.js';
import { argmaxRows, classificationMetrics } from './metrics.js';
import type { HybridModel, StepResult } from './model.js';
import { Optimizer, type OptimizerSpec, type OptimizerState } from './optimizers.js';

export interface EarlyStopping {
  readonly patience: number;
  readonly monitor?: 'val_loss' | 'val_accuracy' | 'loss';
  readonly minDelta?: number;
  /** Restore the parameters of the best epoch at the end (default true). */
  readonly restoreBest?: boolean;
}

export interface EpochRecord {
  readonly epoch: number;
  readonly loss: number;
  readonly accuracy: number;
  readonly valLoss?: number;
  readonly valAccuracy?: number;
  readonly learningRate?: number;
  readonly seconds: number;
}

/** Everything needed to resume training after an interruption. */
export interface Checkpoint {
  readonly format: 'qmlsec-checkpoint';
  readonly version: 1;
  /** Epochs completed. */
  readonly epoch: number;
  readonly params: number[];
  readonly optimizer: OptimizerState;
  readonly best: { readonly epoch: number; readonly value: number; readonly params: number[] } | null;
  readonly sinceBest: number;
  readonly history: EpochRecord[];
  readonly evaluations: number;
}

export interface TrainCallbacks {
  onEpochEnd?(record: EpochRecord, model: HybridModel): void;
  onBatchEnd?(info: { epoch: number; batch: number; batches: number; loss: number }): void;
  /** Called after every epoch with a checkpoint (e.g. to write it to disk). */
  onCheckpoint?(checkpoint: Checkpoint): void | Promise<void>;
}

/** One minibatch, as the step hook sees it. */
export interface BatchContext {
  readonly epoch: number;
  readonly index: number;
  /** True for the first minibatch of this run (after a resume too). */
  readonly first: boolean;
  readonly seed: number;
  readonly features: readonly ArrayLike<number>[];
  readonly encodedInputs: readonly Float64Array[];
  readonly labels: Int32Array;
  /** The gradient method asked for (undefined: the model's default for the executor). */
  readonly method?: GradientMethod;
}

/**
 * Replaceable parts of the loop: how a minibatch's loss and gradient are computed, how the
 * update is applied, how validation is evaluated. The cloud room runs the same loop through a
 * QMLaaS pipeline by supplying these; the defaults use `executor` directly.
 */
export interface TrainHooks {
  step?(batch: BatchContext): StepResult | Promise<StepResult>;
  update?(args: { optimizer: Optimizer; gradient: Float64Array; epoch: number; first: boolean }): void | Promise<void>;
  validate?(args: { features: readonly ArrayLike<number>[]; encodedInputs: readonly Float64Array[]; labels: ArrayLike<number>; seed: number; epoch: number }): { loss: number; probabilities: Float64Array } | Promise<{ loss: number; probabilities: Float64Array }>;
}

export interface TrainOptions {
  /** Where circuits run (needed unless `hooks` provide step and validation). */
  readonly executor?: QnnExecutor;
  readonly hooks?: TrainHooks;
  readonly epochs: number;
  /** Default: the whole training set (full batch). */
  readonly batchSize?: number;
  readonly optimizer: OptimizerSpec;
  readonly loss?: LossKind;
  /** Huber δ when loss is `huber` (default 1). */
  readonly huberDelta?: number;
  /** Default: adjoint on the exact statevector, SPSA with the SPSA optimizer, else parameter shift. */
  readonly gradient?: GradientMethod;
  readonly seed?: number;
  /** Validation set (preprocessed features + labels). */
  readonly validation?: { readonly features: readonly ArrayLike<number>[]; readonly labels: ArrayLike<number> };
  readonly earlyStopping?: EarlyStopping;
  readonly callbacks?: TrainCallbacks;
  readonly resumeFrom?: Checkpoint;
}

export interface TrainResult {
  readonly history: readonly EpochRecord[];
  readonly epochs: number;
  readonly bestEpoch: number | undefined;
  readonly stoppedEarly: boolean;
  readonly seconds: number;
  /** Circuit batch executions, for cost accounting. */
  readonly evaluations: number;
}

/** Trains `model` in place on preprocessed features. */
export async function train(model: HybridModel, features: readonly ArrayLike<number>[], labels: ArrayLike<number>, o: TrainOptions): Promise<TrainResult> {
  const t0 = performance.now();
  const n = features.length;
  if (n === 0) throw new InputError('the training set is empty', 'SHAPE');
  if (labels.length !== n) throw new InputError(`${n} training rows but ${labels.length} labels`, 'SHAPE');
  if (!Number.isInteger(o.epochs) || o.epochs < 0) throw new UsageError(`epochs must be a non-negative integer, got ${o.epochs}`);
  const batchSize = o.batchSize ?? n;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new UsageError(`batch size must be a positive integer, got ${batchSize}`);
  const seed = o.seed ?? 0;
  const encoded = model.qnn.encode(features);
  const valEncoded = o.validation ? model.qnn.encode(o.validation.features) : undefined;
  const resume = o.resumeFrom;
  if (resume) {
    if (resume.params.length !== model.numParams) throw new InputError(`the checkpoint has ${resume.params.length} parameters; the model has ${model.numParams}`, 'CHECKPOINT');
    model.params.set(resume.params);
  }
  const optimizer = new Optimizer(o.optimizer, resume ? structuredClone(resume.optimizer) : undefined);
  const executor = o.executor;
  const needExecutor = (what: string): QnnExecutor => {
    if (!executor) throw new UsageError(`training needs an executor (or a ${what} hook)`);
    return executor;
  };
  const stepHook = o.hooks?.step ?? ((b: BatchContext) => model.step(b.features, b.labels, needExecutor('step'), {
    ...(o.loss ? { loss: o.loss } : {}), ...(b.method ? { method: b.method } : {}), encodedInputs: b.encodedInputs, seed: b.seed,
    ...(o.huberDelta !== undefined ? { huberDelta: o.huberDelta } : {}),
    ...(o.optimizer.kind === 'spsa' ? { spsaStep: optimizer.spsaPerturbation() } : {}),
  }));
  const validateHook = o.hooks?.validate ?? ((v: { features: readonly ArrayLike<number>[]; encodedInputs: readonly Float64Array[]; labels: ArrayLike<number>; seed: number }) =>
    model.evaluate(v.features, v.labels, needExecutor('validate'), { ...(o.loss ? { loss: o.loss } : {}), encodedInputs: v.encodedInputs, seed: v.seed }));
  const method = o.gradient ?? (o.optimizer.kind === 'spsa' ? 'spsa' : undefined);
  const history: EpochRecord[] = resume ? [...resume.history] : [];
  let best = resume?.best ? { ...resume.best, params: [...resume.best.params] } : null;
  let sinceBest = resume?.sinceBest ?? 0;
  let evaluations = resume?.evaluations ?? 0;
  const monitor = o.earlyStopping?.monitor ?? (o.validation ? 'val_loss' : 'loss');
  if ((monitor === 'val_loss' || monitor === 'val_accuracy') && o.earlyStopping && !o.validation) {
    throw new UsageError(`early stopping on ${monitor} needs a validation set`);
  }
  let stoppedEarly = false;
  const startEpoch = resume?.epoch ?? 0;
  const C = model.classes.length;
  for (let epoch = startEpoch; epoch < o.epochs; epoch++) {
    const te = performance.now();
    const order = new Rng(`${seed}:epoch:${epoch}`).permutation(n);
    const batches = Math.ceil(n / batchSize);
    let lossSum = 0;
    const predicted = new Int32Array(n);
    const seen = new Int32Array(n);
    for (let k = 0; k < batches; k++) {
      const idx = order.slice(k * batchSize, Math.min(n, (k + 1) * batchSize));
      const bf = idx.map((i) => features[i] as ArrayLike<number>);
      const be = idx.map((i) => encoded[i] as Float64Array);
      const bl = Int32Array.from(idx, (i) => labels[i] as number);
      const first = epoch === startEpoch && k === 0;
      const r = await stepHook({ epoch, index: k, first, seed: batchSeed(seed, epoch, k), features: bf, encodedInputs: be, labels: bl, ...(method ? { method } : {}) });
      evaluations += r.evaluations;
      if (!Number.isFinite(r.loss)) throw new InputError(`the loss became ${r.loss} at epoch ${epoch + 1}; lower the learning rate`, 'DIVERGED');
      lossSum += r.loss * idx.length;
      const pred = argmaxRows(r.probabilities, idx.length, C);
      idx.forEach((i, j) => {
        predicted[i] = pred[j] as number;
        seen[i] = 1;
      });
      if (o.hooks?.update) await o.hooks.update({ optimizer, gradient: r.gradient, epoch, first });
      else optimizer.step(model.params, r.gradient, epoch);
      if (!model.params.every(Number.isFinite) || !r.gradient.every(Number.isFinite)) {
        throw new InputError(`training diverged at epoch ${epoch + 1} (parameters are no longer finite); lower the learning rate`, 'DIVERGED');
      }
      o.callbacks?.onBatchEnd?.({ epoch, batch: k, batches, loss: r.loss });
    }
    const train = classificationMetrics(labels, predicted, C);
    let record: EpochRecord = { epoch: epoch + 1, loss: lossSum / n, accuracy: train.accuracy, seconds: (performance.now() - te) / 1000 };
    if (o.validation && valEncoded) {
      const v = await validateHook({ features: o.validation.features, encodedInputs: valEncoded, labels: o.validation.labels, seed: batchSeed(seed, epoch, -1), epoch });
      evaluations += 1;
      const vm = classificationMetrics(o.validation.labels, argmaxRows(v.probabilities, o.validation.labels.length, C), C);
      record = { ...record, valLoss: v.loss, valAccuracy: vm.accuracy };
    }
    history.push(record);
    if (o.earlyStopping) {
      const value = monitor === 'val_accuracy' ? -(record.valAccuracy as number) : monitor === 'val_loss' ? (record.valLoss as number) : record.loss;
      if (!best || value < best.value - (o.earlyStopping.minDelta ?? 0)) {
        best = { epoch: epoch + 1, value, params: Array.from(model.params) };
        sinceBest = 0;
      } else sinceBest++;
    }
    o.callbacks?.onEpochEnd?.(record, model);
    if (o.callbacks?.onCheckpoint) {
      await o.callbacks.onCheckpoint({
        format: 'qmlsec-checkpoint', version: 1, epoch: epoch + 1, params: Array.from(model.params), optimizer: structuredClone(optimizer.state),
        best, sinceBest, history: [...history], evaluations,
      });
    }
    if (o.earlyStopping && sinceBest >= o.earlyStopping.patience) {
      stoppedEarly = true;
      break;
    }
  }
  if (o.earlyStopping && best && (o.earlyStopping.restoreBest ?? true)) model.params.set(best.params);
  return { history, epochs: history.length, bestEpoch: best?.epoch, stoppedEarly, seconds: (performance.now() - t0) / 1000, evaluations };
}

/** The seed of minibatch `batch` of epoch `epoch` (−1: validation) for a run seeded `seed`. */
export function batchSeed(seed: number, epoch: number, batch: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 31) + Math.imul(epoch + 1, 0x85ebca6b) + Math.imul(batch + 2, 0xc2b2ae35)) >>> 0;
}
