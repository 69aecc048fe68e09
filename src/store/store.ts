/**
 * The store: one database (embedded PGlite in a data directory, or PostgreSQL when a URL is
 * given), migrated to the current schema, with a repository per table family.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AuditRepository } from './audit-repository.js';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import type { Database, SqlClient } from './database.js';
import { ExperimentsRepository } from './experiments-repository.js';
import { JobsRepository } from './jobs-repository.js';
import { KeysRepository } from './keys-repository.js';
import { migrate, type MigrationReport } from './migrate.js';
import { ModelsRepository } from './models-repository.js';
import { openPgliteDatabase } from './pglite-database.js';
import { openPostgresDatabase, redactUrl } from './postgres-database.js';

/** The default embedded data directory (relative to the working directory). */
export const DEFAULT_DATA_DIR = '.qmlsec';

/** Where the store lives: `databaseUrl` wins over `dataDir`. */
export interface StoreLocation {
  /** A `postgres://` URL (usually `DATABASE_URL`). */
  readonly databaseUrl?: string | undefined;
  /** Embedded data directory; default {@link DEFAULT_DATA_DIR}. */
  readonly dataDir?: string | undefined;
}

/** An open store. */
export interface Store {
  readonly db: Database;
  /** Human-readable location (`PGlite at …` / `PostgreSQL at …`, password redacted). */
  readonly description: string;
  readonly migration: MigrationReport;
  readonly models: ModelsRepository;
  readonly keys: KeysRepository;
  readonly audit: AuditRepository;
  readonly jobs: JobsRepository;
  readonly experiments: ExperimentsRepository;
  /** Runs `fn` in one transaction (see {@link Database.transaction}). */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  /** Closes the database and releases the data-directory lock. */
  close(): Promise<void>;
}

/**
 * Opens the store at `location` and applies pending migrations. With a data directory the
 * database lives in `<dir>/pgdata` and the directory is locked against other processes.
 */
export async function openStore(location: StoreLocation = {}): Promise<Store> {
  if (location.databaseUrl) {
    const db = await openPostgresDatabase(location.databaseUrl);
    return withRepositories(db, `PostgreSQL at ${redactUrl(location.databaseUrl)}`, undefined);
  }
  const dir = resolve(location.dataDir ?? DEFAULT_DATA_DIR);
  mkdirSync(dir, { recursive: true });
  const lock = lockDataDir(dir);
  try {
    const db = await openPgliteDatabase(join(dir, 'pgdata'));
    return await withRepositories(db, `PGlite at ${dir}`, lock);
  } catch (err) {
    lock.release();
    throw err;
  }
}

/** Wraps an already open database (migrating it) — for callers that manage the connection. */
export async function storeFromDatabase(db: Database, description = db.kind): Promise<Store> {
  return withRepositories(db, description, undefined);
}

async function withRepositories(db: Database, description: string, lock: DataDirLock | undefined): Promise<Store> {
  let migration: MigrationReport;
  try {
    migration = await migrate(db);
  } catch (err) {
    await db.close().catch(() => {});
    throw err;
  }
  let closed = false;
  return {
    db,
    description,
    migration,
    models: new ModelsRepository(db),
    keys: new KeysRepository(db),
    audit: new AuditRepository(db),
    jobs: new JobsRepository(db),
    experiments: new ExperimentsRepository(db),
    transaction: (fn) => db.transaction(fn),
    async close() {
      if (closed) return;
      closed = true;
      try {
        await db.close();
      } finally {
        lock?.release();
      }
    },
  };
}
