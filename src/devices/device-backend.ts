/**
 * `DeviceBackend`: runs circuits as a catalog device would — it accepts only circuits that
 * use the device's native gates on its usable couplers (in the calibrated direction), and
 * simulates them with the noise derived from the device's calibration. Only the qubits the
 * circuit touches are simulated (renumbered), so a 4-qubit job on a 127-qubit chip costs a
 * 4-qubit simulation; crosstalk onto qubits outside the job is left out.
 */
import { InputError, UsageError } from '../core/errors.js';
import type { Circuit } from '../circuit/circuit.js';
import type { Operation } from '../circuit/operation.js';
import type { Backend, ExecutionBatch, ExecutionResult, OutputKind } from '../sim/backend.js';
import { DensityMatrixSimulator } from '../sim/density-matrix.js';
import type { NoiseModel } from '../sim/noise/noise-model.js';
import { PauliString, PauliSum, type Observable } from '../sim/pauli.js';
import { TrajectorySimulator } from '../sim/trajectories.js';
import { estimatedJobCost, estimatedJobTime } from './job-estimates.js';
import { deviceNoiseModel, type DeviceNoiseOptions } from './noise-from-calibration.js';
import type { DeviceProfile } from './schema.js';

export interface DeviceBackendOptions extends DeviceNoiseOptions {
  /** Simulation method; `auto` uses the density matrix up to `densityMatrixLimit` active qubits. */
  readonly method?: 'auto' | 'density-matrix' | 'trajectories';
  readonly densityMatrixLimit?: number;
  /** Trajectories per binding for expectations and probabilities with the trajectory method. */
  readonly trajectories?: number;
}

/** One reason a circuit cannot run on a device as it stands. */
export interface DeviceViolation {
  readonly op: number;
  readonly message: string;
}

/** Lists why `circuit` would not run on `profile` (empty when it would). */
export function checkCircuitOnDevice(circuit: Circuit, profile: DeviceProfile): DeviceViolation[] {
  const out: DeviceViolation[] = [];
  if (circuit.numQubits > profile.num_qubits) {
    out.push({ op: -1, message: `the circuit has ${circuit.numQubits} qubits; ${profile.id} has ${profile.num_qubits}` });
    return out;
  }
  const native = new Set([...profile.native_gates.one_qubit, ...profile.native_gates.two_qubit, ...profile.native_gates.extras, 'id']);
  const couplers = new Set(profile.coupling_map.map(([a, b]) => `${a}-${b}`));
  const directed = profile.directed ? new Set((profile.directed_couplers ?? []).map(([a, b]) => `${a}-${b}`)) : undefined;
  const all2all = profile.topology.kind === 'all_to_all';
  circuit.ops.forEach((op: Operation, i) => {
    if (op.kind !== 'gate') return;
    if (!native.has(op.name)) out.push({ op: i, message: `gate ${op.name} is not native on ${profile.id} (native: ${[...native].join(', ')})` });
    if (op.qubits.length > 2) out.push({ op: i, message: `gate ${op.name} acts on ${op.qubits.length} qubits` });
    if (op.qubits.length === 2 && !all2all) {
      const [a, b] = op.qubits as [number, number];
      if (!couplers.has(a < b ? `${a}-${b}` : `${b}-${a}`)) out.push({ op: i, message: `qubits ${a} and ${b} are not coupled on ${profile.id}` });
      else if (directed && profile.native_gates.two_qubit.includes(op.name) && !directed.has(`${a}-${b}`)) {
        out.push({ op: i, message: `${op.name} on (${a}, ${b}) is not calibrated in that direction on ${profile.id} (use (${b}, ${a}))` });
      }
    }
  });
  return out;
}

const SUPPORTED: ReadonlySet<OutputKind> = new Set(['expectations', 'probabilities', 'counts']);

export class DeviceBackend implements Backend {
  readonly name: string;
  readonly maxQubits: number;
  readonly supports = SUPPORTED;
  private readonly noiseCache = new Map<string, NoiseModel>();

  constructor(readonly profile: DeviceProfile, private readonly options: DeviceBackendOptions = {}) {
    this.name = `device:${profile.id}`;
    this.maxQubits = profile.num_qubits;
  }

  run(batch: ExecutionBatch): ExecutionResult {
    const violations = checkCircuitOnDevice(batch.circuit, this.profile);
    if (violations.length > 0) {
      const list = violations.slice(0, 5).map((v) => (v.op >= 0 ? `operation ${v.op}: ${v.message}` : v.message)).join('; ');
      throw new InputError(`the circuit cannot run on ${this.profile.id} as it stands (transpile it first): ${list}${violations.length > 5 ? `; and ${violations.length - 5} more` : ''}`, 'NOT_ON_DEVICE');
    }
    const active = activeQubits(batch.circuit, batch.observables ?? []);
    const index = new Map(active.map((q, i) => [q, i]));
    const compact = compactCircuit(batch.circuit, index, active.length);
    const observables = batch.observables?.map((o) => remapObservable(o, index));
    const noise = this.noiseFor(active);
    const useDM = this.options.method === 'density-matrix' || ((this.options.method ?? 'auto') === 'auto' && active.length <= (this.options.densityMatrixLimit ?? 10));
    const sim = useDM
      ? new DensityMatrixSimulator({ noise, maxQubits: Math.max(active.length, 1) })
      : new TrajectorySimulator({ noise, maxQubits: Math.max(active.length, 1), ...(this.options.trajectories ? { trajectories: this.options.trajectories } : {}) });
    if (!sim.supports.has(batch.output)) throw new UsageError(`a device backend cannot produce "${batch.output}"`);
    const result = sim.run({ ...batch, circuit: compact, ...(observables ? { observables } : {}) });
    const shots = batch.shots ?? 0;
    const job = { shots: Math.max(shots, 1), circuits: result.batchSize, depth: batch.circuit.depth(), qubits: active.length };
    return {
      ...result,
      metadata: {
        ...result.metadata,
        backend: this.name,
        device: this.profile.id,
        method: useDM ? 'density-matrix' : 'trajectories',
        qubits: active,
        estimated_time_s: estimatedJobTime(this.profile, job),
        estimated_cost: estimatedJobCost(this.profile, job),
      },
    };
  }

  private noiseFor(active: readonly number[]): NoiseModel {
    const key = active.join(',');
    let m = this.noiseCache.get(key);
    if (!m) {
      m = deviceNoiseModel(this.profile, { ...this.options, qubits: active });
      this.noiseCache.set(key, m);
    }
    return m;
  }
}

function activeQubits(circuit: Circuit, observables: readonly Observable[]): number[] {
  const used = new Set<number>();
  for (const op of circuit.ops) {
    if (op.kind === 'barrier') continue;
    if (op.kind === 'gate') op.qubits.forEach((q) => used.add(q));
    else used.add(op.qubit);
  }
  for (const o of observables) for (const t of o.terms) for (const p of t.paulis) used.add(p.qubit);
  if (used.size === 0 && circuit.numQubits > 0) used.add(0);
  return [...used].sort((a, b) => a - b);
}

function compactCircuit(circuit: Circuit, index: ReadonlyMap<number, number>, k: number): Circuit {
  const m = (q: number) => index.get(q) as number;
  const ops = circuit.ops.flatMap((op): Operation[] => {
    switch (op.kind) {
      case 'gate': return [{ ...op, qubits: op.qubits.map(m) }];
      case 'measure': return [{ ...op, qubit: m(op.qubit) }];
      case 'reset': return [{ ...op, qubit: m(op.qubit) }];
      case 'barrier': {
        const qs = op.qubits.filter((q) => index.has(q)).map(m);
        return qs.length > 0 ? [{ kind: 'barrier', qubits: qs }] : [];
      }
    }
  });
  return circuit.with({ numQubits: k, ops, qregs: [{ name: 'q', size: k, offset: 0 }] });
}

function remapObservable(o: Observable, index: ReadonlyMap<number, number>): Observable {
  return new PauliSum(o.terms.map((t) => new PauliString(t.coeff, t.paulis.map((p) => ({ qubit: index.get(p.qubit) as number, pauli: p.pauli })))));
}
