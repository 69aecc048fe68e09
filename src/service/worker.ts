/** A BullMQ worker process (`qmlsec worker`): runs training jobs from Redis against PostgreSQL. */
import type { Logger } from 'pino';
import { UsageError } from '../core/errors.js';
import { BullMqWorker } from '../queue/index.js';
import type { Store } from '../store/index.js';
import type { ModelRuntime } from './model-runtime.js';
import { defaultLogger } from './service.js';
import { InlineTrainingExecutor, type TrainingExecutor } from './training-executor.js';
import { trainingJobHandler } from './training-job.js';

/** How to start a worker. */
export interface WorkerOptions {
  readonly store: Store;
  readonly runtime: ModelRuntime;
  readonly redisUrl: string;
  readonly executor?: TrainingExecutor;
  readonly concurrency?: number;
  readonly leaseMs?: number;
  readonly logger?: Logger;
}

/** Starts a worker; `stop()` interrupts running attempts (they are requeued) and disconnects. */
export async function startWorker(options: WorkerOptions): Promise<BullMqWorker> {
  if (options.store.db.kind !== 'postgres') {
    throw new UsageError('`qmlsec worker` needs DATABASE_URL (a PostgreSQL server shared with `qmlsec serve`); an embedded database cannot be shared between processes');
  }
  const logger = options.logger ?? defaultLogger();
  const executor = options.executor ?? new InlineTrainingExecutor(options.runtime);
  const handler = trainingJobHandler({ store: options.store, runtime: options.runtime, executor });
  const worker = new BullMqWorker({ redisUrl: options.redisUrl }, options.store.jobs, handler, {
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
    ...(options.leaseMs !== undefined ? { leaseMs: options.leaseMs } : {}),
    onOutcome: (job, outcome, error) => {
      const fields = { job, outcome, ...(error ? { error } : {}) };
      if (outcome === 'failed') logger.warn(fields, 'job failed');
      else logger.info(fields, 'job attempt finished');
    },
  });
  await worker.start();
  logger.info({ owner: worker.owner, database: options.store.description, executor: executor.kind }, 'worker started');
  return worker;
}
