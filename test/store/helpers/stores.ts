/**
 * Test stores. PGlite's initdb takes ~5 s, so an embedded store is made by copying a
 * prepared, migrated template data directory (~0.2 s copy + ~0.3 s open). The template is
 * built once per machine and schema (its name carries the migrations' fingerprint and the
 * PGlite version) under the OS temp dir; concurrent test files wait for whoever builds it.
 *
 * Postgres stores (only when DATABASE_URL is set) get a fresh database each, dropped after.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrate, schemaFingerprint } from '../../../src/store/migrate.js';
import { openPgliteDatabase } from '../../../src/store/pglite-database.js';
import { openStore, type Store } from '../../../src/store/store.js';

const require = createRequire(import.meta.url);

function pgliteVersion(): string {
  const pkgPath = join(require.resolve('@electric-sql/pglite').replace(/dist[/\\].*$/, ''), 'package.json');
  return (JSON.parse(readFileSync(pkgPath, 'utf8')) as { version: string }).version;
}

/** Path of the prepared template's `pgdata`, building it when missing. */
export async function templateDataDir(): Promise<string> {
  const root = join(tmpdir(), `qmlsec-pglite-template-${schemaFingerprint()}-${pgliteVersion()}`);
  const ready = join(root, 'READY');
  if (existsSync(ready)) return join(root, 'pgdata');
  const building = `${root}.building`;
  let mine = false;
  try {
    mkdirSync(building);
    mine = true;
  } catch {
    // someone else is building it
  }
  if (mine) {
    try {
      const scratch = mkdtempSync(`${root}.tmp-`);
      const db = await openPgliteDatabase(join(scratch, 'pgdata'));
      await migrate(db);
      await db.close();
      writeFileSync(join(scratch, 'READY'), new Date().toISOString());
      rmSync(root, { recursive: true, force: true });
      renameSync(scratch, root);
    } finally {
      rmSync(building, { recursive: true, force: true });
    }
    return join(root, 'pgdata');
  }
  const deadline = Date.now() + 60_000;
  while (!existsSync(ready)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for the PGlite template at ${root} (remove ${building} if stale)`);
    if (!existsSync(building) && !existsSync(ready)) return templateDataDir();
    await new Promise((r) => setTimeout(r, 100));
  }
  return join(root, 'pgdata');
}

/** A new data directory holding a copy of the migrated template (not opened). */
export async function preparedDataDir(): Promise<string> {
  const template = await templateDataDir();
  const dir = mkdtempSync(join(tmpdir(), 'qmlsec-test-'));
  cpSync(template, join(dir, 'pgdata'), { recursive: true });
  return dir;
}

/** A store open on a fresh copy of the template; `cleanup` closes it and deletes the directory. */
export async function embeddedStore(): Promise<{ store: Store; dataDir: string; cleanup(): Promise<void> }> {
  const dataDir = await preparedDataDir();
  const store = await openStore({ dataDir });
  return {
    store,
    dataDir,
    async cleanup() {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The PostgreSQL URL to test against, or undefined (tests then skip with a message). */
export const POSTGRES_URL = process.env['DATABASE_URL'];

/** A fresh, empty PostgreSQL database on the server of DATABASE_URL; `cleanup` drops it. */
export async function postgresDatabaseUrl(): Promise<{ url: string; cleanup(): Promise<void> }> {
  if (!POSTGRES_URL) throw new Error('DATABASE_URL is not set');
  const name = `qmlsec_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async cleanup() {
      const c = new pg.Client({ connectionString: POSTGRES_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A store on a fresh PostgreSQL database; `cleanup` closes it and drops the database. */
export async function postgresStore(): Promise<{ store: Store; url: string; cleanup(): Promise<void> }> {
  const database = await postgresDatabaseUrl();
  const store = await openStore({ databaseUrl: database.url });
  return {
    store,
    url: database.url,
    async cleanup() {
      await store.close();
      await database.cleanup();
    },
  };
}

/** The engines to run a repository suite on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export const ENGINES: readonly { name: string; open(): Promise<{ store: Store; cleanup(): Promise<void> }> }[] = [
  { name: 'PGlite', open: embeddedStore },
  ...(POSTGRES_URL ? [{ name: 'PostgreSQL', open: postgresStore }] : []),
];

if (!POSTGRES_URL) {
  process.stderr.write('store tests: DATABASE_URL is not set — PostgreSQL variants skipped (embedded PGlite only)\n');
}
