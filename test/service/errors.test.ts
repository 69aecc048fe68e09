/** Every 4xx of the API: status, problem+json body, headers — and nothing logged as an error. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTITY_ARTIFACT, testService, type TestService } from './helpers/service.js';

let t: TestService;
let modelId: string;
let predictKey: { id: string; auth: string };

beforeAll(async () => {
  t = await testService({ maxBatchRows: 5, bodyLimitBytes: 4096 });
  modelId = (await t.store.models.register({ name: 'identity', checksum: IDENTITY_ARTIFACT.checksum, artifact: IDENTITY_ARTIFACT, source: 'import' })).modelId;
  predictKey = await t.key(['predict']);
});
afterAll(() => t.close());

async function predict(body: string, auth = predictKey.auth, id = modelId, contentType = 'application/json') {
  return t.service.app.inject({ method: 'POST', url: `/v1/models/${id}/predict`, headers: { authorization: auth, 'content-type': contentType }, payload: body });
}

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: { path: string; message: string }[];
}

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number, detail: RegExp): ProblemBody {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const p = JSON.parse(res.body) as ProblemBody;
  expect(p).toMatchObject({ status, type: expect.stringMatching(/^urn:qmlsec:problem:[a-z-]+$/), title: expect.any(String), instance: expect.stringMatching(/^\//) });
  expect(p.detail).toMatch(detail);
  return p;
}

describe('authentication and authorization', () => {
  it('401 without a key, with a Bearer challenge', async () => {
    const res = await t.service.app.inject({ method: 'GET', url: '/v1/models' });
    expectProblem(res, 401, /missing API key/);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="qmlsec"');
  });

  it('401 for a malformed header and for an unknown key', async () => {
    expectProblem(await t.service.app.inject({ method: 'GET', url: '/v1/models', headers: { authorization: 'Basic abc' } }), 401, /malformed/);
    const unknown = `Bearer qmlsec_${'A'.repeat(43)}`;
    const res = await t.service.app.inject({ method: 'GET', url: '/v1/models', headers: { authorization: unknown } });
    expectProblem(res, 401, /unknown API key/);
    expect(res.headers['www-authenticate']).toMatch(/error="invalid_token"/);
  });

  it('401 before the body is read: no key and an oversized body still gets 401', async () => {
    const res = await t.service.app.inject({ method: 'POST', url: `/v1/models/${modelId}/predict`, headers: { 'content-type': 'application/json' }, payload: 'x'.repeat(10_000) });
    expectProblem(res, 401, /missing API key/);
  });

  it('403 for a key without the scope, naming the scope', async () => {
    const trainOnly = await t.key(['train']);
    const p = expectProblem(await predict('{"inputs":[[1,2]]}', trainOnly.auth), 403, /lacks the "predict" scope/);
    expect(p.type).toBe('urn:qmlsec:problem:insufficient-scope');
    const noAdmin = await t.service.app.inject({ method: 'GET', url: '/v1/keys', headers: { authorization: predictKey.auth } });
    expectProblem(noAdmin, 403, /"admin" scope/);
  });

  it('a revoked key is rejected on its very next request', async () => {
    const admin = await t.key(['admin']);
    const victim = await t.key(['predict']);
    expect((await predict('{"inputs":[[1,2]]}', victim.auth)).statusCode).toBe(200);
    const revoke = await t.service.app.inject({ method: 'DELETE', url: `/v1/keys/${victim.id}`, headers: { authorization: admin.auth } });
    expect(revoke.statusCode).toBe(200);
    expect(JSON.parse(revoke.body).revoked_at).not.toBeNull();
    expectProblem(await predict('{"inputs":[[1,2]]}', victim.auth), 401, /revoked/);
  });
});

describe('bad input', () => {
  it('400 for malformed JSON', async () => {
    const p = expectProblem(await predict('{"inputs": [[1, 2]'), 400, /not valid JSON/);
    expect(p.type).toBe('urn:qmlsec:problem:malformed-json');
  });

  it('415 for a body that is not JSON', async () => {
    expectProblem(await predict('inputs=1', predictKey.auth, modelId, 'text/plain'), 415, /Content-Type: application\/json/);
  });

  it('413 for a body over the size limit', async () => {
    const rows = Array.from({ length: 400 }, () => [1.2345678, 2.3456789]);
    expectProblem(await predict(JSON.stringify({ inputs: rows })), 413, /body/i);
  });

  it('413 for more rows than the batch limit, naming the limit', async () => {
    const p = expectProblem(await predict(JSON.stringify({ inputs: [[1, 1], [1, 1], [1, 1], [1, 1], [1, 1], [1, 1]] })), 413, /6 input rows exceed .* limit of 5 rows/);
    expect(p.type).toBe('urn:qmlsec:problem:batch-too-large');
  });

  it('422 for the wrong width, naming the row', async () => {
    const p = expectProblem(await predict('{"inputs":[[1,2],[1,2,3]]}'), 422, /inputs\[1\] \(row 1\): expected 2 features, got 3/);
    expect(p.errors).toEqual([{ path: 'inputs[1]', message: 'expected 2 features, got 3' }]);
  });

  it('422 for "NaN", null, strings and overflowing literals, naming row and column', async () => {
    const p = expectProblem(await predict('{"inputs":[[1,"NaN"],[null,2],[1e999,0],["3",4]]}'), 422, /inputs\[0\]\[1\] \(row 0, column 1\): expected a finite number, got the string "NaN" \(and 3 more/);
    expect(p.errors?.map((e) => e.path)).toEqual(['inputs[0][1]', 'inputs[1][0]', 'inputs[2][0]', 'inputs[3][0]']);
    expect(p.errors?.[1]?.message).toBe('expected a finite number, got null');
    expect(p.errors?.[2]?.message).toBe('expected a finite number, got Infinity');
  });

  it('422 for a body of the wrong shape', async () => {
    expectProblem(await predict('{"inputs":[]}'), 422, /empty/);
    expectProblem(await predict('{"rows":[[1,2]]}'), 422, /unknown field\(s\) "rows"/);
    expectProblem(await predict('[[1,2]]'), 422, /JSON object/);
    expectProblem(await predict('{"inputs":[3]}'), 422, /inputs\[0\].*expected an array of 2 numbers, got 3/);
  });

  it('404 for an unknown model and an unknown route', async () => {
    const p = expectProblem(await predict('{"inputs":[[1,2]]}', predictKey.auth, 'mdl_doesnotexist'), 404, /no model with id "mdl_doesnotexist"/);
    expect(p.instance).toBe('/v1/models/mdl_doesnotexist/predict');
    expectProblem(await t.service.app.inject({ method: 'GET', url: '/v2/nothing' }), 404, /no route GET \/v2\/nothing/);
  });

  it('422 for an invalid admin body, with field paths', async () => {
    const admin = await t.key(['admin']);
    const res = await t.service.app.inject({ method: 'POST', url: '/v1/keys', headers: { authorization: admin.auth }, payload: { name: 'x', scopes: ['predict', 'root'] } });
    const p = expectProblem(res, 422, /scopes\[1\]/);
    expect(p.errors?.[0]?.path).toBe('scopes[1]');
  });
});

describe('limits', () => {
  it('429 with Retry-After when the rate limit is exceeded', async () => {
    const slow = await t.key(['predict'], { rate: 1 });
    expect((await predict('{"inputs":[[0,0]]}', slow.auth)).statusCode).toBe(200);
    const res = await predict('{"inputs":[[0,0]]}', slow.auth);
    const p = expectProblem(res, 429, /rate limit of 1 requests\/s/);
    expect(p.type).toBe('urn:qmlsec:problem:rate-limited');
    expect(res.headers['retry-after']).toBe('1');
  });

  it('429 with Retry-After when the query quota (input rows) is exhausted; nothing is spent by refused requests', async () => {
    const limited = await t.key(['predict'], { quota: 3 });
    expect((await predict('{"inputs":[[0,0],[1,1]]}', limited.auth)).statusCode).toBe(200);
    const res = await predict('{"inputs":[[0,0],[1,1]]}', limited.auth);
    expectProblem(res, 429, /has 1 of its 3 queries left and this request needs 2/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect((await predict('{"inputs":[[0,0]]}', limited.auth)).statusCode).toBe(200);
    expectProblem(await predict('{"inputs":[[0,0]]}', limited.auth), 429, /0 of its 3/);
    expect((await t.store.keys.get(limited.id)).queriesUsed).toBe(3);
    expect(await t.store.audit.count(limited.id)).toBe(2);
  });
});

describe('logging of rejected requests', () => {
  it('no 4xx was logged at error level, and no key secret or raw input reached the log', async () => {
    const errors = t.logs.filter((l) => l.level >= 50);
    expect(errors).toEqual([]);
    const rejected = t.logs.filter((l) => l.msg === 'request rejected');
    expect(rejected.length).toBeGreaterThan(10);
    expect(rejected.every((l) => l.level === 30)).toBe(true);
    const text = t.logText();
    expect(text).not.toContain(predictKey.auth.slice('Bearer qmlsec_'.length));
    expect(text).not.toContain('1e999');
    expect(text).not.toContain('[[1,2],[1,2,3]]');
  });
});
