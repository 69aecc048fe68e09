/**
 * `QuantumCloud`: the honest quantum provider — devices from the catalog, one FIFO queue per
 * device on a virtual clock, provider-side transpilation of logical jobs, execution on the
 * region of the chip a job occupies with the device's calibrated noise, and billing by the
 * device's price model. Several tenants share the devices and their queues; jobs of different
 * tenants can be co-scheduled onto disjoint qubits of one chip so that crosstalk between them
 * acts ({@link QuantumCloud.runCoScheduled}).
 */
import { InputError, NotFoundError, ResourceError, UsageError } from '../core/errors.js';
import { getDevice } from '../devices/catalog.js';
import type { DeviceBackendOptions } from '../devices/device-backend.js';
import type { DeviceProfile } from '../devices/schema.js';
import { Rng } from '../core/rng.js';
import type { Counts, ExecutionBatch, ExecutionResult } from '../sim/backend.js';
import { StatevectorSimulator } from '../sim/statevector.js';
import { targetForDevice } from '../transpile/target-from-device.js';
import { mergeParts } from './co-schedule.js';
import { checkRegion, remapCircuit, remapObservable, type PlacedCircuit } from './device-region.js';
import { DeviceQueue, type DeviceQueueState, type QueueWaitMode } from './device-queue.js';
import { chargeJob, circuitCounts, type JobCharge } from './job-accounting.js';
import { jobBatchSize, type JobMetadata, type JobResult, type QuantumJob, type QuantumProvider } from './job.js';
import { ProviderTranspiler, type ProviderTranspilerOptions } from './provider-transpiler.js';
import { RegionBackends } from './region-backend.js';
import { VirtualClock } from './virtual-clock.js';

/**
 * How jobs are simulated. `noisy`: transpiled to the device and run with its calibrated noise.
 * `ideal`: the circuit as submitted, on the exact statevector simulator (no transpilation, no
 * noise) — for checking the pipeline against plain training; time and price stay the device's.
 */
export type CloudSimulation = 'noisy' | 'ideal';

/** Options of a {@link QuantumCloud}. */
export interface QuantumCloudOptions {
  /** The provider's party ID. */
  readonly id: string;
  /** Device catalog IDs it offers (the first is the default). */
  readonly devices: readonly string[];
  /** Shared virtual clock (default: a new one at 0). */
  readonly clock?: VirtualClock;
  /** Seed of queue waits. */
  readonly seed?: number | string;
  /** Queue waits drawn log-normally (default) or fixed at the median. */
  readonly queue?: QueueWaitMode;
  readonly simulation?: CloudSimulation;
  /** Noise and simulation-method options of the devices. */
  readonly noise?: DeviceBackendOptions;
  /** The provider's transpiler configuration (level, seed, passes). */
  readonly transpiler?: ProviderTranspilerOptions;
  /** Tenants allowed on the devices; omitted = shared by anyone. */
  readonly dedicatedTo?: readonly string[];
}

/** Totals of what jobs used. */
export interface UsageTotals {
  readonly jobs: number;
  readonly tasks: number;
  readonly circuits: number;
  /** Shots summed over circuits. */
  readonly shots: number;
  readonly billable_s: number;
  readonly queue_wait_s: number;
  readonly cost_usd: number;
}

/** Usage of a cloud, in total and by device and tenant. */
export interface CloudUsage {
  readonly total: UsageTotals;
  readonly byDevice: Readonly<Record<string, UsageTotals>>;
  readonly byTenant: Readonly<Record<string, UsageTotals>>;
}

/** The cloud state a checkpoint carries. */
export interface QuantumCloudState {
  readonly jobs: number;
  readonly queues: Readonly<Record<string, DeviceQueueState>>;
  readonly usage: CloudUsage;
}

interface DeviceSlot {
  readonly profile: DeviceProfile;
  readonly queue: DeviceQueue;
  readonly regions: RegionBackends;
  readonly transpiler: ProviderTranspiler;
}

/** `n` shots drawn without replacement from `counts` (a random subset of i.i.d. shots is i.i.d.). */
function subsampleCounts(counts: Counts, n: number, rng: Rng): Counts {
  const pool: string[] = [];
  for (const [bits, k] of Object.entries(counts)) for (let i = 0; i < k; i++) pool.push(bits);
  const out: Counts = {};
  for (const i of rng.permutation(pool.length).slice(0, n)) {
    const bits = pool[i] as string;
    out[bits] = (out[bits] ?? 0) + 1;
  }
  return out;
}

const EMPTY: UsageTotals = { jobs: 0, tasks: 0, circuits: 0, shots: 0, billable_s: 0, queue_wait_s: 0, cost_usd: 0 };

function add(a: UsageTotals, b: UsageTotals): UsageTotals {
  return {
    jobs: a.jobs + b.jobs, tasks: a.tasks + b.tasks, circuits: a.circuits + b.circuits, shots: a.shots + b.shots,
    billable_s: a.billable_s + b.billable_s, queue_wait_s: a.queue_wait_s + b.queue_wait_s, cost_usd: a.cost_usd + b.cost_usd,
  };
}

/** The honest quantum provider (see the module comment). */
export class QuantumCloud implements QuantumProvider {
  readonly id: string;
  readonly devices: readonly string[];
  readonly clock: VirtualClock;
  readonly simulation: CloudSimulation;
  private readonly slots = new Map<string, DeviceSlot>();
  private readonly ideal = new StatevectorSimulator();
  private readonly dedicatedTo: ReadonlySet<string> | undefined;
  private jobCount = 0;
  private totals: UsageTotals = EMPTY;
  private readonly byDevice = new Map<string, UsageTotals>();
  private readonly byTenant = new Map<string, UsageTotals>();

  constructor(options: QuantumCloudOptions) {
    if (options.devices.length === 0) throw new UsageError(`quantum cloud "${options.id}" needs at least one device`);
    this.id = options.id;
    this.devices = [...options.devices];
    this.clock = options.clock ?? new VirtualClock();
    this.simulation = options.simulation ?? 'noisy';
    this.dedicatedTo = options.dedicatedTo ? new Set(options.dedicatedTo) : undefined;
    for (const id of this.devices) {
      const profile = getDevice(id);
      this.slots.set(id, {
        profile,
        queue: new DeviceQueue(profile, options.queue ?? 'sampled', `${options.seed ?? 0}:${this.id}`),
        regions: new RegionBackends(profile, options.noise),
        transpiler: new ProviderTranspiler(targetForDevice(id), options.transpiler),
      });
    }
  }

  /** The catalog profile of one of the cloud's devices. */
  profile(device: string): DeviceProfile {
    return this.slot(device).profile;
  }

  /** The provider's transpiler for `device` (the lab inspects what it produced). */
  transpilerFor(device: string): ProviderTranspiler {
    return this.slot(device).transpiler;
  }

  /** Queues, runs and bills one job; never sleeps (time passes on the virtual clock). */
  async submit(job: QuantumJob): Promise<JobResult> {
    const arrival = this.clock.now();
    const { slot, device } = this.accept(job);
    const placed = this.place(job, slot);
    const result = this.execute(slot, placed, job, placed.qubits);
    const charge = this.charge(slot, placed, job, result.batchSize);
    const slots = slot.queue.schedule(arrival, charge.taskBillable);
    const started = (slots[0] as (typeof slots)[number]).start;
    const finished = (slots[slots.length - 1] as (typeof slots)[number]).finish;
    return this.finish(job, device, placed, result, charge, { arrival, started, finished, tasks: slots.length });
  }

  /**
   * Runs jobs of different tenants at the same time on disjoint qubits of one device and
   * simulates them together, so that crosstalk between their qubits acts; each job gets its
   * own marginal result and bill. Logical jobs should name a `region` (their layout), native
   * jobs carry their `qubits`; overlapping placements are refused. The merged run uses the
   * largest shot count (a job that asked for fewer gets a random subset of the shots, seeded by
   * its own seed) and is exact only if every job asks for exact values.
   */
  async runCoScheduled(jobs: readonly QuantumJob[]): Promise<JobResult[]> {
    const arrival = this.clock.now();
    if (jobs.length < 2) throw new UsageError(`co-scheduling needs at least two jobs, got ${jobs.length}`);
    if (this.simulation === 'ideal') throw new UsageError('co-scheduling needs the noisy device simulation: an ideal simulation has no chip to share');
    const accepted = jobs.map((j) => this.accept(j));
    const device = accepted[0]?.device as string;
    if (accepted.some((a) => a.device !== device)) throw new UsageError(`co-scheduled jobs must all run on one device (got ${[...new Set(accepted.map((a) => a.device))].join(', ')})`);
    const slot = this.slot(device);
    const placed = jobs.map((j) => this.place(j, slot));
    const merged = mergeParts(jobs.map((j, i) => ({
      placed: placed[i] as PlacedCircuit, output: j.output,
      ...(j.inputs ? { inputs: j.inputs } : {}), ...(j.weights ? { weights: j.weights } : {}),
    })));
    const shots = Math.max(...jobs.map((j) => j.shots));
    const exact = jobs.every((j) => j.exact === true);
    const batch: ExecutionBatch = {
      circuit: merged.circuit, output: merged.output, inputs: merged.inputs, weights: merged.weights,
      ...(merged.output === 'expectations' ? { observables: merged.observables } : {}),
      ...(exact ? {} : { shots }), seed: jobs[0]?.seed ?? 0,
    };
    const full = slot.regions.run(batch, merged.qubits);
    const parts = merged.split(full);
    const charges = jobs.map((j, i) => {
      const c = this.charge(slot, placed[i] as PlacedCircuit, j, parts[i]?.batchSize as number);
      if (c.taskBillable.length > 1) throw new UsageError(`a co-scheduled job must fit in one task of at most ${slot.profile.execution.max_circuits} circuit(s) on ${device}`);
      return c;
    });
    const when = slot.queue.scheduleTogether(arrival, charges.map((c) => c.billable_s));
    const ids = jobs.map(() => this.nextJobId());
    return jobs.map((job, i) => {
      const part = parts[i] as (typeof parts)[number];
      if (part.counts && job.shots < shots) part.counts = part.counts.map((c, b) => subsampleCounts(c, job.shots, new Rng(`${job.seed ?? 0}:co-scheduled:${b}`)));
      const result: ExecutionResult = {
        output: job.output, batchSize: part.batchSize, numQubits: (placed[i] as PlacedCircuit).circuit.numQubits, metadata: {},
        ...(part.expectations ? { expectations: part.expectations, numObservables: (placed[i] as PlacedCircuit).observables.length } : {}),
        ...(part.counts ? { counts: part.counts } : {}),
      };
      const others = ids.filter((_, k) => k !== i);
      return this.finish(job, device, placed[i] as PlacedCircuit, result, charges[i] as JobCharge, {
        arrival, started: when.start, finished: when.start + (charges[i] as JobCharge).billable_s, tasks: 1, id: ids[i] as string, coScheduledWith: others,
      });
    });
  }

  /** What jobs used so far. */
  usage(): CloudUsage {
    return { total: this.totals, byDevice: Object.fromEntries(this.byDevice), byTenant: Object.fromEntries(this.byTenant) };
  }

  /** The state a checkpoint carries (queues, job count, usage). */
  state(): QuantumCloudState {
    return { jobs: this.jobCount, queues: Object.fromEntries([...this.slots].map(([id, s]) => [id, s.queue.state()])), usage: this.usage() };
  }

  /** Restores a checkpointed state. */
  restore(state: QuantumCloudState): void {
    this.jobCount = state.jobs;
    for (const [id, q] of Object.entries(state.queues)) this.slots.get(id)?.queue.restore(q);
    this.totals = state.usage.total;
    this.byDevice.clear();
    this.byTenant.clear();
    for (const [k, v] of Object.entries(state.usage.byDevice)) this.byDevice.set(k, v);
    for (const [k, v] of Object.entries(state.usage.byTenant)) this.byTenant.set(k, v);
  }

  private slot(device: string): DeviceSlot {
    const s = this.slots.get(device);
    if (!s) throw new NotFoundError(`quantum cloud "${this.id}" has no device "${device}" (it offers: ${this.devices.join(', ')})`);
    return s;
  }

  private accept(job: QuantumJob): { slot: DeviceSlot; device: string } {
    const device = job.device ?? (this.devices[0] as string);
    const slot = this.slot(device);
    if (this.dedicatedTo && !this.dedicatedTo.has(job.tenant)) {
      throw new ResourceError(`${device} at "${this.id}" is dedicated to ${[...this.dedicatedTo].join(', ')}; tenant "${job.tenant}" cannot use it`);
    }
    if (!Number.isInteger(job.shots) || job.shots < 1) throw new InputError(`job shots must be a positive integer, got ${job.shots}`, 'JOB_SHAPE');
    if (job.shots > slot.profile.execution.max_shots) throw new InputError(`job shots ${job.shots} exceed ${device}'s limit of ${slot.profile.execution.max_shots} per circuit`, 'JOB_SHAPE');
    if (job.output === 'expectations' && (!job.observables || job.observables.length === 0)) throw new InputError('an expectations job needs at least one observable', 'JOB_SHAPE');
    if (job.output !== 'expectations' && job.output !== 'counts') throw new InputError(`job output must be "expectations" or "counts", got "${String(job.output)}"`, 'JOB_SHAPE');
    if (job.output === 'counts' && job.exact) throw new InputError('a counts job cannot be exact; give it shots', 'JOB_SHAPE');
    return { slot, device };
  }

  private place(job: QuantumJob, slot: DeviceSlot): PlacedCircuit {
    const observables = job.observables ?? [];
    if (job.form === 'logical') {
      if (this.simulation === 'ideal') return { circuit: job.circuit, qubits: Array.from({ length: job.circuit.numQubits }, (_, i) => i), observables };
      if (job.region) checkRegion(slot.profile, job.region);
      return slot.transpiler.place(job.circuit, observables, job.region);
    }
    if (job.form !== 'native') throw new InputError(`job form must be "logical" or "native", got "${String(job.form)}"`, 'JOB_SHAPE');
    const qubits = job.qubits ?? (this.simulation === 'ideal' ? Array.from({ length: job.circuit.numQubits }, (_, i) => i) : undefined);
    if (!qubits) throw new InputError('a native job must say which physical qubits its circuit is placed on (qubits)', 'JOB_SHAPE');
    if (qubits.length !== job.circuit.numQubits) throw new InputError(`a native job's qubits list ${qubits.length} qubit(s) but its circuit has ${job.circuit.numQubits}`, 'JOB_SHAPE');
    if (this.simulation === 'ideal') return { circuit: job.circuit, qubits, observables };
    const sorted = checkRegion(slot.profile, qubits);
    if (sorted.every((q, i) => q === qubits[i])) return { circuit: job.circuit, qubits: sorted, observables };
    const index = new Map(sorted.map((q, i) => [q, i]));
    const to = (i: number) => index.get(qubits[i] as number) as number;
    return { circuit: remapCircuit(job.circuit, to, sorted.length), qubits: sorted, observables: observables.map((o) => remapObservable(o, to)) };
  }

  private execute(slot: DeviceSlot, placed: PlacedCircuit, job: QuantumJob, qubits: readonly number[]): ExecutionResult {
    const batch: ExecutionBatch = {
      circuit: placed.circuit, output: job.output,
      ...(job.output === 'expectations' ? { observables: placed.observables } : {}),
      ...(job.inputs ? { inputs: job.inputs } : {}), ...(job.weights ? { weights: job.weights } : {}),
      ...(job.exact ? {} : { shots: job.shots }), seed: job.seed ?? 0,
    };
    return this.simulation === 'ideal' ? this.ideal.run(batch) : slot.regions.run(batch, qubits);
  }

  private charge(slot: DeviceSlot, placed: PlacedCircuit, job: QuantumJob, batchSize: number): JobCharge {
    const counts = circuitCounts(placed.circuit, placed.qubits.length);
    return chargeJob(slot.profile, batchSize || jobBatchSize(job), job.shots, counts, Math.min(placed.qubits.length, slot.profile.num_qubits));
  }

  private nextJobId(): string {
    return `${this.id}-${++this.jobCount}`;
  }

  private finish(
    job: QuantumJob, device: string, placed: PlacedCircuit, result: ExecutionResult, charge: JobCharge,
    when: { arrival: number; started: number; finished: number; tasks: number; id?: string; coScheduledWith?: readonly string[] },
  ): JobResult {
    const jobId = when.id ?? this.nextJobId();
    const counts = circuitCounts(placed.circuit, placed.qubits.length);
    const metadata: JobMetadata = {
      provider: this.id, device, qubits: placed.qubits, transpiled_by: job.form === 'logical' ? 'provider' : 'client',
      depth: counts.depth, two_qubit_gates: counts.twoQubitGates, circuits: result.batchSize, tasks: when.tasks, shots: job.shots,
      submitted_at_s: when.arrival, started_at_s: when.started, finished_at_s: when.finished,
      queue_wait_s: Math.max(0, when.finished - when.arrival - charge.billable_s),
      overhead_s: charge.overhead_s, execution_s: charge.execution_s, billable_s: charge.billable_s, cost_usd: charge.cost_usd,
      ...(when.coScheduledWith ? { co_scheduled_with: when.coScheduledWith } : {}),
    };
    const used: UsageTotals = {
      jobs: 1, tasks: when.tasks, circuits: result.batchSize, shots: result.batchSize * job.shots,
      billable_s: charge.billable_s, queue_wait_s: metadata.queue_wait_s, cost_usd: charge.cost_usd,
    };
    this.totals = add(this.totals, used);
    this.byDevice.set(device, add(this.byDevice.get(device) ?? EMPTY, used));
    this.byTenant.set(job.tenant, add(this.byTenant.get(job.tenant) ?? EMPTY, used));
    return {
      jobId, tenant: job.tenant, output: job.output, batchSize: result.batchSize,
      ...(result.expectations ? { expectations: result.expectations, numObservables: result.numObservables ?? placed.observables.length } : {}),
      ...(result.counts ? { counts: result.counts } : {}),
      metadata,
    };
  }
}
