/**
 * The lab's contracts. A Scenario chains attacks along an attack-graph path (its technique
 * IDs) from one attacker position; it runs once per seed against the live pipeline, without
 * and with each defense variant, and returns measured metrics, each defense's cost, and
 * series for charts (budget sweeps, ε sweeps, ROC curves).
 */
import type { Deployment } from '../deploy/deployment.js';
import type { ProfileId } from '../threat/model.js';

/** Measured numbers of one run (name → value). */
export type Metrics = Record<string, number>;

/** One point of a chart series (e.g. x = query budget, y = agreement). */
export interface SeriesPoint {
  readonly series: string;
  readonly x: number;
  readonly y: number;
}

/** A defense variant of a scenario: which mitigations (ATLAS AML.M… / QML.M…) it applies. */
export interface DefenseVariant {
  readonly id: string;
  readonly mitigations: readonly string[];
  readonly description: string;
}

/** What one seed's run of a scenario measured. */
export interface ScenarioRun {
  /** The attack without defenses. */
  readonly attack: Metrics;
  /** Per defense variant id: what the attacker still achieves, and what the defense costs. */
  readonly defenses: Readonly<Record<string, { readonly metrics: Metrics; readonly cost: Metrics }>>;
  readonly series?: readonly SeriesPoint[];
  /** Free-form facts worth reporting (e.g. the model attacked, budgets used). */
  readonly notes?: Readonly<Record<string, string | number>>;
}

export interface ScenarioContext {
  readonly seed: number;
  /** The deployment under attack (a scenario may supply its own default). */
  readonly deployment?: Deployment;
  /** Smaller budgets for the demo and tests (default false). */
  readonly quick?: boolean;
  /** Progress within this seed's run, 0..1, with a short message. */
  readonly progress?: (fraction: number, message: string) => void;
}

export interface Scenario {
  /** Stable id, e.g. `s1-model-extraction`. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** The kill-chain path the scenario executes (QML.T… and ATLAS AML.T… ids), in order. */
  readonly techniques: readonly string[];
  readonly attacker: ProfileId;
  /** The published result the scenario reproduces, and where it comes from. */
  readonly anchor?: { readonly source: string; readonly claim: string };
  readonly defenses: readonly DefenseVariant[];
  /**
   * Throws a clear error when the deployment has no place for this attacker (e.g. a
   * co-tenant scenario on a single-tenant deployment).
   */
  checkDeployment?(deployment: Deployment): void;
  /** 0..1 per technique id from a run's attack metrics (for the Navigator layer). */
  impact(attack: Metrics): ReadonlyMap<string, number>;
  run(ctx: ScenarioContext): Promise<ScenarioRun>;
}
