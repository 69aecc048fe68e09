/**
 * Greedy placement shared by DenseLayout and NoiseAwareLayout (after Murali et al.): each
 * interacting component starts with its heaviest pair on the cheapest pair of free qubits;
 * then virtual qubits are placed in order of how strongly they interact with those already
 * placed, each on the free candidate that minimises the interaction-weighted distance to its
 * placed partners plus the qubit's own cost. Non-interacting qubits take the cheapest free
 * qubits.
 */
import type { InteractionGraph } from './common.js';

/** Distances and per-qubit costs the greedy placement minimises. */
export interface PlacementCosts {
  /** Physical-qubit count (distance rows). */
  readonly numPhysical: number;
  /** Pairwise cost of interacting across physical qubits (row-major numPhysical²). */
  readonly distance: ArrayLike<number>;
  /** Cost of using a physical qubit at all (readout, one-qubit error); zeros if unknown. */
  readonly qubitCost: ArrayLike<number>;
}

/** Returns `v2p` for the graph's virtual qubits, using only `candidates`. */
export function greedyPlace(graph: InteractionGraph, candidates: readonly number[], costs: PlacementCosts): number[] {
  const n = graph.numQubits;
  const N = costs.numPhysical;
  const weight = new Map<number, number>();
  for (const { a, b, count } of graph.pairs) {
    weight.set(a * n + b, count);
    weight.set(b * n + a, count);
  }
  const v2p = new Array<number>(n).fill(-1);
  const free = new Set(candidates);
  const attraction = new Float64Array(n);
  const placed = new Uint8Array(n);
  for (let step = 0; step < n; step++) {
    // Next virtual qubit: strongest pull towards placed ones, then highest degree.
    let v = -1;
    for (let u = 0; u < n; u++) {
      if (placed[u]) continue;
      if (v === -1 || (attraction[u] as number) > (attraction[v] as number) || ((attraction[u] as number) === (attraction[v] as number) && (graph.degree[u] as number) > (graph.degree[v] as number))) v = u;
    }
    const partners = (graph.partners[v] ?? []).filter((u) => placed[u]);
    if (partners.length === 0 && (graph.degree[v] as number) > 0) {
      // A new interacting component: its heaviest pair goes on the best pair of free qubits.
      const u = heaviestPartner(v);
      const w = weight.get(v * n + u) ?? 0;
      let bp = -1;
      let bq = -1;
      let bc = Number.POSITIVE_INFINITY;
      for (const p of free)
        for (const q of free) {
          if (p === q) continue;
          const c = w * (costs.distance[p * N + q] as number) + (costs.qubitCost[p] as number) + (costs.qubitCost[q] as number);
          if (c < bc - 1e-12) {
            bc = c;
            bp = p;
            bq = q;
          }
        }
      if (bp >= 0) {
        for (const [vv, pp] of [[v, bp], [u, bq]] as const) {
          v2p[vv] = pp;
          placed[vv] = 1;
          free.delete(pp);
          for (const x of graph.partners[vv] ?? []) if (!placed[x]) attraction[x] = (attraction[x] as number) + (weight.get(vv * n + x) ?? 0);
        }
        step++;
        continue;
      }
    }
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    for (const p of free) {
      let cost = costs.qubitCost[p] as number;
      for (const u of partners) cost += (weight.get(v * n + u) ?? 0) * (costs.distance[p * N + (v2p[u] as number)] as number);
      if (cost < bestCost - 1e-12) {
        bestCost = cost;
        best = p;
      }
    }
    v2p[v] = best;
    placed[v] = 1;
    free.delete(best);
    for (const u of graph.partners[v] ?? []) if (!placed[u]) attraction[u] = (attraction[u] as number) + (weight.get(v * n + u) ?? 0);
  }
  return v2p;

  function heaviestPartner(v: number): number {
    let best = -1;
    let bestW = -1;
    for (const u of graph.partners[v] ?? []) {
      const wu = weight.get(v * n + u) ?? 0;
      if (!placed[u] && wu > bestW) {
        bestW = wu;
        best = u;
      }
    }
    return best;
  }
}
