/**
 * Quantum channels as Kraus maps: ρ → Σ_k K_k ρ K_k†. Constructors for the channels a device
 * model needs; Pauli-type channels keep their probabilities so simulators can use cheaper
 * paths (state-independent sampling in trajectories, diagonal superoperators).
 */
import { InputError } from '../../core/errors.js';
import { dagger, dimOf, identity, kron, matmul, maxAbsDiff, scale, type Matrix, fromRows } from '../../circuit/matrix.js';
import { pauliMatrix } from '../../circuit/gates.js';
import type { PauliLetter } from '../../circuit/gate-def.js';

/** A channel on `numQubits` qubits (local little-endian order, like gate matrices). */
export interface Channel {
  readonly name: string;
  readonly numQubits: number;
  readonly kraus: readonly Matrix[];
  /**
   * For mixed-Pauli channels: probability of each Pauli string (one letter per local qubit,
   * letter j acting on local qubit j). The Kraus operators are √p·P in the same order.
   */
  readonly pauli?: readonly { readonly paulis: string; readonly p: number }[];
  /** For unitary channels (coherent errors): the unitary. */
  readonly unitary?: Matrix;
  /** For depolarizing channels: the parameter p of ρ → (1 − p)ρ + p·I/d. */
  readonly depolarizing?: number;
}

function checkProbability(p: number, what: string): void {
  if (!Number.isFinite(p) || p < 0 || p > 1) throw new InputError(`${what} must be a probability in [0, 1], got ${p}`, 'PROBABILITY');
}

/** Checks Σ K†K = I within `tol` (the channel preserves trace). */
export function isTracePreserving(c: Channel, tol = 1e-10): boolean {
  const dim = 2 ** c.numQubits;
  let acc = new Float64Array(2 * dim * dim);
  for (const k of c.kraus) {
    const kk = matmul(dagger(k), k);
    acc = acc.map((v, i) => v + (kk[i] as number));
  }
  return maxAbsDiff(acc, identity(dim)) <= tol;
}

function pauliString(letters: string): Matrix {
  let m = fromRows([[1]]);
  for (let j = letters.length - 1; j >= 0; j--) m = kron(m, pauliMatrix(letters[j] as PauliLetter));
  return m;
}

/** A mixture of Pauli strings: ρ → Σ p_P PρP (probabilities must sum to 1). */
export function pauliChannel(probabilities: Readonly<Record<string, number>>, name = 'pauli'): Channel {
  const entries = Object.entries(probabilities);
  if (entries.length === 0) throw new InputError('a Pauli channel needs at least one Pauli string', 'CHANNEL');
  const k = (entries[0] as [string, number])[0].length;
  let total = 0;
  const pauli: { paulis: string; p: number }[] = [];
  for (const [s, p] of entries) {
    if (s.length !== k || !/^[IXYZ]+$/.test(s)) throw new InputError(`Pauli channel: "${s}" is not a Pauli string of length ${k}`, 'CHANNEL');
    checkProbability(p, `probability of ${s}`);
    total += p;
    if (p > 0) pauli.push({ paulis: s, p });
  }
  if (Math.abs(total - 1) > 1e-9) throw new InputError(`Pauli channel probabilities must sum to 1, got ${total}`, 'CHANNEL');
  return { name, numQubits: k, kraus: pauli.map(({ paulis, p }) => scale(pauliString(paulis), Math.sqrt(p))), pauli };
}

/** One-qubit Pauli channel with X, Y, Z probabilities. */
export function pauliError(px: number, py: number, pz: number): Channel {
  for (const [v, n] of [[px, 'px'], [py, 'py'], [pz, 'pz']] as const) checkProbability(v, n);
  if (px + py + pz > 1) throw new InputError(`px + py + pz must be at most 1, got ${px + py + pz}`, 'PROBABILITY');
  return pauliChannel({ I: 1 - px - py - pz, X: px, Y: py, Z: pz }, 'pauli');
}

function allPaulis(k: number): string[] {
  let out = [''];
  for (let j = 0; j < k; j++) out = out.flatMap((s) => ['I', 'X', 'Y', 'Z'].map((l) => s + l));
  return out;
}

/**
 * Depolarizing channel on k qubits: ρ → (1 − p)ρ + p·I/d with d = 2^k, i.e. each of the
 * d² − 1 non-identity Pauli strings with probability p/d². Valid for 0 ≤ p ≤ d²/(d² − 1).
 */
export function depolarizing(p: number, numQubits = 1): Channel {
  const d2 = 4 ** numQubits;
  if (!Number.isFinite(p) || p < 0 || p > d2 / (d2 - 1)) throw new InputError(`depolarizing probability must be in [0, ${d2}/${d2 - 1}], got ${p}`, 'PROBABILITY');
  const probs: Record<string, number> = {};
  for (const s of allPaulis(numQubits)) probs[s] = /^I+$/.test(s) ? 1 - p + p / d2 : p / d2;
  return { ...pauliChannel(probs, `depolarizing(${p})`), depolarizing: p };
}

/** Amplitude damping with decay probability γ: K0 = diag(1, √(1−γ)), K1 = √γ|0⟩⟨1|. */
export function amplitudeDamping(gamma: number): Channel {
  checkProbability(gamma, 'amplitude damping γ');
  return {
    name: `amplitude_damping(${gamma})`,
    numQubits: 1,
    kraus: [fromRows([[1, 0], [0, Math.sqrt(1 - gamma)]]), fromRows([[0, Math.sqrt(gamma)], [0, 0]])],
  };
}

/** Phase damping with parameter λ: K0 = diag(1, √(1−λ)), K1 = diag(0, √λ). */
export function phaseDamping(lambda: number): Channel {
  checkProbability(lambda, 'phase damping λ');
  return {
    name: `phase_damping(${lambda})`,
    numQubits: 1,
    kraus: [fromRows([[1, 0], [0, Math.sqrt(1 - lambda)]]), fromRows([[0, 0], [0, Math.sqrt(lambda)]])],
  };
}

/** Kraus operators of the composition `second ∘ first` (first applied first). */
export function compose(first: Channel, second: Channel): Channel {
  if (first.numQubits !== second.numQubits) throw new InputError('compose: channels act on different numbers of qubits', 'CHANNEL');
  const kraus: Matrix[] = [];
  for (const b of second.kraus) for (const a of first.kraus) kraus.push(matmul(b, a));
  return { name: `${second.name}∘${first.name}`, numQubits: first.numQubits, kraus };
}

/**
 * Thermal relaxation towards |0⟩ (zero temperature) during `time` with relaxation times T1
 * and T2 (same unit): populations relax as e^{−t/T1}, coherences as e^{−t/T2}. Built as
 * amplitude damping (γ = 1 − e^{−t/T1}) followed by the pure dephasing that brings the
 * coherence decay to e^{−t/T2}. Requires T2 ≤ 2·T1.
 */
export function thermalRelaxation(t1: number, t2: number, time: number): Channel {
  if (!(t1 > 0) || !(t2 > 0) || !(time >= 0) || !Number.isFinite(t1 + t2 + time)) {
    throw new InputError(`thermal relaxation needs T1 > 0, T2 > 0 and time ≥ 0 (got T1=${t1}, T2=${t2}, t=${time})`, 'CHANNEL');
  }
  if (t2 > 2 * t1 * (1 + 1e-9)) throw new InputError(`thermal relaxation needs T2 ≤ 2·T1 (got T1=${t1}, T2=${t2})`, 'CHANNEL');
  const gamma = 1 - Math.exp(-time / t1);
  const lambda = Math.max(0, 1 - Math.exp(-2 * time * (1 / t2 - 1 / (2 * t1))));
  return { ...compose(amplitudeDamping(gamma), phaseDamping(lambda)), name: `thermal_relaxation(T1=${t1}, T2=${t2}, t=${time})` };
}

/** A unitary error (coherent over-rotation and the like). */
export function unitaryError(u: Matrix, name = 'coherent'): Channel {
  const dim = dimOf(u);
  return { name, numQubits: Math.round(Math.log2(dim)), kraus: [u], unitary: u };
}

/**
 * Imperfect reset: a qubit prepared in |0⟩ ends in |1⟩ with probability `residualFrom0`, one
 * in |1⟩ stays in |1⟩ with probability `residualFrom1` (state-dependent: what leaks the
 * previous state into the next job).
 */
export function resetChannel(residualFrom0 = 0, residualFrom1 = 0): Channel {
  checkProbability(residualFrom0, 'reset residual from |0⟩');
  checkProbability(residualFrom1, 'reset residual from |1⟩');
  return {
    name: `reset(${residualFrom0}, ${residualFrom1})`,
    numQubits: 1,
    kraus: [
      fromRows([[Math.sqrt(1 - residualFrom0), 0], [0, 0]]),
      fromRows([[0, 0], [Math.sqrt(residualFrom0), 0]]),
      fromRows([[0, Math.sqrt(1 - residualFrom1)], [0, 0]]),
      fromRows([[0, 0], [0, Math.sqrt(residualFrom1)]]),
    ],
  };
}

/**
 * Average gate infidelity 1 − F_avg of a channel relative to the identity:
 * F_avg = (Σ_k |Tr K_k|² + d) / (d² + d).
 */
export function averageInfidelity(c: Channel): number {
  const d = 2 ** c.numQubits;
  let s = 0;
  for (const k of c.kraus) {
    let tr = 0;
    let ti = 0;
    for (let i = 0; i < d; i++) {
      tr += k[2 * (i * d + i)] as number;
      ti += k[2 * (i * d + i) + 1] as number;
    }
    s += tr * tr + ti * ti;
  }
  return 1 - (s + d) / (d * d + d);
}

/** The channel a ⊗ b on |a| + |b| qubits (b acts on the low local qubits, like kron). */
export function tensor(a: Channel, b: Channel): Channel {
  const kraus: Matrix[] = [];
  for (const ka of a.kraus) for (const kb of b.kraus) kraus.push(kron(ka, kb));
  return { name: `${a.name}⊗${b.name}`, numQubits: a.numQubits + b.numQubits, kraus };
}
