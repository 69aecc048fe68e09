/**
 * SabreLayout: chooses the initial layout by SABRE's forward–backward passes (route the
 * circuit, start the reversed circuit from where it ended, and again), over several seeded
 * trials from random starts plus heuristic starts (dense, noise-aware), as in LightSABRE. The
 * trial whose final forward routing is best (fewest SWAPs, or highest estimated success
 * probability) wins; its routed circuit is left for SabreRouting to reuse.
 */
import { Rng } from '../../core/rng.js';
import type { Circuit } from '../../circuit/circuit.js';
import { Layout } from '../layout.js';
import type { Pass } from '../pass.js';
import type { PropertySet } from '../property-set.js';
import { buildRoutingDag } from '../routing/dag.js';
import { emitRouted, trialCost } from '../routing/emit.js';
import { type SabreHeuristic, sabreRoute } from '../routing/sabre.js';
import { placeMeasurements, splitTrailingMeasurements } from '../routing/final-measurements.js';
import { PREROUTED_KEY, type Prerouted, measureCost } from '../routing/sabre-routing.js';
import { interactionGraph, usableQubits } from './common.js';
import { denseLayout } from './dense.js';
import { noiseAwareLayout } from './noise-aware.js';

/** Trial counts and heuristics of {@link SabreLayout}. */
export interface SabreLayoutOptions {
  /** Random-start trials (default 4). */
  readonly layoutTrials?: number;
  /** Forward–backward iterations per trial (default 2). */
  readonly iterations?: number;
  /** Extra starting layouts tried besides the random ones. */
  readonly seedLayouts?: readonly ('dense' | 'noise-aware')[];
  /** Choose among trials by estimated success probability instead of SWAP count. */
  readonly noiseAware?: boolean;
  readonly heuristic?: SabreHeuristic;
  /**
   * Effort cap for large circuits: when (two-qubit gates × physical qubits) exceeds this,
   * random trials drop to `largeTrials` and iterations to 1 (default: no cap).
   */
  readonly largeCircuitWork?: number;
  readonly largeTrials?: number;
}

/** Layout pass: SABRE forward–backward trials; leaves its best routed circuit for SabreRouting. */
export class SabreLayout implements Pass {
  readonly name = 'SabreLayout';
  constructor(private readonly options: SabreLayoutOptions = {}) {}

  run(circuit: Circuit, props: PropertySet): Circuit {
    if (props.layout) return circuit;
    const target = props.target;
    const N = target.numQubits;
    const n = circuit.numQubits;
    const graph = interactionGraph(circuit);
    const usable = usableQubits(circuit, target, graph);
    if (graph.pairs.length === 0) {
      props.layout = Layout.fromVirtualToPhysical(noiseAwareLayout(circuit, target), N);
      return circuit;
    }
    const { body, tail } = splitTrailingMeasurements(circuit.ops, n, circuit.numClbits);
    const forward = buildRoutingDag(body, N, circuit.numClbits);
    const backward = buildRoutingDag(body, N, circuit.numClbits, true);
    const rng = new Rng(props.seed).fork('sabre-layout');
    const starts: Int32Array[] = [];
    for (const kind of this.options.seedLayouts ?? []) {
      const v2p = kind === 'dense' ? denseLayout(circuit, target) : noiseAwareLayout(circuit, target);
      starts.push(Layout.fromVirtualToPhysical(v2p, N).toPhysical);
    }
    const twoQubitGates = graph.pairs.reduce((s, p) => s + p.count, 0);
    const large = this.options.largeCircuitWork !== undefined && twoQubitGates * N > this.options.largeCircuitWork;
    const trials = Math.max(1, large ? (this.options.largeTrials ?? 2) : (this.options.layoutTrials ?? 4));
    const usableSet = new Set(usable);
    const rest = Array.from({ length: N }, (_, i) => i).filter((q) => !usableSet.has(q));
    for (let t = 0; t < trials; t++) {
      const r = rng.fork(`start${t}`);
      const main = r.shuffle([...usable]);
      const others = r.shuffle([...main.slice(n), ...rest]);
      starts.push(Int32Array.from([...main.slice(0, n), ...others]));
    }
    const iterations = large ? 1 : Math.max(1, this.options.iterations ?? 2);
    let best: Prerouted | undefined;
    starts.forEach((start, t) => {
      const trialRng = rng.fork(t);
      let l2p = start;
      for (let it = 0; it < iterations; it++) {
        l2p = sabreRoute(forward, target, l2p, trialRng, false, this.options.heuristic).finalLayout;
        l2p = sabreRoute(backward, target, l2p, trialRng, false, this.options.heuristic).finalLayout;
      }
      const res = sabreRoute(forward, target, l2p, trialRng, true, this.options.heuristic);
      const events = res.events as Int32Array;
      const noise = this.options.noiseAware ?? false;
      const cost = trialCost(forward, body, events, l2p, target, noise, res.swaps) + measureCost(tail, res.finalLayout, props, noise);
      if (!best || cost < best.cost) {
        const layout = Layout.fromVirtualToPhysical(l2p, N);
        const permutation = new Int32Array(N);
        for (let v = 0; v < N; v++) permutation[l2p[v] as number] = res.finalLayout[v] as number;
        const ops = [...emitRouted(body, forward, events, l2p, target), ...placeMeasurements(tail, res.finalLayout)];
        best = { virtual: circuit, layout, ops, permutation, swaps: res.swaps, cost };
      }
    });
    const chosen = best as Prerouted;
    props.layout = chosen.layout;
    props.set(PREROUTED_KEY, chosen);
    return circuit;
  }
}
