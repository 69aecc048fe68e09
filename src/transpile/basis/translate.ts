/**
 * Basis translation: rewrites every gate into the target's native gates (and, for directional
 * entanglers such as IBM Eagle's ECR, into the native direction). One-qubit gates go through
 * their affine Euler form; multi-qubit gates through the rules of `synthesis/two-qubit.ts`.
 * Measurements, resets, barriers and conditions pass through unchanged.
 */
import { InputError } from '../../core/errors.js';
import type { Circuit } from '../../circuit/circuit.js';
import type { GateCall } from '../../circuit/gate-def.js';
import type { GateOp, Operation } from '../../circuit/operation.js';
import type { Pass } from '../pass.js';
import type { PropertySet } from '../property-set.js';
import type { Target } from '../target.js';
import { type OneQubitBasisKind, oneQubitBasisKind, synthesizeGate } from '../synthesis/one-qubit.js';
import { type EntanglerKind, SYMMETRIC_2Q, entanglerKind, gateRule, primitiveRule } from '../synthesis/two-qubit.js';
import { CanonicalRegistry, type CanonicalTag, canonicalRegistry } from '../optimize/canonical.js';
import { optimize1qRuns } from '../optimize/optimize-1q.js';

const MAX_DEPTH = 16;

/** What the translator needs to know about a target, precomputed once. */
export interface TranslationContext {
  readonly target: Target;
  readonly oneQubit: OneQubitBasisKind;
  /** Undefined when the target has no two-qubit native (then only one-qubit circuits translate). */
  readonly entangler: EntanglerKind | undefined;
}

/** Precomputes the synthesis families of a target. */
export function translationContext(target: Target): TranslationContext {
  return {
    target,
    oneQubit: oneQubitBasisKind(target.basis1q),
    entangler: target.basis2q.length > 0 ? entanglerKind(target.basis2q) : undefined,
  };
}

/** A cached expansion: gate name, local qubit indices, parameters. */
type Template = readonly { readonly name: string; readonly local: readonly number[]; readonly params: GateOp['params'] }[];

/**
 * Rewrites `circuit` into the target's native gates (qubit indices taken as physical). The
 * one-qubit runs of each cached expansion are fused once and registered as canonical in
 * `registry`, so the optimisation stage does not redo them.
 */
export function translateToBasis(circuit: Circuit, ctx: TranslationContext, registry: CanonicalRegistry = new CanonicalRegistry()): Circuit {
  const out: Operation[] = [];
  // Constant gates repeat (every SWAP, every CX): their expansion depends only on the gate,
  // its parameters and, for two-qubit gates, which directions of the pair are native.
  const cache = new Map<string, Template>();
  const { target } = ctx;
  for (const op of circuit.ops) {
    if (op.kind !== 'gate') {
      out.push(op);
      continue;
    }
    if (op.condition || op.qubits.length > 2 || !op.params.every((p) => p.isConstant)) {
      expand(op, out, ctx, 0);
      continue;
    }
    let key = op.name;
    for (const p of op.params) key += `,${p.constant}`;
    if (op.qubits.length === 2) {
      const [a, b] = op.qubits as [number, number];
      key += `|${target.isCoupled(a, b) ? 1 : 0}${target.isNativeDirection(a, b) ? 1 : 0}${target.isNativeDirection(b, a) ? 1 : 0}`;
    }
    let template = cache.get(key);
    if (!template) {
      const tmp: Operation[] = [];
      expand(op, tmp, ctx, 0);
      // One-qubit runs inside the expansion are fused once here, not once per occurrence.
      const fused = optimize1qRuns(circuit.with({ ops: tmp }), target).ops as GateOp[];
      // Each entry gets its own params array: the registry recognises instances by it.
      const tags = runTags(fused, registry);
      template = fused.map((gate, i) => {
        const entry = { name: gate.name, local: gate.qubits.map((q) => op.qubits.indexOf(q)), params: [...gate.params] };
        const tag = tags[i];
        if (tag) registry.mark({ kind: 'gate', name: entry.name, qubits: [], params: entry.params }, tag);
        return entry;
      });
      cache.set(key, template);
    }
    const q0 = op.qubits[0] as number;
    const q1 = op.qubits.length > 1 ? (op.qubits[1] as number) : -1;
    for (let k = 0; k < template.length; k++) {
      const t = template[k] as Template[number];
      const qubits = t.local.length === 1 ? [t.local[0] === 0 ? q0 : q1] : [t.local[0] === 0 ? q0 : q1, t.local[1] === 0 ? q0 : q1];
      out.push({ kind: 'gate', name: t.name, qubits, params: t.params });
    }
  }
  return circuit.with({ ops: out });
}

/** Tags every maximal one-qubit run of a fused expansion as canonical. */
function runTags(ops: readonly GateOp[], registry: CanonicalRegistry): (CanonicalTag | undefined)[] {
  const tags: (CanonicalTag | undefined)[] = new Array(ops.length).fill(undefined);
  const open = new Map<number, number[]>();
  const close = (q: number): void => {
    const run = open.get(q);
    if (!run || run.length === 0) return;
    const tag = registry.tag(run.length);
    for (const i of run) tags[i] = tag;
    open.set(q, []);
  };
  ops.forEach((op, i) => {
    if (op.qubits.length === 1) {
      const q = op.qubits[0] as number;
      if (!open.has(q)) open.set(q, []);
      open.get(q)?.push(i);
    } else for (const q of op.qubits) close(q);
  });
  for (const q of [...open.keys()]) close(q);
  return tags;
}

/** Appends the native form of one gate to `out`. */
export function expand(op: GateOp, out: Operation[], ctx: TranslationContext, depth: number): void {
  if (depth > MAX_DEPTH) throw new Error(`internal: basis translation of ${op.name} does not terminate`);
  const { target } = ctx;
  const n = op.qubits.length;
  if (n === 1) {
    if (target.basis1q.has(op.name)) {
      out.push(op);
      return;
    }
    if (op.name === 'id') return;
    emit(synthesizeGate(ctx.oneQubit, op.name, op.params), op, out, ctx, depth);
    return;
  }
  if (n === 2) {
    const [a, b] = op.qubits as [number, number];
    if (target.basis2q.includes(op.name)) {
      if (target.isNativeDirection(a, b) || !target.isCoupled(a, b)) {
        out.push(op);
        return;
      }
      if (SYMMETRIC_2Q.has(op.name) && target.isNativeDirection(b, a)) {
        const params = op.name === 'ms' ? [op.params[1], op.params[0], op.params[2]] : op.params;
        out.push({ ...op, qubits: [b, a], params: params as GateOp['params'] });
        return;
      }
    }
    const kind = ctx.entangler;
    if (!kind) throw new InputError(`cannot translate two-qubit gate ${op.name}: target ${target.name} has no native two-qubit gate`, 'UNSUPPORTED_BASIS');
    const calls =
      op.name === 'cx' || op.name === 'rzz' || op.name === 'rxx'
        ? primitiveRule(op.name, op.params, kind, target.isNativeDirection(a, b) || !target.isCoupled(a, b))
        : gateRule(op.name, op.params, kind);
    emit(calls, op, out, ctx, depth);
    return;
  }
  if (target.basisMulti.has(op.name)) {
    out.push(op);
    return;
  }
  emit(gateRule(op.name, op.params, ctx.entangler ?? 'cx'), op, out, ctx, depth);
}

function emit(calls: readonly GateCall[], parent: GateOp, out: Operation[], ctx: TranslationContext, depth: number): void {
  for (const c of calls) {
    const child: GateOp = {
      kind: 'gate',
      name: c.name,
      qubits: c.qubits.map((j) => parent.qubits[j] as number),
      params: c.params,
      ...(parent.condition ? { condition: parent.condition } : {}),
    };
    expand(child, out, ctx, depth + 1);
  }
}

/** Translation-stage pass: every gate into the target's natives. */
export class BasisTranslator implements Pass {
  readonly name = 'BasisTranslator';
  run(circuit: Circuit, props: PropertySet): Circuit {
    return translateToBasis(circuit, translationContext(props.target), canonicalRegistry(props));
  }
}
