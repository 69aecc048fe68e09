/**
 * The model runtime the lab serves its victims with: the cloud room's runtime (artifact
 * verification, training of specs and deployments), except that predictions carry shot noise —
 * each request is a fresh seeded batch of `shots` measurements, as on a QPU, where the cloud
 * runtime answers exactly — and that a `decorate` hook lets the service side wrap every served
 * model (output obfuscation, query journal) without the API knowing.
 */
import { UsageError } from '../../core/errors.js';
import { modelRuntime as cloudRuntime } from '../../cloud/runtime.js';
import { argmaxRows } from '../../qml/metrics.js';
import { loadArtifact } from '../../qml/artifact.js';
import type { HybridModel } from '../../qml/model.js';
import { simulatorExecutor } from '../../qml/runner.js';
import type { LoadedArtifact, ModelRuntime, Prediction, ServedModel } from '../../service/model-runtime.js';

/** How the lab serves models. */
export interface LabServingOptions {
  /** Shots per prediction request (undefined = exact expectation values, no shot noise). */
  readonly shots?: number;
  /** Seed of the stream of per-request measurement seeds. */
  readonly seed?: number;
  /** Service-side wrapper applied to every served model. */
  readonly decorate?: (model: ServedModel) => ServedModel;
}

/** A hybrid model answering prediction requests, with fresh shot noise per request. */
export function servedHybridModel(model: HybridModel, options: Pick<LabServingOptions, 'shots' | 'seed'> = {}): ServedModel {
  if (options.shots !== undefined && !(Number.isInteger(options.shots) && options.shots >= 1)) {
    throw new UsageError(`shots must be a positive integer, got ${options.shots}`);
  }
  const executor = simulatorExecutor('statevector', options.shots);
  let request = 0;
  const base = options.seed ?? 0;
  const C = model.classes.length;
  return {
    numFeatures: model.numInputFeatures,
    classes: model.classes,
    predict(inputs): Prediction[] {
      const seed = (Math.imul(base ^ 0x5bd1e995, 31) + ++request * 0x9e3779b9) >>> 0;
      const p = model.predictProba(inputs as number[][], executor, seed);
      const labels = argmaxRows(p, inputs.length, C);
      return Array.from(labels, (y, b) => ({ label: model.classes[y] as string, probabilities: Array.from(p.subarray(b * C, (b + 1) * C)) }));
    },
  };
}

/** A ModelRuntime over qmlsec artifacts: shot-noisy, decorated serving; the cloud runtime's training. */
export function labModelRuntime(options: LabServingOptions = {}): ModelRuntime {
  return {
    loadArtifact(artifact: unknown): LoadedArtifact {
      // The cloud runtime verifies and describes the artifact; its model answers exactly, so the
      // lab rebuilds the (verified) model to serve it with shot noise.
      const verified = cloudRuntime.loadArtifact(artifact);
      const { model } = loadArtifact(artifact);
      const served = servedHybridModel(model, options);
      return { checksum: verified.checksum, name: verified.name, metadata: verified.metadata, model: options.decorate ? options.decorate(served) : served };
    },
    train: (request, ctx) => cloudRuntime.train(request, ctx),
  };
}
