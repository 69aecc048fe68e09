/**
 * BullMQ mode end to end (only when REDIS_URL and DATABASE_URL are set): `qmlsec serve`
 * queues the job, `qmlsec worker` A trains it and is killed with -9, worker B takes it over
 * after A's lease expires and finishes it from A's last checkpoint.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { postgresDatabaseUrl } from '../store/helpers/stores.js';
import { http, startCli, startServer, until, type CliProcess } from './helpers/processes.js';

const enabled = Boolean(process.env['REDIS_URL'] && process.env['DATABASE_URL']);
if (!enabled) process.stderr.write('service tests: REDIS_URL and DATABASE_URL are not both set — BullMQ worker kill test skipped\n');

describe.skipIf(!enabled)('kill -9 of a BullMQ worker', () => {
  const procs: CliProcess[] = [];
  let dropDatabase: (() => Promise<void>) | undefined;
  afterAll(async () => {
    for (const p of procs) await p.stop();
    await dropDatabase?.();
  });

  it('another worker picks the job up and resumes it from the checkpoint', async () => {
    const database = await postgresDatabaseUrl();
    dropDatabase = database.cleanup;
    const env = { DATABASE_URL: database.url };
    const store = await openStore({ databaseUrl: database.url });
    const { secret } = await store.keys.create({ name: 'k', scopes: ['train', 'predict'], queryQuota: null, rateLimit: null });
    await store.close();
    const auth = `Bearer ${secret}`;

    const server = await startServer(['--lease', '2'], env);
    procs.push(server.proc);
    const workerA = startCli(['worker', '--lease', '2'], env);
    procs.push(workerA);
    await workerA.waitForLog((l) => l['msg'] === 'worker started');

    const spec = { name: 'distributed', classes: ['neg', 'pos'], inputs: [[-1, 0], [1, 0]], labels: [0, 1], steps: 20, stepDelayMs: 150 };
    const created = await http(`${server.url}/v1/models`, { method: 'POST', auth, body: { spec } });
    expect(created.status).toBe(202);
    const jobId = (created.body['job'] as { id: string }).id;
    await until(async () => {
      const job = (await http(`${server.url}/v1/jobs/${jobId}`, { auth })).body;
      return (job['progress'] as number) >= 0.3 ? job : undefined;
    });
    await workerA.kill9();

    const workerB = startCli(['worker', '--lease', '2'], env);
    procs.push(workerB);
    const done = await until(async () => {
      const job = (await http(`${server.url}/v1/jobs/${jobId}`, { auth })).body;
      return job['status'] === 'succeeded' || job['status'] === 'failed' ? job : undefined;
    }, 90_000);
    expect(done).toMatchObject({ status: 'succeeded', attempts: 2 });
    const model = (await http(`${server.url}/v1/models/${String(done['model_id'])}`, { auth })).body;
    const resumedFrom = (model['metadata'] as { resumedFrom: number[] }).resumedFrom;
    expect(resumedFrom).toHaveLength(1);
    expect(resumedFrom[0]).toBeGreaterThanOrEqual(6);
    expect(await workerB.stop()).toBe(0);
    expect(await server.proc.stop()).toBe(0);
  });
});
