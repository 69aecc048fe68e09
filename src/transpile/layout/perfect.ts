/**
 * PerfectLayout (in the spirit of Qiskit's VF2Layout): looks for a placement where every
 * interacting pair of virtual qubits sits on a coupler, so no SWAP is needed. A bounded
 * backtracking search over subgraph monomorphisms collects up to `maxSolutions` placements
 * and keeps the one with the best calibrated fidelity. Leaves the layout unset when none is
 * found within `callLimit` steps.
 */
import type { Circuit } from '../../circuit/circuit.js';
import { Layout } from '../layout.js';
import type { Pass } from '../pass.js';
import type { PropertySet } from '../property-set.js';
import type { Target } from '../target.js';
import { type InteractionGraph, interactionGraph, usableQubits } from './common.js';

/** Search limits of {@link perfectLayout}. */
export interface PerfectLayoutOptions {
  /** Search steps before giving up (default 20 000). */
  readonly callLimit?: number;
  /** Placements scored before stopping (default 8). */
  readonly maxSolutions?: number;
}

const logFid = (e: number): number => -Math.log1p(-Math.min(Math.max(e, 0), 0.999999));

/** A zero-SWAP virtual → physical map, or undefined when none is found. */
export function perfectLayout(circuit: Circuit, target: Target, options: PerfectLayoutOptions = {}): number[] | undefined {
  const graph = interactionGraph(circuit);
  if (graph.pairs.length === 0) return undefined;
  const usable = usableQubits(circuit, target, graph);
  const n = graph.numQubits;
  const order = searchOrder(graph);
  const allowed = new Uint8Array(target.numQubits);
  for (const q of usable) allowed[q] = 1;
  const degreeNeeded = graph.partners.map((p) => p.length);
  const v2p = new Int32Array(n).fill(-1);
  const used = new Uint8Array(target.numQubits);
  const limit = options.callLimit ?? 20_000;
  const maxSolutions = options.maxSolutions ?? 8;
  let calls = 0;
  let best: Int32Array | undefined;
  let bestCost = Number.POSITIVE_INFINITY;
  let found = 0;

  const cost = (): number => {
    let c = 0;
    for (const { a, b, count } of graph.pairs) c += count * logFid(target.couplerError(v2p[a] as number, v2p[b] as number));
    for (const v of order) c += logFid(target.readoutError(v2p[v] as number)) + logFid(target.qubitError(v2p[v] as number));
    return c;
  };

  const place = (i: number): boolean => {
    if (found >= maxSolutions || calls >= limit) return true;
    if (i === order.length) {
      found++;
      const c = cost();
      if (c < bestCost) {
        bestCost = c;
        best = Int32Array.from(v2p);
      }
      return found >= maxSolutions;
    }
    const v = order[i] as number;
    const anchor = (graph.partners[v] ?? []).find((u) => (v2p[u] as number) >= 0);
    const candidates = anchor === undefined ? usable : Array.from(target.neighbors(v2p[anchor] as number));
    for (const p of candidates) {
      if (++calls > limit) return true;
      if (used[p] || !allowed[p]) continue;
      if (target.neighbors(p).length < (degreeNeeded[v] as number)) continue;
      let ok = true;
      for (const u of graph.partners[v] ?? []) {
        const pu = v2p[u] as number;
        if (pu >= 0 && !target.isCoupled(p, pu)) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      v2p[v] = p;
      used[p] = 1;
      const stop = place(i + 1);
      v2p[v] = -1;
      used[p] = 0;
      if (stop) return true;
    }
    return false;
  };
  place(0);
  if (!best) return undefined;
  const out = Array.from(best);
  // Qubits without two-qubit gates: the free qubits with the lowest readout and gate error.
  const taken = new Set(out.filter((p) => p >= 0));
  const spare = Array.from({ length: target.numQubits }, (_, q) => q)
    .filter((q) => !taken.has(q))
    .sort((a, b) => logFid(target.readoutError(a)) + logFid(target.qubitError(a)) - (logFid(target.readoutError(b)) + logFid(target.qubitError(b))) || a - b);
  for (let v = 0; v < n; v++) if ((out[v] as number) < 0) out[v] = spare.shift() as number;
  return out;
}

/** Interacting qubits in BFS order from the highest-degree one (each component in turn). */
function searchOrder(graph: InteractionGraph): number[] {
  const n = graph.numQubits;
  const seen = new Uint8Array(n);
  const order: number[] = [];
  const byDegree = Array.from({ length: n }, (_, v) => v)
    .filter((v) => (graph.partners[v]?.length ?? 0) > 0)
    .sort((a, b) => (graph.partners[b]?.length ?? 0) - (graph.partners[a]?.length ?? 0) || a - b);
  for (const root of byDegree) {
    if (seen[root]) continue;
    seen[root] = 1;
    const queue = [root];
    for (let h = 0; h < queue.length; h++) {
      const u = queue[h] as number;
      order.push(u);
      const next = [...(graph.partners[u] ?? [])].filter((w) => !seen[w]).sort((a, b) => (graph.partners[b]?.length ?? 0) - (graph.partners[a]?.length ?? 0) || a - b);
      for (const w of next) {
        seen[w] = 1;
        queue.push(w);
      }
    }
  }
  return order;
}

/** Layout pass: a zero-SWAP placement when one is found (else leaves the layout unset). */
export class PerfectLayout implements Pass {
  readonly name = 'PerfectLayout';
  constructor(private readonly options: PerfectLayoutOptions = {}) {}
  run(circuit: Circuit, props: PropertySet): Circuit {
    if (props.layout) return circuit;
    const v2p = perfectLayout(circuit, props.target, this.options);
    if (v2p) props.layout = Layout.fromVirtualToPhysical(v2p, props.target.numQubits);
    return circuit;
  }
}
