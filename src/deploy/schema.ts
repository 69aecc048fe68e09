/**
 * The zod schema of a deployment file (YAML), strict: unknown fields are errors. The parsed
 * value is the raw {@link DeploymentInput}; {@link normalizeDeployment} in `load.ts` turns it
 * into the {@link Deployment} the rest of qmlsec uses (defaults filled in, shorthands expanded).
 */
import { z } from 'zod';
import {
  API_RETURNS,
  BUILTIN_DATASETS,
  DEVICE_ID_PATTERN,
  MITIGATION_ID_PATTERN,
  PARTY_ROLES,
  QUOTA_WINDOWS,
  TENANCY_MODES,
  TRUST_LEVELS,
} from './vocabulary.js';

const identifier = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'must start with a letter and contain only letters, digits, "_", "-", "."');

/** A dataset: a built-in name, a CSV path (shorthand strings), or an explicit object. */
export const DatasetSchema = z.union([
  z.string().min(1),
  z.strictObject({ builtin: z.enum(BUILTIN_DATASETS) }),
  z.strictObject({
    csv: z.string().min(1),
    labelColumn: z.string().min(1).optional(),
    featureColumns: z.array(z.string().min(1)).min(1).optional(),
  }),
]);

/**
 * An inline model specification. Its shape belongs to the `qml` room and is validated there;
 * here only the commonly shared fields are typed and everything else passes through untouched.
 */
export const InlineModelSchema = z.looseObject({
  qubits: z.number().int().positive().optional(),
  encoder: z.string().min(1).optional(),
  ansatz: z.string().min(1).optional(),
  layers: z.number().int().positive().optional(),
});

/** The model: a path to a model-spec YAML, or an inline model object (validated later by `qml`). */
export const ModelSchema = z.union([z.string().min(1), InlineModelSchema]);

/** One party of the deployment. */
export const PartySchema = z.strictObject({
  id: identifier,
  role: z.enum(PARTY_ROLES),
  name: z.string().min(1).optional(),
  trust: z.enum(TRUST_LEVELS).optional(),
  devices: z.array(z.string().regex(DEVICE_ID_PATTERN, 'must be a device catalog ID such as "ibm_sherbrooke"')).optional(),
  tenancy: z.enum(TENANCY_MODES).optional(),
  pulseLevelAccess: z.boolean().optional(),
});

const performers = z.union([identifier, z.array(identifier).min(1)]);

/** Who performs each workflow step (a party ID or several). */
export const WorkflowSchema = z.strictObject({
  S1: performers,
  S2: performers,
  S3: performers,
  S4: performers,
  S5: performers,
  S6: performers,
  I1: performers.optional(),
  I2: performers.optional(),
});

/** The transpiler software: who supplies it when it is not built in. */
export const TranspilerSchema = z.strictObject({
  vendor: identifier.optional(),
  optimizationLevel: z.number().int().min(0).max(3).optional(),
});

/** Execution settings. */
export const ExecutionSchema = z.strictObject({
  shots: z.number().int().positive().max(10_000_000).optional(),
  seed: z.number().int().optional(),
});

/** Serving of the trained model. */
export const ServingSchema = z.strictObject({
  publicApi: z.boolean(),
  returns: z.enum(API_RETURNS).optional(),
  roundingDigits: z.number().int().min(0).max(12).optional(),
  quota: z.strictObject({ perKey: z.number().int().positive(), window: z.enum(QUOTA_WINDOWS).optional() }).optional(),
});

/** The whole deployment file. */
export const DeploymentSchema = z.strictObject({
  name: identifier,
  description: z.string().optional(),
  dataset: DatasetSchema,
  model: ModelSchema,
  parties: z.array(PartySchema).min(1),
  workflow: WorkflowSchema,
  transpiler: TranspilerSchema.optional(),
  execution: ExecutionSchema.optional(),
  serving: ServingSchema.optional(),
  mitigations: z.array(z.string().regex(MITIGATION_ID_PATTERN, 'must be a mitigation ID such as "AML.M0004" or "QML.M0005"')).optional(),
});

/** A deployment file as parsed, before defaults and shorthands are resolved. */
export type DeploymentInput = z.output<typeof DeploymentSchema>;
/** An inline model specification (opaque here; the `qml` room validates it). */
export type InlineModelSpec = z.output<typeof InlineModelSchema>;
