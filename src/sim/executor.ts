/**
 * Applies compiled instructions to a batched state with the kernels. The same executor
 * serves the statevector simulator, the adjoint method (which also applies inverses) and,
 * on the vectorised density matrix, the noisy simulators.
 */
import { InputError } from '../core/errors.js';
import type { Matrix } from '../circuit/matrix.js';
import type { RotationAngles } from './angles.js';
import { apply1, apply2, applyControlled1, applyDiag1, applyDiagonal, applyMatrix, applySwap } from './kernels/dense.js';
import { applyBatched1, applyBatchedDiag1, applyPauliRotation } from './kernels/rotation.js';
import { invertConstant, type Instr, type RotationInstr } from './program.js';
import { iPow } from './kernels/rotation.js';
import { applyPermutation } from './kernels/permutation.js';
import { sortedUnique } from './kernels/bits.js';
import { WasmKernels } from './wasm/runtime.js';

/** States at least this long (in doubles) that live in WASM memory use the WASM kernels. */
const WASM_MIN_DOUBLES = 2 * 4096;
let wasm: WasmKernels | undefined;
function wasmFor(s: Float64Array): WasmKernels | undefined {
  if (s.length < WASM_MIN_DOUBLES) return undefined;
  wasm ??= WasmKernels.get();
  return wasm.owns(s) ? wasm : undefined;
}

/** Scratch buffers reused across instructions (no allocation in the hot loop). */
export class Workspace {
  private mats = new Float64Array(0);
  private negSin = new Float64Array(0);
  readonly gather = new Float64Array(4 * 64);
  private copy = new Float64Array(0);

  /** A scratch buffer of at least n doubles (for out-of-place passes). */
  copyOf(n: number): Float64Array {
    if (this.copy.length < n) this.copy = new Float64Array(n);
    return this.copy;
  }

  readonly diag4 = new Float64Array(4);
  readonly mat8 = new Float64Array(8);

  /** A buffer of at least n doubles for per-binding matrices. */
  matrices(n: number): Float64Array {
    if (this.mats.length < n) this.mats = new Float64Array(n);
    return this.mats;
  }

  private negViews = new Map<number, Float64Array>();

  /** −sin into a reused buffer of exactly sin.length (views cached per length). */
  negated(sin: Float64Array): Float64Array {
    if (this.negSin.length < sin.length) {
      this.negSin = new Float64Array(sin.length);
      this.negViews.clear();
    }
    let view = this.negViews.get(sin.length);
    if (!view) {
      view = this.negSin.subarray(0, sin.length);
      this.negViews.set(sin.length, view);
    }
    for (let i = 0; i < sin.length; i++) view[i] = -(sin[i] as number);
    return view;
  }
}

const inverseCache = new WeakMap<Instr, Instr>();

/** Applies a constant (non-rotation, non-measurement) instruction. */
export function applyConstant(s: Float64Array, n: number, batch: number, instr: Instr, ws: Workspace): void {
  const w = wasmFor(s);
  if (w && applyConstantWasm(w, s.byteOffset, n, batch, instr)) return;
  switch (instr.op) {
    case 'u1':
      if (instr.diag) applyDiag1(s, n, batch, instr.q, diagOf(instr.m));
      else apply1(s, n, batch, instr.q, instr.m);
      return;
    case 'cu1':
      applyControlled1(s, n, batch, instr.controls, instr.q, instr.m);
      return;
    case 'u2':
      apply2(s, n, batch, instr.q0, instr.q1, instr.m);
      return;
    case 'swap':
      applySwap(s, n, batch, instr.q0, instr.q1);
      return;
    case 'diag':
      applyDiagonal(s, n, batch, instr.qubits, instr.d);
      return;
    case 'uk':
      applyMatrix(s, n, batch, instr.qubits, instr.m, ws.gather);
      return;
    case 'perm':
      applyPermutation(s, batch, instr.map, ws.copyOf(s.length));
      return;
    default:
      throw new InputError(`internal: ${instr.op} is not a constant gate`, 'INTERNAL');
  }
}

/** WASM dispatch; returns false for instructions without a WASM kernel. */
function applyConstantWasm(w: WasmKernels, ptr: number, n: number, batch: number, instr: Instr): boolean {
  const k = w.k;
  switch (instr.op) {
    case 'u1':
      if (instr.diag) k.applyDiag1(ptr, n, batch, instr.q, w.matrix(diagOf(instr.m)));
      else k.apply1(ptr, n, batch, instr.q, w.matrix(instr.m));
      return true;
    case 'cu1': {
      const m = instr.m;
      const isX = m[0] === 0 && m[1] === 0 && m[2] === 1 && m[3] === 0 && m[4] === 1 && m[5] === 0 && m[6] === 0 && m[7] === 0;
      if (isX && instr.controls.length === 1) {
        k.applyCX(ptr, n, batch, instr.controls[0] as number, instr.q);
        return true;
      }
      let cmask = 0n;
      for (const c of instr.controls) cmask |= 1n << BigInt(c);
      const positions = sortedUnique([...instr.controls, instr.q]);
      k.applyControlled1(ptr, n, batch, cmask, instr.q, w.ints(positions), positions.length, w.matrix(m), isX ? 1 : 0);
      return true;
    }
    case 'u2':
      k.apply2(ptr, n, batch, instr.q0, instr.q1, w.ints(sortedUnique([instr.q0, instr.q1])), w.matrix(instr.m));
      return true;
    case 'swap':
      k.applySwap(ptr, n, batch, instr.q0, instr.q1, w.ints(sortedUnique([instr.q0, instr.q1])));
      return true;
    case 'diag':
      k.applyDiagonal(ptr, n, batch, w.ints(instr.qubits), instr.qubits.length, w.matrix(instr.d));
      return true;
    default:
      return false;
  }
}

function apply1Any(s: Float64Array, n: number, batch: number, q: number, m: Float64Array): void {
  const w = wasmFor(s);
  if (w) w.k.apply1(s.byteOffset, n, batch, q, w.matrix(m));
  else apply1(s, n, batch, q, m);
}

function diag1Any(s: Float64Array, n: number, batch: number, q: number, d: Float64Array): void {
  const w = wasmFor(s);
  if (w) w.k.applyDiag1(s.byteOffset, n, batch, q, w.matrix(d));
  else applyDiag1(s, n, batch, q, d);
}

const diagCache = new WeakMap<Matrix, Float64Array>();
function diagOf(m: Matrix): Float64Array {
  let d = diagCache.get(m);
  if (!d) {
    d = Float64Array.of(m[0] as number, m[1] as number, m[6] as number, m[7] as number);
    diagCache.set(m, d);
  }
  return d;
}

/** Applies the inverse of a constant instruction. */
export function applyConstantInverse(s: Float64Array, n: number, batch: number, instr: Instr, ws: Workspace): void {
  let inv = inverseCache.get(instr);
  if (!inv) {
    inv = invertConstant(instr);
    inverseCache.set(instr, inv);
  }
  applyConstant(s, n, batch, inv, ws);
}

/** Applies a rotation (or its inverse) with per-binding or uniform angles. */
export function applyRotation(
  s: Float64Array, n: number, batch: number, instr: RotationInstr, angles: RotationAngles, ws: Workspace, inverse = false,
): void {
  const cos = angles.cos;
  const sin = inverse ? ws.negated(angles.sin) : angles.sin;
  const single = instr.single;
  if (single && cos.length === batch && batch > 1) {
    // Per-binding one-qubit rotation: build 2×2 matrices (or diagonals) per binding.
    if (single.kind === 'Z' || single.kind === 'P') {
      const d = ws.matrices(4 * batch);
      for (let b = 0; b < batch; b++) {
        const c = cos[b] as number, sn = sin[b] as number;
        if (single.kind === 'Z') {
          d[4 * b] = c; d[4 * b + 1] = -sn; d[4 * b + 2] = c; d[4 * b + 3] = sn;
        } else {
          d[4 * b] = 1; d[4 * b + 1] = 0; d[4 * b + 2] = c; d[4 * b + 3] = -sn;
        }
      }
      applyBatchedDiag1(s, n, batch, single.q, d);
      return;
    }
    const m = ws.matrices(8 * batch);
    for (let b = 0; b < batch; b++) {
      const c = cos[b] as number, sn = sin[b] as number, o = 8 * b;
      if (single.kind === 'X') {
        m[o] = c; m[o + 1] = 0; m[o + 2] = 0; m[o + 3] = -sn; m[o + 4] = 0; m[o + 5] = -sn; m[o + 6] = c; m[o + 7] = 0;
      } else {
        m[o] = c; m[o + 1] = 0; m[o + 2] = -sn; m[o + 3] = 0; m[o + 4] = sn; m[o + 5] = 0; m[o + 6] = c; m[o + 7] = 0;
      }
    }
    applyBatched1(s, n, batch, single.q, m);
    return;
  }
  if (single && cos.length === 1) {
    const c = cos[0] as number, sn = sin[0] as number;
    const d = ws.diag4;
    const m = ws.mat8;
    switch (single.kind) {
      case 'Z':
        d[0] = c; d[1] = -sn; d[2] = c; d[3] = sn;
        diag1Any(s, n, batch, single.q, d);
        return;
      case 'P':
        d[0] = 1; d[1] = 0; d[2] = c; d[3] = -sn;
        diag1Any(s, n, batch, single.q, d);
        return;
      case 'X':
        m[0] = c; m[1] = 0; m[2] = 0; m[3] = -sn; m[4] = 0; m[5] = -sn; m[6] = c; m[7] = 0;
        apply1Any(s, n, batch, single.q, m);
        return;
      case 'Y':
        m[0] = c; m[1] = 0; m[2] = -sn; m[3] = 0; m[4] = sn; m[5] = 0; m[6] = c; m[7] = 0;
        apply1Any(s, n, batch, single.q, m);
        return;
    }
  }
  const w = wasmFor(s);
  if (w && cos.length === 1) {
    const { xMask, zMask, numY, projMask } = instr.masks;
    const proj: number[] = [];
    for (let q = 0; q < 31; q++) if (projMask & (1 << q)) proj.push(q);
    const positions = xMask === 0 ? proj : sortedUnique([...proj, 31 - Math.clz32(xMask & -xMask)]);
    const [kr, ki] = iPow(numY + 3);
    w.k.applyPauliRotation(s.byteOffset, n, batch, BigInt(xMask), BigInt(zMask), BigInt(projMask), w.ints(positions), positions.length, kr, ki, cos[0] as number, sin[0] as number);
    return;
  }
  applyPauliRotation(s, n, batch, instr.masks, cos, sin);
}
