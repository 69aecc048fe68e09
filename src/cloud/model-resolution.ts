/**
 * What a deployment trains: its dataset, and its model — a path to a model-spec YAML (relative
 * to the deployment file), or an inline object. The inline object is the deployment shorthand
 *
 *     model: { qubits: 4, encoder: angle, ansatz: strongly-entangling, layers: 3 }
 *
 * optionally with the model-spec fields `measurement`, `head`, `reupload` (under `model:` in a
 * spec) and `preprocess`, `split`, `training` (top-level in a spec). Encoder and ansatz are
 * names (dashes or underscores) or spec objects. A `hardware-efficient` ansatz follows the
 * couplers of the first device of the first executing quantum cloud. Without `preprocess` the
 * features are standardised, reduced by PCA to what the encoder takes when the dataset is wider,
 * and scaled to [0, π] (amplitude encoding: standardised only). Without `training`: 20 epochs,
 * minibatches of 16, Adam with learning rate 0.05 (a partial `training` object overrides these).
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import { InputError, ValidationError } from '../core/errors.js';
import { validate } from '../core/schema.js';
import { readCsvFile } from '../data/csv.js';
import type { Dataset } from '../data/dataset.js';
import { loadDataset } from '../data/registry.js';
import type { Deployment } from '../deploy/deployment.js';
import { QNN } from '../qml/qnn.js';
import { modelSpecSchema, type ModelSpec, type PreprocessStep } from '../qml/spec-schema.js';
import { loadModelSpec, qnnConfigOf } from '../qml/spec.js';
import { deviceSubgraphEdges } from './device-executor.js';

/** Default training of an inline model. */
export const INLINE_TRAINING_DEFAULTS = { epochs: 20, batch_size: 16, optimizer: { kind: 'adam', lr: 0.05 } } as const;

const INLINE_KEYS = ['qubits', 'encoder', 'ansatz', 'layers', 'measurement', 'head', 'reupload', 'preprocess', 'split', 'training'] as const;

/** Where relative paths of a deployment resolve: the directory of its file, else the working directory. */
export function deploymentBaseDir(file?: string): string {
  return file ? dirname(resolve(file)) : process.cwd();
}

/** Loads the dataset a deployment names. */
export function loadDeploymentDataset(deployment: Deployment, baseDir = process.cwd()): Dataset {
  const d = deployment.dataset;
  if (d.kind === 'builtin') return loadDataset(d.name);
  const path = isAbsolute(d.path) ? d.path : resolve(baseDir, d.path);
  return readCsvFile(path, { ...(d.labelColumn !== undefined ? { labelColumn: d.labelColumn } : {}), ...(d.featureColumns ? { featureColumns: d.featureColumns } : {}) });
}

function kindName(value: string): string {
  return value.trim().toLowerCase().replace(/-/g, '_');
}

function encoderOf(value: unknown): unknown {
  return typeof value === 'string' ? { kind: kindName(value) } : value;
}

function ansatzOf(value: unknown, layers: number, device: string | undefined): unknown {
  if (typeof value !== 'string') {
    if (value && typeof value === 'object' && !('layers' in value) && !('reps' in value)) {
      const kind = (value as { kind?: unknown }).kind;
      if (kind === 'real_amplitudes' || kind === 'efficient_su2') return { ...value, reps: layers };
      return { ...value, layers };
    }
    return value;
  }
  const kind = kindName(value);
  switch (kind) {
    case 'real_amplitudes':
    case 'efficient_su2':
      return { kind, reps: layers };
    case 'hardware_efficient':
      if (!device) throw new InputError('model.ansatz: a hardware-efficient ansatz follows a device, but no quantum cloud of the deployment executes (S4)', 'SPEC');
      return { kind, layers, device };
    default:
      return { kind, layers };
  }
}

/** The preprocessing an inline model gets by default (see the module comment). */
export function defaultPreprocessing(spec: ModelSpec, datasetFeatures: number): PreprocessStep[] {
  const width = new QNN(qnnConfigOf(spec, deviceSubgraphEdges)).numFeatures;
  const steps: PreprocessStep[] = [{ kind: 'standard' }];
  if (datasetFeatures > width) steps.push({ kind: 'pca', components: width });
  if (spec.model.encoder.kind !== 'amplitude') steps.push({ kind: 'minmax', range: [0, 'pi'] });
  return steps;
}

function datasetRef(deployment: Deployment): ModelSpec['dataset'] {
  return deployment.dataset.kind === 'builtin' ? deployment.dataset.name : { csv: deployment.dataset.path };
}

/** The first device of the first quantum cloud that executes (S4). */
export function firstExecutingDevice(deployment: Deployment): string | undefined {
  for (const id of deployment.workflow.S4) {
    const device = deployment.parties.find((p) => p.id === id)?.devices[0];
    if (device) return device;
  }
  return undefined;
}

/**
 * The model spec of a deployment: its model file (the deployment's dataset replaces the spec's;
 * two different built-in names are an error), or its inline model expanded as described in the
 * module comment. `datasetFeatures` sets the default preprocessing of inline models.
 */
export function resolveDeploymentModel(deployment: Deployment, datasetFeatures: number, baseDir = process.cwd()): ModelSpec {
  const ref = deployment.model;
  if (ref.kind === 'file') {
    const spec = loadModelSpec(isAbsolute(ref.path) ? ref.path : resolve(baseDir, ref.path));
    const theirs = typeof spec.dataset === 'string' ? spec.dataset : 'name' in spec.dataset ? spec.dataset.name : undefined;
    const ours = deployment.dataset.kind === 'builtin' ? deployment.dataset.name : undefined;
    if (theirs !== undefined && ours !== undefined && theirs !== ours) {
      throw new InputError(`the model spec ${ref.path} trains on "${theirs}" but deployment "${deployment.name}" holds "${ours}"; make them agree`, 'SPEC');
    }
    return { ...spec, dataset: datasetRef(deployment) };
  }
  const inline = ref.spec as Record<string, unknown>;
  const unknown = Object.keys(inline).filter((k) => !(INLINE_KEYS as readonly string[]).includes(k));
  if (unknown.length > 0) {
    throw new ValidationError(`deployment ${deployment.name}`, unknown.map((k) => ({ path: ['model', k], message: `unknown field (valid: ${INLINE_KEYS.join(', ')})` })));
  }
  const missing = (['qubits', 'encoder', 'ansatz'] as const).filter((k) => inline[k] === undefined);
  if (missing.length > 0) throw new ValidationError(`deployment ${deployment.name}`, missing.map((k) => ({ path: ['model', k], message: 'required for an inline model' })));
  const layers = typeof inline['layers'] === 'number' ? inline['layers'] : 2;
  const model: Record<string, unknown> = {
    qubits: inline['qubits'],
    encoder: encoderOf(inline['encoder']),
    ansatz: ansatzOf(inline['ansatz'], layers, firstExecutingDevice(deployment)),
  };
  for (const k of ['measurement', 'head', 'reupload'] as const) if (inline[k] !== undefined) model[k] = inline[k];
  const given = inline['training'];
  const training = given && typeof given === 'object' && !Array.isArray(given) ? { ...INLINE_TRAINING_DEFAULTS, ...given } : given ?? INLINE_TRAINING_DEFAULTS;
  const candidate = {
    name: deployment.name, dataset: datasetRef(deployment), model, training,
    ...(inline['split'] !== undefined ? { split: inline['split'] } : {}),
    ...(inline['preprocess'] !== undefined ? { preprocess: inline['preprocess'] } : {}),
  };
  const spec = validate(modelSpecSchema, candidate, `model of deployment ${deployment.name}`);
  return spec.preprocess ? spec : { ...spec, preprocess: defaultPreprocessing(spec, datasetFeatures) };
}
