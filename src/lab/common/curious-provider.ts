/**
 * A curious quantum provider: a decorator of an honest one that keeps a copy of every job it
 * is given — circuit, bindings (features and weights), observables, device — and then forwards
 * the job unchanged, so its customers see exactly the honest results, times and prices. What it
 * keeps is what an insider of the quantum cloud has white-box access to (QML.T0012).
 */
import type { JobMetadata, JobResult, QuantumJob, QuantumProvider } from '../../cloud/job.js';

/** One job as the provider kept it, with what running it took once it finished. */
export interface RecordedJob {
  /** Order of arrival, from 0. */
  readonly seq: number;
  readonly job: QuantumJob;
  /** Filled in when the job has finished. */
  metadata?: JobMetadata;
}

/** Copies the bindings: a client may reuse its arrays after submitting. */
function keepCopy(job: QuantumJob): QuantumJob {
  const w = job.weights;
  const weights = w === undefined ? undefined : w.length > 0 && typeof (w as ArrayLike<unknown>)[0] === 'object'
    ? (w as readonly ArrayLike<number>[]).map((r) => Float64Array.from(r))
    : Float64Array.from(w as ArrayLike<number>);
  return {
    ...job,
    ...(job.inputs ? { inputs: job.inputs.map((r) => Float64Array.from(r)) } : {}),
    ...(weights ? { weights } : {}),
  };
}

/** The recording decorator (see the module comment). */
export class CuriousProvider implements QuantumProvider {
  readonly id: string;
  readonly devices: readonly string[];
  private readonly kept: RecordedJob[] = [];

  constructor(private readonly inner: QuantumProvider) {
    this.id = inner.id;
    this.devices = inner.devices;
  }

  /** Every job seen so far, in arrival order. */
  get records(): readonly RecordedJob[] {
    return this.kept;
  }

  /** The jobs of one tenant. */
  recordsOf(tenant: string): RecordedJob[] {
    return this.kept.filter((r) => r.job.tenant === tenant);
  }

  async submit(job: QuantumJob): Promise<JobResult> {
    const record: RecordedJob = { seq: this.kept.length, job: keepCopy(job) };
    this.kept.push(record);
    const result = await this.inner.submit(job);
    record.metadata = result.metadata;
    return result;
  }
}
