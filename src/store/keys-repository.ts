/** API keys: stored hashed, with scopes, a query quota and a rate limit; revocable. */
import { NotFoundError } from '../core/errors.js';
import { apiKeyDisplayPrefix, generateApiKeySecret, hashApiKeySecret } from './api-key-secret.js';
import type { Database, SqlClient } from './database.js';
import { newId } from './ids.js';
import type { Scope } from './scopes.js';

/** A stored key (never the secret). */
export interface ApiKeyRecord {
  readonly id: string;
  readonly name: string;
  /** The first characters of the secret, for recognising a key in listings. */
  readonly prefix: string;
  readonly scopes: readonly Scope[];
  /** Maximum number of predicted input rows over the key's life; null = unlimited. */
  readonly queryQuota: number | null;
  readonly queriesUsed: number;
  /** Sustained requests per second allowed; null = unlimited. */
  readonly rateLimit: number | null;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

/** What {@link KeysRepository.create} needs. */
export interface NewApiKey {
  readonly name: string;
  readonly scopes: readonly Scope[];
  readonly queryQuota: number | null;
  readonly rateLimit: number | null;
}

interface KeyRow {
  id: string;
  name: string;
  prefix: string;
  scopes: Scope[];
  query_quota: number | null;
  queries_used: number;
  rate_limit: number | null;
  created_at: Date;
  revoked_at: Date | null;
}

const COLUMNS = 'id, name, prefix, scopes, query_quota, queries_used, rate_limit, created_at, revoked_at';

/** Reads and writes `api_keys`. */
export class KeysRepository {
  constructor(private readonly db: Database) {}

  /** Creates a key; the returned `secret` exists nowhere else — show it once. */
  async create(input: NewApiKey): Promise<{ key: ApiKeyRecord; secret: string }> {
    const secret = generateApiKeySecret();
    const rows = await this.db.query<KeyRow>(
      `INSERT INTO api_keys (id, name, prefix, secret_hash, scopes, query_quota, rate_limit)
       VALUES ($1, $2, $3, $4, $5::text[], $6, $7) RETURNING ${COLUMNS}`,
      [newId('key'), input.name, apiKeyDisplayPrefix(secret), hashApiKeySecret(secret), toTextArray(input.scopes), input.queryQuota, input.rateLimit],
    );
    return { key: toRecord(rows[0] as KeyRow), secret };
  }

  /** The key whose secret hashes to `secretHash` (revoked ones included), or undefined. */
  async findByHash(secretHash: string): Promise<ApiKeyRecord | undefined> {
    const rows = await this.db.query<KeyRow>(`SELECT ${COLUMNS} FROM api_keys WHERE secret_hash = $1`, [secretHash]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /** One key by id; throws NotFoundError when there is none. */
  async get(id: string): Promise<ApiKeyRecord> {
    const rows = await this.db.query<KeyRow>(`SELECT ${COLUMNS} FROM api_keys WHERE id = $1`, [id]);
    if (!rows[0]) throw new NotFoundError(`no API key with id "${id}" (see \`qmlsec keys list\`)`);
    return toRecord(rows[0]);
  }

  /** Every key, oldest first. */
  async list(): Promise<ApiKeyRecord[]> {
    const rows = await this.db.query<KeyRow>(`SELECT ${COLUMNS} FROM api_keys ORDER BY created_at, id`);
    return rows.map(toRecord);
  }

  /** Revokes a key (idempotent); throws NotFoundError for an unknown id. */
  async revoke(id: string): Promise<ApiKeyRecord> {
    const rows = await this.db.query<KeyRow>(
      `UPDATE api_keys SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 RETURNING ${COLUMNS}`,
      [id],
    );
    if (!rows[0]) throw new NotFoundError(`no API key with id "${id}" (see \`qmlsec keys list\`)`);
    return toRecord(rows[0]);
  }

  /**
   * Spends `count` queries of the key's quota inside `tx`, atomically: returns the new
   * used count, or undefined (spending nothing) when the quota would be exceeded or the key
   * is revoked.
   */
  async consumeQuota(tx: SqlClient, id: string, count: number): Promise<number | undefined> {
    const rows = await tx.query<{ queries_used: number }>(
      `UPDATE api_keys SET queries_used = queries_used + $2
        WHERE id = $1 AND revoked_at IS NULL AND (query_quota IS NULL OR queries_used + $2 <= query_quota)
        RETURNING queries_used`,
      [id, count],
    );
    return rows[0]?.queries_used;
  }
}

/** A Postgres text[] literal, so that both drivers receive the array the same way. */
function toTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

function toRecord(row: KeyRow): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    queryQuota: row.query_quota,
    queriesUsed: row.queries_used,
    rateLimit: row.rate_limit,
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at ? row.revoked_at.toISOString() : null,
  };
}
