/**
 * What crosses the boundary between a client and a quantum cloud: a job (one circuit template ×
 * many bindings × observables or a shot count, from a tenant) and its result (values plus what
 * the run cost in time and money). `QuantumProvider` is the seam: the honest provider, a
 * malicious one wrapping it, and a defended client's view of it all have this shape.
 */
import type { Circuit } from '../circuit/circuit.js';
import type { Counts } from '../sim/backend.js';
import type { Observable } from '../sim/pauli.js';

/**
 * How a job's circuit is written. `logical`: on virtual qubits in any gates — the provider
 * transpiles it and so sees the encoding circuit and the PQC as designed. `native`: already
 * transpiled by the client, in the device's native gates on its couplers, placed on the
 * physical qubits `qubits` (circuit qubit i is physical qubit `qubits[i]`).
 */
export type JobForm = 'logical' | 'native';

/** What a job returns: expectation values of observables, or measured counts. */
export type JobOutput = 'expectations' | 'counts';

/** One job submitted to a quantum cloud. */
export interface QuantumJob {
  /** Who submits (the tenant's account). */
  readonly tenant: string;
  /** Device to run on (default: the provider's first device). */
  readonly device?: string;
  readonly form: JobForm;
  readonly circuit: Circuit;
  /** Native jobs: physical qubit of each circuit qubit. */
  readonly qubits?: readonly number[];
  /** Logical jobs: physical qubits the provider should lay the circuit out on (virtual qubit v → `region[v]`). */
  readonly region?: readonly number[];
  readonly output: JobOutput;
  /** For `expectations`: Pauli sums on the circuit's qubits. */
  readonly observables?: readonly Observable[];
  /** One row of features per binding (the circuit's `x[i]`). */
  readonly inputs?: readonly ArrayLike<number>[];
  /** Weights shared by every binding, or one vector per binding (the circuit's `w[j]`). */
  readonly weights?: ArrayLike<number> | readonly ArrayLike<number>[];
  /** Shots per circuit (what the device runs and bills). */
  readonly shots: number;
  /**
   * Return exact expectation values of the (noisy) final state instead of shot estimates — a
   * simulation convenience for tests and ideal runs; the job is still timed and billed for `shots`.
   */
  readonly exact?: boolean;
  /** Seed of the shot sampling (default 0). */
  readonly seed?: number;
  /** Free text for logs, e.g. `train epoch 3 batch 2`. */
  readonly label?: string;
}

/** Time, money and placement of a finished job. */
export interface JobMetadata {
  readonly provider: string;
  readonly device: string;
  /** Physical qubits the job occupied. */
  readonly qubits: readonly number[];
  /** Who transpiled: the provider (logical job) or the client (native job). */
  readonly transpiled_by: 'provider' | 'client';
  /** Depth and two-qubit gate count of the circuit that ran. */
  readonly depth: number;
  readonly two_qubit_gates: number;
  /** Circuits executed (one per binding) and the tasks they were split into (`max_circuits`). */
  readonly circuits: number;
  readonly tasks: number;
  readonly shots: number;
  /** Virtual times, seconds since the start of the run. */
  readonly submitted_at_s: number;
  readonly started_at_s: number;
  readonly finished_at_s: number;
  /** Time between submission and completion not spent running this job. */
  readonly queue_wait_s: number;
  /** Per-job start-up the provider bills (per task). */
  readonly overhead_s: number;
  /** Circuit execution time (per-circuit overhead and shots). */
  readonly execution_s: number;
  readonly billable_s: number;
  readonly cost_usd: number;
  /** Jobs of other tenants that shared the chip during this one (co-scheduling). */
  readonly co_scheduled_with?: readonly string[];
}

/** What a job returns. */
export interface JobResult {
  readonly jobId: string;
  readonly tenant: string;
  readonly output: JobOutput;
  /** Number of bindings B. */
  readonly batchSize: number;
  /** B × K row-major expectation values (for `expectations`). */
  readonly expectations?: Float64Array;
  readonly numObservables?: number;
  /** One Counts per binding (for `counts`). */
  readonly counts?: readonly Counts[];
  readonly metadata: JobMetadata;
}

/**
 * A quantum cloud as its customers see it: accept a job, queue it, transpile it when it is
 * logical, run it on one of its devices with that device's noise, charge for it, return the
 * result. Queueing happens on a virtual clock: `submit` never sleeps.
 *
 * Adversaries and defenses are decorators: `class Thief implements QuantumProvider {
 * constructor(private inner: QuantumProvider) {} … }`. Nothing in the honest path knows which
 * one it is talking to.
 */
export interface QuantumProvider {
  /** The provider's party ID in the deployment. */
  readonly id: string;
  /** Device catalog IDs it offers. */
  readonly devices: readonly string[];
  submit(job: QuantumJob): Promise<JobResult>;
}

/** Number of bindings of a job (1 when it has neither inputs nor per-binding weights). */
export function jobBatchSize(job: Pick<QuantumJob, 'inputs' | 'weights'>): number {
  if (job.inputs !== undefined) return job.inputs.length;
  const w = job.weights;
  if (w !== undefined && w.length > 0 && typeof (w as ArrayLike<unknown>)[0] === 'object') return w.length;
  return 1;
}
