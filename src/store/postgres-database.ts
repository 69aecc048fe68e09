/** The server engine: PostgreSQL through a `pg` connection pool. */
import pg from 'pg';
import { InputError } from '../core/errors.js';
import type { Database, SqlClient } from './database.js';

/** Opens a pool on `url` (a `postgres://` URL) and checks that it answers. */
export async function openPostgresDatabase(url: string, options: { maxConnections?: number } = {}): Promise<Database> {
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new InputError(`DATABASE_URL must be a postgres:// or postgresql:// URL, got "${redactUrl(url)}"`, 'DATABASE_URL');
  }
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10 });
  // An idle client's network error must not crash the process; the next query reports it.
  pool.on('error', () => {});
  try {
    await pool.query('SELECT 1');
  } catch (err) {
    await pool.end();
    throw new InputError(`cannot connect to PostgreSQL at ${redactUrl(url)}: ${(err as Error).message}`, 'DATABASE_UNREACHABLE');
  }
  return new PostgresDatabase(pool);
}

/** The URL with its password replaced by `***`, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]*)@/, '//$1:***@');
}

class PostgresDatabase implements Database {
  readonly kind = 'postgres' as const;

  constructor(private readonly pool: pg.Pool) {}

  async query<R extends object>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
    const result = await this.pool.query<R>(sql, [...params]);
    return result.rows;
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const tx: SqlClient = {
        async query<R extends object>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
          return (await client.query<R>(sql, [...params])).rows;
        },
      };
      const result = await fn(tx);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
