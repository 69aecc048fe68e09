/** Canonical JSON and digests: how the audit log identifies inputs without storing them. */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../core/canonical-json.js';

export { canonicalJson };

/** `sha256:<hex>` of a string's UTF-8 bytes. */
export function sha256Digest(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/** `sha256:<hex>` of a value's canonical JSON. */
export function digestOf(value: unknown): string {
  return sha256Digest(canonicalJson(value));
}
