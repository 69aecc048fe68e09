/**
 * Name-based UUIDs (RFC 9562 version 5: SHA-1 of a namespace UUID and a name), used to give
 * exported STIX objects identifiers that are the same on every export of the same data.
 */
import { createHash } from 'node:crypto';

/** The namespace of every qmlsec STIX identifier (a fixed, randomly chosen UUID). */
export const QMLSEC_STIX_NAMESPACE = '5d1b6a0e-2f4c-4f83-9d8e-7b3e1a9c0f42';

function parse(uuid: string): Buffer {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`not a UUID: ${uuid}`);
  return Buffer.from(hex, 'hex');
}

/** The version-5 UUID of `name` in `namespace`. */
export function uuidV5(namespace: string, name: string): string {
  const hash = createHash('sha1').update(parse(namespace)).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
