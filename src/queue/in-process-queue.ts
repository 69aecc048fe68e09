/**
 * The embedded queue: jobs run in this process, `concurrency` at a time (1 by default:
 * training is CPU-bound). Durable state lives in the store, so a process killed mid-job
 * loses nothing: on start, orphaned jobs are requeued and resume from their checkpoint.
 */
import type { JobHandler } from './job-handler.js';
import type { OutcomeListener, JobQueue } from './job-queue.js';
import { JobRunner, type JobRunnerOptions } from './job-runner.js';
import type { JobStorePort } from './job-store-port.js';

/** Options of an {@link InProcessQueue}. */
export interface InProcessQueueOptions extends JobRunnerOptions {
  /** Attempts run at the same time; default 1. */
  readonly concurrency?: number;
  /**
   * True when this process is the database's only user (embedded PGlite): every `running`
   * job found at start is an orphan. False (shared PostgreSQL): only expired leases are, and
   * a sweep looks for them every `leaseMs`.
   */
  readonly exclusiveDatabase: boolean;
  /** Delay before a failed attempt runs again, doubled per attempt; default 1 s (max 60 s). */
  readonly retryDelayMs?: number;
}

/** Runs jobs on this process's event loop (the handler may offload to a worker thread). */
export class InProcessQueue implements JobQueue {
  readonly kind = 'in-process' as const;
  private readonly runner: JobRunner;
  private readonly pending: string[] = [];
  private readonly known = new Set<string>();
  private readonly listeners: OutcomeListener[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly concurrency: number;
  private readonly retryDelayMs: number;
  private inFlight = new Set<Promise<void>>();
  private started = false;
  private stopped = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly store: JobStorePort,
    handler: JobHandler,
    private readonly options: InProcessQueueOptions,
  ) {
    this.runner = new JobRunner(store, handler, options);
    this.concurrency = Math.max(1, options.concurrency ?? 1);
    this.retryDelayMs = options.retryDelayMs ?? 1000;
  }

  /** The lease owner identity of this queue's runner. */
  get owner(): string {
    return this.runner.owner;
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.sweep(this.options.exclusiveDatabase);
    if (!this.options.exclusiveDatabase) {
      const timer = setInterval(() => void this.sweep(false).catch(() => {}), this.runner.leaseMs);
      timer.unref();
      this.timers.add(timer);
    }
  }

  private async sweep(all: boolean): Promise<void> {
    await this.store.recoverOrphans({ all });
    // In a shared database, jobs queued by a process that died never reach our memory:
    // pick up every queued job nobody touched for a lease period (claims are atomic).
    const queued = await this.store.listQueued(all ? 0 : this.runner.leaseMs);
    for (const id of queued) this.push(id);
  }

  async enqueue(id: string): Promise<void> {
    this.push(id);
  }

  private push(id: string): void {
    if (this.stopped || this.known.has(id)) return;
    this.known.add(id);
    this.pending.push(id);
    this.pump();
  }

  private pump(): void {
    while (!this.stopped && this.inFlight.size < this.concurrency && this.pending.length > 0) {
      const id = this.pending.shift() as string;
      const task = this.runOne(id).finally(() => {
        this.inFlight.delete(task);
        this.known.delete(id);
        this.pump();
        this.notifyIdle();
      });
      this.inFlight.add(task);
    }
  }

  private async runOne(id: string): Promise<void> {
    let result: Awaited<ReturnType<JobRunner['run']>>;
    try {
      result = await this.runner.run(id);
    } catch (err) {
      // The store itself failed (database down): try again later rather than losing the job.
      result = { outcome: 'retrying', error: err instanceof Error ? err.message : String(err) };
    }
    for (const listener of this.listeners) listener(id, result.outcome, result.error);
    if (result.outcome === 'retrying' && !this.stopped) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.push(id);
      }, this.retryDelayMs);
      timer.unref();
      this.timers.add(timer);
    }
  }

  depth(): number {
    return this.pending.length + this.inFlight.size;
  }

  onOutcome(listener: OutcomeListener): void {
    this.listeners.push(listener);
  }

  /** Resolves when nothing is waiting or running (retries scheduled later do not count). */
  whenIdle(): Promise<void> {
    if (this.depth() === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private notifyIdle(): void {
    if (this.depth() > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.pending.length = 0;
    this.runner.abortAll();
    await Promise.allSettled([...this.inFlight]);
  }
}
