/**
 * The types of the kill-chain knowledge base: tactics (ATLAS IDs), capability tokens,
 * techniques with prerequisites and effects, mitigations, objectives, attacker profiles and
 * literature references. The zod schemas that validate them live in `schema.ts`.
 */
import type { PartyRole, WorkflowStep } from '../deploy/vocabulary.js';

/** Where in the stack a technique acts. */
export const KILL_CHAIN_LAYERS = ['physical', 'algorithmic', 'data'] as const;
/** A layer. */
export type KillChainLayer = (typeof KILL_CHAIN_LAYERS)[number];

/** How established a technique is (ATLAS's maturity scale). */
export const MATURITY_LEVELS = ['feasible', 'demonstrated', 'realized'] as const;
/** A maturity level. */
export type Maturity = (typeof MATURITY_LEVELS)[number];

/** How easily a defender notices the technique. */
export const DETECTABILITY_LEVELS = ['low', 'medium', 'high'] as const;
/** A detectability level. */
export type Detectability = (typeof DETECTABILITY_LEVELS)[number];

/** Severity of an impact on confidentiality, integrity or availability. */
export const IMPACT_LEVELS = ['none', 'low', 'medium', 'high'] as const;
/** An impact level. */
export type ImpactLevel = (typeof IMPACT_LEVELS)[number];

/** The assets a technique harms. */
export const TARGET_ASSETS = [
  'training-data',
  'test-data',
  'labels',
  'encoding-circuit',
  'pqc-architecture',
  'trained-parameters',
  'outputs',
  'qpu-time',
  'money',
] as const;
/** A target asset. */
export type TargetAsset = (typeof TARGET_ASSETS)[number];

/** The attacker positions the engine reasons about. */
export const PROFILE_IDS = [
  'api-client',
  'co-tenant',
  'classical-cloud-insider',
  'quantum-cloud-insider',
  'compiler-vendor',
  'data-supplier',
] as const;
/** An attacker profile ID. */
export type ProfileId = (typeof PROFILE_IDS)[number];

/** The objectives the engine searches paths to. */
export const OBJECTIVE_IDS = [
  'steal-model-ip',
  'steal-training-data',
  'targeted-misclassification',
  'degrade-integrity',
  'deny-service',
  'inflate-cost',
] as const;
/** An objective ID. */
export type ObjectiveId = (typeof OBJECTIVE_IDS)[number];

/** The security property an objective violates. */
export type CiaDimension = 'confidentiality' | 'integrity' | 'availability';

/** A literature reference. */
export interface LiteratureReference {
  readonly id: string;
  readonly authors: string;
  readonly title: string;
  readonly venue: string;
  readonly year?: number;
  readonly arxiv?: string;
  readonly doi?: string;
  readonly url?: string;
}

/** An ATLAS tactic, in our words. */
export interface Tactic {
  readonly id: string;
  readonly name: string;
  /** The lowercase, hyphenated name ATLAS's Navigator layers and STIX data use. */
  readonly shortname: string;
  readonly description: string;
}

/** A capability token: a fact about the attacker or the deployment (`acc:inference-api`). */
export interface CapabilityToken {
  readonly id: string;
  readonly description: string;
}

/**
 * A prerequisite clause: a single token, or a list of alternatives (any one suffices). A
 * technique's prerequisites are all of its clauses (conjunctive normal form).
 */
export type Clause = string | readonly string[];

/** C/I/A impact of a technique. */
export interface CiaImpact {
  readonly confidentiality: ImpactLevel;
  readonly integrity: ImpactLevel;
  readonly availability: ImpactLevel;
}

/** A QML attack technique. */
export interface Technique {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly tactics: readonly string[];
  readonly layer: KillChainLayer;
  readonly steps: readonly WorkflowStep[];
  readonly assets: readonly TargetAsset[];
  readonly impact: CiaImpact;
  readonly positions: readonly ProfileId[];
  readonly prerequisites: readonly Clause[];
  readonly effects: readonly string[];
  /** ATLAS analogue technique IDs (`AML.T0024.002`), when one exists. */
  readonly atlas: readonly string[];
  /** Keys into the reference list. */
  readonly references: readonly string[];
  readonly maturity: Maturity;
  readonly detectability: Detectability;
  /** Scenario ID of the lab attack that executes this technique (filled by the `lab` room). */
  readonly labAttack?: string;
}

/** Mitigation categories (ATLAS's, plus quantum-specific technical controls). */
export const MITIGATION_CATEGORIES = ['policy', 'technical-cyber', 'technical-ml', 'technical-quantum'] as const;
/** A mitigation category. */
export type MitigationCategory = (typeof MITIGATION_CATEGORIES)[number];

/** What a mitigation costs to run. */
export interface MitigationCost {
  readonly level: 'low' | 'medium' | 'high';
  readonly note: string;
}

/** A mitigation: which techniques it removes and which it only makes costlier. */
export interface Mitigation {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly category: MitigationCategory;
  /** Techniques this mitigation prevents at the model's granularity (removed from the graph). */
  readonly blocks: readonly string[];
  /** Techniques this mitigation makes costlier or riskier (likelihood halved per mitigation). */
  readonly hinders: readonly string[];
  readonly cost: MitigationCost;
  readonly references: readonly string[];
}

/** An attacker objective, reached when any of its goal tokens is derived. */
export interface Objective {
  readonly id: ObjectiveId;
  readonly name: string;
  readonly description: string;
  readonly goals: readonly string[];
  readonly dimension: CiaDimension;
}

/** Tokens an attacker gets when all `when` tokens hold in the deployment. */
export interface ProfileGrant {
  readonly when: readonly string[];
  readonly tokens: readonly string[];
}

/** An attacker position. */
export interface AttackerProfile {
  readonly id: ProfileId;
  readonly name: string;
  readonly description: string;
  /** Tokens the attacker always has. */
  readonly base: readonly string[];
  /** Conditional tokens. */
  readonly grants: readonly ProfileGrant[];
  /**
   * Insider of parties with these roles: holds the assets those parties received (exposure
   * ledger) unless trusted; gets control tokens for the steps they perform when untrusted.
   */
  readonly insiderOf: readonly PartyRole[];
}

/** An ATLAS technique imported from `ATLAS.yaml` (reference entry, not used for chaining). */
export interface AtlasTechnique {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly tactics: readonly string[];
  readonly subtechniqueOf?: string;
  readonly maturity?: Maturity;
}

/** An ATLAS mitigation imported from `ATLAS.yaml`. */
export interface AtlasMitigation {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly techniques: readonly { readonly id: string; readonly use: string }[];
}

/** Imported ATLAS data merged into a knowledge base. */
export interface AtlasCatalog {
  readonly version: string;
  readonly techniques: readonly AtlasTechnique[];
  readonly mitigations: readonly AtlasMitigation[];
}

/** Workflow steps as used by the knowledge base. */
export type KbWorkflowStep = WorkflowStep;
