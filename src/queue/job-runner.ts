/**
 * Runs one attempt of one job under a lease: claim, heartbeat while the handler works,
 * checkpoints through the store, and record the outcome. Shared by the in-process queue and
 * the BullMQ worker, so both behave the same.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { InputError } from '../core/errors.js';
import { LeaseLostError, type JobContext, type JobHandler } from './job-handler.js';
import type { JobStorePort } from './job-store-port.js';

/** How an attempt ended. */
export type JobOutcome =
  /** The handler finished (and completed the job). */
  | 'succeeded'
  /** The attempt failed and the job is queued again. */
  | 'retrying'
  /** The job failed for good (bad input, or out of attempts); the reason is stored. */
  | 'failed'
  /** Another worker holds the job, or it is already finished: nothing was done. */
  | 'skipped'
  /** The lease was lost mid-attempt; whoever holds it now decides. */
  | 'lost'
  /** The runner was stopped mid-attempt; the job is queued again and resumes later. */
  | 'interrupted';

/** Options of a {@link JobRunner}. */
export interface JobRunnerOptions {
  /** Worker identity stored as the lease owner; default `<host>:<pid>:<random>`. */
  readonly owner?: string;
  /** Lease length; heartbeats renew it every third of it. Default 30 s. */
  readonly leaseMs?: number;
}

/** A unique worker identity: host, pid and a random suffix. */
export function workerIdentity(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/** Runs job attempts against a {@link JobStorePort}. */
export class JobRunner {
  readonly owner: string;
  readonly leaseMs: number;
  private readonly active = new Map<string, AbortController>();

  constructor(
    private readonly store: JobStorePort,
    private readonly handler: JobHandler,
    options: JobRunnerOptions = {},
  ) {
    this.owner = options.owner ?? workerIdentity();
    this.leaseMs = options.leaseMs ?? 30_000;
  }

  /** Number of attempts in progress. */
  get running(): number {
    return this.active.size;
  }

  /** Claims job `id` and runs one attempt of it; never throws for job failures. */
  async run(id: string): Promise<{ outcome: JobOutcome; error?: string }> {
    const job = await this.store.claim(id, this.owner, this.leaseMs);
    if (!job) return { outcome: 'skipped' };
    const controller = new AbortController();
    this.active.set(id, controller);
    let progress = job.progress;
    let lost = false;
    const markLost = (): void => {
      if (!lost) {
        lost = true;
        controller.abort(new LeaseLostError(id));
      }
    };
    const heartbeat = setInterval(() => {
      this.store.heartbeat(id, this.owner, this.leaseMs, progress).then((ok) => ok || markLost(), () => {});
    }, Math.max(10, Math.floor(this.leaseMs / 3)));
    heartbeat.unref();
    const ctx: JobContext = {
      owner: this.owner,
      signal: controller.signal,
      reportProgress: (p) => {
        if (Number.isFinite(p)) progress = Math.min(1, Math.max(0, p));
      },
      saveCheckpoint: async (checkpoint) => {
        if (controller.signal.aborted) throw controller.signal.reason;
        const ok = await this.store.saveCheckpoint(id, this.owner, this.leaseMs, checkpoint, progress);
        if (!ok) {
          markLost();
          throw new LeaseLostError(id);
        }
      },
    };
    try {
      await this.handler(job, ctx);
      return { outcome: 'succeeded' };
    } catch (err) {
      if (lost || err instanceof LeaseLostError) return { outcome: 'lost', error: messageOf(err) };
      if (controller.signal.aborted) {
        await this.store.endAttempt(id, this.owner, `attempt ${job.attempts} interrupted: the worker shut down; resuming from the last checkpoint`, true);
        return { outcome: 'interrupted' };
      }
      const permanent = err instanceof InputError;
      const reason = permanent ? messageOf(err) : `attempt ${job.attempts} of ${job.maxAttempts} failed: ${messageOf(err)}`;
      const state = await this.store.endAttempt(id, this.owner, reason, !permanent);
      if (state === undefined) return { outcome: 'lost', error: messageOf(err) };
      return { outcome: state === 'queued' ? 'retrying' : 'failed', error: reason };
    } finally {
      clearInterval(heartbeat);
      this.active.delete(id);
    }
  }

  /** Aborts every attempt in progress (they end as `interrupted` and are requeued). */
  abortAll(): void {
    for (const controller of this.active.values()) controller.abort(new Error('the worker is shutting down'));
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
