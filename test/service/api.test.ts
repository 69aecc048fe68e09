/** The API's successful paths: predictions, audit, models, training jobs, metrics, health. */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linearArtifact } from './helpers/linear-runtime.js';
import { IDENTITY_ARTIFACT, testService, type TestService } from './helpers/service.js';

let t: TestService;
let modelId: string;
let user: { id: string; auth: string };

beforeAll(async () => {
  t = await testService();
  user = await t.key(['predict', 'train']);
  const res = await t.service.app.inject({ method: 'POST', url: '/v1/models', headers: { authorization: user.auth }, payload: { artifact: IDENTITY_ARTIFACT } });
  expect(res.statusCode).toBe(201);
  modelId = (JSON.parse(res.body) as { id: string }).id;
});
afterAll(() => t.close());

const inject = (method: 'GET' | 'POST' | 'DELETE', url: string, auth?: string, payload?: unknown, headers: Record<string, string> = {}) =>
  t.service.app.inject({ method, url, headers: { ...(auth ? { authorization: auth } : {}), ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });

describe('predict', () => {
  it('answers softmax(W·x + b) of the identity model: p(a) = e²/(e²+1) for x = (2, 0)', async () => {
    const res = await inject('POST', `/v1/models/${modelId}/predict`, user.auth, { inputs: [[2, 0], [0, 0], [-1, 3]] });
    expect(res.statusCode).toBe(200);
    const body = JSON.parse(res.body) as { model: { id: string; version: number }; predictions: { label: string; probabilities: number[] }[] };
    expect(body.model).toEqual({ id: modelId, version: 1 });
    const e2 = Math.exp(2);
    expect(body.predictions[0]?.label).toBe('a');
    expect(body.predictions[0]?.probabilities[0]).toBeCloseTo(e2 / (e2 + 1), 12);
    expect(body.predictions[1]?.probabilities).toEqual([0.5, 0.5]);
    expect(body.predictions[2]?.label).toBe('b');
    expect(body.predictions[2]?.probabilities[1]).toBeCloseTo(1 / (1 + Math.exp(-4)), 12);
  });

  it('writes one audit row per answered request, with the SHA-256 of the canonical inputs and the output', async () => {
    const key = await t.key(['predict']);
    const inputs = [[0.5, -1.25], [3, 4]];
    const res = await inject('POST', `/v1/models/${modelId}/predict`, key.auth, { inputs });
    const answer = JSON.parse(res.body) as { predictions: unknown };
    const rows = await t.store.audit.listByKey(key.id);
    expect(rows).toHaveLength(1);
    const expected = `sha256:${createHash('sha256').update('[[0.5,-1.25],[3,4]]').digest('hex')}`;
    expect(rows[0]).toMatchObject({ keyId: key.id, modelId, modelVersion: 1, rowCount: 2, inputDigest: expected, output: answer.predictions });
    // Formatting of the request does not change the digest: it is over the values.
    await t.service.app.inject({ method: 'POST', url: `/v1/models/${modelId}/predict`, headers: { authorization: key.auth, 'content-type': 'application/json' }, payload: '{ "inputs" : [ [0.50, -1.250], [3.0, 4e0] ] }' });
    const after = await t.store.audit.listByKey(key.id);
    expect(after.map((r) => r.inputDigest)).toEqual([expected, expected]);
  });

  it('quota is spent atomically under concurrent requests: exactly `quota` answers, each audited', async () => {
    const key = await t.key(['predict'], { quota: 10 });
    const results = await Promise.all(Array.from({ length: 25 }, (_, i) => inject('POST', `/v1/models/${modelId}/predict`, key.auth, { inputs: [[i, 0]] })));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(10);
    expect(codes.filter((c) => c === 429)).toHaveLength(15);
    expect((await t.store.keys.get(key.id)).queriesUsed).toBe(10);
    const audited = await t.store.audit.listByKey(key.id);
    expect(audited).toHaveLength(10);
    const answeredDigests = results
      .map((r, i) => ({ r, i }))
      .filter(({ r }) => r.statusCode === 200)
      .map(({ i }) => `sha256:${createHash('sha256').update(JSON.stringify([[i, 0]])).digest('hex')}`)
      .sort();
    expect(audited.map((a) => a.inputDigest).sort()).toEqual(answeredDigests);
  });
});

describe('models', () => {
  it('GET /v1/models lists objects with an id; GET /v1/models/:id adds width, classes, versions', async () => {
    const list = JSON.parse((await inject('GET', '/v1/models', user.auth)).body) as { models: { id: string; name: string; checksum: string }[] };
    expect(list.models.find((m) => m.id === modelId)).toMatchObject({ name: 'identity', checksum: IDENTITY_ARTIFACT.checksum });
    const one = JSON.parse((await inject('GET', `/v1/models/${modelId}`, user.auth)).body) as Record<string, unknown>;
    expect(one).toMatchObject({ id: modelId, num_features: 2, classes: ['a', 'b'], version: 1 });
    expect(one['versions']).toHaveLength(1);
  });

  it('a tampered artifact is refused with 422 naming the checksum mismatch', async () => {
    const tampered = { ...IDENTITY_ARTIFACT, bias: [5, 0] };
    const res = await inject('POST', '/v1/models', user.auth, { artifact: tampered });
    expect(res.statusCode).toBe(422);
    expect(JSON.parse(res.body).detail).toMatch(/checksum mismatch/);
  });

  it('registering the same name again makes version 2, which predict then serves', async () => {
    const v2 = linearArtifact({ name: 'identity', classes: ['a', 'b'], weights: [[-1, 0], [0, -1]], bias: [0, 0], metadata: {} });
    const res = await inject('POST', '/v1/models', user.auth, { artifact: v2 });
    expect(JSON.parse(res.body)).toMatchObject({ id: modelId, version: 2 });
    const p = JSON.parse((await inject('POST', `/v1/models/${modelId}/predict`, user.auth, { inputs: [[2, 0]] })).body) as { model: { version: number }; predictions: { label: string }[] };
    expect(p.model.version).toBe(2);
    expect(p.predictions[0]?.label).toBe('b');
  });
});

describe('training jobs', () => {
  const spec = {
    name: 'learned',
    classes: ['neg', 'pos'],
    inputs: [[-2, 0], [-1, 0.5], [1, -0.5], [2, 0]],
    labels: [0, 0, 1, 1],
    steps: 30,
  };

  async function waitForJob(id: string, auth: string): Promise<Record<string, unknown>> {
    for (let i = 0; i < 400; i++) {
      const job = JSON.parse((await inject('GET', `/v1/jobs/${id}`, auth)).body) as Record<string, unknown>;
      if (job['status'] === 'succeeded' || job['status'] === 'failed') return job;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`job ${id} did not finish`);
  }

  it('POST a spec → 202 job → succeeded with a model that separates the training data', async () => {
    const res = await inject('POST', '/v1/models', user.auth, { spec });
    expect(res.statusCode).toBe(202);
    const { job } = JSON.parse(res.body) as { job: { id: string; status: string } };
    expect(res.headers['location']).toBe(`/v1/jobs/${job.id}`);
    const done = await waitForJob(job.id, user.auth);
    expect(done).toMatchObject({ status: 'succeeded', progress: 1, attempts: 1, last_error: null });
    const trained = done['model_id'] as string;
    const p = JSON.parse((await inject('POST', `/v1/models/${trained}/predict`, user.auth, { inputs: spec.inputs })).body) as { predictions: { label: string }[] };
    expect(p.predictions.map((x) => x.label)).toEqual(['neg', 'neg', 'pos', 'pos']);
    const stored = await t.store.models.find(trained);
    expect(stored?.source).toBe(`job:${job.id}`);
    expect(stored?.metadata).toMatchObject({ trainedSteps: 30, resumedFrom: [] });
  });

  it('repeating a request returns the same job (200); an Idempotency-Key reused for another body is 422', async () => {
    const first = await inject('POST', '/v1/models', user.auth, { spec: { ...spec, name: 'again' } });
    const second = await inject('POST', '/v1/models', user.auth, { spec: { ...spec, name: 'again' } });
    expect([first.statusCode, second.statusCode]).toEqual([202, 200]);
    expect(JSON.parse(second.body).job.id).toBe(JSON.parse(first.body).job.id);
    const a = await inject('POST', '/v1/models', user.auth, { spec: { ...spec, name: 'idem' } }, { 'idempotency-key': 'client-42' });
    const b = await inject('POST', '/v1/models', user.auth, { spec: { ...spec, name: 'idem' } }, { 'idempotency-key': 'client-42' });
    expect(JSON.parse(b.body).job.id).toBe(JSON.parse(a.body).job.id);
    const c = await inject('POST', '/v1/models', user.auth, { spec: { ...spec, name: 'other' } }, { 'idempotency-key': 'client-42' });
    expect(c.statusCode).toBe(422);
    expect(JSON.parse(c.body).detail).toMatch(/already used for a different request/);
    await waitForJob(JSON.parse(a.body).job.id, user.auth);
  });

  it('bad specs fail the job at once with the runtime’s message; other keys cannot see the job', async () => {
    const res = await inject('POST', '/v1/models', user.auth, { spec: { ...spec, steps: 0, name: 'bad' } });
    const id = JSON.parse(res.body).job.id as string;
    const done = await waitForJob(id, user.auth);
    expect(done).toMatchObject({ status: 'failed', attempts: 1, last_error: 'spec.steps must be a positive integer', model_id: null });
    const stranger = await t.key(['train']);
    expect((await inject('GET', `/v1/jobs/${id}`, stranger.auth)).statusCode).toBe(404);
    const admin = await t.key(['admin', 'train']);
    expect((await inject('GET', `/v1/jobs/${id}`, admin.auth)).statusCode).toBe(200);
  });

  it('a body with both spec and artifact, or neither, is 422', async () => {
    expect((await inject('POST', '/v1/models', user.auth, { spec, artifact: IDENTITY_ARTIFACT })).statusCode).toBe(422);
    expect((await inject('POST', '/v1/models', user.auth, { name: 'x' })).statusCode).toBe(422);
  });
});

describe('admin', () => {
  it('creates keys (secret once), lists them without secrets, reads a key’s audit log', async () => {
    const admin = await t.key(['admin']);
    const created = await inject('POST', '/v1/keys', admin.auth, { name: 'lab', scopes: ['predict'], quota: 50 });
    expect(created.statusCode).toBe(201);
    const { key, secret } = JSON.parse(created.body) as { key: { id: string; quota: number; rate: number }; secret: string };
    expect(key).toMatchObject({ quota: 50, rate: 50 });
    const list = (await inject('GET', '/v1/keys', admin.auth)).body;
    expect(list).toContain(key.id);
    expect(list).not.toContain(secret.slice(12));
    await inject('POST', `/v1/models/${modelId}/predict`, `Bearer ${secret}`, { inputs: [[1, 1]] });
    const audit = JSON.parse((await inject('GET', `/v1/audit?key_id=${key.id}`, admin.auth)).body) as { entries: { key_id: string; row_count: number }[] };
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({ key_id: key.id, row_count: 1 });
    expect((await inject('GET', '/v1/audit?key_id=x&since=yesterday', admin.auth)).statusCode).toBe(422);
  });
});

describe('health and metrics', () => {
  it('/healthz reports the database and queue', async () => {
    const res = await inject('GET', '/healthz');
    expect(JSON.parse(res.body)).toMatchObject({ status: 'ok', database: t.store.db.kind, queue: 'in-process' });
  });

  it('/metrics has request counts by route and status, predictions per model, queue depth and job outcomes', async () => {
    const text = (await inject('GET', '/metrics')).body;
    expect(text).toMatch(new RegExp(`qmlsec_http_requests_total\\{method="POST",route="/v1/models/:id/predict",status="200"\\} \\d+`));
    expect(text).toMatch(/qmlsec_http_requests_total\{method="GET",route="\/v1\/models",status="200"\} \d+/);
    expect(text).toMatch(new RegExp(`qmlsec_predictions_total\\{model="${modelId}"\\} \\d+`));
    expect(text).toMatch(/qmlsec_http_request_duration_seconds_bucket\{le="0.005",method="POST",route="\/v1\/models\/:id\/predict",status="200"\}/);
    expect(text).toMatch(/qmlsec_queue_depth \d+/);
    expect(text).toMatch(/qmlsec_job_attempts_total\{outcome="succeeded"\} \d+/);
    expect(text).toMatch(/qmlsec_job_attempts_total\{outcome="failed"\} 1/);
  });
});

describe.skipIf(!process.env['REDIS_URL'])('rate limits in Redis (REDIS_URL set)', () => {
  it('two servers sharing one Redis share each key’s bucket', async () => {
    const { Redis } = await import('ioredis');
    const { RedisRateLimiter } = await import('../../src/service/rate-limiter.js');
    const a = new RedisRateLimiter(new Redis(process.env['REDIS_URL'] as string), `qmlsec:test:${process.pid}:`);
    const b = new RedisRateLimiter(new Redis(process.env['REDIS_URL'] as string), `qmlsec:test:${process.pid}:`);
    try {
      // rate 2/s → burst 2: two requests pass (one per server), the third is refused on either.
      expect(await a.take('key_shared', 2)).toEqual({ allowed: true });
      expect(await b.take('key_shared', 2)).toEqual({ allowed: true });
      expect(await a.take('key_shared', 2)).toEqual({ allowed: false, retryAfterSeconds: 1 });
      expect((await b.take('key_shared', 2)).allowed).toBe(false);
      expect(await a.take('key_other', 2)).toEqual({ allowed: true });
    } finally {
      await a.close();
      await b.close();
    }
  });
});
