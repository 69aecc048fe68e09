/** `qmlsec keys` and `qmlsec models` in-process, on a prepared data directory. */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../cli/run-cli.js';
import { hashApiKeySecret } from '../../src/store/api-key-secret.js';
import { openStore } from '../../src/store/store.js';
import { preparedDataDir } from '../store/helpers/stores.js';
import { IDENTITY_ARTIFACT } from './helpers/service.js';

let dataDir: string;
const savedDbUrl = process.env['DATABASE_URL'];
beforeAll(async () => {
  dataDir = await preparedDataDir();
  delete process.env['DATABASE_URL']; // these tests exercise --data-dir
  process.env['QMLSEC_RUNTIME_MODULE'] = fileURLToPath(new URL('./helpers/linear-runtime.ts', import.meta.url));
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  if (savedDbUrl !== undefined) process.env['DATABASE_URL'] = savedDbUrl;
  delete process.env['QMLSEC_RUNTIME_MODULE'];
});

describe('qmlsec keys', () => {
  it('create prints the secret once and stores only its hash; list never prints it; revoke marks it', async () => {
    const created = await run('keys', 'create', '--scopes', 'predict,train', '--quota', '500', '--rate', 'unlimited', '--name', 'lab', '--data-dir', dataDir, '--format', 'json');
    expect(created.err).toBe('');
    expect(created.code).toBe(0);
    const key = JSON.parse(created.out) as { id: string; secret: string; scopes: string[]; quota: number; rate: number | null };
    expect(key).toMatchObject({ scopes: ['predict', 'train'], quota: 500, rate: null });
    const list = await run('keys', 'list', '--data-dir', dataDir, '--format', 'json');
    expect(list.out).toContain(key.id);
    expect(list.out).not.toContain(key.secret.slice(11));
    const text = await run('keys', 'list', '--data-dir', dataDir);
    expect(text.out).toMatch(new RegExp(`${key.id}\\s+lab\\s+qmlsec_\\S{4}\\s+predict,train\\s+0/500\\s+∞\\s+active`));
    expect((await run('keys', 'revoke', key.id, '--data-dir', dataDir)).code).toBe(0);
    const store = await openStore({ dataDir });
    const stored = await store.keys.findByHash(hashApiKeySecret(key.secret));
    await store.close();
    expect(stored?.revokedAt).not.toBeNull();
  });

  it('usage errors exit 2 with a message; an unknown key id exits 1', async () => {
    const bad = await run('keys', 'create', '--scopes', 'predict,root', '--data-dir', dataDir);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown: root/);
    expect((await run('keys', 'create', '--scopes', 'predict', '--quota', '-1', '--data-dir', dataDir)).code).toBe(2);
    const missing = await run('keys', 'revoke', 'key_nope', '--data-dir', dataDir);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no API key with id "key_nope"/);
  });

  it('worker without REDIS_URL exits 2 naming it', async () => {
    const saved = process.env['REDIS_URL'];
    delete process.env['REDIS_URL'];
    const res = await run('worker');
    if (saved !== undefined) process.env['REDIS_URL'] = saved;
    expect(res.code).toBe(2);
    expect(res.err).toMatch(/needs REDIS_URL/);
  });
});

describe('qmlsec models', () => {
  it('import verifies and registers an artifact; list shows it with its id; a tampered file is refused', async () => {
    const file = join(dataDir, 'model.json');
    writeFileSync(file, JSON.stringify(IDENTITY_ARTIFACT, null, 2));
    const imported = await run('models', 'import', file, '--name', 'iris-test', '--data-dir', dataDir, '--format', 'json');
    expect(imported.code).toBe(0);
    const m = JSON.parse(imported.out) as { id: string; version: number; checksum: string };
    expect(m).toMatchObject({ version: 1, checksum: IDENTITY_ARTIFACT.checksum });
    const list = JSON.parse((await run('models', 'list', '--data-dir', dataDir, '--format', 'json')).out) as { id: string; name: string }[];
    expect(list).toContainEqual(expect.objectContaining({ id: m.id, name: 'iris-test' }));
    writeFileSync(file, JSON.stringify({ ...IDENTITY_ARTIFACT, weights: [[9, 0], [0, 1]] }));
    const tampered = await run('models', 'import', file, '--data-dir', dataDir);
    expect(tampered.code).toBe(1);
    expect(tampered.err).toMatch(/checksum mismatch/);
    const missing = await run('models', 'import', join(dataDir, 'nope.json'), '--data-dir', dataDir);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/cannot read/);
  });
});
