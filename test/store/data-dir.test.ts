import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ResourceError } from '../../src/core/errors.js';
import { lockDataDir } from '../../src/store/data-dir-lock.js';
import { openStore } from '../../src/store/store.js';
import { preparedDataDir } from './helpers/stores.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('embedded data directory', () => {
  it('is locked while open, with a message naming the holder, and unlocked on close', async () => {
    const dataDir = await preparedDataDir();
    dirs.push(dataDir);
    const store = await openStore({ dataDir });
    expect(readFileSync(join(dataDir, 'lock'), 'utf8').trim()).toBe(String(process.pid));
    await expect(openStore({ dataDir })).rejects.toBeInstanceOf(ResourceError);
    await store.close();
    expect(existsSync(join(dataDir, 'lock'))).toBe(false);
    const again = await openStore({ dataDir });
    expect(again.description).toContain(dataDir);
    await again.close();
  });

  it('a lock left by a dead process is taken over; a live one is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qmlsec-lock-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'lock'), '2147483646\n'); // no such pid
    const lock = lockDataDir(dir);
    expect(readFileSync(join(dir, 'lock'), 'utf8').trim()).toBe(String(process.pid));
    lock.release();
    writeFileSync(join(dir, 'lock'), '1\n'); // pid 1 is always alive
    expect(() => lockDataDir(dir)).toThrow(/in use by process 1/);
  });

  it('keeps data across reopen', async () => {
    const dataDir = await preparedDataDir();
    dirs.push(dataDir);
    const a = await openStore({ dataDir });
    const { key } = await a.keys.create({ name: 'persisted', scopes: ['admin'], queryQuota: null, rateLimit: null });
    await a.close();
    const b = await openStore({ dataDir });
    expect((await b.keys.get(key.id)).name).toBe('persisted');
    expect(b.migration.applied).toEqual([]);
    await b.close();
  });
});
