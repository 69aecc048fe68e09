/** Limits and defaults of the inference service. */

/** Service settings; every field has a default (see {@link DEFAULT_SERVICE_CONFIG}). */
export interface ServiceConfig {
  /** Largest request body accepted, in bytes (413 beyond). */
  readonly bodyLimitBytes: number;
  /** Most input rows in one predict request (413 beyond). */
  readonly maxBatchRows: number;
  /** Query quota given to keys created without `--quota` (null = unlimited). */
  readonly defaultQueryQuota: number | null;
  /** Rate limit (requests/s) given to keys created without `--rate` (null = unlimited). */
  readonly defaultRateLimit: number | null;
  /** How long an API key lookup is cached; a revocation by another process shows within it. */
  readonly keyCacheTtlMs: number;
  /** How often a loaded model checks for a newer version in the store. */
  readonly modelRecheckMs: number;
  /** Job lease length; a dead worker's job is taken over after it. */
  readonly jobLeaseMs: number;
  /** Attempts a training job gets before it is failed. */
  readonly jobMaxAttempts: number;
  /** Most audit rows committed in one group-commit transaction. */
  readonly auditMaxBatch: number;
}

/** The defaults: 1 MiB bodies, 1,000-row batches, 1,000,000-query quota, 50 requests/s. */
export const DEFAULT_SERVICE_CONFIG: ServiceConfig = {
  bodyLimitBytes: 1024 * 1024,
  maxBatchRows: 1000,
  defaultQueryQuota: 1_000_000,
  defaultRateLimit: 50,
  keyCacheTtlMs: 2000,
  modelRecheckMs: 5000,
  jobLeaseMs: 30_000,
  jobMaxAttempts: 3,
  auditMaxBatch: 500,
};

/** The defaults overridden by `overrides`. */
export function serviceConfig(overrides: Partial<ServiceConfig> = {}): ServiceConfig {
  return { ...DEFAULT_SERVICE_CONFIG, ...overrides };
}
