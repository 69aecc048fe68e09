/** Demo step: serve the trained model on loopback behind an API key and query it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelRuntime } from '../../cloud/runtime.js';
import type { ModelArtifact } from '../../qml/artifact.js';
import { createService } from '../../service/service.js';
import { openStore } from '../../store/store.js';
import { say, section } from './say.js';

export async function demoServing(artifact: ModelArtifact, rows: readonly (readonly number[])[]): Promise<void> {
  section('Serving: the model behind the inference API on 127.0.0.1');
  const dir = mkdtempSync(join(tmpdir(), 'qmlsec-demo-'));
  const store = await openStore({ dataDir: dir });
  const service = createService({ store, runtime: modelRuntime, logLevel: 'warn', processMetrics: false });
  try {
    const { secret } = await store.keys.create({ name: 'demo', scopes: ['predict'], queryQuota: 1000, rateLimit: null });
    const loaded = modelRuntime.loadArtifact(artifact);
    const model = await store.models.register({ name: loaded.name, checksum: loaded.checksum, artifact: JSON.stringify(artifact), metadata: loaded.metadata, source: 'import' });
    const url = await service.listen({ host: '127.0.0.1', port: 0 });
    say(`listening on ${url}; model ${model.modelId} (checksum ${loaded.checksum.slice(0, 19)}…); an API key with scope predict and a quota of 1000 queries`);
    const res = await fetch(`${url}/v1/models/${model.modelId}/predict`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ inputs: rows }),
    });
    const body = (await res.json()) as { predictions: { label: string; probabilities: number[] }[] };
    rows.forEach((row, i) => {
      const p = body.predictions[i];
      say(`  POST /predict [${row.join(', ')}] → ${p?.label} (p = ${p?.probabilities.map((v) => v.toFixed(3)).join(', ')})`);
    });
    const denied = await fetch(`${url}/v1/models/${model.modelId}/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"inputs": [[1, 2, 3, 4]]}' });
    say(`  without a key: HTTP ${denied.status} (${((await denied.json()) as { detail: string }).detail.split(':')[0]})`);
    const audit = await store.audit.listByKey((await store.keys.list())[0]?.id ?? '');
    say(`  audit log: ${audit.length} row(s) for the demo key (${rows.length} inputs in one request; the row holds the input's digest and the answer)`);
  } finally {
    await service.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
