/** Bit helpers for enumerating basis indices with some bits fixed. */

/** Parity (0 or 1) of the set bits of a 32-bit integer. */
export function parity(v: number): number {
  v ^= v >>> 16;
  v ^= v >>> 8;
  v ^= v >>> 4;
  v &= 0xf;
  return (0x6996 >>> v) & 1;
}

/**
 * Inserts a zero bit at each position of `sortedPositions` (ascending) into k, so that
 * k = 0, 1, 2, ... enumerates every index whose bits at those positions are zero.
 */
export function insertZeroBits(k: number, sortedPositions: readonly number[]): number {
  let v = k | 0;
  for (let i = 0; i < sortedPositions.length; i++) {
    const p = sortedPositions[i] as number;
    v = ((v >> p) << (p + 1)) | (v & ((1 << p) - 1));
  }
  return v;
}

/** Ascending unique positions. */
export function sortedUnique(positions: readonly number[]): number[] {
  return [...new Set(positions)].sort((a, b) => a - b);
}
