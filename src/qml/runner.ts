/**
 * Training from a model spec: load the dataset, split it (stratified, seeded), fit the
 * preprocessing on the training part only, build the hybrid model, train it on the chosen
 * executor, evaluate on the held-out part, and produce the artifact.
 */
import { isAbsolute, resolve } from 'node:path';
import { InputError, UsageError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import { readCsvFile } from '../data/csv.js';
import type { Dataset } from '../data/dataset.js';
import { featureRows } from '../data/feature-matrix.js';
import { loadDataset, type BuiltinDatasetName } from '../data/registry.js';
import { trainTestSplit } from '../data/split.js';
import { DensityMatrixSimulator } from '../sim/density-matrix.js';
import { StatevectorSimulator } from '../sim/statevector.js';
import { TrajectorySimulator } from '../sim/trajectories.js';
import { createArtifact, type ModelArtifact } from './artifact.js';
import type { QnnExecutor } from './gradients/executor.js';
import { argmaxRows, classificationMetrics } from './metrics.js';
import { HybridModel } from './model.js';
import type { ModelSpec } from './spec-schema.js';
import { buildPreprocessing, qnnConfigOf } from './spec.js';
import { train, type Checkpoint, type EpochRecord } from './trainer.js';

/** An executor on one of the simulators of `sim/` (devices need the CLI or cloud layer). */
export function simulatorExecutor(backend: 'statevector' | 'density-matrix' | 'trajectories' = 'statevector', shots?: number): QnnExecutor {
  const b = backend === 'statevector' ? new StatevectorSimulator() : backend === 'density-matrix' ? new DensityMatrixSimulator() : new TrajectorySimulator();
  return { backend: b, ...(shots !== undefined ? { shots } : {}) };
}

/** Loads the dataset a spec names (relative CSV paths resolve against `baseDir`). */
export function specDataset(spec: ModelSpec, baseDir = process.cwd()): Dataset {
  const d = spec.dataset;
  if (typeof d === 'string') return loadDataset(d as BuiltinDatasetName);
  if ('csv' in d) {
    const path = isAbsolute(d.csv) ? d.csv : resolve(baseDir, d.csv);
    return readCsvFile(path, { ...(d.label_column !== undefined ? { labelColumn: d.label_column } : {}), ...(d.header !== undefined ? { header: d.header } : {}), ...(d.classes ? { classes: d.classes } : {}) });
  }
  return loadDataset(d.name as BuiltinDatasetName, { ...(d.samples !== undefined ? { nSamples: d.samples } : {}), ...(d.noise !== undefined ? { noise: d.noise } : {}), ...(d.seed !== undefined ? { seed: d.seed } : {}) });
}

export interface SpecRunOptions {
  /** Where circuits run (default: from the spec's execution section, simulators only). */
  readonly executor?: QnnExecutor;
  /** Overrides training.seed. */
  readonly seed?: number;
  readonly baseDir?: string;
  readonly onEpoch?: (record: EpochRecord, totalEpochs: number) => void;
  /** Resume from this checkpoint, and/or save checkpoints with `saveCheckpoint`. */
  readonly resumeFrom?: Checkpoint;
  readonly saveCheckpoint?: (c: Checkpoint) => void | Promise<void>;
  readonly deviceEdges?: (deviceId: string, numQubits: number) => [number, number][];
  /** Facts to record in the artifact (backend, device…). */
  readonly artifactInfo?: Record<string, unknown>;
}

export interface SpecRunResult {
  readonly model: HybridModel;
  readonly artifact: ModelArtifact;
  readonly train: { readonly accuracy: number; readonly loss: number };
  readonly test: { readonly accuracy: number; readonly macroF1: number; readonly loss: number; readonly confusion: number[][] };
  readonly epochs: number;
  readonly seconds: number;
  readonly history: readonly EpochRecord[];
  readonly evaluations: number;
}

export async function trainFromSpec(spec: ModelSpec, options: SpecRunOptions = {}): Promise<SpecRunResult> {
  const t0 = performance.now();
  const ds = specDataset(spec, options.baseDir);
  const seed = options.seed ?? spec.training.seed ?? 0;
  const split = trainTestSplit(ds, { testSize: spec.split?.test_size ?? 0.3, seed: spec.split?.seed ?? seed, stratify: spec.split?.stratify ?? true });
  let trainSet = split.train;
  let valSet: Dataset | undefined;
  if (spec.training.validation_split) {
    const v = trainTestSplit(trainSet, { testSize: spec.training.validation_split, seed: `${seed}:validation`, stratify: true });
    trainSet = v.train;
    valSet = v.test;
  }
  const preprocessing = buildPreprocessing(spec.preprocess);
  preprocessing?.fit(trainSet.features, trainSet.labels);
  const qnn = qnnConfigOf(spec, options.deviceEdges);
  const model = new HybridModel({ qnn, head: spec.model.head ?? 'linear', classes: ds.classNames, featureNames: ds.featureNames, ...(preprocessing ? { preprocessing } : {}) });
  if (model.numInputFeatures !== ds.features.cols) {
    throw new InputError(`the dataset has ${ds.features.cols} feature(s) but the model (after preprocessing) takes ${model.numInputFeatures}; add a pca step or change model.encoder`, 'SPEC');
  }
  model.initialize(new Rng(`${seed}:init`));
  const executor = options.executor ?? executorFromSpec(spec);
  const feats = (d: Dataset) => model.features(d.features);
  const result = await train(model, feats(trainSet), trainSet.labels, {
    executor,
    epochs: spec.training.epochs,
    ...(spec.training.batch_size ? { batchSize: spec.training.batch_size } : {}),
    optimizer: spec.training.optimizer ?? { kind: 'adam', lr: 0.05 },
    ...(spec.training.loss ? { loss: spec.training.loss } : {}),
    ...(spec.training.huber_delta !== undefined ? { huberDelta: spec.training.huber_delta } : {}),
    ...(spec.training.gradient ? { gradient: spec.training.gradient } : {}),
    seed,
    ...(valSet ? { validation: { features: feats(valSet), labels: valSet.labels } } : {}),
    ...(spec.training.early_stopping ? { earlyStopping: { patience: spec.training.early_stopping.patience, ...(spec.training.early_stopping.monitor ? { monitor: spec.training.early_stopping.monitor } : {}), ...(spec.training.early_stopping.min_delta !== undefined ? { minDelta: spec.training.early_stopping.min_delta } : {}) } } : {}),
    callbacks: {
      ...(options.onEpoch ? { onEpochEnd: (r: EpochRecord) => options.onEpoch?.(r, spec.training.epochs) } : {}),
      ...(options.saveCheckpoint ? { onCheckpoint: options.saveCheckpoint } : {}),
    },
    ...(options.resumeFrom ? { resumeFrom: options.resumeFrom } : {}),
  });
  const evalOn = (d: Dataset, s: number) => {
    const r = model.evaluate(feats(d), d.labels, executor, { seed: s });
    return { loss: r.loss, metrics: classificationMetrics(d.labels, argmaxRows(r.probabilities, d.labels.length, model.classes.length), model.classes.length) };
  };
  const tr = evalOn(trainSet, seed + 101);
  const te = evalOn(split.test, seed + 202);
  const training = {
    dataset: ds.name, samples: { train: trainSet.labels.length, test: split.test.labels.length, ...(valSet ? { validation: valSet.labels.length } : {}) },
    epochs: result.epochs, seed, train_accuracy: tr.metrics.accuracy, train_loss: tr.loss, test_accuracy: te.metrics.accuracy,
    test_macro_f1: te.metrics.macroF1, test_loss: te.loss, backend: executor.backend.name, ...(executor.shots !== undefined ? { shots: executor.shots } : {}),
    ...(options.artifactInfo ?? {}),
  };
  const artifact = createArtifact(model, { name: spec.name, training });
  return {
    model, artifact,
    train: { accuracy: tr.metrics.accuracy, loss: tr.loss },
    test: { accuracy: te.metrics.accuracy, macroF1: te.metrics.macroF1, loss: te.loss, confusion: te.metrics.confusion },
    epochs: result.epochs, seconds: (performance.now() - t0) / 1000, history: result.history, evaluations: result.evaluations,
  };
}

function executorFromSpec(spec: ModelSpec): QnnExecutor {
  const backend = spec.execution?.backend ?? 'statevector';
  if (backend.startsWith('device:')) throw new UsageError(`backend ${backend} needs the device catalog and transpiler: run it through the CLI (qmlsec train) or the cloud layer`);
  return simulatorExecutor(backend as 'statevector' | 'density-matrix' | 'trajectories', spec.execution?.shots);
}

/** Raw feature rows of a dataset (helper for callers that predict on it). */
export function datasetRows(ds: Dataset): number[][] {
  return featureRows(ds.features);
}
