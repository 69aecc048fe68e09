/** The contract between the queue and the code that does a job's work. */
import type { ClaimedJob } from './job-store-port.js';

/** What a running handler can do besides its work. */
export interface JobContext {
  /** The worker identity holding the job's lease (needed to complete it). */
  readonly owner: string;
  /** Aborted when the lease is lost or the queue shuts down: stop as soon as possible. */
  readonly signal: AbortSignal;
  /** Records progress in 0..1 (written with the next heartbeat). */
  reportProgress(progress: number): void;
  /**
   * Durably stores a checkpoint; a later attempt receives it as `job.checkpoint`. Rejects
   * with {@link LeaseLostError} when this worker no longer owns the job.
   */
  saveCheckpoint(checkpoint: unknown): Promise<void>;
}

/**
 * Does one attempt of a job. On success it must itself mark the job succeeded atomically
 * with storing its result (so a result never exists without its job being done, nor the
 * reverse), and throw {@link LeaseLostError} if that update finds it no longer owns the job.
 * Throwing an `InputError` fails the job at once (bad input does not improve on retry);
 * any other error is retried while attempts remain.
 */
export type JobHandler = (job: ClaimedJob, ctx: JobContext) => Promise<void>;

/** This worker no longer owns the job (its lease expired and another worker took it). */
export class LeaseLostError extends Error {
  constructor(jobId: string) {
    super(`lost the lease on job ${jobId}: another worker owns it now`);
    this.name = 'LeaseLostError';
  }
}
