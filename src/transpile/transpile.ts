/**
 * `transpile(circuit, target, options)`: runs the preset pass manager of a level (plus any
 * user passes at any hook point) and returns the physical circuit, its initial and final
 * layouts and its metrics.
 */
import { InputError } from '../core/errors.js';
import type { Circuit } from '../circuit/circuit.js';
import { Layout } from './layout.js';
import { type TranspileMetrics, transpileMetrics } from './metrics.js';
import type { PassManager, PassesByPoint } from './pass-manager.js';
import type { HookPoint } from './pass.js';
import { presetPassManager } from './presets.js';
import { PropertySet } from './property-set.js';
import type { Target } from './target.js';

/** Options of {@link transpile}. */
export interface TranspileOptions {
  /** Optimisation level 0–3 (default 1). */
  readonly level?: number;
  /** Seed for every randomised pass (default 0): the same seed gives the same output. */
  readonly seed?: number;
  /** Fixed initial layout: `initialLayout[v]` is the physical qubit of virtual qubit v. */
  readonly initialLayout?: readonly number[];
  /** Extra passes appended at hook points of the preset (see the room README). */
  readonly passes?: PassesByPoint;
  /** Use this pass manager instead of a preset (`level` and `passes` are then ignored). */
  readonly passManager?: PassManager;
}

/** What {@link transpile} returns. */
export interface TranspileResult {
  /** The circuit on the target's physical qubits, in native gates. */
  readonly circuit: Circuit;
  /** `initialLayout[v]`: physical qubit of virtual qubit v at the start. */
  readonly initialLayout: number[];
  /** `finalLayout[v]`: physical qubit holding virtual qubit v's state at the end. */
  readonly finalLayout: number[];
  readonly metrics: TranspileMetrics;
  /** Everything the passes recorded. */
  readonly props: PropertySet;
}

/** Transpiles a circuit for a target. */
export function transpile(circuit: Circuit, target: Target, options: TranspileOptions = {}): TranspileResult {
  const t0 = performance.now();
  const seed = options.seed ?? 0;
  if (!Number.isFinite(seed)) throw new InputError(`seed must be a finite number, got ${seed}`, 'SEED');
  if (circuit.numQubits > target.numQubits) {
    throw new InputError(`the circuit has ${circuit.numQubits} qubits but ${target.name} has only ${target.numQubits}`, 'TOO_WIDE');
  }
  const pm = options.passManager ?? presetPassManager(options.level ?? 1, target);
  if (!options.passManager) {
    for (const [point, passes] of Object.entries(options.passes ?? {})) pm.append(point as HookPoint, ...(passes ?? []));
  }
  const props = new PropertySet(target, seed);
  props.numVirtualQubits = circuit.numQubits;
  if (options.initialLayout) {
    if (options.initialLayout.length !== circuit.numQubits) {
      throw new InputError(`initial layout has ${options.initialLayout.length} entries but the circuit has ${circuit.numQubits} qubits`, 'LAYOUT');
    }
    props.layout = Layout.fromVirtualToPhysical(options.initialLayout, target.numQubits);
  }
  const { circuit: out } = pm.run(circuit, props);
  const n = circuit.numQubits;
  const layout = props.layout ?? Layout.trivial(target.numQubits);
  const finalLayout = props.finalLayout ?? layout;
  const seconds = (performance.now() - t0) / 1000;
  return {
    circuit: out,
    initialLayout: layout.slice(n),
    finalLayout: finalLayout.slice(n),
    metrics: transpileMetrics(out, target, props.swaps, seconds),
    props,
  };
}
