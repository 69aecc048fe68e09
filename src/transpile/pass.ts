/** The pass interface and the stage / hook-point names of the pass manager. */
import type { Circuit } from '../circuit/circuit.js';
import type { Operation } from '../circuit/operation.js';
import type { PropertySet } from './property-set.js';

/**
 * A transpiler pass: takes a circuit and the shared property set, returns the new circuit
 * (or the same one for analysis passes). Passes must be deterministic given `props.seed`.
 */
export interface Pass {
  readonly name: string;
  run(circuit: Circuit, props: PropertySet): Circuit;
}

/**
 * A pass that can also work on a bare operation list of the same circuit shape (same qubits,
 * bits and registers). Loops such as RepeatUntilStable chain these without building (and
 * validating) a Circuit between passes. `runOps` returns its input array when nothing changes.
 */
export interface OpsPass extends Pass {
  runOps(ops: readonly Operation[], circuit: Circuit, props: PropertySet): readonly Operation[];
}

/** True when the pass implements {@link OpsPass}. */
export function isOpsPass(pass: Pass): pass is OpsPass {
  return typeof (pass as Partial<OpsPass>).runOps === 'function';
}

/** The five stages, in execution order (Qiskit's staged pass manager). */
export const STAGES = ['init', 'layout', 'routing', 'translation', 'optimization'] as const;
/** A stage name. */
export type StageName = (typeof STAGES)[number];

/** A place passes can be attached: a stage, or the hooks just before and after it. */
export type HookPoint = StageName | `pre_${StageName}` | `post_${StageName}`;

/** Every hook point in execution order: pre_init, init, post_init, pre_layout, … */
export const HOOK_POINTS: readonly HookPoint[] = STAGES.flatMap((s) => [`pre_${s}`, s, `post_${s}`] as HookPoint[]);

/** True when `value` names a hook point. */
export function isHookPoint(value: string): value is HookPoint {
  return (HOOK_POINTS as readonly string[]).includes(value);
}

/** Wraps a function as a pass. */
export function definePass(name: string, run: (circuit: Circuit, props: PropertySet) => Circuit): Pass {
  return { name, run };
}
