/**
 * API key secrets: 32 random bytes shown once as `qmlsec_<base64url>`, stored only as their
 * SHA-256 digest. A plain hash (not scrypt) is enough because the secret carries 256 bits
 * of entropy: there is nothing to brute-force, and lookups stay a single index probe.
 */
import { createHash, randomBytes } from 'node:crypto';

/** Every key secret starts with this. */
export const API_KEY_PREFIX = 'qmlsec_';

/** A new random key secret, e.g. `qmlsec_3q2-…` (7 + 43 characters). */
export function generateApiKeySecret(): string {
  return API_KEY_PREFIX + randomBytes(32).toString('base64url');
}

/** The stored form of a secret: hex SHA-256 of its UTF-8 bytes. */
export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** The displayable start of a secret (`qmlsec_AbCd`), safe to list and log. */
export function apiKeyDisplayPrefix(secret: string): string {
  return secret.slice(0, API_KEY_PREFIX.length + 4);
}

/** Whether `text` has the shape of a key secret (prefix + 43 base64url characters). */
export function looksLikeApiKeySecret(text: string): boolean {
  return /^qmlsec_[A-Za-z0-9_-]{43}$/.test(text);
}
