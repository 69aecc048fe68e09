/**
 * kill -9 of `qmlsec serve` in the middle of training and predictions: no job lost (it
 * resumes from its checkpoint, or fails with the reason when out of attempts), no model
 * or audit row half-written, quota and audit consistent, and the server starts again.
 * The server runs as a child process from source (tsx), with the linear test runtime.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { preparedDataDir } from '../store/helpers/stores.js';
import { modelRuntime } from './helpers/linear-runtime.js';
import { http, startServer, until, type CliProcess } from './helpers/processes.js';
import { IDENTITY_ARTIFACT } from './helpers/service.js';

const spec = { name: 'slow', classes: ['neg', 'pos'], inputs: [[-2, 0], [-1, 0.5], [1, -0.5], [2, 0]], labels: [0, 0, 1, 1], steps: 20, stepDelayMs: 150 };
const running: CliProcess[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const p of running) await p.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function setup(): Promise<{ dataDir: string; auth: string; keyId: string }> {
  const dataDir = await preparedDataDir();
  dirs.push(dataDir);
  const store = await openStore({ dataDir });
  const { key, secret } = await store.keys.create({ name: 'k', scopes: ['predict', 'train'], queryQuota: null, rateLimit: null });
  await store.models.register({ name: 'identity', checksum: IDENTITY_ARTIFACT.checksum, artifact: IDENTITY_ARTIFACT, source: 'import' });
  await store.close();
  return { dataDir, auth: `Bearer ${secret}`, keyId: key.id };
}

async function serve(dataDir: string, extra: string[] = []) {
  // Embedded mode, even when the suite runs with DATABASE_URL / REDIS_URL set.
  const s = await startServer(['--data-dir', dataDir, ...extra], { DATABASE_URL: undefined, REDIS_URL: undefined });
  running.push(s.proc);
  return s;
}

describe('kill -9 of the server', () => {
  it('mid-training and mid-predictions: the job resumes from its checkpoint; models, audit and quota stay whole', async () => {
    const { dataDir, auth, keyId } = await setup();
    const first = await serve(dataDir);
    const models = (await http(`${first.url}/v1/models`, { auth })).body['models'] as { id: string }[];
    const modelId = models[0]?.id as string;
    const created = await http(`${first.url}/v1/models`, { method: 'POST', auth, body: { spec } });
    expect(created.status).toBe(202);
    const jobId = (created.body['job'] as { id: string }).id;

    // Predictions keep flowing while training runs; count the answers we receive.
    let answered = 0;
    let stop = false;
    const hammer = (async () => {
      while (!stop) {
        try {
          const r = await http(`${first.url}/v1/models/${modelId}/predict`, { method: 'POST', auth, body: { inputs: [[answered, 1]] } });
          if (r.status === 200) answered++;
        } catch {
          return; // connection reset by the kill
        }
      }
    })();
    await until(async () => {
      const job = (await http(`${first.url}/v1/jobs/${jobId}`, { auth })).body;
      return (job['progress'] as number) >= 0.3 ? job : undefined;
    });
    await first.proc.kill9();
    stop = true;
    await hammer;
    expect(answered).toBeGreaterThan(0);

    const second = await serve(dataDir);
    expect((await http(`${second.url}/healthz`)).body['status']).toBe('ok');
    const done = await until(async () => {
      const job = (await http(`${second.url}/v1/jobs/${jobId}`, { auth })).body;
      return job['status'] === 'succeeded' || job['status'] === 'failed' ? job : undefined;
    });
    expect(done).toMatchObject({ status: 'succeeded', attempts: 2 });
    await second.proc.stop();

    const store = await openStore({ dataDir });
    try {
      const trained = await store.models.find(done['model_id'] as string);
      const resumedFrom = (trained?.metadata['resumedFrom'] as number[]) ?? [];
      expect(resumedFrom).toHaveLength(1);
      expect(resumedFrom[0]).toBeGreaterThanOrEqual(6); // ≥ 30 % of 20 steps were checkpointed before the kill
      expect(trained?.metadata['trainedSteps']).toBe(20);
      // Exactly one model from the job; every stored version verifies.
      const all = await store.db.query<{ model_id: string; version: number; artifact: string; checksum: string }>('SELECT model_id, version, artifact, checksum FROM model_versions');
      expect(all.filter((v) => v.model_id === done['model_id'])).toHaveLength(1);
      for (const v of all) expect(modelRuntime.loadArtifact(v.artifact).checksum).toBe(v.checksum);
      const orphans = await store.db.query('SELECT id FROM models m WHERE NOT EXISTS (SELECT 1 FROM model_versions v WHERE v.model_id = m.id)');
      expect(orphans).toEqual([]);
      // Every answer received has its audit row; quota spent equals audited rows.
      const audited = await store.audit.count(keyId);
      expect(audited).toBeGreaterThanOrEqual(answered);
      const key = await store.keys.get(keyId);
      const rows = await store.db.query<{ n: number }>('SELECT COALESCE(sum(row_count), 0)::int AS n FROM audit_log WHERE key_id = $1', [keyId]);
      expect(key.queriesUsed).toBe(rows[0]?.n);
    } finally {
      await store.close();
    }
  });

  it('out of attempts: after the last attempt is killed, the restarted server marks the job failed with the reason', async () => {
    const { dataDir, auth } = await setup();
    const first = await serve(dataDir, ['--max-attempts', '1']);
    const created = await http(`${first.url}/v1/models`, { method: 'POST', auth, body: { spec: { ...spec, name: 'doomed' } } });
    const jobId = (created.body['job'] as { id: string }).id;
    await until(async () => {
      const job = (await http(`${first.url}/v1/jobs/${jobId}`, { auth })).body;
      return (job['progress'] as number) > 0 ? job : undefined;
    });
    await first.proc.kill9();
    const second = await serve(dataDir, ['--max-attempts', '1']);
    const job = (await http(`${second.url}/v1/jobs/${jobId}`, { auth })).body;
    expect(job).toMatchObject({ status: 'failed', attempts: 1, model_id: null });
    expect(job['last_error']).toMatch(/failed after 1 attempts: the worker running it stopped each time/);
    const models = (await http(`${second.url}/v1/models`, { auth })).body['models'] as { name: string }[];
    expect(models.map((m) => m.name)).not.toContain('doomed');
    expect(await second.proc.stop()).toBe(0);
  });
});
