/**
 * The model artifact: versioned JSON with everything needed to predict — classes, the fitted
 * preprocessing state, the QNN configuration, the head, all parameters — plus training facts,
 * the circuit template as OpenQASM 3 (for running elsewhere), and a SHA-256 checksum over the
 * canonical JSON of all other fields. Loading verifies the checksum, so a corrupted or
 * carelessly edited artifact is refused, and the loaded model predicts exactly as the saved
 * one. The checksum is integrity, not authenticity: whoever can rewrite the file can rewrite
 * the checksum; the service therefore records the checksum of what was imported and the
 * audit log names it.
 */
import { z } from 'zod';
import { InputError } from '../core/errors.js';
import { parseJson, validate } from '../core/schema.js';
import { transformerFromJSON } from '../data/preprocess/from-json.js';
import { toQasm3 } from '../circuit/qasm/index.js';
import { canonicalJson, sha256Hex } from '../core/canonical-json.js';
import type { QnnConfig } from './config.js';
import { HybridModel } from './model.js';
import { qnnConfigSchema } from './spec-schema.js';

export const ARTIFACT_FORMAT = 'qmlsec-model';
export const ARTIFACT_VERSION = 1;

const metricsSchema = z.record(z.string(), z.unknown());

export const artifactSchema = z
  .object({
    format: z.literal(ARTIFACT_FORMAT),
    version: z.literal(ARTIFACT_VERSION),
    name: z.string().min(1),
    created: z.string(),
    classes: z.array(z.string()).min(2),
    feature_names: z.array(z.string()).optional(),
    num_features: z.number().int().min(1),
    preprocessing: z.unknown().nullable(),
    qnn: qnnConfigSchema,
    head: z.enum(['linear', 'none']),
    params: z.array(z.number()),
    circuit_qasm3: z.string(),
    training: metricsSchema.optional(),
    checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'must be "sha256:" and 64 hex digits'),
  })
  .strict();

export type ModelArtifact = z.infer<typeof artifactSchema>;

/** The checksum of an artifact's content (everything but the checksum field). */
export function artifactChecksum(content: Omit<ModelArtifact, 'checksum'>): string {
  return `sha256:${sha256Hex(canonicalJson(content))}`;
}

/** Builds the artifact of a trained model. */
export function createArtifact(model: HybridModel, info: { name: string; training?: Record<string, unknown>; created?: Date }): ModelArtifact {
  const content: Omit<ModelArtifact, 'checksum'> = {
    format: ARTIFACT_FORMAT,
    version: ARTIFACT_VERSION,
    name: info.name,
    created: (info.created ?? new Date()).toISOString(),
    classes: [...model.classes],
    ...(model.featureNames ? { feature_names: [...model.featureNames] } : {}),
    num_features: model.numInputFeatures,
    preprocessing: model.preprocessing ? (model.preprocessing.toJSON() as unknown) : null,
    qnn: model.qnn.config as z.infer<typeof qnnConfigSchema>,
    head: model.head.kind,
    params: Array.from(model.params),
    circuit_qasm3: toQasm3(model.qnn.circuit),
    ...(info.training ? { training: info.training } : {}),
  };
  return { ...content, checksum: artifactChecksum(content) };
}

/** Parses (JSON text or value), validates, verifies the checksum and rebuilds the model. */
export function loadArtifact(input: string | unknown, file?: string): { artifact: ModelArtifact; model: HybridModel } {
  const value = typeof input === 'string' ? parseJson(input, file) : input;
  const artifact = validate(artifactSchema, value, `model artifact${file ? ` ${file}` : ''}`);
  const { checksum, ...content } = artifact;
  const expected = artifactChecksum(content);
  if (expected !== checksum) {
    throw new InputError(`model artifact${file ? ` ${file}` : ''} failed its checksum (stored ${checksum.slice(0, 19)}…, content hashes to ${expected.slice(0, 19)}…): it was corrupted or tampered with`, 'CHECKSUM');
  }
  const preprocessing = artifact.preprocessing === null ? undefined : transformerFromJSON(artifact.preprocessing);
  const model = new HybridModel({
    qnn: artifact.qnn as QnnConfig,
    head: artifact.head,
    classes: artifact.classes,
    ...(preprocessing ? { preprocessing } : {}),
    ...(artifact.feature_names ? { featureNames: artifact.feature_names } : {}),
    params: artifact.params,
  });
  if (model.numInputFeatures !== artifact.num_features) {
    throw new InputError(`model artifact: num_features is ${artifact.num_features} but the model takes ${model.numInputFeatures}`, 'ARTIFACT');
  }
  return { artifact, model };
}
