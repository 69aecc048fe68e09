/**
 * The fixed vocabulary of a QMLaaS deployment: workflow steps, party roles, trust levels and
 * the assets that can cross a trust boundary. The names follow the QMLaaS workflow of Kundu &
 * Ghosh, "SoK: Security Concerns in Quantum Machine Learning as a Service" (HASP 2024,
 * arXiv:2408.09562): training steps S1–S6 and inference steps I1–I2.
 */

/** Every workflow step, training first, in pipeline order. */
export const WORKFLOW_STEPS = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'I1', 'I2'] as const;
/** A workflow step identifier. */
export type WorkflowStep = (typeof WORKFLOW_STEPS)[number];

/** The training steps (always present in a deployment). */
export const TRAINING_STEPS = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6'] as const;
/** A training step identifier. */
export type TrainingStep = (typeof TRAINING_STEPS)[number];

/** The inference steps (present when the model is served). */
export const INFERENCE_STEPS = ['I1', 'I2'] as const;
/** An inference step identifier. */
export type InferenceStep = (typeof INFERENCE_STEPS)[number];

/** Human-readable name of each workflow step. */
export const STEP_NAMES: Readonly<Record<WorkflowStep, string>> = {
  S1: 'preprocess',
  S2: 'design and encode',
  S3: 'transpile and map',
  S4: 'execute and measure',
  S5: 'gradients',
  S6: 'optimise',
  I1: 'hosting',
  I2: 'inference',
};

/** The roles a party can play in a QMLaaS deployment. */
export const PARTY_ROLES = [
  'data-owner',
  'classical-cloud',
  'quantum-cloud',
  'model-host',
  'api-client',
  'compiler-vendor',
  'data-supplier',
] as const;
/** A party role. */
export type PartyRole = (typeof PARTY_ROLES)[number];

/**
 * How far a party is trusted. `trusted`: assumed not to attack. `honest-but-curious`: follows
 * the protocol but reads everything it receives. `untrusted`: may also tamper, delay, reroute.
 */
export const TRUST_LEVELS = ['trusted', 'honest-but-curious', 'untrusted'] as const;
/** A trust level. */
export type TrustLevel = (typeof TRUST_LEVELS)[number];

/** Whether a cloud party shares its hardware with other customers. */
export const TENANCY_MODES = ['shared', 'dedicated'] as const;
/** A tenancy mode. */
export type Tenancy = (typeof TENANCY_MODES)[number];

/**
 * Assets that can be sent from one party to another, i.e. the `asset` of an exposure-ledger
 * record. `preprocessed-features` and `inference-features` are the classical values bound as
 * rotation angles into state-preparation circuits; `provider-credentials` is the token that
 * lets a party submit jobs to the quantum provider on the owner's account.
 */
export const LEDGER_ASSETS = [
  'raw-data',
  'labels',
  'preprocessed-features',
  'encoding-circuit',
  'pqc-architecture',
  'trained-weights',
  'transpiled-circuit',
  'measurement-outputs',
  'gradients',
  'provider-credentials',
  'inference-queries',
  'inference-features',
  'predictions',
] as const;
/** An asset that crosses a trust boundary. */
export type LedgerAsset = (typeof LEDGER_ASSETS)[number];

/** Datasets the platform ships with (referenced by name in a deployment). */
export const BUILTIN_DATASETS = ['iris', 'wine', 'breast-cancer', 'digits'] as const;
/** A built-in dataset name. */
export type BuiltinDataset = (typeof BUILTIN_DATASETS)[number];

/** What a public inference API returns per query. */
export const API_RETURNS = ['label', 'rounded-probabilities', 'probabilities'] as const;
/** An inference API output mode. */
export type ApiReturns = (typeof API_RETURNS)[number];

/** Time windows for per-key query quotas. */
export const QUOTA_WINDOWS = ['minute', 'hour', 'day'] as const;
/** A quota window. */
export type QuotaWindow = (typeof QUOTA_WINDOWS)[number];

/** Pattern of a mitigation identifier: an ATLAS `AML.M0000` or a qmlsec `QML.M0000`. */
export const MITIGATION_ID_PATTERN = /^(AML|QML)\.M\d{4}$/;

/** Pattern of a device catalog identifier, e.g. `ibm_sherbrooke`, `ionq_aria`. */
export const DEVICE_ID_PATTERN = /^[a-z][a-z0-9_]*$/;

/** Which roles may perform each workflow step. */
export const STEP_PERFORMER_ROLES: Readonly<Record<WorkflowStep, readonly PartyRole[]>> = {
  S1: ['data-owner', 'classical-cloud', 'model-host'],
  S2: ['data-owner', 'classical-cloud', 'model-host'],
  S3: ['data-owner', 'classical-cloud', 'quantum-cloud', 'compiler-vendor', 'model-host'],
  S4: ['quantum-cloud'],
  S5: ['data-owner', 'classical-cloud', 'model-host'],
  S6: ['data-owner', 'classical-cloud', 'model-host'],
  I1: ['data-owner', 'classical-cloud', 'model-host'],
  I2: ['data-owner', 'classical-cloud', 'model-host'],
};

/** Roles whose parties run infrastructure and may therefore declare a tenancy. */
export const CLOUD_ROLES: readonly PartyRole[] = ['classical-cloud', 'quantum-cloud', 'model-host'];
