/**
 * The coupling graph of a device: neighbours, breadth-first distances, and the graph facts
 * (degree histogram, diameter, mean distance) used to compare topologies and to route.
 */
import { InputError } from '../core/errors.js';
import type { Coupler } from './lattices.js';

/** Distance value for qubit pairs with no path between them. */
export const NO_PATH = -1;

/** An undirected graph over qubits 0..numQubits−1 with cached all-pairs BFS distances. */
export class CouplingGraph {
  readonly numQubits: number;
  readonly edges: readonly Coupler[];
  private readonly adjacency: readonly (readonly number[])[];
  private distanceCache: Int32Array | undefined;

  constructor(numQubits: number, edges: Iterable<readonly [number, number]>) {
    if (!Number.isInteger(numQubits) || numQubits < 0) throw new InputError(`qubit count must be a non-negative integer, got ${numQubits}`, 'TOPOLOGY');
    const lists: Set<number>[] = Array.from({ length: numQubits }, () => new Set<number>());
    const kept: Coupler[] = [];
    for (const [a, b] of edges) {
      for (const q of [a, b]) {
        if (!Number.isInteger(q) || q < 0 || q >= numQubits) throw new InputError(`coupler [${a}, ${b}] names qubit ${q}, outside 0..${numQubits - 1}`, 'TOPOLOGY');
      }
      if (a === b) throw new InputError(`coupler [${a}, ${b}] joins a qubit to itself`, 'TOPOLOGY');
      if (lists[a]!.has(b)) continue;
      lists[a]!.add(b);
      lists[b]!.add(a);
      kept.push(a < b ? [a, b] : [b, a]);
    }
    this.numQubits = numQubits;
    this.edges = kept.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    this.adjacency = lists.map((s) => [...s].sort((x, y) => x - y));
  }

  /** Qubits coupled to `q`, ascending. */
  neighbours(q: number): readonly number[] {
    this.check(q);
    return this.adjacency[q]!;
  }

  /** Number of couplers at `q`. */
  degree(q: number): number {
    return this.neighbours(q).length;
  }

  /** True when `a` and `b` share a coupler. */
  hasEdge(a: number, b: number): boolean {
    return this.neighbours(a).includes(b);
  }

  /** Row-major n×n matrix of hop distances (BFS), {@link NO_PATH} between components. */
  distanceMatrix(): Int32Array {
    if (this.distanceCache) return this.distanceCache;
    const n = this.numQubits;
    const dist = new Int32Array(n * n).fill(NO_PATH);
    const queue = new Int32Array(n);
    for (let s = 0; s < n; s++) {
      const row = s * n;
      dist[row + s] = 0;
      let head = 0;
      let tail = 0;
      queue[tail++] = s;
      while (head < tail) {
        const u = queue[head++]!;
        const du = dist[row + u]!;
        for (const v of this.adjacency[u]!) {
          if (dist[row + v] !== NO_PATH) continue;
          dist[row + v] = du + 1;
          queue[tail++] = v;
        }
      }
    }
    this.distanceCache = dist;
    return dist;
  }

  /** Hop distance between two qubits ({@link NO_PATH} when disconnected). */
  distance(a: number, b: number): number {
    this.check(a);
    this.check(b);
    return this.distanceMatrix()[a * this.numQubits + b]!;
  }

  /** A shortest path from `a` to `b` (inclusive), or undefined when disconnected. */
  shortestPath(a: number, b: number): number[] | undefined {
    if (this.distance(a, b) === NO_PATH) return undefined;
    const path = [a];
    let here = a;
    while (here !== b) {
      const d = this.distance(here, b);
      here = this.adjacency[here]!.find((v) => this.distance(v, b) === d - 1)!;
      path.push(here);
    }
    return path;
  }

  /** How many qubits have each degree, e.g. `{ 1: 2, 2: 89, 3: 36 }`. */
  degreeHistogram(): Record<number, number> {
    const hist: Record<number, number> = {};
    for (const list of this.adjacency) hist[list.length] = (hist[list.length] ?? 0) + 1;
    return hist;
  }

  /** Connected components, each sorted, ordered by their smallest qubit. */
  components(): number[][] {
    const dist = this.distanceMatrix();
    const n = this.numQubits;
    const seen = new Uint8Array(n);
    const out: number[][] = [];
    for (let s = 0; s < n; s++) {
      if (seen[s]) continue;
      const comp: number[] = [];
      for (let v = 0; v < n; v++) {
        if (dist[s * n + v] !== NO_PATH) {
          comp.push(v);
          seen[v] = 1;
        }
      }
      out.push(comp);
    }
    return out;
  }

  /** True when every qubit can reach every other. */
  isConnected(): boolean {
    return this.components().length <= 1;
  }

  /** Largest finite distance between two qubits. */
  diameter(): number {
    let max = 0;
    for (const d of this.distanceMatrix()) if (d > max) max = d;
    return max;
  }

  /** Mean distance over unordered pairs of distinct, connected qubits. */
  meanDistance(): number {
    const n = this.numQubits;
    const dist = this.distanceMatrix();
    let total = 0;
    let pairs = 0;
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const d = dist[a * n + b]!;
        if (d === NO_PATH) continue;
        total += d;
        pairs++;
      }
    }
    return pairs === 0 ? 0 : total / pairs;
  }

  private check(q: number): void {
    if (!Number.isInteger(q) || q < 0 || q >= this.numQubits) {
      throw new InputError(`qubit ${q} is outside 0..${this.numQubits - 1}`, 'QUBIT_RANGE');
    }
  }
}
