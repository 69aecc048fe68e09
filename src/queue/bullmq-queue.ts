/**
 * The distributed queue: BullMQ on Redis. The server enqueues job ids; `qmlsec worker`
 * processes on any number of machines run them with the same {@link JobRunner} as the
 * embedded queue, against the shared PostgreSQL store. Durable state (attempts, checkpoint,
 * lease, result) stays in the database; BullMQ only delivers ids, redelivers the jobs of a
 * worker that stopped answering (stalled), and retries with backoff.
 */
import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { UsageError } from '../core/errors.js';
import type { JobHandler } from './job-handler.js';
import type { JobQueue, OutcomeListener } from './job-queue.js';
import { JobRunner, type JobOutcome } from './job-runner.js';
import type { JobStorePort } from './job-store-port.js';

/** The BullMQ queue name qmlsec uses unless told otherwise. */
export const DEFAULT_QUEUE_NAME = 'qmlsec-jobs';

/** Where the BullMQ queue lives. */
export interface BullMqLocation {
  /** `redis://` or `rediss://` URL (usually REDIS_URL). */
  readonly redisUrl: string;
  /** Queue name (also the Redis key prefix part); default {@link DEFAULT_QUEUE_NAME}. */
  readonly queueName?: string;
}

/** Opens an ioredis connection suitable for BullMQ (workers need maxRetriesPerRequest null). */
export function redisConnection(url: string): Redis {
  if (!/^rediss?:\/\//.test(url)) throw new UsageError(`REDIS_URL must be a redis:// or rediss:// URL, got "${url.replace(/\/\/[^@]*@/, '//***@')}"`);
  return new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
}

/**
 * Re-delivers work whose worker vanished: requeues orphaned jobs in the store and (re)adds
 * every queued job that nobody touched for `idleMs` to BullMQ (adding an existing id is a no-op).
 */
async function sweepInto(queue: Queue, store: JobStorePort, idleMs: number): Promise<void> {
  await store.recoverOrphans();
  for (const id of await store.listQueued(idleMs)) await addJob(queue, id);
}

async function addJob(queue: Queue, id: string): Promise<void> {
  await queue.add('job', { jobId: id }, {
    jobId: id,
    // The database counts attempts; BullMQ only needs to keep redelivering until it says stop.
    attempts: 1000,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: true,
    removeOnFail: true,
  });
}

/** The producer side, used by `qmlsec serve` when REDIS_URL is set. */
export class BullMqQueue implements JobQueue {
  readonly kind = 'bullmq' as const;
  private readonly connection: Redis;
  private readonly queue: Queue;
  private lastDepth = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    location: BullMqLocation,
    private readonly store: JobStorePort,
    private readonly options: { leaseMs?: number } = {},
  ) {
    this.connection = redisConnection(location.redisUrl);
    this.queue = new Queue(location.queueName ?? DEFAULT_QUEUE_NAME, { connection: this.connection as ConnectionOptions });
  }

  async start(): Promise<void> {
    const leaseMs = this.options.leaseMs ?? 30_000;
    await sweepInto(this.queue, this.store, leaseMs);
    await this.refreshDepth();
    this.timer = setInterval(() => {
      void this.refreshDepth().catch(() => {});
      void sweepInto(this.queue, this.store, leaseMs).catch(() => {});
    }, leaseMs);
    this.timer.unref();
  }

  private async refreshDepth(): Promise<void> {
    const counts = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    this.lastDepth = Object.values(counts).reduce((a, b) => a + b, 0);
  }

  async enqueue(id: string): Promise<void> {
    await addJob(this.queue, id);
    this.lastDepth++;
  }

  depth(): number {
    return this.lastDepth;
  }

  onOutcome(_listener: OutcomeListener): void {
    // Attempts run in worker processes; their outcomes are visible in the jobs table.
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.queue.close();
    this.connection.disconnect();
  }
}

/** Options of a {@link BullMqWorker}. */
export interface BullMqWorkerOptions {
  /** Jobs run at the same time by this worker; default 1. */
  readonly concurrency?: number;
  /** Lease (and BullMQ lock) length; default 30 s. A killed worker's job is redelivered after it. */
  readonly leaseMs?: number;
  /** Called after every attempt. */
  readonly onOutcome?: OutcomeListener;
}

/** The consumer side: what `qmlsec worker` runs. */
export class BullMqWorker {
  private readonly connection: Redis;
  private readonly queue: Queue;
  private readonly worker: Worker;
  private readonly runner: JobRunner;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    location: BullMqLocation,
    private readonly store: JobStorePort,
    handler: JobHandler,
    private readonly options: BullMqWorkerOptions = {},
  ) {
    const leaseMs = options.leaseMs ?? 30_000;
    this.runner = new JobRunner(store, handler, { leaseMs });
    this.connection = redisConnection(location.redisUrl);
    const name = location.queueName ?? DEFAULT_QUEUE_NAME;
    this.queue = new Queue(name, { connection: this.connection as ConnectionOptions });
    this.worker = new Worker(name, (job) => this.process(String((job.data as { jobId: string }).jobId)), {
      connection: this.connection as ConnectionOptions,
      concurrency: options.concurrency ?? 1,
      lockDuration: leaseMs,
      stalledInterval: Math.max(1000, Math.floor(leaseMs / 2)),
      maxStalledCount: 1000,
      autorun: false,
    });
    this.worker.on('error', () => {});
  }

  /** The lease owner identity of this worker. */
  get owner(): string {
    return this.runner.owner;
  }

  private async process(jobId: string): Promise<JobOutcome> {
    const result = await this.runner.run(jobId);
    this.options.onOutcome?.(jobId, result.outcome, result.error);
    if (result.outcome === 'retrying' || result.outcome === 'interrupted') throw new Error(result.error ?? `job ${jobId} will be retried`);
    if (result.outcome === 'skipped') {
      const job = await this.store.get(jobId);
      if (job && (job.status === 'queued' || job.status === 'running')) {
        throw new Error(`job ${jobId} is held by another worker whose lease has not expired yet; checking again later`);
      }
    }
    return result.outcome;
  }

  /** Recovers orphans, then processes jobs until {@link stop}. */
  async start(): Promise<void> {
    const leaseMs = this.options.leaseMs ?? 30_000;
    await sweepInto(this.queue, this.store, leaseMs);
    this.timer = setInterval(() => void sweepInto(this.queue, this.store, leaseMs).catch(() => {}), leaseMs);
    this.timer.unref();
    void this.worker.run();
    await this.worker.waitUntilReady();
  }

  /** Stops taking jobs; running attempts are interrupted and requeued. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.runner.abortAll();
    await this.worker.close();
    await this.queue.close();
    this.connection.disconnect();
  }
}
