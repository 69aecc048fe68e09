/**
 * What the queue needs from persistence. The queue room may not import the store, so it
 * states the operations it relies on here; the store's `JobsRepository` provides them, and
 * the service plugs one into the other.
 */

/** A job as handed to a handler after it was claimed. */
export interface ClaimedJob {
  readonly id: string;
  readonly kind: string;
  /** The job's input, as stored (parsed JSON). */
  readonly request: unknown;
  /** Attempts so far, including this one. */
  readonly attempts: number;
  readonly maxAttempts: number;
  /** The last checkpoint saved by an earlier attempt (null/undefined on the first). */
  readonly checkpoint: unknown;
  readonly progress: number;
}

/** The status a job can be in. */
export type JobState = 'queued' | 'running' | 'succeeded' | 'failed';

/** Durable job state with leases: every method is a single atomic, owner-checked update. */
export interface JobStorePort {
  /** Takes a queued job (or one whose lease expired) for `owner`; undefined when not claimable. */
  claim(id: string, owner: string, leaseMs: number): Promise<ClaimedJob | undefined>;
  /** Extends `owner`'s lease and stores progress; false when the lease was lost. */
  heartbeat(id: string, owner: string, leaseMs: number, progress: number): Promise<boolean>;
  /** Stores a checkpoint and progress and extends the lease; false when the lease was lost. */
  saveCheckpoint(id: string, owner: string, leaseMs: number, checkpoint: unknown, progress: number): Promise<boolean>;
  /** Ends a failed attempt: requeued if `retry` and attempts remain, else failed. */
  endAttempt(id: string, owner: string, reason: string, retry: boolean): Promise<JobState | undefined>;
  /** Requeues (or fails, when out of attempts) running jobs whose worker is gone. */
  recoverOrphans(options?: { all?: boolean }): Promise<{ readonly requeued: readonly string[]; readonly failed: readonly string[] }>;
  /** Queued job ids, oldest first; with `idleMs`, only those not touched for that long. */
  listQueued(idleMs?: number): Promise<string[]>;
  /** The job's current status, or undefined when there is no such job. */
  get(id: string): Promise<{ readonly status: JobState } | undefined>;
}
