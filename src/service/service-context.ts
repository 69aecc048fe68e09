/** Everything a route handler may use, assembled once per service instance. */
import type { Logger } from 'pino';
import type { JobQueue } from '../queue/index.js';
import type { Store } from '../store/index.js';
import type { AuditWriter } from './audit-writer.js';
import type { ServiceConfig } from './config.js';
import type { KeyAuthenticator } from './key-authenticator.js';
import type { ServiceMetrics } from './metrics.js';
import type { ModelCache } from './model-cache.js';
import type { ModelRuntime } from './model-runtime.js';
import type { RateLimiter } from './rate-limiter.js';

/** The service's collaborators. */
export interface ServiceContext {
  readonly store: Store;
  readonly runtime: ModelRuntime;
  readonly queue: JobQueue;
  readonly config: ServiceConfig;
  readonly auth: KeyAuthenticator;
  readonly rateLimiter: RateLimiter;
  readonly audit: AuditWriter;
  readonly models: ModelCache;
  readonly metrics: ServiceMetrics;
  readonly logger: Logger;
}
