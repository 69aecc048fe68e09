/** Applies pending migrations, once, even when several processes start together. */
import { createHash } from 'node:crypto';
import type { Database } from './database.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';

/** What {@link migrate} did. */
export interface MigrationReport {
  /** Versions applied by this call (empty when the schema was current). */
  readonly applied: readonly number[];
  /** The schema version after the call. */
  readonly version: number;
}

// Any constant works: it only has to be the same in every qmlsec process.
const MIGRATION_LOCK = 7_460_213;

/**
 * Brings the schema up to date. Each migration runs in its own transaction together with
 * its `schema_migrations` row, under a transaction-scoped advisory lock, so a crash leaves
 * the schema at a whole version and concurrent starters apply each migration exactly once.
 */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrationReport> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    const didApply = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
      if (done.length > 0) return false;
      for (const statement of m.statements) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (didApply) applied.push(m.version);
  }
  const rows = await db.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
  return { applied, version: rows[0]?.version ?? 0 };
}

/** A digest of every migration's SQL: equal digests mean equal schemas (used to cache templates). */
export function schemaFingerprint(migrations: readonly Migration[] = MIGRATIONS): string {
  const h = createHash('sha256');
  for (const m of migrations) h.update(`${m.version}\0${m.name}\0${m.statements.join('\0')}\0`);
  return h.digest('hex').slice(0, 16);
}
