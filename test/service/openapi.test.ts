/** The OpenAPI document: well-formed 3.1, complete, and true to what the server answers. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTITY_ARTIFACT, testService, type TestService } from './helpers/service.js';

type Doc = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { operationId: string; security: unknown[]; responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>; parameters?: { name: string; in: string }[]; requestBody?: unknown }>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, { type: string; scheme: string }> };
};

let t: TestService;
let doc: Doc;
let ajv: Ajv2020;

beforeAll(async () => {
  t = await testService();
  const res = await t.service.app.inject({ method: 'GET', url: '/openapi.json' });
  expect(res.statusCode).toBe(200);
  doc = JSON.parse(res.body) as Doc;
  ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ $id: 'doc', components: doc.components } as object);
});
afterAll(() => t.close());

/** The schema of a documented response, with #/components refs pointed at the registered components. */
function responseSchema(path: string, method: string, status: number): object {
  const op = doc.paths[path]?.[method];
  const content = op?.responses[String(status)]?.content ?? {};
  const schema = Object.values(content)[0]?.schema;
  if (!schema) throw new Error(`no schema for ${method} ${path} ${status}`);
  return JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"doc#/components/')) as object;
}

function expectValid(path: string, method: string, status: number, body: unknown): void {
  const validate = ajv.compile(responseSchema(path, method, status));
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
}

describe('/openapi.json', () => {
  it('is an OpenAPI 3.1 document with info, bearer security and a Problem schema', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(doc.components.securitySchemes['bearerAuth']).toEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }));
    expect(doc.components.schemas['Problem']).toBeDefined();
  });

  it('documents every route of the issue, with unique operation ids and templated paths', () => {
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    for (const expected of ['POST /v1/models', 'GET /v1/jobs/{id}', 'GET /v1/models', 'GET /v1/models/{id}', 'POST /v1/models/{id}/predict', 'GET /openapi.json', 'GET /healthz', 'GET /metrics']) {
      expect(ops).toContain(expected);
    }
    const ids = Object.values(doc.paths).flatMap((m) => Object.values(m).map((o) => o.operationId));
    expect(new Set(ids).size).toBe(ids.length);
    for (const [path, methods] of Object.entries(doc.paths)) {
      expect(path).not.toContain(':');
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const op of Object.values(methods)) {
        expect((op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name)).toEqual(templated);
      }
    }
  });

  it('every schema in it compiles as JSON Schema 2020-12, and every error response is problem+json', () => {
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        for (const [status, response] of Object.entries(op.responses)) {
          expect(() => responseSchema(path, method, Number(status))).not.toThrow();
          ajv.compile(responseSchema(path, method, Number(status)));
          if (Number(status) >= 400) expect(Object.keys(response.content ?? {})).toEqual(['application/problem+json']);
        }
        const secured = path.startsWith('/v1/');
        expect(op.security.length > 0).toBe(secured);
      }
    }
  });

  it('real responses conform to the documented schemas', async () => {
    const key = await t.key(['predict', 'train', 'admin']);
    const h = { authorization: key.auth };
    const created = await t.service.app.inject({ method: 'POST', url: '/v1/models', headers: h, payload: { artifact: IDENTITY_ARTIFACT } });
    expectValid('/v1/models', 'post', 201, JSON.parse(created.body));
    const id = JSON.parse(created.body).id as string;
    expectValid('/v1/models', 'get', 200, JSON.parse((await t.service.app.inject({ method: 'GET', url: '/v1/models', headers: h })).body));
    expectValid('/v1/models/{id}', 'get', 200, JSON.parse((await t.service.app.inject({ method: 'GET', url: `/v1/models/${id}`, headers: h })).body));
    const predicted = await t.service.app.inject({ method: 'POST', url: `/v1/models/${id}/predict`, headers: h, payload: { inputs: [[1, 2]] } });
    expectValid('/v1/models/{id}/predict', 'post', 200, JSON.parse(predicted.body));
    const bad = await t.service.app.inject({ method: 'POST', url: `/v1/models/${id}/predict`, headers: h, payload: { inputs: [[1]] } });
    expectValid('/v1/models/{id}/predict', 'post', 422, JSON.parse(bad.body));
    const job = await t.service.app.inject({ method: 'POST', url: '/v1/models', headers: h, payload: { spec: { name: 'j', classes: ['a', 'b'], inputs: [[0, 1]], labels: [0], steps: 1 } } });
    expectValid('/v1/models', 'post', 202, JSON.parse(job.body));
    const jobId = JSON.parse(job.body).job.id as string;
    expectValid('/v1/jobs/{id}', 'get', 200, JSON.parse((await t.service.app.inject({ method: 'GET', url: `/v1/jobs/${jobId}`, headers: h })).body));
    const newKey = await t.service.app.inject({ method: 'POST', url: '/v1/keys', headers: h, payload: { name: 'n', scopes: ['predict'] } });
    expectValid('/v1/keys', 'post', 201, JSON.parse(newKey.body));
    expectValid('/v1/keys', 'get', 200, JSON.parse((await t.service.app.inject({ method: 'GET', url: '/v1/keys', headers: h })).body));
    expectValid('/v1/audit', 'get', 200, JSON.parse((await t.service.app.inject({ method: 'GET', url: `/v1/audit?key_id=${key.id}`, headers: h })).body));
    expectValid('/healthz', 'get', 200, JSON.parse((await t.service.app.inject({ method: 'GET', url: '/healthz' })).body));
  });
});
