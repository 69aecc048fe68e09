/** Loading model specs (YAML) and turning their parts into qmlsec objects. */
import { readFileSync } from 'node:fs';
import { InputError } from '../core/errors.js';
import { parseYaml, validate } from '../core/schema.js';
import type { Transformer } from '../data/preprocess/transformer.js';
import { LinearDiscriminantAnalysis } from '../data/preprocess/lda.js';
import { MaxAbsScaler } from '../data/preprocess/max-abs-scaler.js';
import { MinMaxScaler } from '../data/preprocess/min-max-scaler.js';
import { PCA } from '../data/preprocess/pca.js';
import { Pipeline } from '../data/preprocess/pipeline.js';
import { StandardScaler } from '../data/preprocess/standard-scaler.js';
import type { AnsatzSpec, QnnConfig } from './config.js';
import { angleNumber, modelSpecSchema, type ModelSpec, type PreprocessStep } from './spec-schema.js';

/** Parses and validates a model spec from YAML text; errors name the field (and line). */
export function parseModelSpec(text: string, file?: string): ModelSpec {
  return validate(modelSpecSchema, parseYaml(text, file), `model spec${file ? ` ${file}` : ''}`);
}

/** Reads and validates a model spec file. */
export function loadModelSpec(path: string): ModelSpec {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read model spec ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`, 'FILE');
  }
  return parseModelSpec(text, path);
}

/** Evaluates "pi", "2pi", "pi/2", "-pi/4" or a number. */
export function angleValue(v: number | string): number {
  const n = angleNumber(v);
  if (Number.isNaN(n)) throw new InputError(`"${v}" is not an angle`, 'SPEC');
  return n;
}

/** The (unfitted) preprocessing pipeline of a spec, or undefined when it has none. */
export function buildPreprocessing(steps: readonly PreprocessStep[] | undefined): Transformer | undefined {
  if (!steps || steps.length === 0) return undefined;
  const built = steps.map((s): Transformer => {
    switch (s.kind) {
      case 'standard':
        return new StandardScaler();
      case 'minmax':
        return new MinMaxScaler({ ...(s.range ? { featureRange: [angleValue(s.range[0]), angleValue(s.range[1])] as [number, number] } : {}), ...(s.clip !== undefined ? { clip: s.clip } : {}) });
      case 'maxabs':
        return new MaxAbsScaler();
      case 'pca':
        return new PCA({ nComponents: s.components, ...(s.whiten !== undefined ? { whiten: s.whiten } : {}) });
      case 'lda':
        return new LinearDiscriminantAnalysis({ ...(s.components !== undefined ? { nComponents: s.components } : {}) });
    }
  });
  return new Pipeline(built);
}

/**
 * The QnnConfig of a spec. A hardware-efficient ansatz given by device needs `deviceEdges`
 * (the CLI resolves it from the device catalog, which the qml room does not import).
 */
export function qnnConfigOf(spec: ModelSpec, deviceEdges?: (deviceId: string, numQubits: number) => [number, number][]): QnnConfig {
  const m = spec.model;
  let ansatz: AnsatzSpec;
  if (m.ansatz.kind === 'hardware_efficient') {
    if (m.ansatz.device !== undefined) {
      if (!deviceEdges) throw new InputError(`model.ansatz: a hardware-efficient ansatz for device ${m.ansatz.device} needs the device catalog (use the CLI, or give edges)`, 'SPEC');
      ansatz = { kind: 'hardware_efficient', layers: m.ansatz.layers, edges: deviceEdges(m.ansatz.device, m.qubits) };
    } else ansatz = { kind: 'hardware_efficient', layers: m.ansatz.layers, edges: m.ansatz.edges ?? [] };
  } else ansatz = m.ansatz as AnsatzSpec;
  const reupload = m.reupload === undefined || m.reupload === false ? undefined : m.reupload === true ? {} : { ...(m.reupload.trainable_scaling !== undefined ? { trainableScaling: m.reupload.trainable_scaling } : {}) };
  return {
    numQubits: m.qubits,
    encoder: m.encoder,
    ansatz,
    ...(m.measurement ? { measurement: m.measurement } : {}),
    ...(reupload ? { reupload } : {}),
  };
}
