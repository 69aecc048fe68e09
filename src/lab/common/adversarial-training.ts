/**
 * Adversarial training (ATLAS AML.M0003, Model Hardening) in Madry et al.'s form at epoch
 * granularity, as a fine-tuning of an already trained model (as in Wendlinger et al.'s
 * retraining): every epoch, PGD examples are crafted against the current parameters for every
 * training row, and the model trains one epoch on the clean rows plus their adversarial
 * copies (qml's training loop, resumed from its own checkpoint so the optimizer state carries
 * over). Costs are counted in circuit executions per input row (forward + adjoint backward of
 * one row), the unit that compares training and attack work.
 */
import { InputError } from '../../core/errors.js';
import type { HybridModel } from '../../qml/model.js';
import type { OptimizerSpec } from '../../qml/optimizers.js';
import { simulatorExecutor } from '../../qml/runner.js';
import { train, type Checkpoint } from '../../qml/trainer.js';
import { pgd, type PerturbationBox, type PgdOptions } from './adversarial.js';
import { hybridClassifier } from './classifier.js';

/** Settings of {@link adversarialFineTune}. */
export interface AdversarialTrainingOptions {
  readonly epochs: number;
  readonly batchSize: number;
  readonly optimizer: OptimizerSpec;
  /** The attack the model is hardened against. */
  readonly pgd: PgdOptions;
  readonly box: PerturbationBox;
  readonly seed: number;
}

/** What hardening cost. */
export interface AdversarialTrainingCost {
  readonly epochs: number;
  readonly seconds: number;
  /** Row executions of the training steps. */
  readonly trainingExecutions: number;
  /** Row executions of crafting the PGD examples. */
  readonly attackExecutions: number;
}

/** Row executions of `batches` training batch evaluations over `n` rows in batches of `batchSize`. */
export function rowExecutions(batches: number, n: number, batchSize: number): number {
  return (batches * n) / Math.ceil(n / batchSize);
}

/** Fine-tunes `model` in place on clean + PGD rows for `o.epochs` epochs. */
export async function adversarialFineTune(model: HybridModel, rows: readonly (readonly number[])[], labels: ArrayLike<number>, o: AdversarialTrainingOptions): Promise<AdversarialTrainingCost> {
  if (!Number.isInteger(o.epochs) || o.epochs < 1) throw new InputError(`adversarial training needs at least one epoch, got ${o.epochs}`, 'BUDGET');
  if (rows.length === 0) throw new InputError('adversarial training needs training rows', 'SHAPE');
  const t0 = performance.now();
  const executor = simulatorExecutor('statevector');
  const clf = hybridClassifier(model, executor);
  const doubled = Int32Array.from({ length: 2 * rows.length }, (_, i) => labels[i % rows.length] as number);
  let checkpoint: Checkpoint | undefined;
  let batches = 0;
  let trainingExecutions = 0;
  let attackExecutions = 0;
  for (let e = 0; e < o.epochs; e++) {
    const adv = pgd(clf, rows, labels, o.pgd, o.box);
    attackExecutions += adv.executions;
    const features = model.features([...rows, ...adv.rows] as number[][]);
    const r = await train(model, features, doubled, {
      executor, epochs: e + 1, batchSize: o.batchSize, optimizer: o.optimizer, seed: o.seed,
      ...(checkpoint ? { resumeFrom: checkpoint } : {}),
      callbacks: { onCheckpoint: (c) => void (checkpoint = c) },
    });
    trainingExecutions += rowExecutions(r.evaluations - batches, doubled.length, o.batchSize);
    batches = r.evaluations;
  }
  return { epochs: o.epochs, seconds: (performance.now() - t0) / 1000, trainingExecutions, attackExecutions };
}
