/**
 * The staged pass manager: init → layout → routing → translation → optimization, each with
 * `pre_` and `post_` hook points where user passes (a malicious compiler's Trojan inserter, a
 * client's obfuscation step, an analysis) slot in without touching the presets.
 */
import { InputError } from '../core/errors.js';
import type { Circuit } from '../circuit/circuit.js';
import { CANONICAL_KEY } from './optimize/canonical.js';
import { HOOK_POINTS, type HookPoint, type Pass, isHookPoint } from './pass.js';
import { PropertySet } from './property-set.js';
import type { Target } from './target.js';

/** Passes per hook point. */
export type PassesByPoint = Partial<Record<HookPoint, readonly Pass[]>>;

/** A staged pass manager with pre_/post_ hooks around each stage. */
export class PassManager {
  readonly target: Target;
  private readonly points = new Map<HookPoint, Pass[]>();

  constructor(target: Target, passes: PassesByPoint = {}) {
    this.target = target;
    for (const p of HOOK_POINTS) this.points.set(p, []);
    for (const [point, list] of Object.entries(passes)) this.append(checkPoint(point), ...(list ?? []));
  }

  /** Adds passes at the end of a hook point. */
  append(point: HookPoint, ...passes: Pass[]): this {
    this.list(point).push(...passes);
    return this;
  }

  /** Adds passes at the start of a hook point. */
  prepend(point: HookPoint, ...passes: Pass[]): this {
    this.list(point).unshift(...passes);
    return this;
  }

  /** Inserts passes at `index` within a hook point. */
  insert(point: HookPoint, index: number, ...passes: Pass[]): this {
    const list = this.list(point);
    if (!Number.isInteger(index) || index < 0 || index > list.length) throw new InputError(`insert: index ${index} outside 0..${list.length} for ${point}`, 'PASS_MANAGER');
    list.splice(index, 0, ...passes);
    return this;
  }

  /** Replaces every pass of a hook point. */
  replace(point: HookPoint, passes: readonly Pass[]): this {
    this.points.set(checkPoint(point), [...passes]);
    return this;
  }

  /** Removes the passes of a hook point with the given name; returns how many were removed. */
  remove(point: HookPoint, name: string): number {
    const list = this.list(point);
    const kept = list.filter((p) => p.name !== name);
    this.points.set(point, kept);
    return list.length - kept.length;
  }

  /** The passes at a hook point. */
  passes(point: HookPoint): readonly Pass[] {
    return [...this.list(point)];
  }

  /** `point: pass, pass, …` for every non-empty hook point, in execution order. */
  describe(): string[] {
    return HOOK_POINTS.filter((p) => this.list(p).length > 0).map((p) => `${p}: ${this.list(p).map((x) => x.name).join(', ')}`);
  }

  /** Runs every pass in order; returns the final circuit and the property set. */
  run(circuit: Circuit, props: PropertySet = new PropertySet(this.target)): { circuit: Circuit; props: PropertySet } {
    if (props.target !== this.target) throw new InputError('PassManager.run: the property set was made for another target', 'PASS_MANAGER');
    if (props.numVirtualQubits === 0) props.numVirtualQubits = circuit.numQubits;
    let current = circuit;
    for (const point of HOOK_POINTS) {
      for (const pass of this.list(point)) {
        const t0 = performance.now();
        current = pass.run(current, props);
        props.log.push({ point, pass: pass.name, seconds: (performance.now() - t0) / 1000, opsAfter: current.ops.length });
      }
    }
    // Per-run bookkeeping that only makes sense while the passes run.
    props.delete(CANONICAL_KEY);
    return { circuit: current, props };
  }

  private list(point: HookPoint): Pass[] {
    const list = this.points.get(checkPoint(point));
    if (!list) throw new Error(`internal: hook point ${point} missing`);
    return list;
  }
}

function checkPoint(point: string): HookPoint {
  if (!isHookPoint(point)) throw new InputError(`unknown hook point "${point}"; valid: ${HOOK_POINTS.join(', ')}`, 'PASS_MANAGER');
  return point;
}
