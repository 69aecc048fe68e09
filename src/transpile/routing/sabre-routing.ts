/**
 * SabreRouting: the routing-stage pass. Runs several seeded SABRE trials on the physical
 * circuit and keeps the best (fewest SWAPs, or highest estimated success probability when
 * noise-aware), reusing the routed circuit SabreLayout already produced for the same layout.
 */
import { InputError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import type { Circuit } from '../../circuit/circuit.js';
import type { Operation } from '../../circuit/operation.js';
import type { Layout } from '../layout.js';
import type { Pass } from '../pass.js';
import type { PropertySet } from '../property-set.js';
import { APPLIED_LAYOUT_KEY } from '../layout/apply.js';
import type { MeasureOp } from '../../circuit/operation.js';
import { buildRoutingDag } from './dag.js';
import { placeMeasurements, splitTrailingMeasurements } from './final-measurements.js';
import { emitRouted, trialCost } from './emit.js';
import { type SabreHeuristic, sabreRoute } from './sabre.js';

/** Property key under which SabreLayout leaves its best routed circuit. */
export const PREROUTED_KEY = 'transpile.sabre_prerouted';

/** What SabreLayout leaves for SabreRouting. */
export interface Prerouted {
  readonly virtual: Circuit;
  readonly layout: Layout;
  readonly ops: readonly Operation[];
  /** Physical permutation: state on p after the layout ends on permutation[p]. */
  readonly permutation: Int32Array;
  readonly swaps: number;
  readonly cost: number;
}

/** Options of the routing-stage pass. */
export interface SabreRoutingOptions {
  /** Seeded trials (default 4). */
  readonly trials?: number;
  /** Choose among trials by estimated success probability instead of SWAP count. */
  readonly noiseAware?: boolean;
  readonly heuristic?: SabreHeuristic;
}

/** Result of routing a physical circuit. */
export interface RoutedCircuit {
  readonly circuit: Circuit;
  readonly permutation: Int32Array;
  readonly swaps: number;
}

/** Routes a circuit already on the target's physical qubits (identity start). */
export function sabreRouteCircuit(circuit: Circuit, props: PropertySet, options: SabreRoutingOptions = {}): RoutedCircuit & { cost: number } {
  const target = props.target;
  const N = target.numQubits;
  if (circuit.numQubits !== N) throw new InputError(`routing needs a circuit on the target's ${N} physical qubits (got ${circuit.numQubits}); run a layout stage first`, 'PASS_ORDER');
  const { body, tail } = splitTrailingMeasurements(circuit.ops, N, circuit.numClbits);
  const dag = buildRoutingDag(body, N, circuit.numClbits);
  const identity = Int32Array.from({ length: N }, (_, i) => i);
  const rng = new Rng(props.seed).fork('sabre-routing');
  const trials = Math.max(1, options.trials ?? 4);
  let best: (RoutedCircuit & { cost: number }) | undefined;
  for (let t = 0; t < trials; t++) {
    const trialRng = rng.fork(t);
    const res = sabreRoute(dag, target, identity, trialRng, true, options.heuristic);
    const events = res.events as Int32Array;
    const cost = trialCost(dag, body, events, identity, target, options.noiseAware ?? false, res.swaps) + measureCost(tail, res.finalLayout, props, options.noiseAware ?? false);
    if (!best || cost < best.cost) {
      const ops = [...emitRouted(body, dag, events, identity, target), ...placeMeasurements(tail, res.finalLayout)];
      best = { circuit: circuit.with({ ops }), permutation: res.finalLayout, swaps: res.swaps, cost };
    }
    if (res.swaps === 0) break;
  }
  return best as RoutedCircuit & { cost: number };
}

/** Routing-stage pass: seeded SABRE trials on the physical circuit (reusing SabreLayout's result when it applies). */
export class SabreRouting implements Pass {
  readonly name = 'SabreRouting';
  constructor(private readonly options: SabreRoutingOptions = {}) {}

  run(circuit: Circuit, props: PropertySet): Circuit {
    const pre = props.get<Prerouted>(PREROUTED_KEY);
    const applied = props.get<{ virtual: Circuit; physical: Circuit }>(APPLIED_LAYOUT_KEY);
    const reusable = pre !== undefined && applied !== undefined && applied.physical === circuit && applied.virtual === pre.virtual && props.layout === pre.layout;
    let result: RoutedCircuit & { cost: number } = reusable
      ? { circuit: circuit.with({ ops: pre.ops }), permutation: pre.permutation, swaps: pre.swaps, cost: pre.cost }
      : sabreRouteCircuit(circuit, props, this.options);
    if (reusable && result.swaps > 0 && (this.options.trials ?? 0) > 0) {
      const fresh = sabreRouteCircuit(circuit, props, this.options);
      if (fresh.cost < result.cost) result = fresh;
    }
    recordRouting(props, result);
    return result.circuit;
  }
}

/** Readout part of a trial's noise cost for the trailing measurements. */
export function measureCost(tail: readonly MeasureOp[], l2p: ArrayLike<number>, props: PropertySet, noise: boolean): number {
  if (!noise) return 0;
  let c = 0;
  for (const m of tail) c += -Math.log1p(-Math.min(props.target.readoutError(l2p[m.qubit] as number), 0.999999));
  return c;
}

/** Composes a routing result into the property set. */
export function recordRouting(props: PropertySet, result: RoutedCircuit): void {
  const prev = props.routingPermutation;
  props.routingPermutation = prev ? prev.map((p) => result.permutation[p] as number) : result.permutation;
  props.swaps += result.swaps;
}
