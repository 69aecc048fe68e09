/**
 * Quantum-trajectory (Monte Carlo wave-function) simulation with a noise model: every element
 * of the batch is one trajectory of one binding; channels pick a Kraus operator per element
 * with the Born probability (Pauli channels without looking at the state), measurements
 * collapse per element and record noisy classical bits, conditions act per element. Memory is
 * that of statevectors, so it reaches circuits far wider than the density matrix.
 */
import { InputError, UsageError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import type { Circuit } from '../circuit/circuit.js';
import { getGate, pauliMatrix } from '../circuit/gates.js';
import { dagger, isDiagonal, matmul, type Matrix } from '../circuit/matrix.js';
import type { PauliLetter } from '../circuit/gate-def.js';
import { computeAngles, type RotationAngles } from './angles.js';
import type { Backend, Counts, ExecutionBatch, ExecutionResult, OutputKind } from './backend.js';
import { type Bindings, type PackedBindings, packBindings } from './bindings.js';
import { applyConstant, applyRotation, Workspace } from './executor.js';
import { checkObservables, exactExpectations, measurementGroups } from './expectation.js';
import { applyBatched1 } from './kernels/rotation.js';
import { applyBatched2, populations, reducedDensity } from './kernels/per-element.js';
import { parity } from './kernels/bits.js';
import { checkShots } from './shots.js';
import { defaultMemoryLimit, withStateBuffers } from './memory.js';
import type { Channel } from './noise/channel.js';
import { splitForNoisySimulation } from './noise/final-measurements.js';
import { NoiseModel, type ReadoutError } from './noise/noise-model.js';
import { buildNoisySteps, type NoisyStep } from './noise/noisy-steps.js';
import { applyReadoutErrors } from './noise/readout.js';
import type { Observable, PauliString } from './pauli.js';
import type { Program, RotationInstr } from './program.js';
import { sampleIndexHistogram, sortCounts } from './sampling.js';
import { probabilitiesOf } from './statevector.js';
import type { Condition } from '../circuit/operation.js';

export interface TrajectoryOptions {
  readonly noise?: NoiseModel;
  /** Trajectories per binding for expectations and probabilities (default 256). */
  readonly trajectories?: number;
  readonly maxQubits?: number;
  readonly memoryLimit?: number;
  readonly maxShots?: number;
}

const SUPPORTED: ReadonlySet<OutputKind> = new Set(['expectations', 'probabilities', 'counts']);
/** Amplitudes per chunk of trajectories (2^24 complex = 256 MiB). */
const CHUNK_AMPLITUDES = 2 ** 24;

export class TrajectorySimulator implements Backend {
  readonly name = 'trajectories';
  readonly maxQubits: number;
  readonly supports = SUPPORTED;
  readonly noise: NoiseModel;
  readonly trajectories: number;
  private readonly memoryLimit: number;
  private readonly maxShots: number;

  constructor(options: TrajectoryOptions = {}) {
    this.noise = options.noise ?? new NoiseModel('ideal');
    this.trajectories = options.trajectories ?? 256;
    if (!Number.isInteger(this.trajectories) || this.trajectories < 1) throw new UsageError(`trajectories must be a positive integer, got ${this.trajectories}`);
    this.maxQubits = Math.min(options.maxQubits ?? 24, 29);
    this.memoryLimit = options.memoryLimit ?? defaultMemoryLimit();
    this.maxShots = options.maxShots ?? 10_000_000;
  }

  run(batch: ExecutionBatch): ExecutionResult {
    const t0 = performance.now();
    const { circuit } = batch;
    const n = circuit.numQubits;
    if (n > this.maxQubits) throw new InputError(`the circuit has ${n} qubits; the trajectory simulator accepts at most ${this.maxQubits}`, 'RESOURCE');
    const rng = new Rng(batch.seed ?? 0);
    const meta = (extra: Record<string, unknown>) => ({ backend: this.name, noise: this.noise.name, seconds: (performance.now() - t0) / 1000, ...extra });
    const split = splitForNoisySimulation(circuit);
    switch (batch.output) {
      case 'counts': {
        const shots = checkShots(batch.shots, this.maxShots);
        if (split) {
          const packed = packBindings(split.body, batch);
          // One trajectory per shot while that is cheap (exact sampling of the mixture); for wide
          // circuits, at least `trajectories` trajectories sharing the shots.
          const T = Math.min(shots, Math.max(this.trajectories, Math.floor(CHUNK_AMPLITUDES / 2 ** n)));
          const measurements = split.measurements.length > 0 ? split.measurements : Array.from({ length: n }, (_, q) => ({ qubit: q, clbit: q }));
          const numClbits = split.measurements.length > 0 ? circuit.numClbits : n;
          const errors = measurements.map((m) => this.noise.readoutError(m.qubit));
          const counts: Counts[] = Array.from({ length: packed.batch }, () => ({}));
          this.forEachChunk(split.body, packed, T, rng, (state, elems, C) => {
            for (let e = 0; e < C; e++) {
              const { binding, trajectory } = elems(e);
              const share = Math.floor(shots / T) + (trajectory < shots % T ? 1 : 0);
              if (share === 0) continue;
              const hist = sampleIndexHistogram(state, n, C, e, share, rng);
              const target = counts[binding] as Counts;
              for (const [index, c] of hist) {
                for (let s = 0; s < c; s++) {
                  const bits = new Array<string>(numClbits).fill('0');
                  measurements.forEach((m, j) => {
                    let bit = (index >> m.qubit) & 1;
                    bit = flipWithReadout(bit, errors[j], rng);
                    bits[numClbits - 1 - m.clbit] = bit ? '1' : '0';
                  });
                  const key = bits.join('');
                  target[key] = (target[key] ?? 0) + 1;
                }
              }
            }
          });
          return { output: 'counts', batchSize: packed.batch, counts: counts.map(sortCounts), numQubits: n, shots, metadata: meta({ trajectories: T }) };
        }
        const packed = packBindings(circuit, batch);
        const counts: Counts[] = Array.from({ length: packed.batch }, () => ({}));
        this.forEachChunk(circuit, packed, shots, rng, (_state, elems, C, clbits) => {
          for (let e = 0; e < C; e++) {
            let key = '';
            for (let c = circuit.numClbits - 1; c >= 0; c--) key += clbits[e * circuit.numClbits + c] ? '1' : '0';
            const target = counts[elems(e).binding] as Counts;
            target[key] = (target[key] ?? 0) + 1;
          }
        });
        return { output: 'counts', batchSize: packed.batch, counts: counts.map(sortCounts), numQubits: n, shots, metadata: meta({ trajectories: shots }) };
      }
      case 'expectations':
      case 'probabilities': {
        if (!split) throw new InputError(`the circuit has mid-circuit measurement or classically conditioned operations, so it can only be sampled (output "counts"), not asked for ${batch.output}`, 'NON_UNITARY');
        const packed = packBindings(split.body, batch);
        const B = packed.batch;
        const T = this.trajectories;
        if (batch.output === 'probabilities') {
          const dim = 2 ** n;
          const acc = new Float64Array(B * dim);
          this.forEachChunk(split.body, packed, T, rng, (state, elems, C) => {
            const p = probabilitiesOf(state, n, C);
            for (let e = 0; e < C; e++) {
              const b = elems(e).binding;
              for (let a = 0; a < dim; a++) acc[b * dim + a] += (p[e * dim + a] as number) / T;
            }
          });
          const errors = Array.from({ length: n }, (_, q) => this.noise.readoutError(q));
          for (let b = 0; b < B; b++) applyReadoutErrors(acc, b * dim, n, errors);
          return { output: 'probabilities', batchSize: B, probabilities: acc, numQubits: n, metadata: meta({ trajectories: T }) };
        }
        const observables = batch.observables ?? [];
        if (observables.length === 0) throw new UsageError('expectations need at least one observable');
        checkObservables(observables, n);
        const K = observables.length;
        const acc = new Float64Array(B * K);
        const shots = batch.shots === undefined ? undefined : checkShots(batch.shots, this.maxShots);
        this.forEachChunk(split.body, packed, T, rng, (state, elems, C) => {
          const values = shots === undefined ? exactExpectations(state, n, C, observables) : this.sampledWithReadout(state, n, C, observables, Math.max(1, Math.round(shots / T)), rng);
          for (let e = 0; e < C; e++) {
            const b = elems(e).binding;
            for (let k = 0; k < K; k++) acc[b * K + k] += (values[e * K + k] as number) / T;
          }
        });
        return { output: 'expectations', batchSize: B, expectations: acc, numObservables: K, numQubits: n, ...(shots !== undefined ? { shots } : {}), metadata: meta({ trajectories: T }) };
      }
      default:
        throw new UsageError(`the trajectory simulator cannot produce "${batch.output}"`);
    }
  }

  /** Convenience: expectation values averaged over trajectories, B × K row-major. */
  expectations(circuit: Circuit, observables: readonly Observable[], bindings: Bindings = {}, options: { shots?: number; seed?: number } = {}): Float64Array {
    return this.run({ circuit, output: 'expectations', observables, ...bindings, ...options }).expectations as Float64Array;
  }

  /**
   * Runs `perBinding` trajectories of every binding in chunks that fit in memory and calls
   * `visit` with each chunk's final states (batch = chunk size), a map from element to
   * (binding, trajectory), and the recorded classical bits (C × numClbits).
   */
  private forEachChunk(
    circuit: Circuit, packed: PackedBindings, perBinding: number, rng: Rng,
    visit: (state: Float64Array, elems: (e: number) => { binding: number; trajectory: number }, C: number, clbits: Uint8Array) => void,
  ): void {
    const n = circuit.numQubits;
    const steps = buildNoisySteps(circuit, this.noise, packed.weightsShared ? packed.weights : undefined);
    const total = packed.batch * perBinding;
    const chunk = Math.max(1, Math.min(total, Math.floor(CHUNK_AMPLITUDES / 2 ** n)));
    const ws = new Workspace();
    for (let start = 0; start < total; start += chunk) {
      const C = Math.min(chunk, total - start);
      const elems = (e: number) => ({ binding: Math.floor((start + e) / perBinding), trajectory: (start + e) % perBinding });
      const sub = expandBindings(packed, C, (e) => elems(e).binding);
      const program: Program = { numQubits: n, numClbits: circuit.numClbits, instrs: steps.flatMap((s) => (s.kind === 'gate' ? s.instrs : [])), hasNonUnitary: false, globalPhase: 0 };
      const angles = computeAngles(program, sub);
      withStateBuffers([2 * C * 2 ** n], this.memoryLimit, `${C} trajectories of a ${n}-qubit state`, ([state]) => {
        const s = state as Float64Array;
        for (let e = 0; e < C; e++) s[2 * e] = 1;
        const clbits = new Uint8Array(C * circuit.numClbits);
        const ctx: StepContext = { s, n, C, rng, ws, angles, clbits, numClbits: circuit.numClbits, noise: this.noise, sub };
        for (const step of steps) runStep(step, ctx);
        visit(s, elems, C, clbits);
      });
    }
  }

  private sampledWithReadout(state: Float64Array, n: number, C: number, observables: readonly Observable[], shots: number, rng: Rng): Float64Array {
    const K = observables.length;
    const out = new Float64Array(C * K);
    const entries: { term: PauliString; obs: number }[] = [];
    observables.forEach((o, k) => {
      for (const t of o.terms) {
        if (t.paulis.length === 0) for (let e = 0; e < C; e++) out[e * K + k] += t.coeff;
        else entries.push({ term: t, obs: k });
      }
    });
    const h = getGate('h').matrix([]);
    const sdg = getGate('sdg').matrix([]);
    const ws = new Workspace();
    for (const group of measurementGroups(entries)) {
      const work = Float64Array.from(state);
      for (const [q, p] of group.basis) {
        if (p === 'Y') applyConstant(work, n, C, { op: 'u1', q, m: sdg, diag: true }, ws);
        if (p !== 'Z') applyConstant(work, n, C, { op: 'u1', q, m: h, diag: false }, ws);
      }
      const support = [...group.basis.keys()];
      const errors = support.map((q) => this.noise.readoutError(q));
      for (let e = 0; e < C; e++) {
        const hist = sampleIndexHistogram(work, n, C, e, shots, rng);
        const sums = new Float64Array(group.members.length);
        for (const [index, c] of hist) {
          for (let s = 0; s < c; s++) {
            let read = 0;
            support.forEach((q, j) => {
              if (flipWithReadout((index >> q) & 1, errors[j], rng)) read |= 1 << q;
            });
            group.members.forEach((m, i) => {
              let mask = 0;
              for (const f of m.term.paulis) mask |= 1 << f.qubit;
              sums[i] = (sums[i] as number) + (parity(read & mask) ? -1 : 1);
            });
          }
        }
        group.members.forEach((m, i) => {
          out[e * K + m.obs] += (m.term.coeff * (sums[i] as number)) / shots;
        });
      }
    }
    return out;
  }

}

interface StepContext {
  readonly s: Float64Array;
  readonly n: number;
  readonly C: number;
  readonly rng: Rng;
  readonly ws: Workspace;
  readonly angles: Map<RotationInstr, RotationAngles>;
  readonly clbits: Uint8Array;
  readonly numClbits: number;
  readonly noise: NoiseModel;
  readonly sub: PackedBindings;
}

function flipWithReadout(bit: number, error: ReadoutError | undefined, rng: Rng): number {
  if (!error) return bit;
  const p = bit ? error.p0Given1 : error.p1Given0;
  return p > 0 && rng.random() < p ? 1 - bit : bit;
}

/** Which elements satisfy a condition (all when there is none). */
function activeElements(ctx: StepContext, cond: Condition | undefined): Uint8Array | undefined {
  if (!cond) return undefined;
  const act = new Uint8Array(ctx.C);
  for (let e = 0; e < ctx.C; e++) {
    let v = 0;
    cond.clbits.forEach((c, i) => {
      if (ctx.clbits[e * ctx.numClbits + c]) v += 2 ** i;
    });
    act[e] = v === cond.value ? 1 : 0;
  }
  return act;
}

function runStep(step: NoisyStep, ctx: StepContext): void {
  const active = activeElements(ctx, step.condition);
  if (active && !active.some((v) => v)) return;
  switch (step.kind) {
    case 'gate':
      if (!active) {
        for (const instr of step.instrs) {
          if (instr.op === 'rot') applyRotation(ctx.s, ctx.n, ctx.C, instr, ctx.angles.get(instr) as RotationAngles, ctx.ws);
          else applyConstant(ctx.s, ctx.n, ctx.C, instr, ctx.ws);
        }
      } else applyConditionedGate(step, ctx, active);
      return;
    case 'channel':
      applyChannel(step.channel, step.qubits, ctx, active);
      return;
    case 'reset':
      applyChannel(step.channel, [step.qubit], ctx, active);
      return;
    case 'measure':
      measure(step.qubit, step.clbit, ctx, active);
      return;
  }
}

function identityMats(count: number, dim: number): Float64Array {
  const m = new Float64Array(count * 2 * dim * dim);
  for (let e = 0; e < count; e++) for (let i = 0; i < dim; i++) m[e * 2 * dim * dim + 2 * (i * dim + i)] = 1;
  return m;
}

function applyPerElement(ctx: StepContext, qubits: readonly number[], mats: Float64Array): void {
  if (qubits.length === 1) applyBatched1(ctx.s, ctx.n, ctx.C, qubits[0] as number, mats);
  else applyBatched2(ctx.s, ctx.n, ctx.C, qubits[0] as number, qubits[1] as number, mats);
}

function applyConditionedGate(step: Extract<NoisyStep, { kind: 'gate' }>, ctx: StepContext, active: Uint8Array): void {
  const op = step.op;
  const def = getGate(op.name);
  const dim = 2 ** op.qubits.length;
  const mats = identityMats(ctx.C, dim);
  const nx = ctx.sub.numInputs;
  const nw = ctx.sub.numWeights;
  for (let e = 0; e < ctx.C; e++) {
    if (!active[e]) continue;
    const xs = ctx.sub.inputs.subarray(e * nx, (e + 1) * nx);
    const wv = ctx.sub.weightsShared ? ctx.sub.weights : ctx.sub.weights.subarray(e * nw, (e + 1) * nw);
    mats.set(def.matrix(op.params.map((p) => p.evaluate(xs, wv))), e * 2 * dim * dim);
  }
  applyPerElement(ctx, op.qubits, mats);
}

const pauliCache = new Map<string, Matrix>();
function pauli1(letter: string): Matrix {
  let m = pauliCache.get(letter);
  if (!m) {
    m = pauliMatrix(letter as PauliLetter);
    pauliCache.set(letter, m);
  }
  return m;
}

function applyChannel(channel: Channel, qubits: readonly number[], ctx: StepContext, active: Uint8Array | undefined): void {
  const { C, rng } = ctx;
  const k = channel.numQubits;
  if (channel.unitary && !active) {
    applyConstant(ctx.s, ctx.n, C, k === 1 ? { op: 'u1', q: qubits[0] as number, m: channel.unitary, diag: false } : { op: 'u2', q0: qubits[0] as number, q1: qubits[1] as number, m: channel.unitary }, ctx.ws);
    return;
  }
  if (channel.pauli) {
    // State-independent: draw a Pauli string per element, apply it letter by letter.
    const cum: number[] = [];
    let acc = 0;
    for (const t of channel.pauli) cum.push((acc += t.p));
    const chosen = new Int32Array(C);
    for (let e = 0; e < C; e++) {
      if (active && !active[e]) {
        chosen[e] = -1;
        continue;
      }
      const u = rng.random() * acc;
      let i = 0;
      while (i < cum.length - 1 && u >= (cum[i] as number)) i++;
      chosen[e] = i;
    }
    for (let j = 0; j < k; j++) {
      let any = false;
      const mats = identityMats(C, 2);
      for (let e = 0; e < C; e++) {
        const c = chosen[e] as number;
        if (c < 0) continue;
        const letter = (channel.pauli[c] as { paulis: string }).paulis[j] as string;
        if (letter === 'I') continue;
        any = true;
        mats.set(pauli1(letter), 8 * e);
      }
      if (any) applyBatched1(ctx.s, ctx.n, C, qubits[j] as number, mats);
    }
    return;
  }
  // General Kraus: Born probabilities p_K = Tr(K†K ρ) from each element's reduced state; when
  // every K†K is diagonal (damping, thermal relaxation) the populations suffice.
  const dim = 2 ** k;
  const kdk = channel.kraus.map((K) => matmul(dagger(K), K));
  const diagonal = kdk.every((M) => isDiagonal(M, 1e-14));
  const state = new Float64Array(diagonal ? dim * C : 2 * dim * dim * C);
  if (diagonal) populations(ctx.s, ctx.n, C, qubits, state);
  else reducedDensity(ctx.s, ctx.n, C, qubits, state);
  const mats = identityMats(C, dim);
  for (let e = 0; e < C; e++) {
    if (active && !active[e]) continue;
    const probs = kdk.map((M) => Math.max(0, diagonal ? diagonalTrace(M, state, dim * e, dim) : trace(M, state, 2 * dim * dim * e, dim)));
    const total = probs.reduce((a, b) => a + b, 0);
    let u = rng.random() * total;
    let chosen = 0;
    while (chosen < probs.length - 1 && u >= (probs[chosen] as number)) u -= probs[chosen++] as number;
    const K = channel.kraus[chosen] as Matrix;
    const f = 1 / Math.sqrt(Math.max(probs[chosen] as number, 1e-300) / total);
    const off = 2 * dim * dim * e;
    for (let i = 0; i < 2 * dim * dim; i++) mats[off + i] = (K[i] as number) * f;
  }
  applyPerElement(ctx, qubits, mats);
}

/** Tr(M ρ) = Σ M[r][c] ρ[c][r] for the d×d complex ρ at `off`. */
function trace(M: Matrix, rho: Float64Array, off: number, d: number): number {
  let p = 0;
  for (let r = 0; r < d; r++) {
    for (let c = 0; c < d; c++) {
      const mr = M[2 * (r * d + c)] as number, mi = M[2 * (r * d + c) + 1] as number;
      const pr = rho[off + 2 * (c * d + r)] as number, pi = rho[off + 2 * (c * d + r) + 1] as number;
      p += mr * pr - mi * pi;
    }
  }
  return p;
}

/** Tr(M ρ) for diagonal M, from the populations at `off`. */
function diagonalTrace(M: Matrix, pops: Float64Array, off: number, d: number): number {
  let p = 0;
  for (let r = 0; r < d; r++) p += (M[2 * (r * d + r)] as number) * (pops[off + r] as number);
  return p;
}

function measure(qubit: number, clbit: number, ctx: StepContext, active: Uint8Array | undefined): void {
  const { C, rng } = ctx;
  const pops = new Float64Array(2 * C);
  populations(ctx.s, ctx.n, C, [qubit], pops);
  const mats = identityMats(C, 2);
  const error = ctx.noise.readoutError(qubit);
  for (let e = 0; e < C; e++) {
    if (active && !active[e]) continue;
    const p1 = Math.min(1, Math.max(0, pops[2 * e + 1] as number));
    const outcome = rng.random() < p1 ? 1 : 0;
    const p = outcome ? p1 : 1 - p1;
    const f = p > 0 ? 1 / Math.sqrt(p) : 0;
    mats.fill(0, 8 * e, 8 * e + 8);
    if (outcome) mats[8 * e + 6] = f;
    else mats[8 * e] = f;
    ctx.clbits[e * ctx.numClbits + clbit] = flipWithReadout(outcome, error, rng);
  }
  applyBatched1(ctx.s, ctx.n, C, qubit, mats);
}

/** Bindings for C elements, element e taking binding `bindingOf(e)`. */
function expandBindings(packed: PackedBindings, C: number, bindingOf: (e: number) => number): PackedBindings {
  const nx = packed.numInputs;
  const nw = packed.numWeights;
  const inputs = new Float64Array(C * nx);
  const weights = packed.weightsShared ? packed.weights : new Float64Array(C * nw);
  for (let e = 0; e < C; e++) {
    const b = bindingOf(e);
    inputs.set(packed.inputs.subarray(b * nx, (b + 1) * nx), e * nx);
    if (!packed.weightsShared) weights.set(packed.weights.subarray(b * nw, (b + 1) * nw), e * nw);
  }
  return { ...packed, batch: C, inputs, weights };
}
