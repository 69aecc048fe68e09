/**
 * `trainDeployment`: trains a deployment's model the way the deployment says — the data owner
 * splits its data, the S1 party preprocesses, the S2 party designs the QNN and binds features and
 * weights, circuits run as jobs on the quantum clouds (transpiled by whoever does S3), the S5
 * party computes losses and gradients, the S6 party optimises — and reports accuracy, the
 * virtual time and the money the run took, and the exposure ledger it recorded. With `queries`,
 * the trained model is then hosted and answers that many test rows from an API client, so the
 * ledger shows the serving path too.
 *
 * Everything but the execution follows `trainFromSpec` step by step (split, preprocessing fit,
 * initialisation, minibatch order and seeds, evaluation seeds), so with `simulation: 'ideal'` and
 * the same gradient method the parameters are identical to `trainFromSpec` on the statevector.
 */
import { InputError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import type { Deployment } from '../deploy/deployment.js';
import type { ExposureLedger } from '../deploy/ledger.js';
import { featureRows } from '../data/feature-matrix.js';
import { createArtifact, type ModelArtifact } from '../qml/artifact.js';
import { argmaxRows, classificationMetrics } from '../qml/metrics.js';
import { HybridModel } from '../qml/model.js';
import type { ModelSpec } from '../qml/spec-schema.js';
import { qnnConfigOf } from '../qml/spec.js';
import type { Checkpoint, EpochRecord } from '../qml/trainer.js';
import { DataOwner } from './data-owner.js';
import { deviceSubgraphEdges } from './device-executor.js';
import { ModelHost, type ServedAnswer } from './model-host.js';
import { loadDeploymentDataset, resolveDeploymentModel } from './model-resolution.js';
import { DeploymentPipeline, type Invoice, type DeploymentPipelineOptions, type DeploymentPipelineState } from './pipeline.js';
import { awaitJobs, trainThroughPipeline } from './training-loop.js';

/** A training checkpoint plus the pipeline's clock, ledger, invoice and queues. */
export interface DeploymentCheckpoint extends Checkpoint {
  readonly cloud: DeploymentPipelineState;
}

/** Options of {@link trainDeployment}. */
export interface TrainDeploymentOptions extends DeploymentPipelineOptions {
  /** Overrides the model's training epochs. */
  readonly epochs?: number;
  /** Where relative paths of the deployment resolve (its file's directory). */
  readonly baseDir?: string;
  /** Train on this many rows of the training split only (quick runs). */
  readonly trainingRows?: number;
  /** After training, host the model and send this many test rows, one query each, from the first API client (needs serving). */
  readonly queries?: number;
  readonly onEpoch?: (record: EpochRecord, totalEpochs: number) => void;
  readonly resumeFrom?: DeploymentCheckpoint;
  readonly saveCheckpoint?: (checkpoint: DeploymentCheckpoint) => void | Promise<void>;
}

/** What {@link trainDeployment} returns. */
export interface TrainDeploymentResult {
  readonly spec: ModelSpec;
  readonly model: HybridModel;
  readonly artifact: ModelArtifact;
  readonly train: { readonly accuracy: number; readonly loss: number };
  readonly test: { readonly accuracy: number; readonly macroF1: number; readonly loss: number; readonly confusion: number[][] };
  readonly epochs: number;
  /** Real (wall-clock) seconds the run took here. */
  readonly seconds: number;
  /** Virtual seconds the run took on the clouds: queue waits plus execution. */
  readonly time_s: number;
  readonly cost_usd: number;
  readonly invoice: Invoice;
  readonly history: readonly EpochRecord[];
  readonly evaluations: number;
  /** The exposure ledger recorded while running. */
  readonly ledger: ExposureLedger;
  readonly pipeline: DeploymentPipeline;
  /** The hosted model, when the deployment serves it and queries were asked for. */
  readonly host?: ModelHost;
  readonly answers?: readonly ServedAnswer[];
}

/** Trains a deployment (see the module comment). */
export async function trainDeployment(deployment: Deployment, options: TrainDeploymentOptions = {}): Promise<TrainDeploymentResult> {
  const t0 = performance.now();
  const baseDir = options.baseDir ?? process.cwd();
  const pipeline = new DeploymentPipeline(deployment, options);
  if (options.resumeFrom) pipeline.restore(options.resumeFrom.cloud);
  const { roles } = pipeline;
  const dataset = loadDeploymentDataset(deployment, baseDir);
  const spec0 = resolveDeploymentModel(deployment, dataset.features.cols, baseDir);
  const spec: ModelSpec = options.epochs !== undefined ? { ...spec0, training: { ...spec0.training, epochs: options.epochs } } : spec0;
  const seed = options.seed ?? deployment.execution.seed ?? spec.training.seed ?? 0;

  const owner = new DataOwner(roles.owner, dataset);
  const split = owner.split(spec, seed, options.trainingRows);
  const raw = { train: split.train.features, test: split.test.features, ...(split.validation ? { validation: split.validation.features } : {}) };
  pipeline.send('S1', roles.owner, roles.preprocessor, ['raw-data', 'labels'], raw, 'training data and labels for preprocessing');
  const pre = pipeline.classical(roles.preprocessor).preprocess({ steps: spec.preprocess, fit: { features: split.train.features, labels: split.train.labels }, transform: raw });
  const features = pipeline.send<typeof pre.features>('S2', roles.preprocessor, roles.designer, ['preprocessed-features'], pre.features, 'reduced, normalised features');

  const qnn = qnnConfigOf(spec, deviceSubgraphEdges);
  const model = new HybridModel({ qnn, head: spec.model.head ?? 'linear', classes: dataset.classNames, featureNames: dataset.featureNames, ...(pre.transformer ? { preprocessing: pre.transformer } : {}) });
  if (model.numInputFeatures !== dataset.features.cols) {
    throw new InputError(`the dataset has ${dataset.features.cols} feature(s) but the model (after preprocessing) takes ${model.numInputFeatures}; add a pca step or change model.encoder`, 'SPEC');
  }
  model.initialize(new Rng(`${seed}:init`));
  const trainFeatures = features['train'] as Float64Array[];
  const validation = split.validation ? { features: features['validation'] as Float64Array[], labels: split.validation.labels } : undefined;
  const es = spec.training.early_stopping;
  const result = await trainThroughPipeline(pipeline, model, trainFeatures, split.train.labels, {
    epochs: spec.training.epochs,
    ...(spec.training.batch_size ? { batchSize: spec.training.batch_size } : {}),
    optimizer: spec.training.optimizer ?? { kind: 'adam', lr: 0.05 },
    ...(spec.training.loss ? { loss: spec.training.loss } : {}),
    ...(spec.training.gradient ? { gradient: spec.training.gradient } : {}),
    seed,
    ...(validation ? { validation } : {}),
    ...(es ? { earlyStopping: { patience: es.patience, ...(es.monitor ? { monitor: es.monitor } : {}), ...(es.min_delta !== undefined ? { minDelta: es.min_delta } : {}) } } : {}),
    ...(options.onEpoch ? { onEpochEnd: (r: EpochRecord) => options.onEpoch?.(r, spec.training.epochs) } : {}),
    ...(options.saveCheckpoint ? { onCheckpoint: (c: Checkpoint) => options.saveCheckpoint?.({ ...c, cloud: pipeline.state() }) } : {}),
    ...(options.resumeFrom ? { resumeFrom: options.resumeFrom } : {}),
  });

  const s5 = pipeline.classical(roles.gradients);
  const evalOn = async (rows: Float64Array[], labels: Int32Array, s: number) => {
    const r = await s5.evaluate({ model, features: rows, labels, executor: pipeline.executor(0, 'training'), seed: s, ...(spec.training.loss ? { loss: spec.training.loss } : {}) });
    awaitJobs(pipeline, r.jobs);
    return { loss: r.loss, metrics: classificationMetrics(labels, argmaxRows(r.probabilities, labels.length, model.classes.length), model.classes.length) };
  };
  const tr = await evalOn(trainFeatures, split.train.labels, seed + 101);
  const te = await evalOn(features['test'] as Float64Array[], split.test.labels, seed + 202);

  const devices = roles.routes.map((r) => `${r.provider}/${r.device}`);
  const training = {
    dataset: dataset.name, samples: { train: split.train.labels.length, test: split.test.labels.length, ...(split.validation ? { validation: split.validation.labels.length } : {}) },
    epochs: result.epochs, seed, train_accuracy: tr.metrics.accuracy, train_loss: tr.loss, test_accuracy: te.metrics.accuracy,
    test_macro_f1: te.metrics.macroF1, test_loss: te.loss, backend: `cloud:${devices.join(',')}`, shots: pipeline.shots,
    deployment: deployment.name, simulation: pipeline.simulation, time_s: pipeline.clock.now(), cost_usd: pipeline.invoice.cost_usd,
  };
  const artifact = createArtifact(model, { name: spec.name, training });

  let host: ModelHost | undefined;
  let answers: ServedAnswer[] | undefined;
  if (options.queries !== undefined && options.queries > 0) {
    const client = roles.clients[0];
    if (!deployment.serving || client === undefined) throw new InputError(`deployment "${deployment.name}" has no serving endpoint with an API client to send queries from`, 'DEPLOYMENT');
    host = ModelHost.host(pipeline, artifact, model);
    answers = [];
    for (const row of featureRows(split.test.features).slice(0, options.queries)) answers.push(...(await host.answer(client, [row])).answers);
  } else if (deployment.serving) {
    host = ModelHost.host(pipeline, artifact, model);
  }

  return {
    spec, model, artifact,
    train: { accuracy: tr.metrics.accuracy, loss: tr.loss },
    test: { accuracy: te.metrics.accuracy, macroF1: te.metrics.macroF1, loss: te.loss, confusion: te.metrics.confusion },
    epochs: result.epochs, seconds: (performance.now() - t0) / 1000, time_s: pipeline.clock.now(), cost_usd: pipeline.invoice.cost_usd,
    invoice: pipeline.invoice, history: result.history, evaluations: result.evaluations, ledger: pipeline.boundary.ledger(), pipeline,
    ...(host ? { host } : {}), ...(answers ? { answers } : {}),
  };
}
