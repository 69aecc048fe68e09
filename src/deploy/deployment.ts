/**
 * The normalized deployment model: what a deployment file means once shorthands are expanded
 * and defaults filled in. This is the type the platform, the threat engine and the lab share.
 */
import type { InlineModelSpec } from './schema.js';
import type {
  ApiReturns,
  BuiltinDataset,
  PartyRole,
  QuotaWindow,
  Tenancy,
  TrustLevel,
  WorkflowStep,
} from './vocabulary.js';

/** A party of the deployment with every optional field resolved. */
export interface Party {
  readonly id: string;
  readonly role: PartyRole;
  readonly name?: string;
  readonly trust: TrustLevel;
  /** Device catalog IDs offered by a quantum cloud (empty for other roles). */
  readonly devices: readonly string[];
  /** Whether the party's hardware is shared with other customers (default `dedicated`). */
  readonly tenancy: Tenancy;
  /** Whether customers may submit pulse-level programs (quantum clouds only, default false). */
  readonly pulseLevelAccess: boolean;
}

/** The dataset to train on. */
export type DatasetSpec =
  | { readonly kind: 'builtin'; readonly name: BuiltinDataset }
  | {
      readonly kind: 'csv';
      readonly path: string;
      readonly labelColumn?: string;
      readonly featureColumns?: readonly string[];
    };

/**
 * The model: a path to a model-spec file, or an inline spec. The inline spec is opaque to this
 * room (only `qubits`, `encoder`, `ansatz`, `layers` are typed); the `qml` room validates it.
 */
export type ModelRef =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'inline'; readonly spec: InlineModelSpec };

/** A per-API-key query quota. */
export interface QueryQuota {
  readonly perKey: number;
  readonly window: QuotaWindow;
}

/** How the trained model is served. */
export interface Serving {
  readonly publicApi: boolean;
  readonly returns: ApiReturns;
  readonly roundingDigits?: number;
  readonly quota?: QueryQuota;
}

/** Which party (or parties) performs each workflow step. Training steps are always present. */
export type Workflow = Readonly<Record<'S1' | 'S2' | 'S3' | 'S4' | 'S5' | 'S6', readonly string[]>> &
  Readonly<Partial<Record<'I1' | 'I2', readonly string[]>>>;

/** A normalized QMLaaS deployment. */
export interface Deployment {
  readonly name: string;
  readonly description?: string;
  readonly dataset: DatasetSpec;
  readonly model: ModelRef;
  readonly parties: readonly Party[];
  readonly workflow: Workflow;
  /** `vendor`: party ID of a third-party transpiler supplier (software only, no data). */
  readonly transpiler: { readonly vendor?: string; readonly optimizationLevel?: number };
  readonly execution: { readonly shots: number; readonly seed?: number };
  readonly serving?: Serving;
  /** Mitigation IDs switched on (ATLAS `AML.M…` or qmlsec `QML.M…`). */
  readonly mitigations: readonly string[];
}

/** The parties performing `step` (empty if the step is absent, e.g. I1 without serving). */
export function performersOf(deployment: Deployment, step: WorkflowStep): readonly string[] {
  return (deployment.workflow as Readonly<Partial<Record<WorkflowStep, readonly string[]>>>)[step] ?? [];
}

/** The party with `id`, or undefined. */
export function findParty(deployment: Deployment, id: string): Party | undefined {
  return deployment.parties.find((p) => p.id === id);
}

/** All parties with one of `roles`. */
export function partiesWithRole(deployment: Deployment, ...roles: PartyRole[]): readonly Party[] {
  return deployment.parties.filter((p) => roles.includes(p.role));
}

/** The data owner's party ID (validation guarantees exactly one). */
export function dataOwnerOf(deployment: Deployment): string {
  const owner = deployment.parties.find((p) => p.role === 'data-owner');
  if (!owner) throw new Error(`deployment "${deployment.name}" has no data-owner party`);
  return owner.id;
}
