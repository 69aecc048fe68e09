/**
 * Scenario 1's defenses, each run against the same attacker plan on its own live service:
 *
 * - `query-quota` (AML.M0004): every key gets a lifetime query quota; the attacker trains on
 *   what it got before the 429s; the cost is the honest queries refused.
 * - `ood-detection` and `prada-detection` (AML.M0024 + AML.M0015): the operator watches each
 *   key's stream in the audit log (inputs from the query journal) and revokes a key as soon as
 *   its detector raises the alarm; measured: detection delay, what the attacker still got,
 *   false alarms on honest clients, raw queries retained, detector time.
 * - `top1-labels` and `rounded-probabilities` (AML.M0002): the service answers labels only, or
 *   probabilities rounded to d decimals; the cost is the honest clients' loss of calibrated
 *   probabilities (Brier score increase on the real Iris rows).
 */
import { Rng } from '../../../core/rng.js';
import type { SpecRunResult } from '../../../qml/runner.js';
import type { Metrics, SeriesPoint } from '../../scenario.js';
import { ApiClient } from '../../common/api-client.js';
import { predictLabels, type DifferentiableClassifier } from '../../common/classifier.js';
import { ExtractionMonitor } from '../../common/extraction-monitor.js';
import { harvestThroughApi, type ExtractionPlan } from '../../common/extraction.js';
import { runHonestClients, type HonestOutcome } from '../../common/honest-traffic.js';
import { calibrateOodCusum, OodCusumDetector } from '../../common/ood-cusum.js';
import type { OutputPolicy } from '../../common/output-policy.js';
import { serveVictim, type ServedVictim } from '../../common/platform.js';
import type { GaussianPopulation } from '../../common/population.js';
import { PradaDetector } from '../../common/prada.js';
import type { StreamDetector } from '../../common/stream-detector.js';
import type { ExtractionBudget, ServingSetup } from './settings.js';
import { S1_CHARTS } from './charts.js';
import { sweepBudgets, type Scorer, type SweepPoint } from './sweep.js';

/** What every defense run shares. */
export interface DefenseRunContext {
  readonly seed: number;
  readonly victim: SpecRunResult;
  readonly victimClassifier: DifferentiableClassifier;
  readonly budget: ExtractionBudget;
  readonly serving: ServingSetup;
  /** The attacker's plan against defenses (budget = `budget.defenseBudget`). */
  readonly plan: ExtractionPlan;
  /** Budgets scored under each defense. */
  readonly sweep: readonly number[];
  readonly scorer: Scorer;
  /** The data distribution honest clients draw from. */
  readonly population: GaussianPopulation;
  /** The operator's own training data (the OOD detector's reference). */
  readonly training: { readonly population: GaussianPopulation; readonly rows: readonly (readonly number[])[] };
  /** The real labelled rows an honest client checks calibration on. */
  readonly real: { readonly rows: readonly (readonly number[])[]; readonly labels: Int32Array };
  /** Undefended sweep, for the loss a defense causes at the same budget. */
  readonly undefended: readonly SweepPoint[];
  /** Brier score of the undefended service's answers on the real rows. */
  readonly undefendedBrier: number;
}

/** One defense's measured outcome. */
export interface DefenseOutcome {
  readonly metrics: Metrics;
  readonly cost: Metrics;
  readonly series: SeriesPoint[];
}

/** Mean Brier score Σ_c (p_c − [c = y])² of answers against true labels. */
export function brierScore(probabilities: readonly (readonly number[])[], labels: ArrayLike<number>): number {
  let s = 0;
  probabilities.forEach((p, i) => p.forEach((v, c) => (s += (v - (c === labels[i] ? 1 : 0)) ** 2)));
  return s / probabilities.length;
}

/** An honest client sends the real rows and scores the answers' Brier score. */
export async function honestBrier(served: ServedVictim, real: DefenseRunContext['real']): Promise<number> {
  const key = await served.issueKey('honest-calibration', null);
  const r = await new ApiClient(served.service, served.modelId, key.secret, served.classes).predictAll(real.rows, { batchSize: 25 });
  return brierScore(r.answers.map((a) => a.probabilities), real.labels);
}

function attackMetrics(dc: DefenseRunContext, points: readonly SweepPoint[], answered: number): Metrics {
  const last = points[points.length - 1] as SweepPoint;
  const base = dc.undefended.find((p) => p.budget === last.budget);
  return {
    agreement_ensemble: last.ensemble.agreement,
    accuracy_ensemble: last.ensemble.accuracy,
    agreement_naive: last.naive.agreement,
    accuracy_naive: last.naive.accuracy,
    queries_answered: answered,
    ...(base ? { agreement_loss_points: 100 * (base.ensemble.agreement - last.ensemble.agreement) } : {}),
  };
}

function defenseSeries(id: string, points: readonly SweepPoint[]): SeriesPoint[] {
  return points.flatMap((p) => [
    { series: `${S1_CHARTS.agreement}: ensemble, ${id}`, x: p.budget, y: p.ensemble.agreement },
    { series: `${S1_CHARTS.accuracy}: ensemble, ${id}`, x: p.budget, y: p.ensemble.accuracy },
  ]);
}

function honestRefusals(honest: readonly HonestOutcome[]): Metrics {
  const sent = honest.reduce((n, h) => n + h.answers.length + h.refused, 0);
  const refused = honest.reduce((n, h) => n + h.refused, 0);
  return {
    honest_queries_refused_pct: (100 * refused) / sent,
    honest_clients_refused_pct: (100 * honest.filter((h) => h.refused > 0).length) / honest.length,
  };
}

async function attackUnder(dc: DefenseRunContext, served: ServedVictim, quota: number | null, afterRequest?: (keyId: string) => Promise<void>) {
  const key = await served.issueKey('attacker', quota);
  const harvest = await harvestThroughApi(served, key, dc.plan, `${dc.seed}:defended`, afterRequest ? () => afterRequest(key.id) : undefined);
  const points = await sweepBudgets(dc.plan, harvest, dc.sweep, `${dc.seed}:defended`, dc.scorer);
  return { key, harvest, points };
}

/** Per-key lifetime quota. */
export async function quotaDefense(dc: DefenseRunContext): Promise<DefenseOutcome> {
  const served = await serveVictim(dc.victim.artifact, { shots: dc.serving.shots, seed: dc.seed, output: dc.serving.output });
  try {
    const quota = Math.min(dc.budget.quota, dc.serving.quota ?? Infinity);
    const { harvest, points } = await attackUnder(dc, served, quota);
    const honest = await runHonestClients(served, dc.population, dc.budget.honest, quota, `${dc.seed}:quota`);
    return {
      metrics: { ...attackMetrics(dc, points, harvest.answers.length), attacker_queries_refused: harvest.refused, quota_per_key: quota },
      cost: honestRefusals(honest),
      series: defenseSeries('query-quota', points),
    };
  } finally {
    await served.close();
  }
}

/**
 * PRADA's δ as an operator would set it: the largest threshold that raises no alarm on
 * calibration streams of honest traffic (fresh draws, not the evaluated clients).
 */
export function calibratePradaDelta(dc: DefenseRunContext): number {
  let smallest = 1;
  const rng = new Rng(`${dc.seed}:prada-calibration`);
  for (let s = 0; s < dc.budget.calibrationStreams; s++) {
    const sample = dc.population.sample(dc.budget.honest.maxQueries, rng.fork(`stream:${s}`));
    const labels = predictLabels(dc.victimClassifier, sample.rows);
    const d = new PradaDetector({ delta: Number.MIN_VALUE });
    sample.rows.forEach((x, i) => d.observe(x, labels[i] as number));
    smallest = Math.min(smallest, d.smallestW);
  }
  return Math.max(Number.MIN_VALUE, smallest - 0.005);
}

/** Audit-log detection with revocation: the OOD-rate CUSUM, or PRADA. */
export async function detectionDefense(dc: DefenseRunContext, kind: 'ood' | 'prada'): Promise<DefenseOutcome> {
  let newDetector: () => StreamDetector;
  let setting: Metrics;
  if (kind === 'ood') {
    const config = calibrateOodCusum(dc.training.population, dc.training.rows);
    newDetector = () => new OodCusumDetector(config);
    setting = { ood_threshold_mahalanobis2: config.oodThreshold };
  } else {
    const delta = calibratePradaDelta(dc);
    newDetector = () => new PradaDetector({ delta });
    setting = { prada_threshold_w: delta };
  }
  const served = await serveVictim(dc.victim.artifact, { shots: dc.serving.shots, seed: dc.seed, output: dc.serving.output, journal: true });
  try {
    const monitor = new ExtractionMonitor(served.store, served.journal as NonNullable<ServedVictim['journal']>, served.classes, newDetector);
    const revoked = new Set<string>();
    let monitorMs = 0;
    const watch = async (keyId: string): Promise<void> => {
      const t0 = performance.now();
      const at = await monitor.poll(keyId);
      monitorMs += performance.now() - t0;
      if (at !== undefined && !revoked.has(keyId)) {
        revoked.add(keyId);
        await served.revokeKey(keyId);
      }
    };
    const { key, harvest, points } = await attackUnder(dc, served, dc.serving.quota, watch);
    const detectedAt = monitor.detector(key.id)?.detectedAt;
    const honest = await runHonestClients(served, dc.population, dc.budget.honest, dc.serving.quota, `${dc.seed}:${kind}`, watch);
    const flagged = honest.filter((h) => revoked.has(h.keyId)).length;
    const processed = monitor.queriesSeen(key.id) + honest.reduce((n, h) => n + monitor.queriesSeen(h.keyId), 0);
    return {
      metrics: {
        ...attackMetrics(dc, points, harvest.answers.length),
        attacker_detected_pct: detectedAt === undefined ? 0 : 100,
        detection_delay_queries: detectedAt ?? Number.NaN,
        ...setting,
      },
      cost: {
        honest_false_positive_pct: (100 * flagged) / honest.length,
        ...honestRefusals(honest),
        raw_queries_retained: served.journal?.retainedRows ?? 0,
        detector_ms_per_query: monitorMs / Math.max(1, processed),
      },
      series: defenseSeries(`${kind}-detection`, points),
    };
  } finally {
    await served.close();
  }
}

/** Output obfuscation: labels only, or rounded probabilities. */
export async function obfuscationDefense(dc: DefenseRunContext, id: string, policy: OutputPolicy): Promise<DefenseOutcome> {
  const served = await serveVictim(dc.victim.artifact, { shots: dc.serving.shots, seed: dc.seed, output: policy });
  try {
    const { harvest, points } = await attackUnder(dc, served, dc.serving.quota);
    const brier = await honestBrier(served, dc.real);
    return {
      metrics: attackMetrics(dc, points, harvest.answers.length),
      cost: { honest_brier_increase: brier - dc.undefendedBrier },
      series: defenseSeries(id, points),
    };
  } finally {
    await served.close();
  }
}
