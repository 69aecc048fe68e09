import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/migrate.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import type { Store } from '../../src/store/store.js';
import { ENGINES } from './helpers/stores.js';

describe.each(ENGINES)('migrations on $name', (engine) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await engine.open());
  });
  afterAll(() => cleanup());

  it('the store is at the latest version and a second run applies nothing', async () => {
    const latest = Math.max(...MIGRATIONS.map((m) => m.version));
    expect(store.migration.version).toBe(latest);
    const again = await migrate(store.db);
    expect(again).toEqual({ applied: [], version: latest });
    const rows = await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
    expect(rows[0]?.n).toBe(MIGRATIONS.length);
  });

  it('concurrent migrators apply each migration once', async () => {
    const reports = await Promise.all([migrate(store.db), migrate(store.db), migrate(store.db)]);
    expect(reports.flatMap((r) => r.applied)).toEqual([]);
  });

  it('a new migration is applied once, atomically with its record', async () => {
    const extra = { version: 9001, name: 'test_extra', statements: ['CREATE TABLE test_extra (x integer)'] };
    const first = await migrate(store.db, [...MIGRATIONS, extra]);
    expect(first.applied).toEqual([9001]);
    expect((await migrate(store.db, [...MIGRATIONS, extra])).applied).toEqual([]);
    // A failing migration leaves neither its table nor its record behind.
    const broken = { version: 9002, name: 'broken', statements: ['CREATE TABLE test_broken (x integer)', 'SELECT no_such_function()'] };
    await expect(migrate(store.db, [...MIGRATIONS, extra, broken])).rejects.toThrow(/no_such_function/);
    const tables = await store.db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'test_broken'");
    expect(tables).toHaveLength(0);
    const recorded = await store.db.query('SELECT 1 FROM schema_migrations WHERE version = 9002');
    expect(recorded).toHaveLength(0);
    await store.db.exec('DROP TABLE test_extra; DELETE FROM schema_migrations WHERE version = 9001');
  });
});
