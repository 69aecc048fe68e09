/**
 * The one database interface the repositories are written against. Two implementations
 * exist — embedded PGlite and PostgreSQL over `pg` — and both speak the same SQL, so every
 * repository runs the same statements on either.
 *
 * Conventions that keep the two drivers identical: JSON values are passed as text and cast
 * in SQL (`$1::text::jsonb`), integers are `integer` (int4, a JS number in both drivers),
 * and timestamps are `timestamptz` (a JS Date in both).
 */

/** Anything that can run a parameterised statement: the database itself or a transaction. */
export interface SqlClient {
  /** Runs one statement with `$1 … $n` parameters and returns its rows. */
  query<R extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
}

/** Which engine backs a {@link Database}. */
export type DatabaseKind = 'pglite' | 'postgres';

/** A database connection (or pool) with transactions. */
export interface Database extends SqlClient {
  readonly kind: DatabaseKind;
  /** Runs several statements separated by `;` (no parameters): migrations. */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` inside one transaction: committed when `fn` resolves, rolled back when it
   * throws (and the error rethrown). Statements must go through the `tx` client.
   */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  /** Closes the connection (flushes the embedded database to disk). */
  close(): Promise<void>;
}

/** Serialises a value for a `$n::text::jsonb` parameter. */
export function jsonParam(value: unknown): string {
  return JSON.stringify(value ?? null);
}
