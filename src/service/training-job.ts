/**
 * The job handler for `train` jobs: train (resuming from the checkpoint), verify the
 * artifact, then store the model version and mark the job succeeded in one transaction.
 */
import { LeaseLostError, type JobHandler } from '../queue/index.js';
import type { Store } from '../store/index.js';
import type { ModelRuntime } from './model-runtime.js';
import type { TrainingExecutor } from './training-executor.js';

/** The kind string of training jobs. */
export const TRAIN_JOB_KIND = 'train';

/** The stored request of a training job: the `POST /v1/models` body. */
export interface TrainJobRequest {
  readonly name?: string;
  readonly spec?: unknown;
  readonly deployment?: unknown;
}

/** Builds the handler; `onModel` is told about each stored model (to refresh caches). */
export function trainingJobHandler(deps: {
  readonly store: Pick<Store, 'transaction' | 'models' | 'jobs'>;
  readonly runtime: Pick<ModelRuntime, 'loadArtifact'>;
  readonly executor: TrainingExecutor;
  readonly onModel?: (modelId: string) => void;
}): JobHandler {
  return async (job, ctx) => {
    const body = job.request as TrainJobRequest;
    const request = body.spec !== undefined ? { spec: body.spec } : { deployment: body.deployment };
    const artifact = await deps.executor.train(request, {
      jobId: job.id,
      ...(job.checkpoint === null || job.checkpoint === undefined ? {} : { checkpoint: job.checkpoint }),
      signal: ctx.signal,
      onProgress: (p) => ctx.reportProgress(p),
      saveCheckpoint: (c) => ctx.saveCheckpoint(c),
    });
    const loaded = deps.runtime.loadArtifact(artifact);
    const modelId = await deps.store.transaction(async (tx) => {
      const version = await deps.store.models.register({
        name: body.name ?? loaded.name,
        checksum: loaded.checksum,
        artifact,
        metadata: loaded.metadata,
        source: `job:${job.id}`,
      }, tx);
      if (!(await deps.store.jobs.complete(tx, job.id, ctx.owner, version.modelId))) throw new LeaseLostError(job.id);
      return version.modelId;
    });
    deps.onModel?.(modelId);
  };
}
