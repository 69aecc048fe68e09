/**
 * Scenario 1 — model extraction through the inference API (QML.T0011/AML.T0040 → QML.T0037 →
 * QML.T0038/AML.T0005.001 → QML.T0047/AML.T0024.002). An API client who knows the victim's
 * published QNN family and the public Iris statistics, but no training data, spends a query
 * budget on Jacobian-augmented synthetic inputs against the served 4-qubit Iris model (answers
 * carry shot noise), and trains a naive substitute and QuantumLeak's bagged Huber ensemble.
 * Measured per budget: agreement with the victim and accuracy, naive vs ensemble; then the
 * same attacker against a per-key quota, two audit-log detectors with revocation, and two
 * output obfuscations, each with its cost to honest clients.
 */
import { InputError } from '../../../core/errors.js';
import { Rng } from '../../../core/rng.js';
import { loadDataset } from '../../../data/registry.js';
import { trainTestSplit } from '../../../data/split.js';
import type { Deployment } from '../../../deploy/deployment.js';
import { datasetRows, trainFromSpec } from '../../../qml/runner.js';
import type { Metrics, Scenario, ScenarioContext, ScenarioRun, SeriesPoint } from '../../scenario.js';
import { hybridClassifier, predictLabels } from '../../common/classifier.js';
import { DEFAULT_JBDA, harvestThroughApi, irisSubstituteSettings, type ExtractionPlan } from '../../common/extraction.js';
import { IRIS_VICTIM_SPEC } from '../../common/iris.js';
import { describePolicy } from '../../common/output-policy.js';
import { serveVictim } from '../../common/platform.js';
import { GaussianPopulation } from '../../common/population.js';
import { detectionDefense, honestBrier, obfuscationDefense, quotaDefense, type DefenseOutcome, type DefenseRunContext } from './defenses.js';
import { checkExtractionBudget, deploymentNote, EXTRACTION_BUDGETS, servingSetup, type ExtractionBudget } from './settings.js';
import { S1_CHARTS } from './charts.js';
import { scorer, sweepBudgets, type SweepPoint } from './sweep.js';

/** Scenario id. */
export const S1_ID = 's1-model-extraction';

/** Throws an InputError when the deployment offers no public inference API (no API-client position). */
export function checkPublicApi(deployment: Deployment, scenarioId: string): void {
  if (!deployment.serving?.publicApi) {
    throw new InputError(
      `deployment "${deployment.name}" has no public inference API (serving.publicApi is ${deployment.serving ? 'false' : 'missing'}), so the attacker position "api-client" of scenario ${scenarioId} does not exist; use a deployment with serving.publicApi: true`,
      'DEPLOYMENT',
    );
  }
}

function sweepSeries(points: readonly SweepPoint[]): SeriesPoint[] {
  return points.flatMap((p) => [
    { series: `${S1_CHARTS.agreement}: naive`, x: p.budget, y: p.naive.agreement },
    { series: `${S1_CHARTS.agreement}: ensemble`, x: p.budget, y: p.ensemble.agreement },
    { series: `${S1_CHARTS.accuracy}: naive`, x: p.budget, y: p.naive.accuracy },
    { series: `${S1_CHARTS.accuracy}: ensemble`, x: p.budget, y: p.ensemble.accuracy },
    { series: `${S1_CHARTS.gain}: agreement`, x: p.budget, y: 100 * (p.ensemble.agreement - p.naive.agreement) },
    { series: `${S1_CHARTS.gain}: accuracy`, x: p.budget, y: 100 * (p.ensemble.accuracy - p.naive.accuracy) },
  ]);
}

/** Runs scenario 1 once (one seed) with explicit budgets. */
export async function runModelExtraction(ctx: ScenarioContext, budget: ExtractionBudget): Promise<ScenarioRun> {
  checkExtractionBudget(budget);
  if (ctx.deployment) checkPublicApi(ctx.deployment, S1_ID);
  const seed = ctx.seed;
  const progress = (f: number, m: string) => ctx.progress?.(f, m);
  const t0 = performance.now();
  const serving = servingSetup(ctx.deployment, budget.shots);

  progress(0, 'training the victim');
  const victim = await trainFromSpec(IRIS_VICTIM_SPEC, { seed });
  const victimClassifier = hybridClassifier(victim.model);
  const iris = loadDataset('iris');
  const realRows = datasetRows(iris);
  const population = GaussianPopulation.fit(iris);
  const heldOut = population.sample(budget.heldOut, new Rng(`${seed}:held-out`)).rows;
  const score = scorer(victimClassifier, heldOut, realRows, iris.labels);
  const maxBudget = budget.budgets[budget.budgets.length - 1] as number;
  const plan: ExtractionPlan = { budget: maxBudget, batchSize: budget.batchSize, jbda: DEFAULT_JBDA, substitute: irisSubstituteSettings(victim.model.classes) };

  progress(0.05, 'harvesting through the API');
  const served = await serveVictim(victim.artifact, { shots: serving.shots, seed, output: serving.output });
  let undefended: SweepPoint[];
  let noisePct: number;
  let undefendedBrier: number;
  let harvested: number;
  try {
    const key = await served.issueKey('attacker', serving.quota);
    const harvest = await harvestThroughApi(served, key, plan, `${seed}`);
    harvested = harvest.answers.length;
    const exact = predictLabels(victimClassifier, harvest.queries);
    noisePct = (100 * harvest.answers.filter((a, b) => a.label !== exact[b]).length) / Math.max(1, harvested);
    undefendedBrier = await honestBrier(served, { rows: realRows, labels: iris.labels });
    undefended = await sweepBudgets(plan, harvest, budget.budgets, `${seed}`, score, (i) => progress(0.1 + (0.3 * (i + 1)) / budget.budgets.length, `substitutes at ${budget.budgets[i]} queries`));
  } finally {
    await served.close();
  }
  const top = undefended[undefended.length - 1] as SweepPoint;
  const atDefenseBudget = undefended.find((p) => p.budget === budget.defenseBudget) ?? top;
  const gains = undefended.map((p) => 100 * (p.ensemble.agreement - p.naive.agreement));
  const attack: Metrics = {
    agreement_ensemble: atDefenseBudget.ensemble.agreement,
    accuracy_ensemble: atDefenseBudget.ensemble.accuracy,
    agreement_naive: atDefenseBudget.naive.agreement,
    accuracy_naive: atDefenseBudget.naive.accuracy,
    victim_test_accuracy: victim.test.accuracy,
    api_label_noise_pct: noisePct,
    query_budget: maxBudget,
    queries_harvested: harvested,
    agreement_naive_at_max_budget: top.naive.agreement,
    agreement_ensemble_at_max_budget: top.ensemble.agreement,
    accuracy_naive_at_max_budget: top.naive.accuracy,
    accuracy_ensemble_at_max_budget: top.ensemble.accuracy,
    ensemble_gain_points_at_max_budget: 100 * (top.ensemble.agreement - top.naive.agreement),
    ensemble_gain_points_mean_over_budgets: gains.reduce((a, b) => a + b, 0) / gains.length,
    accuracy_gain_points_mean_over_budgets: undefended.reduce((a, p) => a + 100 * (p.ensemble.accuracy - p.naive.accuracy), 0) / undefended.length,
    attack_seconds: (performance.now() - t0) / 1000,
  };

  const split = trainTestSplit(iris, { testSize: IRIS_VICTIM_SPEC.split?.test_size ?? 0.3, seed: IRIS_VICTIM_SPEC.split?.seed ?? seed, stratify: true });
  const dc: DefenseRunContext = {
    seed, victim, victimClassifier, budget, serving, scorer: score, population, undefended, undefendedBrier,
    plan: { ...plan, budget: budget.defenseBudget },
    sweep: budget.defenseSweep ? [...budget.budgets.filter((b) => b < budget.defenseBudget), budget.defenseBudget] : [budget.defenseBudget],
    training: { population: GaussianPopulation.fit(split.train), rows: datasetRows(split.train) },
    real: { rows: realRows, labels: iris.labels },
  };
  const runs: [string, () => Promise<DefenseOutcome>][] = [
    ['query-quota', () => quotaDefense(dc)],
    ['ood-detection', () => detectionDefense(dc, 'ood')],
    ['prada-detection', () => detectionDefense(dc, 'prada')],
    ['top1-labels', () => obfuscationDefense(dc, 'top1-labels', { kind: 'label' })],
    ['rounded-probabilities', () => obfuscationDefense(dc, 'rounded-probabilities', { kind: 'rounded', digits: budget.roundingDigits })],
  ];
  const defenses: Record<string, { metrics: Metrics; cost: Metrics }> = {};
  const series: SeriesPoint[] = sweepSeries(undefended);
  for (let i = 0; i < runs.length; i++) {
    const [id, run] = runs[i] as [string, () => Promise<DefenseOutcome>];
    progress(0.45 + (0.55 * i) / runs.length, `defense ${id}`);
    const o = await run();
    defenses[id] = { metrics: o.metrics, cost: o.cost };
    series.push(...o.series);
  }
  progress(1, 'done');
  return {
    attack,
    defenses,
    series,
    notes: {
      key_metric: 'agreement_ensemble',
      chart_x: 'queries to the API',
      [`chart_y:${S1_CHARTS.agreement}`]: 'agreement with the victim (held-out inputs)',
      [`chart_y:${S1_CHARTS.accuracy}`]: 'accuracy on the 150 Iris rows',
      [`chart_y:${S1_CHARTS.gain}`]: 'ensemble − naive (points)',
      metrics: 'agreement_*/accuracy_* without a suffix: at the defense budget (the attacker\'s budget in every defense run); *_at_max_budget: at the largest budget of the sweep',
      victim: '4-qubit hybrid QNN of examples/iris.yaml (angle encoding, 2 StronglyEntanglingLayers, ⟨Z⟩, linear head), trained per seed',
      serving: `${describePolicy(serving.output)}, ${serving.shots} shots per request${serving.quota !== null ? `, per-key quota ${serving.quota}` : ''}`,
      query_strategy: `Jacobian-based augmentation (Papernot et al. 2017) from ${DEFAULT_JBDA.seedSize} seed queries drawn from the public UCI summary statistics; λ = ${DEFAULT_JBDA.lambda} of each feature's public range, sign flipped every ${DEFAULT_JBDA.tau} rounds`,
      substitutes: `naive: one QNN, cross-entropy on returned labels; ensemble: ${plan.substitute.members} QNNs on bootstrap samples, Huber δ = ${plan.substitute.huberDelta} on returned probabilities, mean probabilities`,
      budgets: budget.budgets.join(', '),
      defense_budget: budget.defenseBudget,
      agreement_set: `${budget.heldOut} held-out inputs from class-conditional Gaussians fitted to Iris; accuracy on the 150 real rows`,
      ...deploymentNote(ctx.deployment),
      honest_traffic: `${budget.honest.clients} clients per defense, log-normal workloads (median ${budget.honest.medianQueries}, σ ${budget.honest.sigma}, ${budget.honest.minQueries}..${budget.honest.maxQueries} queries)`,
    },
  };
}

/** Scenario 1 as registered. */
export const modelExtractionScenario: Scenario = {
  id: S1_ID,
  title: 'Model extraction through the inference API',
  description:
    'An API client steals the served 4-qubit Iris QNN: Jacobian-augmented synthetic queries through its API key (answers with shot noise), then a naive substitute and QuantumLeak\'s ensemble (bagging + Huber loss). Agreement and accuracy vs query budget; defenses: per-key quota, audit-log detection (out-of-distribution CUSUM, PRADA) with key revocation, top-1 labels, rounded probabilities.',
  techniques: ['QML.T0011', 'AML.T0040', 'QML.T0037', 'QML.T0038', 'AML.T0005.001', 'QML.T0047', 'AML.T0024.002'],
  attacker: 'api-client',
  anchor: {
    source: 'Fu et al., "QuantumLeak: Stealing Quantum Neural Networks from Cloud-based NISQ Machines", IJCNN 2024, arXiv:2403.10790',
    claim: 'an ensemble of substitute QNNs trained with bagging and the Huber loss is 4.99 to 7.35 points more accurate than a single substitute (CloudLeak) when extracting a QNN from a noisy cloud API',
  },
  defenses: [
    { id: 'query-quota', mitigations: ['AML.M0004'], description: 'per-key lifetime query quota (the attacker trains on what it got before the 429s)' },
    { id: 'ood-detection', mitigations: ['AML.M0024', 'AML.M0015'], description: 'audit-log monitor: CUSUM of the rate of out-of-distribution queries per key (Mahalanobis to the training classes); key revoked on alarm' },
    { id: 'prada-detection', mitigations: ['AML.M0024', 'AML.M0015'], description: 'audit-log monitor: PRADA (Shapiro–Wilk on minimum query distances, Juuti et al. 2019), δ calibrated on honest traffic; key revoked on alarm' },
    { id: 'top1-labels', mitigations: ['AML.M0002'], description: 'the API returns the top-1 label only' },
    { id: 'rounded-probabilities', mitigations: ['AML.M0002'], description: 'the API rounds probabilities to one decimal' },
  ],
  checkDeployment: (d) => checkPublicApi(d, S1_ID),
  impact(attack: Metrics): ReadonlyMap<string, number> {
    const clamp = (v: number | undefined) => Math.min(1, Math.max(0, v ?? 0));
    const answered = clamp((attack['queries_harvested'] ?? 0) / Math.max(1, attack['query_budget'] ?? 0));
    const fidelity = clamp(attack['agreement_ensemble_at_max_budget']);
    const victimAcc = attack['victim_test_accuracy'] ?? 0;
    return new Map([
      ['QML.T0011', answered > 0 ? 1 : 0],
      ['QML.T0037', answered],
      ['QML.T0038', fidelity],
      ['QML.T0047', victimAcc > 0 ? clamp((attack['accuracy_ensemble_at_max_budget'] ?? 0) / victimAcc) : 0],
    ]);
  },
  run: (ctx) => runModelExtraction(ctx, ctx.quick ? EXTRACTION_BUDGETS.quick : EXTRACTION_BUDGETS.full),
};
