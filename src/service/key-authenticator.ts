/**
 * Bearer-key authentication with a short-lived cache: a request costs one hash and one map
 * lookup, not a database query. Revocations made through this process evict the key at
 * once; made elsewhere (another server, the CLI on PostgreSQL) they show within the TTL.
 */
import { hashApiKeySecret, looksLikeApiKeySecret, type ApiKeyRecord, type KeysRepository, type Scope } from '../store/index.js';
import { HttpProblem } from './problem.js';

const BEARER_CHALLENGE = 'Bearer realm="qmlsec"';

interface CacheEntry {
  key: ApiKeyRecord | undefined;
  expiresMs: number;
}

/** Resolves `Authorization` headers to keys, or throws the right 401/403 problem. */
export class KeyAuthenticator {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(
    private readonly keys: Pick<KeysRepository, 'findByHash'>,
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  /** The key for an `Authorization` header value; 401 when missing, malformed, unknown or revoked. */
  async authenticate(header: string | undefined): Promise<ApiKeyRecord> {
    if (!header) {
      throw new HttpProblem(401, 'unauthenticated', 'missing API key: send `Authorization: Bearer <key>` (create one with `qmlsec keys create`)', {
        'WWW-Authenticate': BEARER_CHALLENGE,
      });
    }
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m || !looksLikeApiKeySecret(m[1] as string)) {
      throw new HttpProblem(401, 'invalid-key', 'malformed Authorization header: expected `Bearer qmlsec_<43 characters>`', {
        'WWW-Authenticate': `${BEARER_CHALLENGE}, error="invalid_token"`,
      });
    }
    const hash = hashApiKeySecret(m[1] as string);
    const key = await this.lookup(hash);
    if (!key) {
      throw new HttpProblem(401, 'invalid-key', 'unknown API key', { 'WWW-Authenticate': `${BEARER_CHALLENGE}, error="invalid_token"` });
    }
    if (key.revokedAt) {
      throw new HttpProblem(401, 'revoked-key', `API key ${key.id} was revoked at ${key.revokedAt}`, {
        'WWW-Authenticate': `${BEARER_CHALLENGE}, error="invalid_token", error_description="revoked"`,
      });
    }
    return key;
  }

  private async lookup(hash: string): Promise<ApiKeyRecord | undefined> {
    const now = performance.now();
    const hit = this.cache.get(hash);
    if (hit && hit.expiresMs > now) return hit.key;
    const key = await this.keys.findByHash(hash);
    if (this.cache.size >= this.maxEntries) this.cache.clear();
    this.cache.set(hash, { key, expiresMs: now + this.ttlMs });
    return key;
  }

  /** Forgets a key (after revocation or a change), so the next request reads the store. */
  evict(keyId: string): void {
    for (const [hash, entry] of this.cache) if (entry.key?.id === keyId) this.cache.delete(hash);
  }
}

/** Throws 403 unless `key` has `scope`. */
export function requireScope(key: ApiKeyRecord, scope: Scope): void {
  if (!key.scopes.includes(scope)) {
    throw new HttpProblem(403, 'insufficient-scope', `API key ${key.id} lacks the "${scope}" scope (it has: ${key.scopes.join(', ') || 'none'})`, {
      'WWW-Authenticate': `${BEARER_CHALLENGE}, error="insufficient_scope", scope="${scope}"`,
    });
  }
}
