/**
 * The malicious quantum cloud of scenario 4 (QML.T0057 allocate jobs to lower-quality hardware,
 * QML.T0058 reroute to slow or congested devices): a decorator of an honest provider that
 * silently runs a job on a different, worse device than the one the customer asked for, reports
 * the requested device in the result's metadata (with the qubits and the bill the requested
 * device would have produced), and may hold jobs back for extra virtual time.
 *
 * Logical jobs are simply sent to the other device (the provider transpiles anyway). A native
 * (client-transpiled) job is moved onto qubits of the other chip whose couplers match the ones
 * it uses; a job that cannot run there unchanged is executed honestly, since rerouting it would
 * fail loudly and give the fraud away.
 */
import { InputError, UsageError } from '../../../core/errors.js';
import { Rng, type Seed } from '../../../core/rng.js';
import type { Circuit } from '../../../circuit/circuit.js';
import { chargeJob } from '../../../cloud/job-accounting.js';
import type { JobMetadata, JobResult, QuantumJob, QuantumProvider } from '../../../cloud/job.js';
import { getDevice } from '../../../devices/catalog.js';
import type { DeviceProfile } from '../../../devices/schema.js';
import { equivalentRegion, usedCouplers } from './region-map.js';

/** Options of a {@link ReroutingProvider}. */
export interface ReroutingOptions {
  /** Requested device → device actually used (e.g. `{ ibm_nairobi: 'ibm_lagos' }`). */
  readonly routes: Readonly<Record<string, string>>;
  /** Fraction of eligible jobs rerouted, 0..1 (default 1: all of them). */
  readonly fraction?: number;
  /** Virtual seconds each rerouted job is held before it is queued (default 0). */
  readonly holdSeconds?: number;
  /** Seed of the choice of which jobs to reroute. */
  readonly seed?: Seed;
  /** Devices the provider advertises (default: all of the inner provider's, hidden ones included). */
  readonly advertised?: readonly string[];
}

/** What the provider did with one job (its own books, invisible to the customer). */
export interface RerouteRecord {
  readonly jobId: string;
  readonly requested: string;
  /** Device that actually ran the job. */
  readonly actual: string;
  readonly rerouted: boolean;
  /** Why an eligible job ran where requested. */
  readonly reason?: string;
  /** What the customer was billed (the requested device's price for the job). */
  readonly billed_usd: number;
  /** The list price of the job on the device that ran it. */
  readonly actual_usd: number;
  /** Billable seconds of the job on the requested device (QPU time the provider did not spend there). */
  readonly requested_billable_s: number;
  readonly actual_billable_s: number;
  readonly held_s: number;
}

/** Coupler pairs among `qubits` of `profile` (the induced coupling graph of a region). */
function inducedCouplers(profile: DeviceProfile, qubits: readonly number[]): [number, number][] {
  const inRegion = new Set(qubits);
  return profile.coupling_map.filter(([a, b]) => inRegion.has(a) && inRegion.has(b)).map(([a, b]) => [a, b]);
}

function gatesOf(circuit: Circuit): Set<string> {
  const out = new Set<string>();
  for (const op of circuit.ops) if (op.kind === 'gate') out.add(op.name);
  return out;
}

function isNative(profile: DeviceProfile, gates: ReadonlySet<string>): boolean {
  const native = new Set([...profile.native_gates.one_qubit, ...profile.native_gates.two_qubit, ...profile.native_gates.extras, 'id']);
  return [...gates].every((g) => native.has(g));
}

/** A quantum provider that silently reroutes jobs to worse devices (see the module comment). */
export class ReroutingProvider implements QuantumProvider {
  readonly id: string;
  readonly devices: readonly string[];
  /** One record per job, in submission order. */
  readonly log: RerouteRecord[] = [];
  private readonly routes: ReadonlyMap<string, string>;
  private readonly fraction: number;
  private readonly holdSeconds: number;
  private readonly rng: Rng;

  constructor(private readonly inner: QuantumProvider, options: ReroutingOptions) {
    this.id = inner.id;
    this.devices = [...(options.advertised ?? inner.devices)];
    const fraction = options.fraction ?? 1;
    if (!(fraction >= 0 && fraction <= 1)) throw new UsageError(`the rerouted fraction must lie in [0, 1], got ${fraction}`);
    const hold = options.holdSeconds ?? 0;
    if (!Number.isFinite(hold) || hold < 0) throw new UsageError(`the hold time must be a non-negative number of seconds, got ${hold}`);
    const entries = Object.entries(options.routes);
    if (entries.length === 0) throw new UsageError('a rerouting provider needs at least one route (requested device → device used)');
    for (const [from, to] of entries) {
      for (const d of [from, to]) {
        if (!inner.devices.includes(d)) throw new UsageError(`route ${from} → ${to}: provider "${inner.id}" runs no device "${d}" (it runs: ${inner.devices.join(', ')})`);
      }
    }
    for (const d of this.devices) if (!inner.devices.includes(d)) throw new UsageError(`provider "${inner.id}" cannot advertise "${d}": it runs ${inner.devices.join(', ')}`);
    this.routes = new Map(entries);
    this.fraction = fraction;
    this.holdSeconds = hold;
    this.rng = new Rng(`${options.seed ?? 0}:reroute`);
  }

  async submit(job: QuantumJob): Promise<JobResult> {
    const requested = job.device ?? (this.devices[0] as string);
    if (!this.devices.includes(requested)) throw new InputError(`provider "${this.id}" offers no device "${requested}" (it offers: ${this.devices.join(', ')})`, 'JOB_SHAPE');
    const target = this.routes.get(requested);
    const draw = this.rng.random();
    if (target === undefined || target === requested || draw >= this.fraction) return this.honest(job, requested);
    const from = getDevice(requested);
    const to = getDevice(target);
    let moved: QuantumJob;
    if (job.form === 'native') {
      if (!job.qubits) return this.honest(job, requested, 'native job without qubits');
      if (!isNative(to, gatesOf(job.circuit))) return this.honest(job, requested, `gates not native on ${target}`);
      const image = equivalentRegion(to, job.qubits, usedCouplers(job.circuit, job.qubits));
      if (!image) return this.honest(job, requested, `no region of ${target} has the job's couplers`);
      moved = { ...job, device: target, qubits: image };
    } else {
      const region = job.region && equivalentRegion(to, job.region, inducedCouplers(from, job.region));
      const { region: _dropped, ...rest } = job;
      moved = { ...rest, device: target, ...(region ? { region } : {}) };
    }
    const result = await this.inner.submit(moved);
    return this.disguise(job, requested, from, to, result);
  }

  private async honest(job: QuantumJob, requested: string, reason?: string): Promise<JobResult> {
    const result = await this.inner.submit(job.device ? job : { ...job, device: requested });
    const md = result.metadata;
    this.log.push({
      jobId: result.jobId, requested, actual: requested, rerouted: false, ...(reason ? { reason } : {}),
      billed_usd: md.cost_usd, actual_usd: md.cost_usd, requested_billable_s: md.billable_s, actual_billable_s: md.billable_s, held_s: 0,
    });
    return result;
  }

  /** Rewrites the metadata so that the job looks as if it had run where requested. */
  private disguise(job: QuantumJob, requested: string, from: DeviceProfile, to: DeviceProfile, result: JobResult): JobResult {
    const md = result.metadata;
    let qubits: readonly number[];
    if (job.form === 'native' && job.qubits) qubits = [...job.qubits].sort((a, b) => a - b);
    else qubits = (equivalentRegion(from, md.qubits, inducedCouplers(to, md.qubits)) ?? [...md.qubits]).sort((a, b) => a - b);
    const charge = chargeJob(from, md.circuits, md.shots, { depth: md.depth, oneQubitGates: 0, twoQubitGates: md.two_qubit_gates, measurements: qubits.length }, qubits.length);
    // The result arrives when it really does (the customer sees that); the bill and the run
    // time are the requested device's.
    const hold = this.holdSeconds;
    const finished = md.finished_at_s + hold;
    const started = Math.max(md.submitted_at_s, finished - charge.billable_s);
    const metadata: JobMetadata = {
      ...md,
      device: requested,
      qubits,
      started_at_s: started,
      finished_at_s: finished,
      queue_wait_s: Math.max(0, finished - md.submitted_at_s - charge.billable_s),
      overhead_s: charge.overhead_s,
      execution_s: charge.execution_s,
      billable_s: charge.billable_s,
      cost_usd: charge.cost_usd,
    };
    this.log.push({
      jobId: result.jobId, requested, actual: to.id, rerouted: true,
      billed_usd: charge.cost_usd, actual_usd: md.cost_usd, requested_billable_s: charge.billable_s, actual_billable_s: md.billable_s, held_s: hold,
    });
    return { ...result, metadata };
  }
}
