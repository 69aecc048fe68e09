/**
 * Turns noisy steps into instructions on the vectorised density matrix (2n qubits): a gate U
 * becomes U on the row qubits and U* on the column qubits; a channel becomes its
 * superoperator Σ K ⊗ K* (diagonal when the channel is a mixture of Z-type Paulis;
 * depolarizing gets its own kernel).
 */
import { InputError } from '../../core/errors.js';
import { conjugate, kron, matmul, type Matrix } from '../../circuit/matrix.js';
import { instrQubits, type Instr, type RotationInstr } from '../program.js';
import type { Channel } from './channel.js';
import type { NoisyStep } from './noisy-steps.js';

export type DMOp =
  | { readonly kind: 'instr'; readonly instr: Instr }
  | { readonly kind: 'depolarize'; readonly qubits: readonly number[]; readonly p: number };

/** U* on the column qubits (shifted by n). */
export function conjugateShifted(instr: Instr, n: number): Instr {
  const sh = (q: number) => q + n;
  switch (instr.op) {
    case 'u1': return { op: 'u1', q: sh(instr.q), m: conjugate(instr.m), diag: instr.diag };
    case 'cu1': return { op: 'cu1', controls: instr.controls.map(sh), q: sh(instr.q), m: conjugate(instr.m) };
    case 'u2': return { op: 'u2', q0: sh(instr.q0), q1: sh(instr.q1), m: conjugate(instr.m) };
    case 'swap': return { op: 'swap', q0: sh(instr.q0), q1: sh(instr.q1) };
    case 'diag': return { op: 'diag', qubits: instr.qubits.map(sh), d: conjugate(instr.d) };
    case 'uk': return { op: 'uk', qubits: instr.qubits.map(sh), m: conjugate(instr.m) };
    case 'rot': {
      // conj(exp(-iφ Π P)) = exp(-i·(−(−1)^{numY} φ)·Π P)
      const { xMask, zMask, numY, projMask } = instr.masks;
      const r: RotationInstr = {
        op: 'rot',
        masks: { xMask: xMask << n, zMask: zMask << n, numY, projMask: projMask << n },
        coeff: numY % 2 === 0 ? -instr.coeff : instr.coeff,
        param: instr.param,
        qubits: instr.qubits.map(sh),
        ...(instr.single ? { single: { q: sh(instr.single.q), kind: instr.single.kind } } : {}),
      };
      return r;
    }
    default:
      throw new InputError(`internal: ${instr.op} has no density-matrix form`, 'INTERNAL');
  }
}

/** Σ_k conj(K) ⊗ K: acts on (row qubits, column qubits) as local (low, high) bits. */
export function superoperator(channel: Channel): Matrix {
  let s: Matrix | undefined;
  for (const k of channel.kraus) {
    const term = kron(conjugate(k), k);
    s = s === undefined ? term : s.map((v, i) => v + (term[i] as number));
  }
  return s as Matrix;
}

function channelOps(channel: Channel, qubits: readonly number[], n: number): DMOp[] {
  const p = channel.depolarizing;
  if (p !== undefined) return [{ kind: 'depolarize', qubits, p }];
  const all = [...qubits, ...qubits.map((q) => q + n)];
  if (channel.pauli && channel.pauli.every((t) => /^[IZ]+$/.test(t.paulis))) {
    // Diagonal superoperator: entry (r, c) gets Σ_P p_P · s_P(r) · s_P(c).
    const k = qubits.length;
    const d = new Float64Array(2 * 4 ** k);
    for (let j = 0; j < 4 ** k; j++) {
      const r = j & ((1 << k) - 1);
      const c = j >> k;
      let v = 0;
      for (const { paulis, p: prob } of channel.pauli) {
        let sign = 1;
        for (let t = 0; t < k; t++) if (paulis[t] === 'Z' && (((r >> t) & 1) ^ ((c >> t) & 1))) sign = -sign;
        v += prob * sign;
      }
      d[2 * j] = v;
    }
    return [{ kind: 'instr', instr: { op: 'diag', qubits: all, d } }];
  }
  const s = superoperator(channel);
  if (qubits.length === 1) return [{ kind: 'instr', instr: { op: 'u2', q0: qubits[0] as number, q1: (qubits[0] as number) + n, m: s } }];
  return [{ kind: 'instr', instr: { op: 'uk', qubits: all, m: s } }];
}

/**
 * A constant one-qubit gate and the one-qubit channels that follow it on the same qubit, as
 * one superoperator S = Σ_k … (K ⊗ K*) · (U ⊗ U*): one pass over ρ instead of three or more.
 * Returns the superoperator and how many steps it consumed, or undefined.
 */
function foldSingleQubit(steps: readonly NoisyStep[], i: number): { q: number; s: Matrix; used: number } | undefined {
  const first = steps[i] as NoisyStep;
  if (first.kind !== 'gate' || first.condition || first.instrs.length !== 1) return undefined;
  const g = first.instrs[0] as Instr;
  if (g.op !== 'u1') return undefined;
  let s = kron(conjugate(g.m), g.m);
  let used = 1;
  for (let j = i + 1; j < steps.length; j++) {
    const next = steps[j] as NoisyStep;
    if (next.kind !== 'channel' || next.condition || next.qubits.length !== 1 || next.qubits[0] !== g.q) break;
    s = matmul(superoperator(next.channel), s);
    used++;
  }
  return { q: g.q, s, used };
}

/** Density-matrix operations for unitary-plus-channel steps (measurements handled outside). */
export function densityMatrixOps(steps: readonly NoisyStep[], n: number): DMOp[] {
  const ops: DMOp[] = [];
  // One-qubit superoperators waiting per qubit, merged until something else touches the qubit.
  const pending = new Map<number, Matrix>();
  const flush = (q: number) => {
    const m = pending.get(q);
    if (m) {
      pending.delete(q);
      ops.push({ kind: 'instr', instr: { op: 'u2', q0: q, q1: q + n, m } });
    }
  };
  const absorb = (q: number, m: Matrix) => pending.set(q, pending.has(q) ? matmul(m, pending.get(q) as Matrix) : m);
  const emit = (op: DMOp) => {
    const touched = op.kind === 'depolarize' ? op.qubits : instrQubits(op.instr).map((q) => q % n);
    for (const q of new Set(touched)) flush(q);
    ops.push(op);
  };
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as NoisyStep;
    if (step.condition) throw new InputError('internal: conditioned steps need trajectories', 'INTERNAL');
    const folded = foldSingleQubit(steps, i);
    if (folded) {
      absorb(folded.q, folded.s);
      i += folded.used - 1;
      continue;
    }
    switch (step.kind) {
      case 'gate':
        for (const instr of step.instrs) {
          emit({ kind: 'instr', instr });
          emit({ kind: 'instr', instr: conjugateShifted(instr, n) });
        }
        break;
      case 'channel':
      case 'reset': {
        const qubits = step.kind === 'channel' ? step.qubits : [step.qubit];
        if (qubits.length === 1) absorb(qubits[0] as number, superoperator(step.channel));
        else for (const op of channelOps(step.channel, qubits, n)) emit(op);
        break;
      }
      case 'measure':
        throw new InputError('internal: measurements are not density-matrix operations', 'INTERNAL');
    }
  }
  for (const q of [...pending.keys()]) flush(q);
  return ops;
}
