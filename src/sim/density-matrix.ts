/**
 * Density-matrix simulation with a noise model: exact mixed states up to ~13 qubits, batched
 * over bindings like the statevector (the vectorised ρ reuses the same kernels). Readout
 * confusion applies to sampled outcomes and reported probabilities. Circuits with mid-circuit
 * measurement or classical conditions are sampled by the trajectory simulator instead.
 */
import { InputError, UsageError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import type { Circuit } from '../circuit/circuit.js';
import { getGate } from '../circuit/gates.js';
import { computeAngles, type RotationAngles } from './angles.js';
import type { Backend, Counts, ExecutionBatch, ExecutionResult, OutputKind } from './backend.js';
import { type Bindings, type PackedBindings, packBindings } from './bindings.js';
import { applyConstant, applyRotation, Workspace } from './executor.js';
import { checkObservables, measurementGroups } from './expectation.js';
import { accumulatePauliTraceDM, depolarizeDM, diagonalDM } from './kernels/density.js';
import { checkShots } from './shots.js';
import { defaultMemoryLimit, withStateBuffers } from './memory.js';
import { conjugateShifted, densityMatrixOps, type DMOp } from './noise/dm-program.js';
import { splitForNoisySimulation } from './noise/final-measurements.js';
import { NoiseModel } from './noise/noise-model.js';
import { buildNoisySteps } from './noise/noisy-steps.js';
import { applyReadoutErrors, marginalize } from './noise/readout.js';
import type { Observable, PauliString } from './pauli.js';
import { lowerGateOp, type Program, type RotationInstr } from './program.js';
import { formatBytes } from '../core/numeric.js';
import { countsFromHistogram, sampleFromProbabilities } from './sampling.js';
import { parity } from './kernels/bits.js';
import { TrajectorySimulator } from './trajectories.js';

export interface NoisySimulatorOptions {
  /** The noise model (default: none, an exact mixed-state simulation). */
  readonly noise?: NoiseModel;
  readonly maxQubits?: number;
  readonly memoryLimit?: number;
  readonly wasm?: boolean;
  /** Most shots per binding accepted (default 10,000,000). */
  readonly maxShots?: number;
}

const SUPPORTED: ReadonlySet<OutputKind> = new Set(['expectations', 'probabilities', 'counts', 'density_matrix']);

export class DensityMatrixSimulator implements Backend {
  readonly name = 'density-matrix';
  readonly maxQubits: number;
  readonly supports = SUPPORTED;
  readonly noise: NoiseModel;
  private readonly memoryLimit: number;
  private readonly wasm: boolean;
  private readonly maxShots: number;

  constructor(options: NoisySimulatorOptions = {}) {
    this.noise = options.noise ?? new NoiseModel('ideal');
    this.maxQubits = options.maxQubits ?? 13;
    this.memoryLimit = options.memoryLimit ?? defaultMemoryLimit();
    this.wasm = options.wasm ?? true;
    this.maxShots = options.maxShots ?? 10_000_000;
  }

  run(batch: ExecutionBatch): ExecutionResult {
    const t0 = performance.now();
    const { circuit } = batch;
    if (circuit.numQubits > this.maxQubits) {
      throw new InputError(`the circuit has ${circuit.numQubits} qubits; the density-matrix simulator accepts at most ${this.maxQubits} (ρ on ${circuit.numQubits} qubits needs ${formatBytes(16 * 4 ** circuit.numQubits)}); use the trajectory simulator for wider circuits`, 'RESOURCE');
    }
    const meta = () => ({ backend: this.name, noise: this.noise.name, seconds: (performance.now() - t0) / 1000 });
    const split = splitForNoisySimulation(circuit);
    if (!split) {
      if (batch.output !== 'counts') throw new InputError(`the circuit has mid-circuit measurement or classically conditioned operations, so it can only be sampled (output "counts"), not asked for ${batch.output}`, 'NON_UNITARY');
      const traj = new TrajectorySimulator({ noise: this.noise, memoryLimit: this.memoryLimit, maxQubits: Math.max(this.maxQubits, 24) });
      const r = traj.run(batch);
      return { ...r, metadata: { ...r.metadata, ...meta(), sampledBy: 'trajectories' } };
    }
    const packed = packBindings(split.body, batch);
    const n = circuit.numQubits;
    const B = packed.batch;
    switch (batch.output) {
      case 'density_matrix': {
        const densityMatrices = this.withRho(split.body, packed, (rho) => toRowMajor(rho, n, B));
        return { output: 'density_matrix', batchSize: B, densityMatrices, numQubits: n, metadata: meta() };
      }
      case 'probabilities': {
        const probabilities = this.withRho(split.body, packed, (rho) => {
          const p = diagonalDM(rho, n, B);
          const errors = Array.from({ length: n }, (_, q) => this.noise.readoutError(q));
          for (let b = 0; b < B; b++) applyReadoutErrors(p, b * 2 ** n, n, errors);
          return p;
        });
        return { output: 'probabilities', batchSize: B, probabilities, numQubits: n, metadata: meta() };
      }
      case 'counts': {
        const shots = checkShots(batch.shots, this.maxShots);
        const rng = new Rng(batch.seed ?? 0);
        const measurements = split.measurements.length > 0 ? split.measurements : Array.from({ length: n }, (_, q) => ({ qubit: q, clbit: q }));
        const numClbits = split.measurements.length > 0 ? circuit.numClbits : n;
        const qubits = measurements.map((m) => m.qubit);
        const counts = this.withRho(split.body, packed, (rho) => {
          const p = marginalize(diagonalDM(rho, n, B), n, B, qubits);
          const m = qubits.length;
          const errors = qubits.map((q) => this.noise.readoutError(q));
          const local = measurements.map((mm, j) => ({ qubit: j, clbit: mm.clbit }));
          const out: Counts[] = [];
          for (let b = 0; b < B; b++) {
            applyReadoutErrors(p, b * 2 ** m, m, errors);
            out.push(countsFromHistogram(sampleFromProbabilities(p, b * 2 ** m, 2 ** m, shots, rng), local, numClbits));
          }
          return out;
        });
        return { output: 'counts', batchSize: B, counts, numQubits: n, shots, metadata: meta() };
      }
      case 'expectations': {
        const observables = batch.observables ?? [];
        if (observables.length === 0) throw new UsageError('expectations need at least one observable');
        checkObservables(observables, n);
        const shots = batch.shots === undefined ? undefined : checkShots(batch.shots, this.maxShots);
        const values = this.withRho(split.body, packed, (rho) => shots === undefined
          ? exactDM(rho, n, B, observables)
          : this.sampledDM(rho, n, B, observables, shots, new Rng(batch.seed ?? 0)));
        return { output: 'expectations', batchSize: B, expectations: values, numObservables: observables.length, numQubits: n, ...(shots !== undefined ? { shots } : {}), metadata: meta() };
      }
      default:
        throw new UsageError(`the density-matrix simulator cannot produce "${batch.output}"`);
    }
  }

  /** Convenience: exact (or shot-estimated) expectations, B × K row-major. */
  expectations(circuit: Circuit, observables: readonly Observable[], bindings: Bindings = {}, options: { shots?: number; seed?: number } = {}): Float64Array {
    return this.run({ circuit, output: 'expectations', observables, ...bindings, ...options }).expectations as Float64Array;
  }

  /** Convenience: ρ of the first (or only) binding, row-major interleaved complex. */
  densityMatrix(circuit: Circuit, bindings: Bindings = {}): Float64Array {
    const r = this.run({ circuit, output: 'density_matrix', ...bindings });
    return (r.densityMatrices as Float64Array).subarray(0, 2 * 4 ** circuit.numQubits);
  }

  /** Evolves ρ = |0⟩⟨0| through the noisy circuit and calls `fn` with the batched vector. */
  withRho<T>(body: Circuit, packed: PackedBindings, fn: (rho: Float64Array) => T): T {
    const n = body.numQubits;
    const steps = buildNoisySteps(body, this.noise, packed.weightsShared ? packed.weights : undefined);
    const ops = densityMatrixOps(steps, n);
    const program: Program = { numQubits: 2 * n, numClbits: 0, instrs: ops.flatMap((o) => (o.kind === 'instr' ? [o.instr] : [])), hasNonUnitary: false, globalPhase: 0 };
    const angles = computeAngles(program, packed);
    const B = packed.batch;
    return withStateBuffers([2 * B * 4 ** n], this.memoryLimit, `a ${n}-qubit density matrix${B > 1 ? ` batch of ${B}` : ''}`, ([rho]) => {
      const s = rho as Float64Array;
      for (let b = 0; b < B; b++) s[2 * b] = 1;
      runDM(s, n, B, ops, angles, new Workspace());
      return fn(s);
    }, this.wasm);
  }

  private sampledDM(rho: Float64Array, n: number, B: number, observables: readonly Observable[], shots: number, rng: Rng): Float64Array {
    const K = observables.length;
    const out = new Float64Array(B * K);
    const entries: { term: PauliString; obs: number }[] = [];
    observables.forEach((o, k) => {
      for (const t of o.terms) {
        if (t.paulis.length === 0) for (let b = 0; b < B; b++) out[b * K + k] += t.coeff;
        else entries.push({ term: t, obs: k });
      }
    });
    const ws = new Workspace();
    for (const group of measurementGroups(entries)) {
      const work = Float64Array.from(rho);
      for (const [q, p] of group.basis) {
        const rotation = p === 'Y' ? ['sdg', 'h'] : p === 'X' ? ['h'] : [];
        for (const g of rotation) {
          for (const instr of lowerGateOp(getGate(g).name, [q], [])) {
            applyConstant(work, 2 * n, B, instr, ws);
            applyConstant(work, 2 * n, B, conjugateShifted(instr, n), ws);
          }
        }
      }
      const support = [...group.basis.keys()];
      const m = support.length;
      const p = marginalize(diagonalDM(work, n, B), n, B, support);
      const errors = support.map((q) => this.noise.readoutError(q));
      for (let b = 0; b < B; b++) {
        applyReadoutErrors(p, b * 2 ** m, m, errors);
        const hist = sampleFromProbabilities(p, b * 2 ** m, 2 ** m, shots, rng);
        for (const { term, obs } of group.members) {
          let mask = 0;
          for (const f of term.paulis) mask |= 1 << support.indexOf(f.qubit);
          let acc = 0;
          for (const [index, c] of hist) acc += parity(index & mask) ? -c : c;
          out[b * K + obs] += (term.coeff * acc) / shots;
        }
      }
    }
    return out;
  }

}

function runDM(s: Float64Array, n: number, B: number, ops: readonly DMOp[], angles: Map<RotationInstr, RotationAngles>, ws: Workspace): void {
  for (const op of ops) {
    if (op.kind === 'depolarize') depolarizeDM(s, n, B, op.qubits, op.p);
    else if (op.instr.op === 'rot') applyRotation(s, 2 * n, B, op.instr, angles.get(op.instr) as RotationAngles, ws);
    else applyConstant(s, 2 * n, B, op.instr, ws);
  }
}

function exactDM(rho: Float64Array, n: number, B: number, observables: readonly Observable[]): Float64Array {
  const K = observables.length;
  const out = new Float64Array(B * K);
  observables.forEach((o, k) => {
    for (const t of o.terms) accumulatePauliTraceDM(rho, n, B, t.xMask, t.zMask, t.numY, t.coeff, out, K, k);
  });
  return out;
}

function toRowMajor(rho: Float64Array, n: number, B: number): Float64Array {
  const d = 1 << n;
  const out = new Float64Array(2 * B * d * d);
  for (let c = 0; c < d; c++) {
    for (let r = 0; r < d; r++) {
      const src = 2 * B * (r + c * d);
      for (let b = 0; b < B; b++) {
        const dst = 2 * (b * d * d + r * d + c);
        out[dst] = rho[src + 2 * b] as number;
        out[dst + 1] = rho[src + 2 * b + 1] as number;
      }
    }
  }
  return out;
}

