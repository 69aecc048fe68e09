/**
 * The training loop of `qml/trainer.ts` (the same function, through its hooks), run through a
 * pipeline: the same seeded minibatch order, per-batch seeds, optimiser, validation, early
 * stopping and checkpoints (so a deployment on an ideal cloud reproduces `trainFromSpec`), but
 * each minibatch's circuits go out as cloud jobs,
 * the gradient party (S5) computes loss and gradients, the optimiser party (S6) updates the
 * parameters, and the messages between them cross trust boundaries:
 *
 * - S5: before its first gradient the gradient party receives the labels (from the data owner)
 *   and the initial parameters (from the designer) — the head's weights enter the loss;
 * - S6: gradients go to the optimiser (when it is another party; it then also receives the
 *   initial parameters), and updated parameters go back to the designer, who binds them into
 *   the next circuits, and to the gradient party when it is another party.
 *
 * Executing quantum clouds take turns by minibatch. The virtual clock moves to the completion of
 * each minibatch's last job.
 */
import { UsageError } from '../core/errors.js';
import type { GradientMethod } from '../qml/gradients/vjp.js';
import type { LossKind } from '../qml/losses.js';
import type { HybridModel } from '../qml/model.js';
import type { OptimizerSpec } from '../qml/optimizers.js';
import { train, type Checkpoint, type EarlyStopping, type EpochRecord, type TrainResult } from '../qml/trainer.js';
import type { JobResult } from './job.js';
import type { DeploymentPipeline } from './pipeline.js';

/** Options of {@link trainThroughPipeline} (the trainer's, minus the executor). */
export interface PipelineTrainOptions {
  readonly epochs: number;
  readonly batchSize?: number;
  readonly optimizer: OptimizerSpec;
  readonly loss?: LossKind;
  readonly gradient?: GradientMethod;
  readonly seed?: number;
  readonly validation?: { readonly features: readonly ArrayLike<number>[]; readonly labels: ArrayLike<number> };
  readonly earlyStopping?: EarlyStopping;
  readonly onEpochEnd?: (record: EpochRecord) => void;
  readonly onCheckpoint?: (checkpoint: Checkpoint) => void | Promise<void>;
  readonly resumeFrom?: Checkpoint;
}

/** Moves the pipeline's clock to the completion of the last of `jobs`. */
export function awaitJobs(pipeline: DeploymentPipeline, jobs: readonly JobResult[]): void {
  for (const j of jobs) pipeline.clock.advanceTo(j.metadata.finished_at_s);
}

/** Trains `model` in place on preprocessed features, through `pipeline` (see the module comment). */
export async function trainThroughPipeline(
  pipeline: DeploymentPipeline, model: HybridModel, features: readonly ArrayLike<number>[], labels: ArrayLike<number>, o: PipelineTrainOptions,
): Promise<TrainResult> {
  if (o.gradient === 'adjoint') throw new UsageError('adjoint differentiation needs the statevector on the client; through a quantum cloud use parameter-shift, finite-difference or spsa');
  const { roles } = pipeline;
  const s5 = pipeline.classical(roles.gradients);
  const s6 = pipeline.classical(roles.optimizer);
  const routes = roles.routes.length;
  const batches = Math.ceil(features.length / (o.batchSize ?? Math.max(1, features.length)));
  return train(model, features, labels, {
    epochs: o.epochs,
    ...(o.batchSize !== undefined ? { batchSize: o.batchSize } : {}),
    optimizer: o.optimizer,
    ...(o.loss ? { loss: o.loss } : {}),
    ...(o.gradient ? { gradient: o.gradient } : {}),
    ...(o.seed !== undefined ? { seed: o.seed } : {}),
    ...(o.validation ? { validation: o.validation } : {}),
    ...(o.earlyStopping ? { earlyStopping: o.earlyStopping } : {}),
    ...(o.resumeFrom ? { resumeFrom: o.resumeFrom } : {}),
    callbacks: {
      ...(o.onEpochEnd ? { onEpochEnd: (r: EpochRecord) => o.onEpochEnd?.(r) } : {}),
      ...(o.onCheckpoint ? { onCheckpoint: o.onCheckpoint } : {}),
    },
    hooks: {
      step: async (b) => {
        const executor = pipeline.executor((b.epoch * batches + b.index) % routes, 'training');
        const { step, jobs } = await s5.gradients({
          model, features: b.features, encodedInputs: b.encodedInputs, labels: b.labels, executor, seed: b.seed,
          ...(o.loss ? { loss: o.loss } : {}), ...(b.method ? { method: b.method } : {}),
        });
        awaitJobs(pipeline, jobs);
        if (b.first) {
          pipeline.send('S5', roles.owner, roles.gradients, ['labels'], null, 'labels for the loss');
          pipeline.send('S5', roles.designer, roles.gradients, ['trained-weights'], null, 'initial parameters (the head weights enter the loss)');
        }
        return step;
      },
      update: ({ optimizer, gradient, epoch, first }) => {
        pipeline.send('S6', roles.gradients, roles.optimizer, ['gradients'], null, 'gradients of the minibatch');
        if (first) pipeline.send('S6', roles.designer, roles.optimizer, ['trained-weights'], null, 'initial parameters to update');
        s6.optimize({ optimizer, params: model.params, gradient, epoch });
        pipeline.send('S6', roles.optimizer, roles.designer, ['trained-weights'], null, 'updated parameters for the next iteration');
        pipeline.send('S6', roles.optimizer, roles.gradients, ['trained-weights'], null, 'updated parameters for the next loss');
      },
      validate: async (v) => {
        const r = await s5.evaluate({
          model, features: v.features, encodedInputs: v.encodedInputs, labels: v.labels, executor: pipeline.executor(0, 'training'), seed: v.seed,
          ...(o.loss ? { loss: o.loss } : {}),
        });
        awaitJobs(pipeline, r.jobs);
        return { loss: r.loss, probabilities: r.probabilities };
      },
    },
  });
}
