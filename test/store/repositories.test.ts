import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../src/core/errors.js';
import { hashApiKeySecret, looksLikeApiKeySecret } from '../../src/store/api-key-secret.js';
import type { Store } from '../../src/store/store.js';
import { ENGINES } from './helpers/stores.js';

describe.each(ENGINES)('repositories on $name', (engine) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await engine.open());
  });
  afterAll(() => cleanup());

  describe('models', () => {
    it('registering a name twice makes versions 1 and 2; list shows the latest', async () => {
      const v1 = await store.models.register({ name: 'iris', checksum: 'sha256:aa', artifact: { w: [1] }, source: 'import' });
      const v2 = await store.models.register({ name: 'iris', checksum: 'sha256:bb', artifact: { w: [2] }, metadata: { note: 'x' }, source: 'job:j1' });
      expect([v1.version, v2.version]).toEqual([1, 2]);
      expect(v2.modelId).toBe(v1.modelId);
      expect(v1.modelId).toMatch(/^mdl_[a-z2-7]{16}$/);
      const listed = (await store.models.list()).find((m) => m.modelId === v1.modelId);
      expect(listed).toMatchObject({ name: 'iris', version: 2, checksum: 'sha256:bb', metadata: { note: 'x' }, source: 'job:j1' });
      expect(JSON.parse((await store.models.find(v1.modelId))?.artifact ?? '')).toEqual({ w: [2] });
      expect((await store.models.find(v1.modelId, 1))?.artifact).toBe(JSON.stringify({ w: [1] }));
      expect(await store.models.latestVersion(v1.modelId)).toBe(2);
      expect((await store.models.versions(v1.modelId)).map((v) => v.version)).toEqual([1, 2]);
    });

    it('unknown ids: find → undefined, versions → NotFoundError', async () => {
      expect(await store.models.find('mdl_nope')).toBeUndefined();
      expect(await store.models.latestVersion('mdl_nope')).toBeUndefined();
      await expect(store.models.versions('mdl_nope')).rejects.toBeInstanceOf(NotFoundError);
    });

    it('a registration inside a transaction that fails leaves no model behind', async () => {
      await expect(
        store.transaction(async (tx) => {
          await store.models.register({ name: 'doomed', checksum: 'sha256:cc', artifact: {}, source: 'import' }, tx);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect((await store.models.list()).some((m) => m.name === 'doomed')).toBe(false);
      const rows = await store.db.query("SELECT 1 FROM models WHERE name = 'doomed'");
      expect(rows).toHaveLength(0);
    });

    it('concurrent registrations of one name get distinct consecutive versions', async () => {
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => store.models.register({ name: 'race', checksum: `sha256:${i}`, artifact: { i }, source: 'import' })),
      );
      expect(results.map((r) => r.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    });
  });

  describe('keys', () => {
    it('stores only the SHA-256 of the secret and finds the key by it', async () => {
      const { key, secret } = await store.keys.create({ name: 'alice', scopes: ['predict', 'train'], queryQuota: 100, rateLimit: 5 });
      expect(looksLikeApiKeySecret(secret)).toBe(true);
      expect(Buffer.from(secret.slice('qmlsec_'.length), 'base64url')).toHaveLength(32);
      const expectedHash = createHash('sha256').update(secret).digest('hex');
      expect(hashApiKeySecret(secret)).toBe(expectedHash);
      const stored = await store.db.query<{ secret_hash: string }>('SELECT secret_hash FROM api_keys WHERE id = $1', [key.id]);
      expect(stored[0]?.secret_hash).toBe(expectedHash);
      const all = JSON.stringify(await store.db.query('SELECT * FROM api_keys'));
      expect(all).not.toContain(secret.slice('qmlsec_'.length + 4));
      expect(await store.keys.findByHash(expectedHash)).toMatchObject({
        id: key.id, name: 'alice', scopes: ['predict', 'train'], queryQuota: 100, queriesUsed: 0, rateLimit: 5, revokedAt: null,
      });
      expect(key.prefix).toBe(secret.slice(0, 11));
    });

    it('revoke is recorded and idempotent; unknown id → NotFoundError', async () => {
      const { key } = await store.keys.create({ name: 'bob', scopes: ['predict'], queryQuota: null, rateLimit: null });
      const first = await store.keys.revoke(key.id);
      expect(first.revokedAt).not.toBeNull();
      const second = await store.keys.revoke(key.id);
      expect(second.revokedAt).toBe(first.revokedAt);
      await expect(store.keys.revoke('key_missing')).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.keys.get('key_missing')).rejects.toThrow(/keys list/);
    });

    it('consumeQuota never exceeds the quota, also under concurrent transactions', async () => {
      const { key } = await store.keys.create({ name: 'q', scopes: ['predict'], queryQuota: 10, rateLimit: null });
      expect(await store.transaction((tx) => store.keys.consumeQuota(tx, key.id, 3))).toBe(3);
      expect(await store.transaction((tx) => store.keys.consumeQuota(tx, key.id, 8))).toBeUndefined();
      const outcomes = await Promise.all(Array.from({ length: 12 }, () => store.transaction((tx) => store.keys.consumeQuota(tx, key.id, 1))));
      expect(outcomes.filter((o) => o !== undefined)).toHaveLength(7);
      expect((await store.keys.get(key.id)).queriesUsed).toBe(10);
      const revoked = await store.keys.create({ name: 'r', scopes: ['predict'], queryQuota: null, rateLimit: null });
      await store.keys.revoke(revoked.key.id);
      expect(await store.transaction((tx) => store.keys.consumeQuota(tx, revoked.key.id, 1))).toBeUndefined();
    });
  });

  describe('audit', () => {
    it('inserts many rows at once and lists a key’s rows in time order, from `since`', async () => {
      const { key } = await store.keys.create({ name: 'audited', scopes: ['predict'], queryQuota: null, rateLimit: null });
      const t0 = new Date('2026-01-01T00:00:00.000Z');
      const entries = [0, 1, 2].map((i) => ({
        keyId: key.id, modelId: 'mdl_x', modelVersion: 1, at: new Date(t0.getTime() + i * 1000),
        inputDigest: `sha256:${i}`, rowCount: i + 1, output: [{ label: String(i) }], requestId: `req-${i}`,
      }));
      await store.transaction((tx) => store.audit.insertMany(tx, [entries[2]!, entries[0]!, entries[1]!]));
      const rows = await store.audit.listByKey(key.id);
      expect(rows.map((r) => r.inputDigest)).toEqual(['sha256:0', 'sha256:1', 'sha256:2']);
      expect(rows[1]).toMatchObject({ keyId: key.id, modelId: 'mdl_x', modelVersion: 1, at: '2026-01-01T00:00:01.000Z', rowCount: 2, output: [{ label: '1' }], requestId: 'req-1' });
      const since = await store.audit.listByKey(key.id, { since: new Date(t0.getTime() + 1000) });
      expect(since.map((r) => r.inputDigest)).toEqual(['sha256:1', 'sha256:2']);
      expect(await store.audit.count(key.id)).toBe(3);
    });

    it('listByKey can be served by the (key_id, created_at) index', async () => {
      const plan = await store.transaction(async (tx) => {
        await tx.query('SET LOCAL enable_seqscan = off');
        return tx.query<{ 'QUERY PLAN': string }>(
          "EXPLAIN SELECT * FROM audit_log WHERE key_id = 'k' AND created_at >= now() ORDER BY created_at, id LIMIT 10",
        );
      });
      expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/audit_log_key_time/);
    });
  });

  describe('jobs', () => {
    it('create is idempotent by id', async () => {
      const a = await store.jobs.create({ id: 'job_idem', kind: 'train', request: { x: 1 }, maxAttempts: 3 });
      const b = await store.jobs.create({ id: 'job_idem', kind: 'train', request: { x: 2 }, maxAttempts: 3 });
      expect([a.created, b.created]).toEqual([true, false]);
      expect(b.job.request).toEqual({ x: 1 });
      expect(b.job.status).toBe('queued');
    });

    it('one owner at a time; a lost lease cannot write; completion commits with its result', async () => {
      await store.jobs.create({ id: 'job_life', kind: 'train', request: {}, maxAttempts: 3 });
      const claimed = await store.jobs.claim('job_life', 'w1', 60_000);
      expect(claimed).toMatchObject({ status: 'running', attempts: 1, leaseOwner: 'w1' });
      expect(await store.jobs.claim('job_life', 'w2', 60_000)).toBeUndefined();
      expect(await store.jobs.heartbeat('job_life', 'w2', 60_000, 0.5)).toBe(false);
      expect(await store.jobs.saveCheckpoint('job_life', 'w1', 60_000, { step: 4 }, 0.4)).toBe(true);
      expect(await store.jobs.get('job_life')).toMatchObject({ checkpoint: { step: 4 }, progress: 0.4 });
      const model = await store.models.register({ name: 'from-job', checksum: 'sha256:dd', artifact: {}, source: 'job:job_life' });
      expect(await store.transaction((tx) => store.jobs.complete(tx, 'job_life', 'w2', model.modelId))).toBe(false);
      expect(await store.transaction((tx) => store.jobs.complete(tx, 'job_life', 'w1', model.modelId))).toBe(true);
      expect(await store.jobs.get('job_life')).toMatchObject({ status: 'succeeded', progress: 1, resultModelId: model.modelId, leaseOwner: null });
      expect(await store.jobs.claim('job_life', 'w1', 60_000)).toBeUndefined();
    });

    it('failed attempts retry until max_attempts, then fail with the reason', async () => {
      await store.jobs.create({ id: 'job_retry', kind: 'train', request: {}, maxAttempts: 2 });
      await store.jobs.claim('job_retry', 'w', 60_000);
      expect(await store.jobs.endAttempt('job_retry', 'w', 'flaky backend', true)).toBe('queued');
      await store.jobs.claim('job_retry', 'w', 60_000);
      expect(await store.jobs.endAttempt('job_retry', 'w', 'flaky again', true)).toBe('failed');
      expect(await store.jobs.get('job_retry')).toMatchObject({ status: 'failed', attempts: 2, lastError: 'flaky again' });
      expect((await store.jobs.get('job_retry'))?.finishedAt).not.toBeNull();
      await store.jobs.create({ id: 'job_perm', kind: 'train', request: {}, maxAttempts: 5 });
      await store.jobs.claim('job_perm', 'w', 60_000);
      expect(await store.jobs.endAttempt('job_perm', 'w', 'bad spec', false)).toBe('failed');
    });

    it('orphans: expired leases are requeued (checkpoint kept), or failed when out of attempts', async () => {
      await store.jobs.create({ id: 'job_orphan', kind: 'train', request: {}, maxAttempts: 2 });
      await store.jobs.create({ id: 'job_live', kind: 'train', request: {}, maxAttempts: 2 });
      await store.jobs.claim('job_orphan', 'dead', 1);
      await store.jobs.saveCheckpoint('job_orphan', 'dead', 1, { step: 7 }, 0.7);
      await store.jobs.claim('job_live', 'alive', 60_000);
      await new Promise((r) => setTimeout(r, 20));
      const report = await store.jobs.recoverOrphans();
      expect(report.requeued).toContain('job_orphan');
      expect(report.requeued).not.toContain('job_live');
      const job = await store.jobs.get('job_orphan');
      expect(job).toMatchObject({ status: 'queued', checkpoint: { step: 7 }, attempts: 1 });
      expect(job?.lastError).toMatch(/attempt 1 of 2 interrupted.*dead/);
      // Second loss: out of attempts.
      await store.jobs.claim('job_orphan', 'dead2', 1);
      await new Promise((r) => setTimeout(r, 20));
      expect((await store.jobs.recoverOrphans()).failed).toContain('job_orphan');
      expect((await store.jobs.get('job_orphan'))?.lastError).toMatch(/failed after 2 attempts/);
      // `all` takes live leases too (embedded mode: the caller is the only process).
      expect((await store.jobs.recoverOrphans({ all: true })).requeued).toContain('job_live');
      expect(await store.jobs.listQueued()).toContain('job_live');
      const counts = await store.jobs.countByStatus();
      expect(counts.failed).toBeGreaterThanOrEqual(1);
    });
  });

  describe('experiments', () => {
    it('records and lists results by experiment', async () => {
      await store.experiments.record({ experiment: 'extraction', params: { budget: 100 }, metrics: { fidelity: 0.9 } });
      await store.experiments.record({ experiment: 'other', metrics: { x: 1 } });
      const rows = await store.experiments.list('extraction');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ experiment: 'extraction', params: { budget: 100 }, metrics: { fidelity: 0.9 } });
      expect(rows[0]?.id).toMatch(/^exp_/);
    });
  });
});
