/**
 * The model runtime the lab serves its victims with: qmlsec model artifacts (checksum
 * verified by `loadArtifact`) answered by the real hybrid model on the statevector simulator
 * with shot noise — each request is a fresh seeded batch of `shots` measurements, as on a QPU.
 * Training runs `trainFromSpec` on `{ spec }` requests. A `decorate` hook lets the service side
 * wrap every served model (output obfuscation, query journal) without the API knowing.
 */
import { InputError, UsageError } from '../../core/errors.js';
import { argmaxRows } from '../../qml/metrics.js';
import { loadArtifact } from '../../qml/artifact.js';
import type { HybridModel } from '../../qml/model.js';
import { simulatorExecutor, trainFromSpec } from '../../qml/runner.js';
import { parseModelSpec } from '../../qml/spec.js';
import { modelSpecSchema } from '../../qml/spec-schema.js';
import { validate } from '../../core/schema.js';
import type { LoadedArtifact, ModelRuntime, Prediction, ServedModel, TrainContext } from '../../service/model-runtime.js';

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

/** A ModelRuntime over qmlsec artifacts and model specs. */
export function labModelRuntime(options: LabServingOptions = {}): ModelRuntime {
  return {
    loadArtifact(artifact: unknown): LoadedArtifact {
      const { artifact: a, model } = loadArtifact(artifact);
      const served = servedHybridModel(model, options);
      return {
        checksum: a.checksum,
        name: a.name,
        metadata: a.training ?? {},
        model: options.decorate ? options.decorate(served) : served,
      };
    },
    async train(request: unknown, ctx: TrainContext): Promise<unknown> {
      const spec = (request as { spec?: unknown } | null)?.spec;
      if (spec === undefined) throw new InputError('the lab runtime trains from a model spec: send { "spec": … }', 'TRAIN_REQUEST');
      const parsed = typeof spec === 'string' ? parseModelSpec(spec) : validate(modelSpecSchema, spec, 'model spec');
      const result = await trainFromSpec(parsed, { onEpoch: (r, total) => ctx.onProgress(total > 0 ? r.epoch / total : 1) });
      return result.artifact;
    },
  };
}
