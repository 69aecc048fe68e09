/**
 * TEST HELPER — a service with the linear test runtime on a fresh store: embedded PGlite, or a
 * fresh PostgreSQL database when DATABASE_URL is set (so the CI run with services covers both).
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { ServiceConfig } from '../../../src/service/config.js';
import { createService, type Service } from '../../../src/service/service.js';
import type { Scope, Store } from '../../../src/store/index.js';
import { embeddedStore, POSTGRES_URL, postgresStore } from '../../store/helpers/stores.js';
import { linearArtifact, modelRuntime } from './linear-runtime.js';

/** A log line as pino writes it. */
export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** A test service with captured logs. */
export interface TestService {
  readonly service: Service;
  readonly store: Store;
  readonly logs: LogLine[];
  /** Raw log text (to search for leaked secrets). */
  logText(): string;
  key(scopes: Scope[], options?: { quota?: number | null; rate?: number | null }): Promise<{ id: string; secret: string; auth: string }>;
  close(): Promise<void>;
}

/** The hand-checkable model: 2 features, classes a/b, W = I, b = 0 (so p = softmax(x)). */
export const IDENTITY_ARTIFACT = linearArtifact({
  name: 'identity',
  classes: ['a', 'b'],
  weights: [[1, 0], [0, 1]],
  bias: [0, 0],
  metadata: { purpose: 'test' },
});

export async function testService(config: Partial<ServiceConfig> = {}): Promise<TestService> {
  const { store, cleanup } = POSTGRES_URL ? await postgresStore() : await embeddedStore();
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk.toString());
      cb();
    },
  });
  const logger = pino({ level: 'debug' }, sink);
  const service = createService({ store, runtime: modelRuntime, logger, processMetrics: false, config });
  await service.startQueue();
  await service.app.ready();
  return {
    service,
    store,
    get logs(): LogLine[] {
      return chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as LogLine);
    },
    logText: () => chunks.join(''),
    async key(scopes, options = {}) {
      const { key, secret } = await store.keys.create({ name: `k${Math.random().toString(36).slice(2, 8)}`, scopes, queryQuota: options.quota ?? null, rateLimit: options.rate ?? null });
      return { id: key.id, secret, auth: `Bearer ${secret}` };
    },
    async close() {
      await service.close();
      await cleanup();
    },
  };
}
