/**
 * Where a circuit laid out on some qubits of one device can run unchanged on another device: a
 * map of its qubits onto the other chip under which every coupler the circuit uses is a usable
 * coupler there (in the calibrated direction when that chip is directed). Devices of one
 * lattice map onto the same qubit numbers; otherwise a small backtracking search finds an
 * embedding of the used couplers (jobs touch a handful of qubits). A rerouting provider needs
 * this to run a client-transpiled (native) job silently on another chip.
 */
import { InputError } from '../../../core/errors.js';
import type { Circuit } from '../../../circuit/circuit.js';
import type { DeviceProfile } from '../../../devices/schema.js';

/** Couplers (physical qubit pairs, in gate order) used by the two-qubit gates of a native circuit placed on `qubits`. */
export function usedCouplers(circuit: Circuit, qubits: readonly number[]): [number, number][] {
  if (qubits.length !== circuit.numQubits) throw new InputError(`${qubits.length} qubit(s) given for a ${circuit.numQubits}-qubit circuit`, 'SHAPE');
  const seen = new Map<string, [number, number]>();
  for (const op of circuit.ops) {
    if (op.kind !== 'gate' || op.qubits.length !== 2) continue;
    const pair: [number, number] = [qubits[op.qubits[0] as number] as number, qubits[op.qubits[1] as number] as number];
    seen.set(pair.join('-'), pair);
  }
  return [...seen.values()];
}

function edgeChecker(to: DeviceProfile): (a: number, b: number) => boolean {
  const undirected = new Set(to.coupling_map.map(([a, b]) => `${a}-${b}`));
  const directed = to.directed ? new Set((to.directed_couplers ?? []).map(([a, b]) => `${a}-${b}`)) : undefined;
  const allToAll = to.topology.kind === 'all_to_all';
  return (a, b) => {
    if (allToAll) return a !== b;
    if (directed) return directed.has(`${a}-${b}`);
    return undirected.has(a < b ? `${a}-${b}` : `${b}-${a}`);
  };
}

/**
 * A map `qubits[i]` → qubit of `to` under which every pair of `edges` (physical qubits of the
 * source device, as the circuit uses them) is a usable coupler of `to`; the identity when it
 * works, else the first embedding a depth-first search finds; `undefined` when none exists.
 */
export function equivalentRegion(to: DeviceProfile, qubits: readonly number[], edges: readonly (readonly [number, number])[]): number[] | undefined {
  const ok = edgeChecker(to);
  if (new Set(qubits).size !== qubits.length) throw new InputError(`a region lists qubit(s) twice: ${qubits.join(', ')}`, 'QUBIT_RANGE');
  const position = new Map(qubits.map((q, i) => [q, i]));
  for (const [a, b] of edges) {
    if (!position.has(a) || !position.has(b)) throw new InputError(`coupler (${a}, ${b}) lies outside the region ${qubits.join(', ')}`, 'QUBIT_RANGE');
  }
  if (qubits.length > to.num_qubits) return undefined;
  if (qubits.every((q) => q < to.num_qubits) && edges.every(([a, b]) => ok(a, b))) return [...qubits];

  const k = qubits.length;
  const neighbours: number[][] = Array.from({ length: k }, () => []);
  for (const [a, b] of edges) {
    const i = position.get(a) as number;
    const j = position.get(b) as number;
    if (!neighbours[i]?.includes(j)) neighbours[i]?.push(j);
    if (!neighbours[j]?.includes(i)) neighbours[j]?.push(i);
  }
  // Visit order: breadth-first from the busiest qubit, so each new qubit (but the first of a
  // component) has an already-placed neighbour that narrows its candidates.
  const order: number[] = [];
  const placed = new Set<number>();
  const byDegree = [...Array(k).keys()].sort((x, y) => (neighbours[y]?.length ?? 0) - (neighbours[x]?.length ?? 0) || x - y);
  for (const start of byDegree) {
    if (placed.has(start)) continue;
    const queue = [start];
    placed.add(start);
    while (queue.length > 0) {
      const v = queue.shift() as number;
      order.push(v);
      for (const w of neighbours[v] ?? []) if (!placed.has(w)) { placed.add(w); queue.push(w); }
    }
  }
  const targetNeighbours = new Map<number, number[]>();
  const link = (a: number, b: number) => { targetNeighbours.set(a, [...(targetNeighbours.get(a) ?? []), b]); };
  for (const [a, b] of to.coupling_map) { link(a, b); link(b, a); }
  const directedEdges = edges.map(([a, b]) => [position.get(a) as number, position.get(b) as number] as const);
  const image = new Array<number>(k).fill(-1);
  const used = new Set<number>();
  const consistent = (v: number): boolean => directedEdges.every(([i, j]) => {
    if (i !== v && j !== v) return true;
    const a = image[i] as number;
    const b = image[j] as number;
    return a < 0 || b < 0 || ok(a, b);
  });
  let steps = 0;
  const search = (n: number): boolean => {
    if (n === k) return true;
    if (++steps > 200_000) return false;
    const v = order[n] as number;
    const anchor = (neighbours[v] ?? []).find((w) => (image[w] as number) >= 0);
    const candidates = anchor === undefined
      ? [...Array(to.num_qubits).keys()]
      : [...(targetNeighbours.get(image[anchor] as number) ?? [])].sort((x, y) => x - y);
    for (const c of candidates) {
      if (used.has(c)) continue;
      image[v] = c;
      used.add(c);
      if (consistent(v) && search(n + 1)) return true;
      used.delete(c);
      image[v] = -1;
    }
    return false;
  };
  return search(0) ? image : undefined;
}
