/** The audit log: one row per answered prediction request. */
import { jsonParam, type Database, type SqlClient } from './database.js';

/** What is recorded about one prediction request. */
export interface NewAuditEntry {
  readonly keyId: string;
  readonly modelId: string;
  readonly modelVersion: number;
  /** When the request was answered. */
  readonly at: Date;
  /** `sha256:<hex>` of the canonical JSON of the request's inputs (never the inputs). */
  readonly inputDigest: string;
  /** Number of input rows (queries) in the request. */
  readonly rowCount: number;
  /** The answer as sent (predictions). */
  readonly output: unknown;
  readonly requestId?: string;
}

/** A stored audit row. */
export interface AuditRecord extends Omit<NewAuditEntry, 'at' | 'requestId'> {
  /** Monotonic row id (as a decimal string: it is a 64-bit integer). */
  readonly id: string;
  /** ISO 8601 time. */
  readonly at: string;
  readonly requestId: string | null;
}

interface AuditRow {
  id: string;
  key_id: string;
  model_id: string;
  model_version: number;
  created_at: Date;
  input_digest: string;
  row_count: number;
  output: unknown;
  request_id: string | null;
}

const COLUMNS = 'id::text AS id, key_id, model_id, model_version, created_at, input_digest, row_count, output, request_id';
const PARAMS_PER_ENTRY = 8;

/** Reads and writes `audit_log`. */
export class AuditRepository {
  constructor(private readonly db: Database) {}

  /** Inserts `entries` with one multi-row statement inside `tx` (no-op for none). */
  async insertMany(tx: SqlClient, entries: readonly NewAuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const values: string[] = [];
    const params: unknown[] = [];
    entries.forEach((e, i) => {
      const b = i * PARAMS_PER_ENTRY;
      values.push(`($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}::timestamptz, $${b + 5}, $${b + 6}, $${b + 7}::text::jsonb, $${b + 8})`);
      params.push(e.keyId, e.modelId, e.modelVersion, e.at.toISOString(), e.inputDigest, e.rowCount, jsonParam(e.output), e.requestId ?? null);
    });
    await tx.query(
      `INSERT INTO audit_log (key_id, model_id, model_version, created_at, input_digest, row_count, output, request_id)
       VALUES ${values.join(', ')}`,
      params,
    );
  }

  /**
   * A key's audit rows in time order, optionally only those at or after `since`; served by
   * the `(key_id, created_at, id)` index, so it stays cheap on a large log.
   */
  async listByKey(keyId: string, options: { since?: Date; limit?: number } = {}): Promise<AuditRecord[]> {
    const rows = await this.db.query<AuditRow>(
      `SELECT ${COLUMNS} FROM audit_log
        WHERE key_id = $1 AND created_at >= $2::timestamptz
        ORDER BY created_at, id LIMIT $3`,
      [keyId, (options.since ?? new Date(0)).toISOString(), options.limit ?? 10_000],
    );
    return rows.map(toRecord);
  }

  /** Number of audit rows (all, or for one key). */
  async count(keyId?: string): Promise<number> {
    const rows = keyId === undefined
      ? await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')
      : await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE key_id = $1', [keyId]);
    return rows[0]?.n ?? 0;
  }
}

function toRecord(row: AuditRow): AuditRecord {
  return {
    id: row.id,
    keyId: row.key_id,
    modelId: row.model_id,
    modelVersion: row.model_version,
    at: row.created_at.toISOString(),
    inputDigest: row.input_digest,
    rowCount: row.row_count,
    output: row.output,
    requestId: row.request_id,
  };
}
