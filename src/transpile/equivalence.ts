/**
 * Equivalence checking: does a transpiled circuit do what the original did, up to the
 * initial and final layouts and a global phase? Used by the tests on every transpiled
 * circuit, and available to users (e.g. to detect a tampering compiler).
 *
 * The original acts on virtual qubits 0..n-1; the transpiled circuit on physical qubits,
 * with virtual qubit v starting on `initialLayout[v]` and ending on `finalLayout[v]`, and
 * every other physical qubit starting (and ending) in |0⟩. Only the physical qubits the
 * transpiled circuit touches are simulated. Two methods:
 *
 * - `unitary`: all 2^n basis inputs; the fidelity |Σ_j ⟨E_j|T_j⟩| / 2^n is 1 exactly when
 *   the maps agree up to one global phase.
 * - `states`: a few Haar-random input states; |⟨E|T⟩| per state.
 *
 * Parametric circuits are compared at several random bindings of inputs and weights.
 * Final measurements must match through the final layout; mid-circuit measurements, resets
 * and conditions are outside the unitary model and rejected.
 */
import { InputError, ResourceError } from '../core/errors.js';
import { Rng, type Seed } from '../core/rng.js';
import type { Circuit } from '../circuit/circuit.js';
import { gateMatrix } from '../circuit/gates.js';
import { applyMatrix, inner } from './statevector.js';

/** Options of {@link checkEquivalence}. */
export interface EquivalenceOptions {
  /** `initialLayout[v]`: physical qubit of virtual qubit v at the start (default v). */
  readonly initialLayout?: readonly number[];
  /** `finalLayout[v]`: physical qubit holding v's state at the end (default: initialLayout). */
  readonly finalLayout?: readonly number[];
  /** `auto` picks `unitary` when 2^n · 2^active ≤ 2^14, else `states`. */
  readonly method?: 'auto' | 'unitary' | 'states';
  /** Random bindings of inputs/weights for parametric circuits (default 3). */
  readonly bindings?: number;
  /** Random input states per binding for the `states` method (default 3). */
  readonly states?: number;
  /** Largest number of simulated physical qubits (default 22). */
  readonly maxQubits?: number;
  /** Allowed infidelity (default 1e-8). */
  readonly tolerance?: number;
  readonly seed?: Seed;
}

/** Verdict of {@link checkEquivalence}. */
export interface EquivalenceResult {
  readonly equivalent: boolean;
  readonly method: 'unitary' | 'states';
  /** Largest 1 − fidelity seen. */
  readonly infidelity: number;
  /** Why the circuits differ, when they do. */
  readonly reason?: string;
}

/** Compares `original` (virtual) with `transpiled` (physical) up to layouts and global phase. */
export function checkEquivalence(original: Circuit, transpiled: Circuit, options: EquivalenceOptions = {}): EquivalenceResult {
  const n = original.numQubits;
  const init = options.initialLayout ?? Array.from({ length: n }, (_, v) => v);
  const fin = options.finalLayout ?? init;
  if (init.length !== n || fin.length !== n) throw new InputError(`equivalence: layouts must have ${n} entries (one per virtual qubit), got ${init.length} and ${fin.length}`, 'SHAPE');
  for (const [what, layout] of [['initial', init], ['final', fin]] as const) {
    if (new Set(layout).size !== n || layout.some((p) => !Number.isInteger(p) || p < 0 || p >= transpiled.numQubits)) {
      throw new InputError(`equivalence: the ${what} layout [${layout.join(', ')}] is not an injective map into 0..${transpiled.numQubits - 1}`, 'LAYOUT');
    }
  }
  const a = original.splitFinalMeasurements();
  const b = transpiled.splitFinalMeasurements();
  if (!a || !b) throw new InputError('equivalence: only unitary circuits with final measurements can be compared (found a mid-circuit measurement, reset or condition)', 'NOT_UNITARY');
  const tol = options.tolerance ?? 1e-8;
  const methodGuess = options.method ?? 'auto';

  const wantMeasure = new Map<number, number>();
  for (const m of a.measurements) wantMeasure.set(m.clbit, fin[m.qubit] as number);
  const gotMeasure = new Map<number, number>();
  for (const m of b.measurements) gotMeasure.set(m.clbit, m.qubit);
  const measuresMatch = wantMeasure.size === gotMeasure.size && [...wantMeasure].every(([cb, q]) => gotMeasure.get(cb) === q);

  const active = new Set<number>([...init, ...fin]);
  for (const op of b.circuit.ops) if (op.kind === 'gate') for (const q of op.qubits) active.add(q);
  const phys = [...active].sort((x, y) => x - y);
  const pos = new Map(phys.map((p, i) => [p, i]));
  const m = phys.length;
  const maxQubits = options.maxQubits ?? 22;
  if (m > maxQubits) throw new ResourceError(`equivalence: the transpiled circuit touches ${m} physical qubits; the checker simulates at most ${maxQubits}`);
  const method = methodGuess === 'auto' ? (n + m <= 14 ? 'unitary' : 'states') : methodGuess;

  const rng = new Rng(options.seed ?? 0);
  const numX = Math.max(original.numInputs, transpiled.numInputs);
  const numW = Math.max(original.numWeights, transpiled.numWeights);
  const parametric = numX + numW > 0;
  const bindings = parametric ? Math.max(1, options.bindings ?? 3) : 1;
  const inPos = init.map((p) => pos.get(p) as number);
  const outPos = fin.map((p) => pos.get(p) as number);
  let worst = 0;
  for (let bi = 0; bi < bindings; bi++) {
    const x = Array.from({ length: numX }, () => rng.uniform(-Math.PI, Math.PI));
    const w = Array.from({ length: numW }, () => rng.uniform(-Math.PI, Math.PI));
    const ca = parametric ? a.circuit.bind(x, w) : a.circuit;
    const cb = parametric ? b.circuit.bind(x, w) : b.circuit;
    const physOps = cb.ops.flatMap((op) => (op.kind === 'gate' ? [{ m: gateMatrix(op.name, op.params.map((p) => p.constant)), q: op.qubits.map((q) => pos.get(q) as number) }] : []));
    const virtOps = ca.ops.flatMap((op) => (op.kind === 'gate' ? [{ m: gateMatrix(op.name, op.params.map((p) => p.constant)), q: op.qubits }] : []));
    const run = (state: Float64Array, ops: readonly { m: Float64Array; q: readonly number[] }[]): Float64Array => {
      for (const op of ops) applyMatrix(state, op.m, op.q);
      return state;
    };
    if (method === 'unitary') {
      let sr = 0;
      let si = 0;
      for (let j = 0; j < 1 << n; j++) {
        const basisIn = new Float64Array(2 << n);
        basisIn[2 * j] = 1;
        const expected = embed(run(Float64Array.from(basisIn), virtOps), outPos, m);
        const actual = run(embed(basisIn, inPos, m), physOps);
        const [re, im] = inner(expected, actual);
        sr += re;
        si += im;
      }
      worst = Math.max(worst, 1 - Math.hypot(sr, si) / (1 << n));
    } else {
      for (let s = 0; s < (options.states ?? 3); s++) {
        const psi = randomState(n, rng);
        const expected = embed(run(Float64Array.from(psi), virtOps), outPos, m);
        const actual = run(embed(psi, inPos, m), physOps);
        const [re, im] = inner(expected, actual);
        worst = Math.max(worst, 1 - Math.hypot(re, im));
      }
    }
  }
  const unitaryOk = worst <= tol;
  const equivalent = unitaryOk && measuresMatch;
  const reason = equivalent
    ? undefined
    : !unitaryOk
      ? `the unitaries differ (infidelity ${worst.toExponential(3)})`
      : 'final measurements do not read the qubits the final layout says';
  return { equivalent, method, infidelity: Math.max(0, worst), ...(reason ? { reason } : {}) };
}

/** Places an n-qubit state on m qubits, virtual qubit v at position pos[v], others |0⟩. */
function embed(state: Float64Array, pos: readonly number[], m: number): Float64Array {
  const out = new Float64Array(2 << m);
  const dim = state.length >> 1;
  for (let j = 0; j < dim; j++) {
    let t = 0;
    for (let v = 0; v < pos.length; v++) if (j & (1 << v)) t |= 1 << (pos[v] as number);
    out[2 * t] = state[2 * j] as number;
    out[2 * t + 1] = state[2 * j + 1] as number;
  }
  return out;
}

function randomState(n: number, rng: Rng): Float64Array {
  const s = new Float64Array(2 << n);
  let norm = 0;
  for (let i = 0; i < s.length; i++) {
    const v = rng.normal();
    s[i] = v;
    norm += v * v;
  }
  const k = 1 / Math.sqrt(norm);
  for (let i = 0; i < s.length; i++) s[i] = (s[i] as number) * k;
  return s;
}
