/**
 * A deliberately simple reference simulator for tests, written independently of qmlsec's
 * statevector kernels: a dense full-unitary build from embedded gate matrices (≤ 10 qubits),
 * a naive per-gate statevector update (≤ 20 qubits), and an exact branching simulation for
 * circuits with mid-circuit measurements, resets and classical conditions.
 *
 * States are Float64Arrays of interleaved (re, im); basis index bit q is qubit q.
 */
import type { Circuit } from '../../src/circuit/circuit.js';
import { getGate } from '../../src/circuit/gates.js';
import { embed, identity, type Matrix, matmul } from '../../src/circuit/matrix.js';
import type { GateOp, Operation } from '../../src/circuit/operation.js';

export type State = Float64Array;

function gateMatrixOf(op: GateOp): Matrix {
  const params = op.params.map((p) => {
    if (!p.isConstant) throw new Error(`reference-sim: unbound parameter ${p.toString()} (bind the circuit first)`);
    return p.constant;
  });
  return getGate(op.name).matrix(params);
}

function requireUnitary(op: Operation): GateOp | undefined {
  if (op.kind === 'barrier') return undefined;
  if (op.kind !== 'gate' || op.condition) throw new Error(`reference-sim: ${op.kind} is not unitary; use simulateBranches`);
  return op;
}

/** The circuit's unitary (global phase included) by multiplying embedded gate matrices. */
export function circuitUnitary(circuit: Circuit): Matrix {
  const n = circuit.numQubits;
  if (n > 10) throw new Error(`reference-sim: circuitUnitary is for at most 10 qubits, got ${n}`);
  let u = identity(1 << n);
  for (const op of circuit.ops) {
    const g = requireUnitary(op);
    if (g) u = matmul(embed(gateMatrixOf(g), g.qubits, n), u);
  }
  const c = Math.cos(circuit.globalPhase);
  const s = Math.sin(circuit.globalPhase);
  for (let i = 0; i < u.length; i += 2) {
    const re = u[i] as number;
    const im = u[i + 1] as number;
    u[i] = re * c - im * s;
    u[i + 1] = re * s + im * c;
  }
  return u;
}

/** |0…0⟩ on n qubits, or the basis state |index⟩. */
export function basisState(n: number, index = 0): State {
  const s = new Float64Array(2 << n);
  s[2 * index] = 1;
  return s;
}

/** Applies a k-qubit matrix to `qubits` of the state in place, one amplitude group at a time. */
export function applyMatrix(state: State, m: Matrix, qubits: readonly number[]): void {
  const dim = state.length / 2;
  const k = qubits.length;
  const size = 1 << k;
  const offsets = new Int32Array(size);
  for (let j = 0; j < size; j++) {
    let o = 0;
    for (let b = 0; b < k; b++) if (j & (1 << b)) o |= 1 << (qubits[b] as number);
    offsets[j] = o;
  }
  const sorted = [...qubits].sort((a, b) => a - b);
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  const groups = dim >> k;
  for (let t = 0; t < groups; t++) {
    // Insert a zero bit at each gate qubit position to get the group's base index.
    let base = t;
    for (const q of sorted) base = ((base >> q) << (q + 1)) | (base & ((1 << q) - 1));
    for (let j = 0; j < size; j++) {
      const idx = 2 * (base | (offsets[j] as number));
      re[j] = state[idx] as number;
      im[j] = state[idx + 1] as number;
    }
    for (let r = 0; r < size; r++) {
      let sr = 0;
      let si = 0;
      for (let c = 0; c < size; c++) {
        const mr = m[2 * (r * size + c)] as number;
        const mi = m[2 * (r * size + c) + 1] as number;
        sr += mr * (re[c] as number) - mi * (im[c] as number);
        si += mr * (im[c] as number) + mi * (re[c] as number);
      }
      const idx = 2 * (base | (offsets[r] as number));
      state[idx] = sr;
      state[idx + 1] = si;
    }
  }
}

/** The state a unitary circuit prepares from `initial` (default |0…0⟩); global phase ignored. */
export function simulateState(circuit: Circuit, initial?: State): State {
  const n = circuit.numQubits;
  if (n > 20) throw new Error(`reference-sim: simulateState is for at most 20 qubits, got ${n}`);
  const state = initial ? Float64Array.from(initial) : basisState(n);
  for (const op of circuit.ops) {
    const g = requireUnitary(op);
    if (g) applyMatrix(state, gateMatrixOf(g), g.qubits);
  }
  return state;
}

/** |⟨a|b⟩|² for normalised states. */
export function fidelity(a: State, b: State): number {
  let re = 0;
  let im = 0;
  for (let i = 0; i < a.length; i += 2) {
    const ar = a[i] as number;
    const ai = a[i + 1] as number;
    const br = b[i] as number;
    const bi = b[i + 1] as number;
    re += ar * br + ai * bi;
    im += ar * bi - ai * br;
  }
  return re * re + im * im;
}

/** Probability of each basis state. */
export function probabilities(state: State): Float64Array {
  const p = new Float64Array(state.length / 2);
  for (let i = 0; i < p.length; i++) p[i] = (state[2 * i] as number) ** 2 + (state[2 * i + 1] as number) ** 2;
  return p;
}

/** One branch of a circuit with measurements: its classical bits, probability and state. */
export interface Branch {
  readonly clbits: readonly number[];
  readonly probability: number;
  readonly state: State;
}

/**
 * Exact simulation that splits into branches at every measurement and reset (branches below
 * `minProbability` are dropped). Conditions read the branch's classical bits.
 */
export function simulateBranches(circuit: Circuit, minProbability = 1e-14): Branch[] {
  const n = circuit.numQubits;
  if (n > 14) throw new Error(`reference-sim: simulateBranches is for at most 14 qubits, got ${n}`);
  let branches: { clbits: number[]; probability: number; state: State }[] = [
    { clbits: new Array<number>(circuit.numClbits).fill(0), probability: 1, state: basisState(n) },
  ];
  for (const op of circuit.ops) {
    if (op.kind === 'barrier') continue;
    const next: typeof branches = [];
    for (const b of branches) {
      if (op.condition) {
        const value = op.condition.clbits.reduce((acc, bit, i) => acc + ((b.clbits[bit] as number) << i), 0);
        if (value !== op.condition.value) {
          next.push(b);
          continue;
        }
      }
      if (op.kind === 'gate') {
        applyMatrix(b.state, gateMatrixOf(op), op.qubits);
        next.push(b);
        continue;
      }
      for (const outcome of [0, 1]) {
        const projected = Float64Array.from(b.state);
        let p = 0;
        for (let i = 0; i < projected.length / 2; i++) {
          if (((i >> op.qubit) & 1) !== outcome) {
            projected[2 * i] = 0;
            projected[2 * i + 1] = 0;
          } else {
            p += (projected[2 * i] as number) ** 2 + (projected[2 * i + 1] as number) ** 2;
          }
        }
        if (p * b.probability < minProbability) continue;
        const norm = 1 / Math.sqrt(p);
        for (let i = 0; i < projected.length; i++) projected[i] = (projected[i] as number) * norm;
        const clbits = [...b.clbits];
        if (op.kind === 'measure') clbits[op.clbit] = outcome;
        else if (outcome === 1) applyMatrix(projected, Float64Array.from([0, 0, 1, 0, 1, 0, 0, 0]), [op.qubit]);
        next.push({ clbits, probability: b.probability * p, state: projected });
      }
    }
    branches = next;
  }
  return branches;
}

/** The Bloch vector of one qubit's reduced state (length 1 for a pure, unentangled qubit). */
export function qubitBloch(state: State, qubit: number): { x: number; y: number; z: number } {
  let r00 = 0;
  let r11 = 0;
  let r01re = 0;
  let r01im = 0;
  for (let i = 0; i < state.length / 2; i++) {
    if ((i >> qubit) & 1) continue;
    const j = i | (1 << qubit);
    const ar = state[2 * i] as number;
    const ai = state[2 * i + 1] as number;
    const br = state[2 * j] as number;
    const bi = state[2 * j + 1] as number;
    r00 += ar * ar + ai * ai;
    r11 += br * br + bi * bi;
    // ρ01 = Σ a · conj(b)
    r01re += ar * br + ai * bi;
    r01im += ai * br - ar * bi;
  }
  return { x: 2 * r01re, y: -2 * r01im, z: r00 - r11 };
}
