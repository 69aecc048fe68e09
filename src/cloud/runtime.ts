/**
 * `modelRuntime`: what the service (`qmlsec serve`, `qmlsec worker`) uses to load artifacts and
 * train models. It has the shape of the service's `ModelRuntime` (`service/model-runtime.ts`);
 * the shape is repeated here because this room may not import the service.
 *
 * - `loadArtifact` verifies an artifact's checksum and serves it on the exact statevector
 *   simulator (API predictions do not pay a cloud queue).
 * - `train` takes `{ spec }`, `{ deployment }`, or a bare model spec or deployment (told apart by
 *   a deployment's `parties` and `workflow`), reports progress per epoch, saves a checkpoint
 *   after every epoch and resumes from the one it is given. Specs train like `qmlsec train`
 *   (their `execution.backend`: a simulator or `device:ID`); deployments train through their
 *   QMLaaS pipeline.
 */
import { InputError } from '../core/errors.js';
import { validate } from '../core/schema.js';
import { parseDeploymentValue } from '../deploy/load.js';
import { DEVICE_IDS } from '../devices/catalog.js';
import { loadArtifact } from '../qml/artifact.js';
import type { QnnExecutor } from '../qml/gradients/executor.js';
import { simulatorExecutor, trainFromSpec } from '../qml/runner.js';
import { modelSpecSchema, type ModelSpec } from '../qml/spec-schema.js';
import type { Checkpoint } from '../qml/trainer.js';
import { deviceExecutor, deviceSubgraphEdges } from './device-executor.js';
import { trainDeployment, type DeploymentCheckpoint } from './train-deployment.js';

/** One prediction: the label and one probability per class. */
export interface RuntimePrediction {
  readonly label: string;
  readonly probabilities: number[];
}

/** A loaded model ready to predict. */
export interface RuntimeServedModel {
  readonly numFeatures: number;
  readonly classes: readonly string[];
  predict(inputs: readonly (readonly number[])[]): RuntimePrediction[];
}

/** A verified artifact. */
export interface RuntimeLoadedArtifact {
  /** `sha256:<hex>` over the canonical JSON of the artifact without its checksum. */
  readonly checksum: string;
  readonly name: string;
  readonly model: RuntimeServedModel;
  readonly metadata: Record<string, unknown>;
}

/** What a training run may do besides computing. */
export interface RuntimeTrainContext {
  readonly jobId: string;
  onProgress(progress: number): void;
  readonly checkpoint?: unknown;
  saveCheckpoint(checkpoint: unknown): Promise<void>;
}

/** The runtime (the service's `ModelRuntime`, structurally). */
export interface CloudModelRuntime {
  loadArtifact(artifact: unknown): RuntimeLoadedArtifact;
  train(request: unknown, ctx: RuntimeTrainContext): Promise<unknown>;
}

type TrainInput = { readonly kind: 'spec'; readonly value: unknown } | { readonly kind: 'deployment'; readonly value: unknown };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Tells a training request's model spec from a deployment. */
export function classifyTrainRequest(request: unknown): TrainInput {
  if (!isObject(request)) throw new InputError('a training request must be an object: { spec } or { deployment }', 'REQUEST');
  const keys = Object.keys(request);
  if (keys.length === 1 && keys[0] === 'spec') return { kind: 'spec', value: request['spec'] };
  if (keys.length === 1 && keys[0] === 'deployment') return { kind: 'deployment', value: request['deployment'] };
  if ('spec' in request || 'deployment' in request) throw new InputError('a training request holds exactly one of "spec" and "deployment", and nothing else', 'REQUEST');
  return 'parties' in request && 'workflow' in request ? { kind: 'deployment', value: request } : { kind: 'spec', value: request };
}

function checkpointOf(value: unknown, needsCloud: boolean): Checkpoint | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value) || value['format'] !== 'qmlsec-checkpoint' || (needsCloud && !isObject(value['cloud']))) {
    throw new InputError(`the saved checkpoint is not a qmlsec ${needsCloud ? 'deployment ' : ''}training checkpoint`, 'CHECKPOINT');
  }
  return value as unknown as Checkpoint;
}

function specExecutor(spec: ModelSpec): { executor: QnnExecutor; info: Record<string, unknown> } {
  const backend = spec.execution?.backend ?? 'statevector';
  const shots = spec.execution?.shots;
  if (backend.startsWith('device:')) {
    const device = backend.slice('device:'.length);
    return { executor: deviceExecutor(device, { shots: shots ?? 1000, seed: spec.training.seed ?? 0 }), info: { device } };
  }
  return { executor: simulatorExecutor(backend as 'statevector' | 'density-matrix' | 'trajectories', shots), info: {} };
}

/** The runtime the service loads (see the module comment). */
export const modelRuntime: CloudModelRuntime = {
  loadArtifact(input: unknown): RuntimeLoadedArtifact {
    const { artifact, model } = loadArtifact(input);
    const executor = simulatorExecutor();
    const C = model.classes.length;
    return {
      checksum: artifact.checksum,
      name: artifact.name,
      metadata: { created: artifact.created, num_features: artifact.num_features, classes: artifact.classes, ...(artifact.training ? { training: artifact.training } : {}) },
      model: {
        numFeatures: model.numInputFeatures,
        classes: model.classes,
        predict(inputs) {
          const p = model.predictProba(inputs.map((r) => [...r]), executor);
          return inputs.map((_, b) => {
            const probabilities = Array.from(p.subarray(b * C, (b + 1) * C));
            let best = 0;
            for (let c = 1; c < C; c++) if ((probabilities[c] as number) > (probabilities[best] as number)) best = c;
            return { label: model.classes[best] as string, probabilities };
          });
        },
      },
    };
  },

  async train(request: unknown, ctx: RuntimeTrainContext): Promise<unknown> {
    const input = classifyTrainRequest(request);
    if (input.kind === 'deployment') {
      const deployment = parseDeploymentValue(input.value, { knownDevices: new Set(DEVICE_IDS) });
      const resumeFrom = checkpointOf(ctx.checkpoint, true) as DeploymentCheckpoint | undefined;
      const r = await trainDeployment(deployment, {
        onEpoch: (e, total) => ctx.onProgress(total > 0 ? e.epoch / total : 1),
        saveCheckpoint: (c) => ctx.saveCheckpoint(c),
        ...(resumeFrom ? { resumeFrom } : {}),
      });
      ctx.onProgress(1);
      return r.artifact;
    }
    const spec = validate(modelSpecSchema, input.value, 'model spec');
    const { executor, info } = specExecutor(spec);
    const resumeFrom = checkpointOf(ctx.checkpoint, false);
    const r = await trainFromSpec(spec, {
      executor, deviceEdges: deviceSubgraphEdges, artifactInfo: info,
      onEpoch: (e, total) => ctx.onProgress(total > 0 ? e.epoch / total : 1),
      saveCheckpoint: (c) => ctx.saveCheckpoint(c),
      ...(resumeFrom ? { resumeFrom } : {}),
    });
    ctx.onProgress(1);
    return r.artifact;
  },
};
