/**
 * Canonical one-qubit sequences: runs that one-qubit fusion cannot improve (its own output,
 * runs it found optimal, the pre-fused expansions of the basis translator). A run made of
 * exactly one such sequence is skipped, so fixed-point optimisation loops do not redo every
 * run each round.
 *
 * Sequences are recognised by the identity of their gates' `params` arrays: the translator
 * instantiates every cached expansion with the same arrays, so a template's few arrays stand
 * for its hundreds of thousands of instances (registering each op in a Map or WeakMap costs
 * more than the fusion it saves). Two instances can never form one run of the registered
 * length, and a run cannot hold part of a sequence (sequences are maximal runs), so the test
 * is exact; at worst an unregistered alias skips nothing. The registry lives in the property
 * set for one pass-manager run.
 */
import type { GateOp } from '../../circuit/operation.js';
import type { PropertySet } from '../property-set.js';

/** A canonical sequence: its id and number of gates. */
export interface CanonicalTag {
  readonly id: number;
  readonly length: number;
}

/** Params array → the canonical sequence its gate belongs to. */
export class CanonicalRegistry {
  private readonly tags = new Map<GateOp['params'], CanonicalTag>();
  private next = 0;

  /** A fresh tag for a sequence of `length` gates. */
  tag(length: number): CanonicalTag {
    return { id: this.next++, length };
  }

  /** Registers the op (by its params array) as part of the sequence `tag`. */
  mark(op: GateOp, tag: CanonicalTag): void {
    this.tags.set(op.params, tag);
  }

  /** True when `ops` is exactly one registered sequence. */
  isCanonicalRun(ops: readonly GateOp[]): boolean {
    const first = this.tags.get((ops[0] as GateOp).params);
    if (!first || first.length !== ops.length) return false;
    for (let i = 1; i < ops.length; i++) if (this.tags.get((ops[i] as GateOp).params)?.id !== first.id) return false;
    return true;
  }
}

/** Property key of the registry; the pass manager drops it after its run. */
export const CANONICAL_KEY = 'transpile.canonical_1q';

/** The registry of this pass-manager run. */
export function canonicalRegistry(props: PropertySet): CanonicalRegistry {
  let r = props.get<CanonicalRegistry>(CANONICAL_KEY);
  if (!r) {
    r = new CanonicalRegistry();
    props.set(CANONICAL_KEY, r);
  }
  return r;
}
