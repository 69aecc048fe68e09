/**
 * Splitting jobs across quantum providers (a client-side defense, QML.M0010): every binding of a
 * job goes to one of several providers chosen by a keyed hash of its feature row, so a sample
 * always goes to the same provider — epoch after epoch, in every parameter-shifted copy — and
 * each provider sees only its share of the data. The parts run in parallel and their results are
 * put back in the job's order; the client pays for more jobs (one per provider and job), and
 * every provider still sees the circuit and the weights.
 *
 * One `SampleSplitter` is shared by the client views of all routes of a pipeline: each view
 * registers the provider channel it wraps, and jobs are split over the channels registered so far
 * (ordered by provider id).
 */
import { InputError } from '../../core/errors.js';
import type { Counts } from '../../sim/backend.js';
import type { JobMetadata, JobResult, QuantumJob, QuantumProvider } from '../../cloud/job.js';

/** Counters of a splitter. */
export interface SplitStats {
  /** Jobs the client submitted. */
  jobs: number;
  /** Jobs actually sent to providers. */
  parts: number;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function perBindingWeights(job: QuantumJob): readonly ArrayLike<number>[] | undefined {
  const w = job.weights;
  return w !== undefined && w.length > 0 && typeof (w as ArrayLike<unknown>)[0] === 'object' ? (w as readonly ArrayLike<number>[]) : undefined;
}

function merge(parts: readonly JobResult[]): JobMetadata {
  const m = parts.map((p) => p.metadata);
  const first = m[0] as JobMetadata;
  const sum = (f: (x: JobMetadata) => number) => m.reduce((a, x) => a + f(x), 0);
  return {
    ...first,
    provider: [...new Set(m.map((x) => x.provider))].join('+'),
    device: [...new Set(m.map((x) => x.device))].join('+'),
    depth: Math.max(...m.map((x) => x.depth)),
    two_qubit_gates: Math.max(...m.map((x) => x.two_qubit_gates)),
    circuits: sum((x) => x.circuits),
    tasks: sum((x) => x.tasks),
    submitted_at_s: Math.min(...m.map((x) => x.submitted_at_s)),
    started_at_s: Math.min(...m.map((x) => x.started_at_s)),
    finished_at_s: Math.max(...m.map((x) => x.finished_at_s)),
    queue_wait_s: Math.max(...m.map((x) => x.queue_wait_s)),
    overhead_s: sum((x) => x.overhead_s),
    execution_s: sum((x) => x.execution_s),
    billable_s: sum((x) => x.billable_s),
    cost_usd: sum((x) => x.cost_usd),
  };
}

/** The shared splitter (see the module comment). */
export class SampleSplitter {
  readonly stats: SplitStats = { jobs: 0, parts: 0 };
  private readonly channels = new Map<string, QuantumProvider>();

  /** `secret` keys the hash, so providers cannot predict which samples the others get. */
  constructor(private readonly secret: string) {}

  /** Registers `channel` and returns the client's view of it, which splits every job. */
  view(channel: QuantumProvider): QuantumProvider {
    this.channels.set(channel.id, channel);
    return { id: channel.id, devices: channel.devices, submit: (job) => this.submit(job) };
  }

  /** Provider index (in id order) that a feature row goes to, among `count` providers. */
  shareOf(row: ArrayLike<number>, count: number): number {
    return fnv1a(`${this.secret}|${Array.prototype.join.call(row, ',')}`) % count;
  }

  private async submit(job: QuantumJob): Promise<JobResult> {
    this.stats.jobs++;
    const providers = [...this.channels.keys()].sort().map((id) => this.channels.get(id) as QuantumProvider);
    if (providers.length === 0) throw new InputError('the job splitter has no provider to send to', 'SPLIT');
    const inputs = job.inputs;
    if (!inputs || inputs.length === 0 || providers.length === 1) {
      this.stats.parts++;
      return (providers[0] as QuantumProvider).submit(job);
    }
    const groups: number[][] = providers.map(() => []);
    inputs.forEach((row, i) => (groups[this.shareOf(row, providers.length)] as number[]).push(i));
    const perBinding = perBindingWeights(job);
    const sends = groups.map((idx, p) => ({ idx, p })).filter((g) => g.idx.length > 0);
    this.stats.parts += sends.length;
    const results = await Promise.all(sends.map(({ idx, p }) => (providers[p] as QuantumProvider).submit({
      ...job,
      inputs: idx.map((i) => inputs[i] as ArrayLike<number>),
      ...(perBinding ? { weights: idx.map((i) => perBinding[i] as ArrayLike<number>) } : {}),
    })));
    const B = inputs.length;
    const first = results[0] as JobResult;
    const K = first.numObservables ?? 0;
    let expectations: Float64Array | undefined;
    let counts: Counts[] | undefined;
    if (first.expectations) {
      expectations = new Float64Array(B * K);
      sends.forEach(({ idx }, s) => idx.forEach((i, j) => expectations?.set((results[s] as JobResult).expectations?.subarray(j * K, (j + 1) * K) ?? [], i * K)));
    }
    if (first.counts) {
      counts = new Array<Counts>(B);
      sends.forEach(({ idx }, s) => idx.forEach((i, j) => {
        (counts as Counts[])[i] = (results[s] as JobResult).counts?.[j] ?? {};
      }));
    }
    return {
      jobId: results.map((r) => r.jobId).join('+'), tenant: job.tenant, output: job.output, batchSize: B,
      ...(expectations ? { expectations, numObservables: K } : {}), ...(counts ? { counts } : {}),
      metadata: merge(results),
    };
  }
}
