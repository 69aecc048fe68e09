/** The queue as the service sees it: durable jobs are created in the store, then enqueued here. */
import type { JobOutcome } from './job-runner.js';

/** Which implementation runs the jobs. */
export type QueueKind = 'in-process' | 'bullmq';

/** A listener told about every finished attempt (for metrics and logs). */
export type OutcomeListener = (jobId: string, outcome: JobOutcome, error?: string) => void;

/** A job queue. Enqueueing an id twice is harmless: a job runs once at a time. */
export interface JobQueue {
  readonly kind: QueueKind;
  /** Recovers orphaned jobs and starts taking work. */
  start(): Promise<void>;
  /** Schedules job `id` (already stored as queued). */
  enqueue(id: string): Promise<void>;
  /** Jobs waiting or running (as last seen, for the queue-depth gauge). */
  depth(): number;
  /** Registers a listener for attempt outcomes (only where attempts run in this process). */
  onOutcome(listener: OutcomeListener): void;
  /** Stops: running attempts are interrupted and requeued (they resume from their checkpoint). */
  stop(): Promise<void>;
}
