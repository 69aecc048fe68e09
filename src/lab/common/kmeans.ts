/**
 * Seeded k-means (k-means++ starts, Lloyd iterations, best of several restarts by inertia) —
 * what an attacker who holds unlabelled samples uses to group them into classes.
 */
import { InputError } from '../../core/errors.js';
import { Rng, type Seed } from '../../core/rng.js';

/** A clustering: the cluster of every row, the centres, and the within-cluster sum of squares. */
export interface Clustering {
  readonly assignments: Int32Array;
  readonly centres: Float64Array[];
  readonly inertia: number;
}

function dist2(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += ((a[j] as number) - (b[j] as number)) ** 2;
  return s;
}

function once(rows: readonly ArrayLike<number>[], k: number, rng: Rng, iterations: number): Clustering {
  const n = rows.length;
  const d = (rows[0] as ArrayLike<number>).length;
  const centres: Float64Array[] = [Float64Array.from(rows[rng.int(n)] as ArrayLike<number>)];
  const nearest = rows.map((r) => dist2(r, centres[0] as Float64Array));
  while (centres.length < k) {
    const total = nearest.reduce((a, b) => a + b, 0);
    let pick = rng.int(n);
    if (total > 0) {
      let u = rng.random() * total;
      for (let i = 0; i < n; i++) {
        u -= nearest[i] as number;
        if (u <= 0) {
          pick = i;
          break;
        }
      }
    }
    const c = Float64Array.from(rows[pick] as ArrayLike<number>);
    centres.push(c);
    rows.forEach((r, i) => {
      nearest[i] = Math.min(nearest[i] as number, dist2(r, c));
    });
  }
  const assignments = new Int32Array(n);
  for (let it = 0; it < iterations; it++) {
    let changed = false;
    rows.forEach((r, i) => {
      let best = 0;
      let bestD = Infinity;
      centres.forEach((c, j) => {
        const dd = dist2(r, c);
        if (dd < bestD) {
          bestD = dd;
          best = j;
        }
      });
      if (assignments[i] !== best) changed = true;
      assignments[i] = best;
    });
    const sums = centres.map(() => new Float64Array(d));
    const counts = new Int32Array(k);
    rows.forEach((r, i) => {
      const a = assignments[i] as number;
      counts[a] = (counts[a] as number) + 1;
      const s = sums[a] as Float64Array;
      for (let j = 0; j < d; j++) s[j] = (s[j] as number) + (r[j] as number);
    });
    sums.forEach((s, j) => {
      if ((counts[j] as number) > 0) for (let t = 0; t < d; t++) (centres[j] as Float64Array)[t] = (s[t] as number) / (counts[j] as number);
    });
    if (!changed && it > 0) break;
  }
  const inertia = rows.reduce((acc, r, i) => acc + dist2(r, centres[assignments[i] as number] as Float64Array), 0);
  return { assignments, centres, inertia };
}

/** Clusters `rows` into `k` groups; the best of `restarts` seeded runs. */
export function kMeans(rows: readonly ArrayLike<number>[], k: number, options: { seed?: Seed; restarts?: number; iterations?: number } = {}): Clustering {
  if (!Number.isInteger(k) || k < 1) throw new InputError(`k-means needs a positive number of clusters, got ${k}`, 'SHAPE');
  if (rows.length < k) throw new InputError(`k-means cannot make ${k} clusters of ${rows.length} row(s)`, 'SHAPE');
  const rng = new Rng(options.seed ?? 0);
  let best: Clustering | undefined;
  for (let r = 0; r < (options.restarts ?? 5); r++) {
    const c = once(rows, k, rng.fork(r), options.iterations ?? 100);
    if (!best || c.inertia < best.inertia) best = c;
  }
  return best as Clustering;
}
