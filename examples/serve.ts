/**
 * The inference service in-process: what `qmlsec serve` runs, on 127.0.0.1 with an embedded
 * PGlite store in a temporary directory. An admin key registers a freshly trained Iris model
 * and issues a client key with a quota of 4 queries; the client predicts, and the service
 * refuses a bad key (401), a missing scope (403) and a request beyond the quota (429). Then the
 * audit log, /metrics and /openapi.json, and a clean shutdown. Starting PGlite takes a few seconds.
 *
 *   npx tsx examples/serve.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  argmaxRows, createService, loadModelSpec, modelRuntime, openStore, simulatorExecutor, trainFromSpec,
} from '../src/index.js';

// A small model to serve: the Iris spec with 10 epochs.
const spec = loadModelSpec(join(import.meta.dirname, 'iris.yaml'));
const trained = await trainFromSpec({ ...spec, training: { ...spec.training, epochs: 10 } });
console.log(`trained ${trained.artifact.name}: test accuracy ${trained.test.accuracy.toFixed(3)} (${trained.epochs} epochs)`);

const dir = mkdtempSync(join(tmpdir(), 'qmlsec-serve-'));
const store = await openStore({ dataDir: dir });
// logLevel 'warn': the service logs JSON lines on stdout; keep them out of this walkthrough.
const service = createService({ store, runtime: modelRuntime, logLevel: 'warn', processMetrics: false });
try {
  // The first admin key comes from the store directly (what `qmlsec keys create` does).
  const admin = await store.keys.create({ name: 'admin', scopes: ['admin', 'train', 'predict'], queryQuota: null, rateLimit: null });
  const url = await service.listen({ host: '127.0.0.1', port: 0 });
  console.log(`\nlistening on ${url} (${store.description})`);

  const call = async (method: string, path: string, secret: string | undefined, body?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { ...(secret ? { authorization: `Bearer ${secret}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  // 1. Register the artifact (the service verifies its checksum) and issue a client key.
  const created = await call('POST', '/v1/models', admin.secret, { artifact: trained.artifact });
  const modelId = created.body['id'] as string;
  console.log(`POST /v1/models → ${created.status}: model ${modelId} version ${String(created.body['version'])}, ${String(created.body['checksum']).slice(0, 19)}…`);
  const keyRes = await call('POST', '/v1/keys', admin.secret, { name: 'client', scopes: ['predict'], quota: 4 });
  const client = keyRes.body as { key: { id: string }; secret: string };
  console.log(`POST /v1/keys → ${keyRes.status}: key ${client.key.id}, scope predict, quota 4 (the secret is shown once)`);

  // 2. Predict three flowers; the service answers what the model predicts locally.
  const rows = [[5.1, 3.5, 1.4, 0.2], [6.4, 3.2, 4.5, 1.5], [6.7, 3.0, 5.2, 2.3]];
  const predicted = await call('POST', `/v1/models/${modelId}/predict`, client.secret, { inputs: rows });
  const predictions = predicted.body['predictions'] as { label: string; probabilities: number[] }[];
  console.log(`\nPOST /v1/models/${modelId}/predict → ${predicted.status}`);
  predictions.forEach((p, i) => console.log(`  [${rows[i]!.join(', ')}] → ${p.label.padEnd(10)} p = ${p.probabilities.map((v) => v.toFixed(3)).join(', ')}`));
  const local = argmaxRows(trained.model.predictProba(rows, simulatorExecutor('statevector')), rows.length, trained.model.classes.length);
  console.log(`  same labels as the local model: ${predictions.every((p, i) => p.label === trained.model.classes[local[i]!])}`);

  // 3. Refusals: RFC 9457 problem documents with a status and a detail saying what to do.
  const refuse = async (what: string, request: Promise<{ status: number; body: Record<string, unknown> }>) => {
    const r = await request;
    console.log(`  ${what.padEnd(30)} → ${r.status} ${String(r.body['detail'])}`);
  };
  console.log('\nRefused:');
  await refuse('no API key', call('POST', `/v1/models/${modelId}/predict`, undefined, { inputs: [rows[0]] }));
  await refuse('a made-up key', call('POST', `/v1/models/${modelId}/predict`, `qmlsec_${'A'.repeat(43)}`, { inputs: [rows[0]] }));
  await refuse('client key on an admin route', call('GET', '/v1/keys', client.secret));
  await refuse('2 more rows (quota 4, used 3)', call('POST', `/v1/models/${modelId}/predict`, client.secret, { inputs: rows.slice(0, 2) }));
  await refuse('a row of 3 features', call('POST', `/v1/models/${modelId}/predict`, client.secret, { inputs: [[1, 2, 3]] }));

  // 4. What the operator sees: the audit log, Prometheus metrics, the OpenAPI document.
  const audit = await call('GET', `/v1/audit?key_id=${client.key.id}`, admin.secret);
  const entries = audit.body['entries'] as { row_count: number; input_digest: string }[];
  console.log(`\nGET /v1/audit → ${entries.length} entry for the client key: ${entries.map((e) => `${e.row_count} rows, inputs ${e.input_digest.slice(0, 19)}…`).join('; ')}`);
  const metrics = await (await fetch(`${url}/metrics`)).text();
  console.log('GET /metrics (excerpt):');
  for (const line of metrics.split('\n').filter((l) => /^qmlsec_(prediction_rows_total|predictions_total|http_requests_total\{[^}]*status="(429|401)")/.test(l))) console.log(`  ${line}`);
  const openapi = (await (await fetch(`${url}/openapi.json`)).json()) as { openapi: string; info: { title: string }; paths: Record<string, unknown> };
  console.log(`GET /openapi.json → OpenAPI ${openapi.openapi}, "${openapi.info.title}", ${Object.keys(openapi.paths).length} paths: ${Object.keys(openapi.paths).join(' ')}`);
} finally {
  await service.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
console.log('\nservice closed, store closed, temporary directory removed');
