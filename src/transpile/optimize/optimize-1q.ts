/**
 * Optimize1qRuns (Qiskit's Optimize1qGatesDecomposition): every maximal run of unconditioned
 * one-qubit gates on a qubit is fused. Runs of constant gates are multiplied out and
 * resynthesised in the target's one-qubit basis (kept when that is not cheaper, unless the run
 * holds non-native gates); identity runs vanish. Parametric gates split a run: around them,
 * adjacent rotations of the same axis merge with affine angles (rz(a)·rz(b) = rz(a + b)).
 */
import type { Circuit } from '../../circuit/circuit.js';
import type { GateCall } from '../../circuit/gate-def.js';
import type { GateOp, Operation } from '../../circuit/operation.js';
import { Param } from '../../circuit/param.js';
import type { OpsPass } from '../pass.js';
import type { PropertySet } from '../property-set.js';
import type { Target } from '../target.js';
import { wrapAngle, zyzFromMatrix } from '../synthesis/euler.js';
import { leftMultiply, matrix1q } from '../synthesis/fast-matrix.js';
import { type OneQubitBasisKind, oneQubitBasisKind, synthesizeZyz } from '../synthesis/one-qubit.js';
import { CanonicalRegistry, canonicalRegistry } from './canonical.js';
import { isIdentityGate, mergeRotations } from './gate-algebra.js';

const VIRTUAL = new Set(['rz', 'p', 'u1', 'id']);

/** Cost of a one-qubit sequence: physical pulses dominate, virtual Z rotations are cheap. */
function cost(names: readonly string[]): number {
  let c = 0;
  for (const n of names) c += VIRTUAL.has(n) ? 1 : 16;
  return c;
}

/**
 * Fuses one-qubit runs; `target` picks the synthesis basis (U3 when absent). `registry`
 * remembers canonical runs across calls (see `canonical.ts`).
 */
export function optimize1qRuns(circuit: Circuit, target?: Target, registry: CanonicalRegistry = new CanonicalRegistry()): Circuit {
  const ops = optimize1qOps(circuit.ops, circuit.numQubits, target, registry);
  return ops === circuit.ops ? circuit : circuit.with({ ops });
}

/** {@link optimize1qRuns} on an operation list; returns `allOps` itself when nothing changes. */
export function optimize1qOps(allOps: readonly Operation[], numQubits: number, target?: Target, registry: CanonicalRegistry = new CanonicalRegistry()): readonly Operation[] {
  const kind: OneQubitBasisKind = target ? oneQubitBasisKind(target.basis1q) : 'u3';
  const native = (name: string): boolean => (target ? target.basis1q.has(name) : true);
  const replacementAt: (Operation[] | undefined)[] = new Array(allOps.length);
  const removed = new Uint8Array(allOps.length);
  let replaced = false;
  const runs: number[][] = Array.from({ length: numQubits }, () => []);
  const scratch: GateOp[] = [];

  const flush = (q: number): void => {
    const run = runs[q] as number[];
    const len = run.length;
    if (len === 0) return;
    scratch.length = 0;
    for (let k = 0; k < len; k++) scratch.push(allOps[run[k] as number] as GateOp);
    const first = scratch[0] as GateOp;
    const settled = len === 1 ? native(first.name) && !isIdentityGate(first) : registry.isCanonicalRun(scratch);
    const rewritten = settled ? undefined : rewriteRun(scratch, q, kind, native, registry);
    if (rewritten) {
      replaced = true;
      replacementAt[run[0] as number] = rewritten;
      for (const i of run) removed[i] = 1;
    }
    run.length = 0;
  };

  for (let i = 0; i < allOps.length; i++) {
    const op = allOps[i] as Operation;
    if (op.kind === 'gate' && !op.condition && op.qubits.length === 1) {
      (runs[op.qubits[0] as number] as number[]).push(i);
      continue;
    }
    if (op.kind === 'measure' || op.kind === 'reset') flush(op.qubit);
    else for (const q of op.qubits) flush(q);
  }
  for (let q = 0; q < numQubits; q++) flush(q);
  if (!replaced) return allOps;
  const out: Operation[] = [];
  for (let i = 0; i < allOps.length; i++) {
    const rep = replacementAt[i];
    if (rep) for (const r of rep) out.push(r);
    if (!removed[i]) out.push(allOps[i] as Operation);
  }
  return out;
}

/** The new ops for a run, or undefined to keep it as it is. */
function rewriteRun(ops: readonly GateOp[], q: number, kind: OneQubitBasisKind, native: (name: string) => boolean, registry: CanonicalRegistry): Operation[] | undefined {
  const segments: GateOp[][] = [];
  for (const op of ops) {
    const constant = op.params.every((p) => p.isConstant);
    const last = segments[segments.length - 1];
    const lastConstant = last !== undefined && (last[0] as GateOp).params.every((p) => p.isConstant);
    if (last && constant === lastConstant) last.push(op);
    else segments.push([op]);
  }
  const out: Operation[] = [];
  for (const seg of segments) {
    if (seg[0]?.params.every((p) => p.isConstant)) out.push(...fuseConstant(seg, q, kind, native, registry));
    else out.push(...mergeParametric(seg));
  }
  const changed = out.length !== ops.length || out.some((op, i) => op !== ops[i]);
  return changed ? out : undefined;
}

const acc = new Float64Array(8);
const gate = new Float64Array(8);
const values: number[] = [];

function fuseConstant(seg: readonly GateOp[], q: number, kind: OneQubitBasisKind, native: (name: string) => boolean, registry: CanonicalRegistry): GateOp[] {
  acc.fill(0);
  acc[0] = 1;
  acc[6] = 1;
  for (const op of seg) {
    values.length = 0;
    for (const p of op.params) values.push(p.constant);
    matrix1q(op.name, values, gate);
    leftMultiply(gate, acc);
  }
  const zyz = zyzFromMatrix(acc);
  const calls: GateCall[] = synthesizeZyz(kind, { theta: Param.constant(zyz.theta), phi: Param.constant(wrapAngle(zyz.phi)), lambda: Param.constant(wrapAngle(zyz.lambda)) }, true);
  const allNative = seg.every((op) => native(op.name));
  if (allNative && cost(calls.map((c) => c.name)) >= cost(seg.map((op) => op.name))) {
    // Already as cheap as it gets: remember, so later rounds skip it.
    const keep = registry.tag(seg.length);
    for (const op of seg) registry.mark(op, keep);
    return [...seg];
  }
  const tag = registry.tag(calls.length);
  return calls.map((c) => {
    const op: GateOp = { kind: 'gate', name: c.name, qubits: [q], params: c.params };
    registry.mark(op, tag);
    return op;
  });
}

function mergeParametric(seg: readonly GateOp[]): GateOp[] {
  const out: GateOp[] = [];
  for (const op of seg) {
    const last = out[out.length - 1];
    const merged = last ? mergeRotations(last, op) : undefined;
    if (merged) {
      out.pop();
      if (!isIdentityGate(merged)) out.push(merged);
    } else out.push(op);
  }
  return out;
}

/** Optimisation pass: one-qubit run fusion and resynthesis in the target basis. */
export class Optimize1qRuns implements OpsPass {
  readonly name = 'Optimize1qRuns';
  run(circuit: Circuit, props: PropertySet): Circuit {
    return optimize1qRuns(circuit, props.target, canonicalRegistry(props));
  }
  runOps(ops: readonly Operation[], circuit: Circuit, props: PropertySet): readonly Operation[] {
    return optimize1qOps(ops, circuit.numQubits, props.target, canonicalRegistry(props));
  }
}
