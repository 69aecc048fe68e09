/**
 * Assembles the service: store + runtime + queue (in-process, or BullMQ when a Redis URL is
 * given) + auth, rate limits, audit writer, model cache, metrics, and the Fastify app.
 */
import { Redis } from 'ioredis';
import { pino, type Logger } from 'pino';
import type { FastifyInstance } from 'fastify';
import { UsageError } from '../core/errors.js';
import { BullMqQueue, InProcessQueue, type JobQueue } from '../queue/index.js';
import type { Store } from '../store/index.js';
import { buildApp } from './app.js';
import { AuditWriter } from './audit-writer.js';
import { serviceConfig, type ServiceConfig } from './config.js';
import { KeyAuthenticator } from './key-authenticator.js';
import { ServiceMetrics } from './metrics.js';
import { ModelCache } from './model-cache.js';
import type { ModelRuntime } from './model-runtime.js';
import { MemoryRateLimiter, RedisRateLimiter, type RateLimiter } from './rate-limiter.js';
import type { ServiceContext } from './service-context.js';
import { InlineTrainingExecutor, type TrainingExecutor } from './training-executor.js';
import { trainingJobHandler } from './training-job.js';

/** How to build a service. */
export interface ServiceOptions {
  /** An open store (the caller closes it after the service). */
  readonly store: Store;
  readonly runtime: ModelRuntime;
  /** Where training computes; default inline on this thread. */
  readonly executor?: TrainingExecutor;
  /** Use BullMQ on this Redis for jobs (and Redis for rate limits); needs a PostgreSQL store. */
  readonly redisUrl?: string | undefined;
  readonly config?: Partial<ServiceConfig>;
  /** Default: pino JSON lines on stdout at `logLevel`. */
  readonly logger?: Logger;
  readonly logLevel?: string;
  /** Include Node process metrics in /metrics (default true). */
  readonly processMetrics?: boolean;
}

/** A built service. */
export interface Service {
  readonly app: FastifyInstance;
  readonly context: ServiceContext;
  /** Recovers orphaned jobs, starts the queue and listens; resolves to the base URL. */
  listen(options: { host: string; port: number }): Promise<string>;
  /** Starts the queue without listening (for in-process use and tests with `app.inject`). */
  startQueue(): Promise<void>;
  /** Stops accepting requests, finishes in-flight ones and their audit rows, stops the queue. */
  close(): Promise<void>;
}

/** The default logger: JSON lines, no request headers (so no keys), secrets redacted if ever passed. */
export function defaultLogger(level = 'info'): Logger {
  return pino({ level, base: { service: 'qmlsec' }, redact: { paths: ['secret', '*.secret', 'authorization', '*.authorization'], censor: '[redacted]' } });
}

/** Builds the service (nothing listens until {@link Service.listen}). */
export function createService(options: ServiceOptions): Service {
  const config = serviceConfig(options.config);
  const { store, runtime } = options;
  const logger = options.logger ?? defaultLogger(options.logLevel);
  if (options.redisUrl && store.db.kind !== 'postgres') {
    throw new UsageError('REDIS_URL needs DATABASE_URL too: workers on other machines cannot reach an embedded (PGlite) database. Set DATABASE_URL to a PostgreSQL server, or unset REDIS_URL to run jobs in-process.');
  }
  const models = new ModelCache(store.models, runtime, config.modelRecheckMs);
  const executor: TrainingExecutor = options.executor ?? new InlineTrainingExecutor(runtime);
  let queue: JobQueue;
  let rateLimiter: RateLimiter;
  if (options.redisUrl) {
    queue = new BullMqQueue({ redisUrl: options.redisUrl }, store.jobs, { leaseMs: config.jobLeaseMs });
    rateLimiter = new RedisRateLimiter(new Redis(options.redisUrl, { maxRetriesPerRequest: 2 }));
  } else {
    const handler = trainingJobHandler({ store, runtime, executor, onModel: (id) => models.invalidate(id) });
    queue = new InProcessQueue(store.jobs, handler, { exclusiveDatabase: store.db.kind === 'pglite', leaseMs: config.jobLeaseMs });
    rateLimiter = new MemoryRateLimiter();
  }
  const metrics = new ServiceMetrics(() => queue.depth(), { processMetrics: options.processMetrics ?? true });
  queue.onOutcome((jobId, outcome, error) => {
    metrics.jobOutcomes.inc({ outcome });
    const fields = { job: jobId, outcome, ...(error ? { error } : {}) };
    if (outcome === 'failed') logger.warn(fields, 'job failed');
    else logger.info(fields, 'job attempt finished');
  });
  const context: ServiceContext = {
    store,
    runtime,
    queue,
    config,
    auth: new KeyAuthenticator(store.keys, config.keyCacheTtlMs),
    rateLimiter,
    audit: new AuditWriter(store, config.auditMaxBatch),
    models,
    metrics,
    logger,
  };
  const app = buildApp(context);
  let queueStarted = false;
  const startQueue = async (): Promise<void> => {
    if (queueStarted) return;
    queueStarted = true;
    await queue.start();
  };
  return {
    app,
    context,
    startQueue,
    async listen({ host, port }) {
      await app.ready();
      await startQueue();
      const url = await app.listen({ host, port });
      logger.info({ url, database: store.description, queue: queue.kind, executor: executor.kind }, 'listening');
      return url;
    },
    async close() {
      await app.close();
      await context.audit.drain();
      await queue.stop();
      await executor.close?.();
      await rateLimiter.close?.();
    },
  };
}
