/**
 * Model extraction through the live inference API (QML.T0011 → QML.T0037 → QML.T0038):
 * the attacker spends a query budget on Jacobian-augmented synthetic inputs through its API
 * key, then trains the naive substitute and QuantumLeak's ensemble on the answers. Shared by
 * scenario 1 (extraction) and scenario 2 (the transfer attack starts from the stolen model).
 */
import { InputError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { qnnConfigOf } from '../../qml/spec.js';
import { ApiClient } from './api-client.js';
import { IRIS_PUBLIC_STATS, IRIS_VICTIM_SPEC } from './iris.js';
import type { LabApiKey, ServedVictim } from './platform.js';
import { harvestWithJbda, type HarvestedSet, type JbdaSettings } from './query-synthesis.js';
import { trainEnsembleSubstitute, trainNaiveSubstitute, type SubstituteSettings, type TrainedSubstitute } from './substitutes.js';

/** Everything the extraction attacker decides. */
export interface ExtractionPlan {
  /** Queries the attacker is willing to spend. */
  readonly budget: number;
  /** Rows per API request. */
  readonly batchSize: number;
  readonly jbda: JbdaSettings;
  readonly substitute: SubstituteSettings;
}

/** Papernot et al.'s augmentation with their λ = 0.1 (of the feature range) and τ = 3. */
export const DEFAULT_JBDA: JbdaSettings = { seedSize: 40, lambda: 0.1, tau: 3, workingEpochs: 10 };

/**
 * The Iris attacker's substitutes: the victim's published QNN family (4 qubits, angle
 * encoding, two StronglyEntanglingLayers, ⟨Z⟩ readout, linear head), inputs scaled from the
 * public ranges; K = 5 ensemble members (QuantumLeak's default committee; it studies 3, 5
 * and 7); Huber δ = 0.5 — residuals of probabilities lie in [−1, 1], and δ = 1 would make
 * the Huber loss half the squared error everywhere, dropping the robustness to outlying
 * answers that motivates it. Epochs shrink as the transfer set grows (about 6,000 sample
 * gradients per model, 10 to 60 epochs), the same rule for naive and ensemble members.
 */
export function irisSubstituteSettings(classes: readonly string[]): SubstituteSettings {
  return {
    qnn: qnnConfigOf(IRIS_VICTIM_SPEC),
    classes,
    ranges: IRIS_PUBLIC_STATS.map((s) => [s.min, s.max] as const),
    epochs: (n) => Math.max(10, Math.min(60, Math.round(6000 / n))),
    batchSize: 32,
    learningRate: 0.05,
    members: 5,
    huberDelta: 0.5,
  };
}

/** Checks a plan's numbers, naming the one that is wrong. */
export function checkExtractionPlan(plan: ExtractionPlan): void {
  if (!Number.isInteger(plan.budget) || plan.budget < 1) throw new InputError(`the extraction query budget must be a positive whole number of queries, got ${plan.budget}`, 'BUDGET');
  if (!Number.isInteger(plan.batchSize) || plan.batchSize < 1) throw new InputError(`rows per request must be a positive whole number, got ${plan.batchSize}`, 'BUDGET');
  if (!Number.isInteger(plan.jbda.seedSize) || plan.jbda.seedSize < 1) throw new InputError(`the seed set must hold at least one query, got ${plan.jbda.seedSize}`, 'BUDGET');
  if (!(plan.jbda.lambda > 0)) throw new InputError(`the augmentation step λ must be positive, got ${plan.jbda.lambda}`, 'BUDGET');
}

/**
 * Harvests through the API with `key`. `afterRequest` runs after every answered request (the
 * operator's monitor, which may revoke the key).
 */
export async function harvestThroughApi(served: ServedVictim, key: LabApiKey, plan: ExtractionPlan, seed: string, afterRequest?: () => Promise<void>): Promise<HarvestedSet> {
  checkExtractionPlan(plan);
  const client = new ApiClient(served.service, served.modelId, key.secret, served.classes);
  return harvestWithJbda(
    (rows) => client.predictAll(rows, { batchSize: plan.batchSize, ...(afterRequest ? { afterRequest } : {}) }),
    plan.budget, IRIS_PUBLIC_STATS, plan.substitute, plan.jbda, new Rng(`${seed}:jbda`),
  );
}

/** Both substitutes trained on the first `budget` answered queries (or all, if fewer). */
export async function trainSubstitutes(plan: ExtractionPlan, harvest: HarvestedSet, budget: number, seed: string): Promise<{ naive: TrainedSubstitute; ensemble: TrainedSubstitute; used: number }> {
  const used = Math.min(budget, harvest.answers.length);
  if (used === 0) throw new InputError('the API answered no query: there is nothing to train a substitute on', 'EXTRACTION');
  const q = harvest.queries.slice(0, used);
  const a = harvest.answers.slice(0, used);
  const naive = await trainNaiveSubstitute(plan.substitute, q, a, `${seed}:${used}`);
  const ensemble = trainEnsembleSubstitute(plan.substitute, q, a, `${seed}:${used}`);
  return { naive, ensemble, used };
}
