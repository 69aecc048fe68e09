/**
 * Compiles a circuit into simulator instructions: constant gates become matrices classified
 * by kind (general, diagonal, controlled, swap), one-parameter gates become Pauli rotations
 * exp(-iφ Π P) (every parametric gate reduces to these, through the gate library's
 * generators and decompositions), consecutive constant one-qubit gates are fused.
 */
import { InputError } from '../core/errors.js';
import type { Circuit } from '../circuit/circuit.js';
import type { GateCall, GateDef } from '../circuit/gate-def.js';
import { getGate } from '../circuit/gates.js';
import { dagger, isDiagonal, matmul, type Matrix } from '../circuit/matrix.js';
import type { Condition, Operation } from '../circuit/operation.js';
import { Param } from '../circuit/param.js';
import type { RotationMasks } from './kernels/rotation.js';
import { basisMap, inversePermutation } from './kernels/permutation.js';

/** A compiled instruction. Matrices are interleaved complex, local little-endian order. */
export type Instr =
  | { readonly op: 'u1'; readonly q: number; readonly m: Matrix; readonly diag: boolean }
  | { readonly op: 'cu1'; readonly controls: readonly number[]; readonly q: number; readonly m: Matrix }
  | { readonly op: 'u2'; readonly q0: number; readonly q1: number; readonly m: Matrix }
  | { readonly op: 'swap'; readonly q0: number; readonly q1: number }
  | { readonly op: 'diag'; readonly qubits: readonly number[]; readonly d: Float64Array }
  | { readonly op: 'uk'; readonly qubits: readonly number[]; readonly m: Matrix }
  | { readonly op: 'perm'; readonly qubits: readonly number[]; readonly map: Int32Array; readonly inverseMap: Int32Array }
  | RotationInstr
  | { readonly op: 'measure'; readonly qubit: number; readonly clbit: number; readonly condition?: Condition }
  | { readonly op: 'reset'; readonly qubit: number; readonly condition?: Condition }
  | { readonly op: 'cond'; readonly condition: Condition; readonly body: readonly Instr[] };

/** exp(-i·coeff·θ·Π P) where θ is the value of `param` for a binding. */
export interface RotationInstr {
  readonly op: 'rot';
  readonly masks: RotationMasks;
  readonly coeff: number;
  readonly param: Param;
  /** The qubits involved (for validation and drawing). */
  readonly qubits: readonly number[];
  /** Set for one-qubit rotations with a fast batched path. */
  readonly single?: { readonly q: number; readonly kind: 'X' | 'Y' | 'Z' | 'P' };
}

export interface CompileOptions {
  /** Fuse runs of constant one-qubit gates (default true). */
  readonly fuse?: boolean;
  /**
   * Shared weights to fold in: parameters that read only weights become constants. Leave
   * unset when gradients with respect to weights are needed.
   */
  readonly frozenWeights?: Float64Array;
  /** Inputs to fold in as well (a single binding): then every parameter is a constant. */
  readonly frozenInputs?: Float64Array;
}

export interface Program {
  readonly numQubits: number;
  readonly numClbits: number;
  readonly instrs: readonly Instr[];
  /** True when there is a measurement, reset or condition (results need sampling). */
  readonly hasNonUnitary: boolean;
  readonly globalPhase: number;
}

/** Compiles `circuit` (barriers dropped). */
export function compile(circuit: Circuit, options: CompileOptions = {}): Program {
  const fuse = options.fuse ?? true;
  const out: Instr[] = [];
  const pending: (Matrix | undefined)[] = new Array(circuit.numQubits).fill(undefined);
  const flush = (q: number) => {
    const m = pending[q];
    if (m !== undefined) {
      pending[q] = undefined;
      if (!isIdentity2(m)) out.push({ op: 'u1', q, m, diag: isDiagonal(m) });
    }
  };
  const flushAll = () => {
    for (let q = 0; q < pending.length; q++) flush(q);
  };
  const emit = (instr: Instr) => {
    if (fuse && instr.op === 'u1') {
      const prev = pending[instr.q];
      pending[instr.q] = prev === undefined ? instr.m : matmul(instr.m, prev);
      return;
    }
    for (const q of instrQubits(instr)) flush(q);
    out.push(instr);
  };
  let hasNonUnitary = false;
  for (const op of circuit.ops) {
    if (op.kind === 'barrier') continue;
    if (op.kind === 'measure' || op.kind === 'reset' || op.condition) hasNonUnitary = true;
    if (op.kind !== 'gate') {
      emit(op.kind === 'measure'
        ? { op: 'measure', qubit: op.qubit, clbit: op.clbit, ...(op.condition ? { condition: op.condition } : {}) }
        : { op: 'reset', qubit: op.qubit, ...(op.condition ? { condition: op.condition } : {}) });
      continue;
    }
    const body: Instr[] = [];
    lowerGate(getGate(op.name), op.qubits, op.params, { w: options.frozenWeights, x: options.frozenInputs }, body);
    if (op.condition) {
      flushAll();
      out.push({ op: 'cond', condition: op.condition, body });
    } else {
      for (const instr of body) emit(instr);
    }
  }
  flushAll();
  const instrs = fuse ? fusePermutationRuns(out, circuit.numQubits) : out;
  return { numQubits: circuit.numQubits, numClbits: circuit.numClbits, instrs, hasNonUnitary, globalPhase: circuit.globalPhase };
}

/** Fewest CNOT/SWAPs in a row worth one permutation pass, and the widths where it pays (measured). */
const PERM_MIN_RUN = 4;
const PERM_QUBITS: readonly [number, number] = [12, 20];
const permCache = new Map<string, { map: Int32Array; inverseMap: Int32Array }>();

function isPermutationGate(i: Instr): i is Extract<Instr, { op: 'cu1' | 'swap' }> {
  if (i.op === 'swap') return true;
  if (i.op !== 'cu1' || i.controls.length !== 1) return false;
  const m = i.m;
  return m[0] === 0 && m[1] === 0 && m[2] === 1 && m[3] === 0 && m[4] === 1 && m[5] === 0 && m[6] === 0 && m[7] === 0;
}

/**
 * Runs of CNOTs and SWAPs become one basis permutation pass (the tables are cached by run, so a
 * QNN's ring of CNOTs is computed once).
 */
function fusePermutationRuns(input: Instr[], n: number): Instr[] {
  if (n < PERM_QUBITS[0] || n > PERM_QUBITS[1]) return input;
  const instrs = hoistSingleQubitGates(input);
  const out: Instr[] = [];
  let i = 0;
  while (i < instrs.length) {
    let j = i;
    while (j < instrs.length && isPermutationGate(instrs[j] as Instr)) j++;
    if (j - i < PERM_MIN_RUN) {
      out.push(instrs[i] as Instr);
      i++;
      continue;
    }
    const gates = instrs.slice(i, j).map((g) => (g.op === 'swap' ? { kind: 'swap' as const, a: g.q0, b: g.q1 } : { kind: 'cx' as const, a: (g as { controls: readonly number[] }).controls[0] as number, b: (g as { q: number }).q }));
    const key = `${n}:${gates.map((g) => `${g.kind[0]}${g.a}.${g.b}`).join(',')}`;
    let maps = permCache.get(key);
    if (!maps) {
      const map = basisMap(n, gates);
      maps = { map, inverseMap: inversePermutation(map) };
      if (permCache.size > 64) permCache.clear();
      permCache.set(key, maps);
    }
    out.push({ op: 'perm', qubits: [...new Set(gates.flatMap((g) => [g.a, g.b]))], ...maps });
    i = j;
  }
  return out;
}

/** The qubits an instruction touches. */
export function instrQubits(instr: Instr): readonly number[] {
  switch (instr.op) {
    case 'u1': return [instr.q];
    case 'cu1': return [...instr.controls, instr.q];
    case 'u2':
    case 'swap': return [instr.q0, instr.q1];
    case 'diag':
    case 'uk':
    case 'perm':
    case 'rot': return instr.qubits;
    case 'measure':
    case 'reset': return [instr.qubit];
    case 'cond': return [...new Set(instr.body.flatMap(instrQubits))];
  }
}

function isIdentity2(m: Matrix): boolean {
  return m[0] === 1 && m[1] === 0 && m[2] === 0 && m[3] === 0 && m[4] === 0 && m[5] === 0 && m[6] === 1 && m[7] === 0;
}

interface Frozen {
  readonly w: Float64Array | undefined;
  readonly x: Float64Array | undefined;
}

function resolve(p: Param, frozen: Frozen): number | undefined {
  if (p.isConstant) return p.constant;
  if ((frozen.w !== undefined || !p.dependsOnWeights) && (frozen.x !== undefined || !p.dependsOnInputs)) return p.evaluate(frozen.x, frozen.w);
  return undefined;
}

/** Lowers one gate (constant or parametric) to instructions, without fusion. */
export function lowerGateOp(name: string, qubits: readonly number[], params: readonly Param[], frozenWeights?: Float64Array): Instr[] {
  const out: Instr[] = [];
  lowerGate(getGate(name), qubits, params, { w: frozenWeights, x: undefined }, out);
  return out;
}

function lowerGate(def: GateDef, qubits: readonly number[], params: readonly Param[], frozen: Frozen, out: Instr[]): void {
  const values = params.map((p) => resolve(p, frozen));
  if (values.every((v) => v !== undefined)) {
    lowerConstant(def, qubits, values as number[], out);
    return;
  }
  if (def.generator && params.length === 1) {
    out.push(rotation(def, qubits, params[0] as Param));
    return;
  }
  if (!def.decompose) throw new InputError(`gate ${def.name} cannot take symbolic parameters`, 'UNSUPPORTED');
  for (const c of def.decompose(params) as readonly GateCall[]) {
    lowerGate(getGate(c.name), c.qubits.map((j) => qubits[j] as number), c.params, frozen, out);
  }
}

function rotation(def: GateDef, qubits: readonly number[], param: Param): RotationInstr {
  const g = def.generator!;
  let xMask = 0;
  let zMask = 0;
  let numY = 0;
  let projMask = 0;
  g.paulis.forEach((l, j) => {
    const bit = 1 << (qubits[j] as number);
    if (l === 'X' || l === 'Y') xMask |= bit;
    if (l === 'Z' || l === 'Y') zMask |= bit;
    if (l === 'Y') numY++;
  });
  for (const j of g.projector) projMask |= 1 << (qubits[j] as number);
  const masks = { xMask: xMask >>> 0, zMask: zMask >>> 0, numY, projMask: projMask >>> 0 };
  let single: RotationInstr['single'];
  if (qubits.length === 1) {
    const l = g.paulis[0];
    const kind = projMask !== 0 && l === 'I' ? 'P' : l === 'X' || l === 'Y' || l === 'Z' ? l : undefined;
    if (kind && (kind === 'P' || projMask === 0)) single = { q: qubits[0] as number, kind };
  }
  return { op: 'rot', masks, coeff: g.coeff, param, qubits: [...qubits], ...(single ? { single } : {}) };
}

function lowerConstant(def: GateDef, qubits: readonly number[], values: number[], out: Instr[]): void {
  if (def.name === 'id') return;
  if (def.numQubits === 1) {
    const m = def.matrix(values);
    out.push({ op: 'u1', q: qubits[0] as number, m, diag: def.diagonal || isDiagonal(m) });
    return;
  }
  if (def.name === 'swap') {
    out.push({ op: 'swap', q0: qubits[0] as number, q1: qubits[1] as number });
    return;
  }
  if (def.name === 'cswap') {
    const [c, a, b] = qubits as [number, number, number];
    const x = getGate('x').matrix([]);
    out.push({ op: 'cu1', controls: [a], q: b, m: x }, { op: 'cu1', controls: [c, b], q: a, m: x }, { op: 'cu1', controls: [a], q: b, m: x });
    return;
  }
  if (def.controls > 0 && def.targetMatrix && def.numQubits - def.controls === 1) {
    out.push({ op: 'cu1', controls: qubits.slice(0, def.controls), q: qubits[def.controls] as number, m: def.targetMatrix(values) });
    return;
  }
  const m = def.matrix(values);
  if (def.diagonal || isDiagonal(m)) {
    const dim = 1 << def.numQubits;
    const d = new Float64Array(2 * dim);
    for (let j = 0; j < dim; j++) {
      d[2 * j] = m[2 * (j * dim + j)] as number;
      d[2 * j + 1] = m[2 * (j * dim + j) + 1] as number;
    }
    out.push({ op: 'diag', qubits: [...qubits], d });
    return;
  }
  if (def.numQubits === 2) {
    out.push({ op: 'u2', q0: qubits[0] as number, q1: qubits[1] as number, m });
    return;
  }
  out.push({ op: 'uk', qubits: [...qubits], m });
}

/**
 * Moves each one-qubit gate left past CNOTs and SWAPs on other qubits (they commute), so that
 * the CNOTs of a layer form one run: u1(0) u1(1) cx(0,1) u1(2) cx(1,2) → u1(0) u1(1) u1(2) cx cx.
 */
function hoistSingleQubitGates(instrs: readonly Instr[]): Instr[] {
  const out: Instr[] = [];
  for (const instr of instrs) {
    if (instr.op !== 'u1' && !(instr.op === 'rot' && instr.single)) {
      out.push(instr);
      continue;
    }
    const q = instr.op === 'u1' ? instr.q : (instr.single as { q: number }).q;
    let k = out.length;
    while (k > 0) {
      const prev = out[k - 1] as Instr;
      if (!isPermutationGate(prev) || instrQubits(prev).includes(q)) break;
      k--;
    }
    out.splice(k, 0, instr);
  }
  return out;
}

/** The inverse of a constant instruction (rotations invert by negating the angle). */
export function invertConstant(instr: Instr): Instr {
  switch (instr.op) {
    case 'u1': return { ...instr, m: dagger(instr.m) };
    case 'cu1': return { ...instr, m: dagger(instr.m) };
    case 'u2': return { ...instr, m: dagger(instr.m) };
    case 'uk': return { ...instr, m: dagger(instr.m) };
    case 'swap': return instr;
    case 'perm': return { ...instr, map: instr.inverseMap, inverseMap: instr.map };
    case 'diag': {
      const d = Float64Array.from(instr.d);
      for (let i = 1; i < d.length; i += 2) d[i] = -(d[i] as number);
      return { ...instr, d };
    }
    default:
      throw new InputError(`internal: cannot invert ${instr.op}`, 'INTERNAL');
  }
}

/** Operations of a circuit that make it non-unitary (for error messages). */
export function describeNonUnitary(op: Operation): string {
  if (op.kind === 'measure') return 'mid-circuit measurement';
  if (op.kind === 'reset') return 'reset';
  return 'classically conditioned operation';
}
