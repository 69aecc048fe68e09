/**
 * The channel between a submitting party and a quantum provider: a `QuantumProvider` decorator
 * that records, in the exposure ledger, what every job shows the provider and who receives the
 * results. It sits exactly on the trust boundary: client-side decorators (defenses) wrap it, so
 * what is recorded is what actually left the client; provider-side decorators (adversaries) are
 * inside it and receive exactly what is recorded.
 *
 * What a job exposes, by its form:
 * - logical (the provider transpiles): the encoding circuit (if the template reads inputs), the
 *   PQC architecture (if it reads weights), the weights and the features bound to it;
 * - native (the client transpiled): the transpiled circuit — encoding and ansatz rewritten into
 *   native gates, still readable by a determined provider — and the bound weights and features.
 * Training jobs of a provider that transpiles are step S3 (the provider receives the logical
 * circuits); other training jobs are S4; inference jobs are I2. Results go to `resultsTo`.
 */
import type { LedgerAsset, WorkflowStep } from '../deploy/vocabulary.js';
import type { JobResult, QuantumJob, QuantumProvider } from './job.js';
import type { TrustBoundary } from './trust-boundary.js';

/** Training or serving. */
export type PipelinePhase = 'training' | 'inference';

/** Where a channel leads. */
export interface ChannelRoute {
  /** The submitting party. */
  readonly from: string;
  /** The party that receives the measurement outputs. */
  readonly resultsTo: string;
  readonly phase: PipelinePhase;
}

/** The assets a job shows its provider (see the module comment). */
export function jobAssets(job: QuantumJob, phase: PipelinePhase): LedgerAsset[] {
  const out: LedgerAsset[] = [];
  if (job.form === 'logical') {
    if (job.circuit.numInputs > 0) out.push('encoding-circuit');
    if (job.circuit.numWeights > 0) out.push('pqc-architecture');
  } else out.push('transpiled-circuit');
  if (job.circuit.numWeights > 0 && job.weights !== undefined) out.push('trained-weights');
  if (job.circuit.numInputs > 0 && job.inputs !== undefined) out.push(phase === 'training' ? 'preprocessed-features' : 'inference-features');
  return out;
}

/** The workflow step at which a job crosses (see the module comment). */
export function jobStep(job: QuantumJob, phase: PipelinePhase): WorkflowStep {
  if (phase === 'inference') return 'I2';
  return job.form === 'logical' ? 'S3' : 'S4';
}

/** A provider seen through the trust boundary (see the module comment). */
export class ProviderChannel implements QuantumProvider {
  readonly id: string;
  readonly devices: readonly string[];

  constructor(private readonly inner: QuantumProvider, private readonly boundary: TrustBoundary, readonly route: ChannelRoute) {
    this.id = inner.id;
    this.devices = inner.devices;
  }

  async submit(job: QuantumJob): Promise<JobResult> {
    const { from, resultsTo, phase } = this.route;
    const note = job.form === 'logical' ? 'circuits with features and weights bound' : 'native circuits with features and weights bound as rotation angles';
    this.boundary.send(jobStep(job, phase), from, this.id, jobAssets(job, phase), job, note);
    const result = await this.inner.submit(job);
    const outputs = job.output === 'counts' ? 'counts' : 'expectation values';
    return this.boundary.send(phase === 'training' ? 'S4' : 'I2', this.id, resultsTo, ['measurement-outputs'], result, outputs, result.metadata.finished_at_s);
  }
}
