/** The embedded engine: PGlite (PostgreSQL compiled to WebAssembly) in a data directory. */
import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database, SqlClient } from './database.js';

/**
 * Opens (creating when empty) a PGlite database stored in `dir`, or an in-memory one for
 * `memory://`. A fresh directory takes a few seconds (initdb); an existing one well under one.
 */
export async function openPgliteDatabase(dir: string): Promise<Database> {
  if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
  const pg = await PGlite.create(dir);
  return new PgliteDatabase(pg);
}

class PgliteDatabase implements Database {
  readonly kind = 'pglite' as const;

  constructor(private readonly pg: PGlite) {}

  async query<R extends object>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
    const result = await this.pg.query<R>(sql, [...params]);
    return result.rows;
  }

  async exec(sql: string): Promise<void> {
    await this.pg.exec(sql);
  }

  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
    return this.pg.transaction((tx) => fn(wrapTransaction(tx)));
  }

  async close(): Promise<void> {
    if (!this.pg.closed) await this.pg.close();
  }
}

function wrapTransaction(tx: Transaction): SqlClient {
  return {
    async query<R extends object>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
      return (await tx.query<R>(sql, [...params])).rows;
    },
  };
}
