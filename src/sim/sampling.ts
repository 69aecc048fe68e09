/**
 * Sampling measurement outcomes from states: multinomial draws by sorted uniforms (one pass
 * over the amplitudes, no probability array), single-qubit measurement with collapse, and
 * counts keyed by classical-bit strings (bit 0 rightmost, as Qiskit).
 */
import type { Rng } from '../core/rng.js';
import type { Counts } from './backend.js';

/**
 * Draws `shots` samples from weights w(0..length−1) (not necessarily normalised) and returns
 * index → count: sorted uniforms, one pass over the weights, no cumulative array.
 */
function sampleWeights(weight: (a: number) => number, length: number, shots: number, rng: Rng): Map<number, number> {
  let norm = 0;
  for (let a = 0; a < length; a++) norm += weight(a);
  const u = new Float64Array(shots);
  for (let k = 0; k < shots; k++) u[k] = rng.random() * norm;
  u.sort();
  const hist = new Map<number, number>();
  let cum = 0;
  let k = 0;
  let last = 0;
  for (let a = 0; a < length && k < shots; a++) {
    const w = weight(a);
    if (w <= 0) continue;
    last = a;
    cum += w;
    let c = 0;
    while (k < shots && (u[k] as number) < cum) {
      k++;
      c++;
    }
    if (c > 0) hist.set(a, c);
  }
  // Rounding can leave the last few uniforms above the final cumulative sum.
  if (k < shots) hist.set(last, (hist.get(last) ?? 0) + (shots - k));
  return hist;
}

/** Draws `shots` basis indices of binding b from |ψ|² and returns index → count. */
export function sampleIndexHistogram(s: Float64Array, numQubits: number, batch: number, b: number, shots: number, rng: Rng): Map<number, number> {
  return sampleWeights((a) => {
    const i = 2 * (a * batch + b);
    return (s[i] as number) ** 2 + (s[i + 1] as number) ** 2;
  }, 1 << numQubits, shots, rng);
}

/** Draws `shots` indices from an explicit probability vector (p[offset .. offset+length)). */
export function sampleFromProbabilities(p: Float64Array, offset: number, length: number, shots: number, rng: Rng): Map<number, number> {
  return sampleWeights((a) => p[offset + a] as number, length, shots, rng);
}

/** Formats a classical register value as a bit string, bit 0 rightmost. */
export function bitString(value: number | bigint, numBits: number): string {
  if (numBits === 0) return '';
  return value.toString(2).padStart(numBits, '0');
}

/**
 * Maps a histogram over basis indices to counts over classical bits, given which qubit each
 * classical bit was measured from (later measurements into the same bit win).
 */
export function countsFromHistogram(hist: Map<number, number>, measurements: readonly { qubit: number; clbit: number }[], numClbits: number): Counts {
  const counts: Counts = {};
  for (const [index, c] of hist) {
    const bits = new Array<string>(numClbits).fill('0');
    for (const { qubit, clbit } of measurements) bits[numClbits - 1 - clbit] = ((index >> qubit) & 1) === 1 ? '1' : '0';
    const key = bits.join('');
    counts[key] = (counts[key] ?? 0) + c;
  }
  return sortCounts(counts);
}

/** Counts with keys in ascending bit-string order (stable JSON). */
export function sortCounts(counts: Counts): Counts {
  const out: Counts = {};
  for (const k of Object.keys(counts).sort()) out[k] = counts[k] as number;
  return out;
}

/** Probability that qubit q reads 1 in a single (B = 1) state. */
export function probabilityOfOne(s: Float64Array, numQubits: number, q: number): number {
  const stride = 2 << q;
  const total = 2 << numQubits;
  let p = 0;
  for (let base = stride; base < total; base += 2 * stride) {
    for (let i = base, end = base + stride; i < end; i += 2) p += (s[i] as number) ** 2 + (s[i + 1] as number) ** 2;
  }
  return p;
}

/** Projects qubit q of a single state onto `outcome` and renormalises by 1/sqrt(prob). */
export function collapse(s: Float64Array, numQubits: number, q: number, outcome: 0 | 1, prob: number): void {
  const stride = 2 << q;
  const total = 2 << numQubits;
  const f = prob > 0 ? 1 / Math.sqrt(prob) : 0;
  for (let base = 0; base < total; base += 2 * stride) {
    const keep = outcome === 0 ? base : base + stride;
    const drop = outcome === 0 ? base + stride : base;
    for (let i = 0; i < stride; i++) {
      s[keep + i] = (s[keep + i] as number) * f;
      s[drop + i] = 0;
    }
  }
}

/** Flips qubit q of a single state (X), used by reset after measuring 1. */
export function flip(s: Float64Array, numQubits: number, q: number): void {
  const stride = 2 << q;
  const total = 2 << numQubits;
  for (let base = 0; base < total; base += 2 * stride) {
    for (let i = base, end = base + stride; i < end; i++) {
      const t = s[i] as number;
      s[i] = s[i + stride] as number;
      s[i + stride] = t;
    }
  }
}
