/** BullMQ mode (only when REDIS_URL and DATABASE_URL are set): the same runner semantics through Redis. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BullMqQueue, BullMqWorker } from '../../src/queue/bullmq-queue.js';
import { LeaseLostError, type JobHandler } from '../../src/queue/job-handler.js';
import type { Store } from '../../src/store/store.js';
import { postgresStore } from '../store/helpers/stores.js';

const REDIS_URL = process.env['REDIS_URL'];
const enabled = Boolean(REDIS_URL && process.env['DATABASE_URL']);
if (!enabled) process.stderr.write('queue tests: REDIS_URL and DATABASE_URL are not both set — BullMQ tests skipped\n');

describe.skipIf(!enabled)('BullMQ queue and worker', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  const queueName = `qmlsec-test-${process.pid}-${Date.now()}`;
  beforeAll(async () => {
    ({ store, cleanup } = await postgresStore());
  });
  afterAll(() => cleanup());

  it('a job enqueued by the server side is run by a worker; failures retry and end failed with the reason', async () => {
    const seen: string[] = [];
    const handler: JobHandler = async (job, ctx) => {
      seen.push(`${job.id}#${job.attempts}`);
      if ((job.request as { fail?: boolean }).fail) throw new Error('flaky device');
      await store.transaction(async (tx) => {
        if (!(await store.jobs.complete(tx, job.id, ctx.owner, null))) throw new LeaseLostError(job.id);
      });
    };
    const location = { redisUrl: REDIS_URL as string, queueName };
    const queue = new BullMqQueue(location, store.jobs, { leaseMs: 2000 });
    const worker = new BullMqWorker(location, store.jobs, handler, { leaseMs: 2000 });
    await queue.start();
    await worker.start();
    try {
      await store.jobs.create({ id: 'job_bull_ok', kind: 'test', request: {}, maxAttempts: 2 });
      await store.jobs.create({ id: 'job_bull_bad', kind: 'test', request: { fail: true }, maxAttempts: 2 });
      await queue.enqueue('job_bull_ok');
      await queue.enqueue('job_bull_bad');
      const deadline = Date.now() + 30_000;
      for (;;) {
        const [ok, bad] = [await store.jobs.get('job_bull_ok'), await store.jobs.get('job_bull_bad')];
        if (ok?.status === 'succeeded' && bad?.status === 'failed') break;
        if (Date.now() > deadline) throw new Error(`jobs did not finish: ${ok?.status} ${bad?.status}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await store.jobs.get('job_bull_bad')).toMatchObject({ attempts: 2, lastError: 'attempt 2 of 2 failed: flaky device' });
      expect(seen.filter((s) => s.startsWith('job_bull_bad'))).toEqual(['job_bull_bad#1', 'job_bull_bad#2']);
      expect(seen.filter((s) => s.startsWith('job_bull_ok'))).toEqual(['job_bull_ok#1']);
    } finally {
      await worker.stop();
      await queue.stop();
    }
  });
});
