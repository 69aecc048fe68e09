/**
 * Defense QML.M0003 (trap circuits with known outcomes) as a client-side decorator: after a
 * random fraction of its jobs the client submits a trap job — mirrors of the job's own circuit
 * at decoy bindings ({@link ./trap.ts}) — to the same device, and raises an alarm when the traps
 * succeed less often than the requested device's calibration predicts, beyond shot noise.
 */
import { InputError, UsageError } from '../../../core/errors.js';
import { mean } from '../../../core/numeric.js';
import { Rng, type Seed } from '../../../core/rng.js';
import type { Circuit } from '../../../circuit/circuit.js';
import { RegionBackends } from '../../../cloud/region-backend.js';
import type { JobResult, QuantumJob, QuantumProvider } from '../../../cloud/job.js';
import { getDevice } from '../../../devices/catalog.js';
import type { DeviceProfile } from '../../../devices/schema.js';
import { checkCost, type CheckRecord } from './check-record.js';
import { buildTrapTemplate, drawTrap, predictedTrapSuccess, trapSuccess, type TrapTemplate } from './trap.js';

/** Options of a {@link TrapClient}. */
export interface TrapClientOptions {
  /** Tenant the traps are submitted as (the victim's own account). */
  readonly tenant: string;
  /** Probability that a job is followed by a trap job, 0..1 (default 1). */
  readonly rate?: number;
  /** Traps (bindings) per trap job (default 1). */
  readonly trapsPerJob?: number;
  /** Shots per trap (default 2000). */
  readonly shots?: number;
  /**
   * Alarm when the mean success deficit (predicted − observed) exceeds this; default: three
   * standard errors of the binomial shot noise of the trap job.
   */
  readonly threshold?: number;
  readonly seed?: Seed;
}

/** The outcome of one trap job. */
export interface TrapRecord extends CheckRecord {
  /** Mean predicted − observed success rate over the job's traps. */
  readonly deficit: number;
  readonly threshold: number;
  readonly predicted: readonly number[];
  readonly observed: readonly number[];
}

/** A client that mixes trap circuits into its job stream (see the module comment). */
export class TrapClient implements QuantumProvider {
  readonly id: string;
  readonly devices: readonly string[];
  readonly traps: TrapRecord[] = [];
  private jobs = 0;
  private readonly rate: number;
  private readonly perJob: number;
  private readonly shots: number;
  private readonly rng: Rng;
  private readonly templates = new WeakMap<Circuit, Map<string, TrapTemplate>>();
  private readonly twins = new Map<string, { profile: DeviceProfile; regions: RegionBackends }>();

  constructor(private readonly inner: QuantumProvider, private readonly options: TrapClientOptions) {
    this.id = inner.id;
    this.devices = inner.devices;
    this.rate = options.rate ?? 1;
    this.perJob = options.trapsPerJob ?? 1;
    this.shots = options.shots ?? 2000;
    if (!(this.rate >= 0 && this.rate <= 1)) throw new UsageError(`the trap rate must lie in [0, 1], got ${this.rate}`);
    if (!Number.isInteger(this.perJob) || this.perJob < 1) throw new UsageError(`traps per job must be a positive integer, got ${this.perJob}`);
    if (!Number.isInteger(this.shots) || this.shots < 1) throw new UsageError(`trap shots must be a positive integer, got ${this.shots}`);
    if (options.threshold !== undefined && !(Number.isFinite(options.threshold) && options.threshold >= 0)) {
      throw new UsageError(`the alarm threshold must be a non-negative number, got ${options.threshold}`);
    }
    this.rng = new Rng(`${options.seed ?? 0}:traps`);
  }

  /** The trap jobs so far (every defense client lists its checks as `checks`). */
  get checks(): readonly TrapRecord[] {
    return this.traps;
  }

  /** Jobs submitted so far (traps excluded). */
  get jobCount(): number {
    return this.jobs;
  }

  /** The number of jobs before the first alarm's trap, or undefined while none has fired. */
  get firstAlarmAfterJob(): number | undefined {
    return this.traps.find((t) => t.alarm)?.afterJob;
  }

  async submit(job: QuantumJob): Promise<JobResult> {
    const result = await this.inner.submit(job);
    this.jobs++;
    if (this.rng.random() < this.rate) await this.trap(job, result.metadata.finished_at_s);
    return result;
  }

  /**
   * Submits one trap job shaped like `job` to the device it asked for, and checks it;
   * `jobFinishedAt` is when the result it vouches for arrived.
   */
  async trap(job: QuantumJob, jobFinishedAt = Number.NaN): Promise<TrapRecord> {
    const device = job.device ?? (this.devices[0] as string);
    const template = this.template(job, device);
    const twin = this.twin(device);
    const weights = weightRow(job);
    const traps = Array.from({ length: this.perJob }, () => drawTrap(template, this.rng));
    const t0 = performance.now();
    const predicted = predictedTrapSuccess(template, twin.profile, traps, weights, twin.regions);
    const predictMs = performance.now() - t0;
    const result = await this.inner.submit({
      tenant: this.options.tenant, device, form: 'native', circuit: template.circuit, qubits: template.qubits,
      output: 'counts', inputs: traps.map((t) => t.inputs), weights, shots: this.shots, seed: this.rng.int(2 ** 31),
    });
    if (!result.counts) throw new InputError(`provider "${this.inner.id}" returned no counts for a trap job`, 'TRAP');
    const observed = trapSuccess(result.counts, traps);
    const deficit = mean(predicted.map((p, i) => p - (observed[i] as number)));
    const variance = mean(predicted.map((p) => (p * (1 - p)) / this.shots)) / traps.length;
    const threshold = this.options.threshold ?? 3 * Math.sqrt(variance);
    const record: TrapRecord = {
      afterJob: this.jobs, device, deficit, threshold, alarm: deficit > threshold, predicted, observed,
      ...checkCost(result, jobFinishedAt, predictMs),
    };
    this.traps.push(record);
    return record;
  }

  private template(job: QuantumJob, device: string): TrapTemplate {
    let byDevice = this.templates.get(job.circuit);
    if (!byDevice) {
      byDevice = new Map();
      this.templates.set(job.circuit, byDevice);
    }
    let t = byDevice.get(device);
    if (!t) {
      const layout = job.form === 'native' ? job.qubits : job.region;
      t = buildTrapTemplate(job.circuit, getDevice(device), layout);
      byDevice.set(device, t);
    }
    return t;
  }

  private twin(device: string): { profile: DeviceProfile; regions: RegionBackends } {
    let t = this.twins.get(device);
    if (!t) {
      const profile = getDevice(device);
      t = { profile, regions: new RegionBackends(profile) };
      this.twins.set(device, t);
    }
    return t;
  }
}

function weightRow(job: QuantumJob): ArrayLike<number> {
  const w = job.weights;
  if (w === undefined || w.length === 0) return [];
  return typeof (w as ArrayLike<unknown>)[0] === 'object' ? (w as readonly ArrayLike<number>[])[0] as ArrayLike<number> : (w as ArrayLike<number>);
}
