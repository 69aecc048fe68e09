/**
 * The model host (I1) and the serving endpoint (I2) of a deployment. Hosting hands the trained
 * model over across trust boundaries: the weights from the optimiser, the encoding circuit and
 * PQC from the designer, and the whole model from the host to the party that answers queries.
 * Each query then goes client → server (inference queries), is preprocessed and bound by the
 * server, runs on the quantum clouds exactly as training circuits do (step I2), and the answer —
 * a label, rounded probabilities or probabilities, as the deployment's `serving.returns` says —
 * goes back to the client (predictions).
 */
import { UsageError } from '../core/errors.js';
import type { Serving } from '../deploy/deployment.js';
import type { ModelArtifact } from '../qml/artifact.js';
import type { HybridModel } from '../qml/model.js';
import type { JobResult } from './job.js';
import type { DeploymentPipeline } from './pipeline.js';
import { awaitJobs } from './training-loop.js';

/** One answer of the serving endpoint. */
export interface ServedAnswer {
  readonly label: string;
  /** Present when the deployment returns probabilities (rounded when it says so). */
  readonly probabilities?: number[];
}

/** The hosted model of a deployment (see the module comment). */
export class ModelHost {
  private queries = 0;

  private constructor(readonly pipeline: DeploymentPipeline, readonly artifact: ModelArtifact, readonly model: HybridModel, readonly serving: Serving) {}

  /** Hands the trained model to the host and the serving endpoint (step I1). */
  static host(pipeline: DeploymentPipeline, artifact: ModelArtifact, model: HybridModel): ModelHost {
    const { roles, deployment } = pipeline;
    if (!deployment.serving || roles.host === undefined || roles.server === undefined) {
      throw new UsageError(`deployment "${deployment.name}" does not serve its model (no serving section)`);
    }
    pipeline.send('I1', roles.optimizer, roles.host, ['trained-weights'], artifact, 'final trained parameters');
    pipeline.send('I1', roles.designer, roles.host, ['encoding-circuit', 'pqc-architecture'], artifact, 'trained model package');
    pipeline.send('I1', roles.host, roles.server, ['encoding-circuit', 'pqc-architecture', 'trained-weights'], artifact, 'model deployed to the serving endpoint');
    return new ModelHost(pipeline, artifact, model, deployment.serving);
  }

  /** Answers `rows` (raw feature rows) from API client `client`. */
  async answer(client: string, rows: readonly (readonly number[])[]): Promise<{ answers: ServedAnswer[]; jobs: readonly JobResult[] }> {
    const { roles } = this.pipeline;
    const server = roles.server as string;
    if (!roles.clients.includes(client)) throw new UsageError(`"${client}" is not an API client of deployment "${this.pipeline.deployment.name}" (clients: ${roles.clients.join(', ') || 'none'})`);
    this.pipeline.send('I2', client, server, ['inference-queries'], rows, 'client inputs');
    const features = this.model.features(rows.map((r) => [...r]));
    const executor = this.pipeline.executor(this.queries++, 'inference');
    const { value: p, jobs } = await executor.settle(() => this.model.probabilitiesFromFeatures(features, executor, this.pipeline.seed + this.queries));
    awaitJobs(this.pipeline, jobs);
    const C = this.model.classes.length;
    const answers = rows.map((_, b): ServedAnswer => {
      const probs = Array.from(p.subarray(b * C, (b + 1) * C));
      let best = 0;
      for (let c = 1; c < C; c++) if ((probs[c] as number) > (probs[best] as number)) best = c;
      const label = this.model.classes[best] as string;
      if (this.serving.returns === 'label') return { label };
      if (this.serving.returns === 'probabilities') return { label, probabilities: probs };
      const f = 10 ** (this.serving.roundingDigits ?? 2);
      return { label, probabilities: probs.map((v) => Math.round(v * f) / f) };
    });
    this.pipeline.send('I2', server, client, ['predictions'], answers, `API answers (${this.serving.returns})`);
    return { answers, jobs };
  }
}
