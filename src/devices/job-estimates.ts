/**
 * Latency and cost of a job on a device, from its queue, execution and price models. These
 * are what the cloud layer charges and what the rerouting and denial-of-service scenarios
 * measure.
 *
 * Time: `execution = circuits × (per_circuit_overhead + shots × (shot_overhead + depth × layer_time))`,
 * `billable = per_job_overhead + execution`, `total = queue wait + billable`.
 * Cost: per second of billable time (IBM), per task + per shot (Braket: one task per circuit),
 * or Quantinuum HQC per circuit converted to USD.
 */
import { InputError } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import type { DeviceProfile } from './schema.js';

/** The shape of a job: how much quantum work it asks for. */
export interface JobShape {
  readonly shots: number;
  /** Circuits in the job (default 1). */
  readonly circuits?: number;
  /** Layers of the transpiled circuit (each costs one `layer_time`). */
  readonly depth: number;
  /** Qubits used (default: the device's qubit count); sets the HQC gate-count defaults. */
  readonly qubits?: number;
  /** Per circuit; default depth × qubits. */
  readonly oneQubitGates?: number;
  /** Per circuit; default depth × ⌊qubits / 2⌋. */
  readonly twoQubitGates?: number;
  /** Per circuit; default qubits. */
  readonly measurements?: number;
}

/** Seconds a job spends waiting and running. */
export interface JobTimeEstimate {
  /** Median queue wait. */
  readonly queue_wait_s: number;
  readonly overhead_s: number;
  readonly execution_s: number;
  /** Time the provider bills for (overhead + execution). */
  readonly billable_s: number;
  readonly total_s: number;
  readonly shot_time_us: number;
}

/** Price of a job. */
export interface JobCostEstimate {
  readonly usd: number;
  readonly model: DeviceProfile['price']['kind'];
  /** Billable seconds (per-second pricing). */
  readonly billable_s?: number;
  /** Tasks charged (per-task pricing). */
  readonly tasks?: number;
  /** Quantinuum credits (HQC pricing). */
  readonly hqc?: number;
}

interface ResolvedJob {
  shots: number;
  circuits: number;
  depth: number;
  qubits: number;
  oneQubitGates: number;
  twoQubitGates: number;
  measurements: number;
}

function wholeNumber(value: number | undefined, name: string, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InputError(`job ${name} must be an integer in ${min}..${max}, got ${value}`, 'JOB_SHAPE');
  }
}

/** Checks a job against the device's limits and fills in the defaults. */
export function resolveJob(p: DeviceProfile, job: JobShape): ResolvedJob {
  wholeNumber(job.shots, 'shots', 1);
  if (job.shots > p.execution.max_shots) {
    throw new InputError(`job shots ${job.shots} exceed ${p.id}'s limit of ${p.execution.max_shots} per circuit; split the job`, 'JOB_SHAPE');
  }
  wholeNumber(job.circuits, 'circuits', 1);
  wholeNumber(job.depth, 'depth', 0);
  wholeNumber(job.qubits, 'qubits', 1, p.num_qubits);
  wholeNumber(job.oneQubitGates, 'oneQubitGates', 0);
  wholeNumber(job.twoQubitGates, 'twoQubitGates', 0);
  wholeNumber(job.measurements, 'measurements', 0);
  const qubits = job.qubits ?? p.num_qubits;
  return {
    shots: job.shots,
    circuits: job.circuits ?? 1,
    depth: job.depth,
    qubits,
    oneQubitGates: job.oneQubitGates ?? job.depth * qubits,
    twoQubitGates: job.twoQubitGates ?? job.depth * Math.floor(qubits / 2),
    measurements: job.measurements ?? qubits,
  };
}

/** Time estimate of a job (median queue wait). */
export function estimatedJobTime(p: DeviceProfile, job: JobShape): JobTimeEstimate {
  const j = resolveJob(p, job);
  const shotTimeUs = p.execution.shot_overhead_us + (j.depth * p.execution.layer_time_ns) / 1000;
  const execution = j.circuits * (p.queue.per_circuit_overhead_s + j.shots * shotTimeUs * 1e-6);
  const billable = p.queue.per_job_overhead_s + execution;
  return {
    queue_wait_s: p.queue.median_wait_s,
    overhead_s: p.queue.per_job_overhead_s,
    execution_s: execution,
    billable_s: billable,
    total_s: p.queue.median_wait_s + billable,
    shot_time_us: shotTimeUs,
  };
}

/** Quantinuum credits of one circuit: base + shots·(w1·N1q + w2·N2q + wm·Nm)/divisor. */
export function hqcPerCircuit(
  price: Extract<DeviceProfile['price'], { kind: 'hqc' }>,
  shots: number,
  counts: { oneQubitGates: number; twoQubitGates: number; measurements: number },
): number {
  const weighted = price.weight_1q * counts.oneQubitGates + price.weight_2q * counts.twoQubitGates + price.weight_measure * counts.measurements;
  return price.base_hqc + (shots * weighted) / price.divisor;
}

/** Cost estimate of a job in USD. */
export function estimatedJobCost(p: DeviceProfile, job: JobShape): JobCostEstimate {
  const j = resolveJob(p, job);
  const price = p.price;
  switch (price.kind) {
    case 'per_second': {
      const billable = estimatedJobTime(p, job).billable_s;
      return { usd: price.usd_per_second * billable, model: price.kind, billable_s: billable };
    }
    case 'per_task_per_shot':
      return { usd: j.circuits * (price.usd_per_task + j.shots * price.usd_per_shot), model: price.kind, tasks: j.circuits };
    case 'hqc': {
      const hqc = j.circuits * hqcPerCircuit(price, j.shots, j);
      return { usd: hqc * price.usd_per_hqc, model: price.kind, hqc };
    }
  }
}

/** One draw of the queue wait (log-normal around the median), seconds. */
export function sampleQueueWait(p: DeviceProfile, rng: Rng): number {
  return p.queue.median_wait_s * Math.exp(p.queue.wait_log_sigma * rng.normal());
}
