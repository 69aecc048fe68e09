/**
 * Evasion of the served Iris QNN (scenario 1's victim). White-box FGSM and PGD use the victim's
 * own input gradients (the position of an insider, or of a thief holding the weights: the
 * upper bound). The black-box attacker is scenario 1's: it extracts QuantumLeak's substitute
 * ensemble through its API key, crafts PGD on the ensemble, and submits the result to the API
 * (AML.T0043.002 → AML.T0015). Perturbations are L∞ in units of each feature's public SD. The
 * defense is adversarial fine-tuning at the reference ε.
 */
import { Rng } from '../../../core/rng.js';
import { loadDataset } from '../../../data/registry.js';
import { trainTestSplit } from '../../../data/split.js';
import type { Deployment } from '../../../deploy/deployment.js';
import { loadArtifact } from '../../../qml/artifact.js';
import { datasetRows, trainFromSpec } from '../../../qml/runner.js';
import type { Metrics, SeriesPoint } from '../../scenario.js';
import { pgd, type PerturbationBox, type PgdOptions } from '../../common/adversarial.js';
import { adversarialFineTune, rowExecutions } from '../../common/adversarial-training.js';
import { ApiClient } from '../../common/api-client.js';
import { agreementOf, hybridClassifier } from '../../common/classifier.js';
import { DEFAULT_JBDA, harvestThroughApi, irisSubstituteSettings, type ExtractionPlan } from '../../common/extraction.js';
import { IRIS_PUBLIC_STATS, IRIS_VICTIM_SPEC } from '../../common/iris.js';
import { serveVictim } from '../../common/platform.js';
import { GaussianPopulation } from '../../common/population.js';
import { trainEnsembleSubstitute } from '../../common/substitutes.js';
import { servingSetup } from '../s1-model-extraction/settings.js';
import { at, epsilonSweep, sweepSeries, type EpsilonSweep } from './epsilon-sweep.js';
import { HARDENED, S2_CHARTS, type EvasionBudget } from './settings.js';

/** What the Iris half of scenario 2 measured. */
export interface IrisEvasionOutcome {
  readonly attack: Metrics;
  readonly defense: { readonly metrics: Metrics; readonly cost: Metrics };
  readonly series: SeriesPoint[];
}

/** Runs the Iris attacks and the adversarial fine-tuning for one seed. */
export async function irisEvasion(seed: number, budget: EvasionBudget, deployment: Deployment | undefined, progress: (f: number, m: string) => void): Promise<IrisEvasionOutcome> {
  const ref = budget.irisReferenceEpsilon;
  const tag = `${ref}sd`;
  const victim = await trainFromSpec(IRIS_VICTIM_SPEC, { seed });
  const victimClf = hybridClassifier(victim.model);
  const iris = loadDataset('iris');
  const split = trainTestSplit(iris, { testSize: IRIS_VICTIM_SPEC.split?.test_size ?? 0.3, seed: IRIS_VICTIM_SPEC.split?.seed ?? seed, stratify: true });
  const test = { rows: datasetRows(split.test), labels: split.test.labels };
  const box: PerturbationBox = { scale: IRIS_PUBLIC_STATS.map((s) => s.sd) };
  const pgdFor = (epsilon: number): PgdOptions => ({ epsilon, step: epsilon / 4, iterations: budget.irisPgdIterations });

  progress(0.02, 'extracting the transfer substitute through the API');
  const serving = servingSetup(deployment, budget.shots);
  const served = await serveVictim(victim.artifact, { shots: serving.shots, seed, output: serving.output });
  let apiClean: number;
  let apiAdversarial: number;
  let sweep: EpsilonSweep;
  let substituteAgreement: number;
  try {
    const key = await served.issueKey('attacker', serving.quota);
    const plan: ExtractionPlan = { budget: budget.transferBudget, batchSize: 25, jbda: DEFAULT_JBDA, substitute: irisSubstituteSettings(victim.model.classes) };
    const harvest = await harvestThroughApi(served, key, plan, `${seed}:transfer`);
    const ensemble = trainEnsembleSubstitute(plan.substitute, harvest.queries, harvest.answers, `${seed}:transfer`);
    const heldOut = GaussianPopulation.fit(iris).sample(500, new Rng(`${seed}:held-out`)).rows;
    substituteAgreement = agreementOf(ensemble.classifier, victimClf, heldOut);
    progress(0.1, 'Iris ε sweep');
    sweep = epsilonSweep({ model: victimClf, rows: test.rows, labels: test.labels, epsilons: budget.irisEpsilons, pgd: pgdFor, box, source: ensemble.classifier });
    // The black-box attacker's evasion through the live API (QML.T0050 / AML.T0015).
    const adversarial = pgd(ensemble.classifier, test.rows, test.labels, pgdFor(ref), box).rows;
    const client = new ApiClient(served.service, served.modelId, key.secret, served.classes);
    const score = (answers: { label: number }[]) => answers.filter((a, i) => a.label === test.labels[i]).length / test.rows.length;
    apiClean = score((await client.predictAll(test.rows)).answers);
    apiAdversarial = score((await client.predictAll(adversarial)).answers);
  } finally {
    await served.close();
  }

  progress(0.2, 'adversarial training (Iris)');
  const hardened = loadArtifact(victim.artifact).model;
  const train = { rows: datasetRows(split.train), labels: split.train.labels };
  const batchSize = IRIS_VICTIM_SPEC.training.batch_size ?? 16;
  const cost = await adversarialFineTune(hardened, train.rows, train.labels, {
    epochs: budget.irisAdversarialEpochs, batchSize, optimizer: IRIS_VICTIM_SPEC.training.optimizer ?? { kind: 'adam', lr: 0.05 }, pgd: pgdFor(ref), box, seed,
  });
  const hardenedSweep = epsilonSweep({ model: hybridClassifier(hardened), rows: test.rows, labels: test.labels, epsilons: budget.irisEpsilons, pgd: pgdFor, box, pgdOnly: true });
  const normalExecutions = rowExecutions(victim.evaluations, train.rows.length, batchSize);
  const p = at(sweep, ref);
  return {
    attack: {
      iris_clean_accuracy: sweep.clean,
      [`iris_fgsm_accuracy_eps_${tag}`]: p.fgsm,
      [`iris_pgd_accuracy_eps_${tag}`]: p.pgd,
      [`iris_transfer_accuracy_eps_${tag}`]: p.transfer as number,
      iris_substitute_agreement: substituteAgreement,
      iris_api_clean_accuracy: apiClean,
      [`iris_api_transfer_accuracy_eps_${tag}`]: apiAdversarial,
    },
    defense: {
      metrics: {
        iris_clean_accuracy: hardenedSweep.clean,
        [`iris_pgd_accuracy_eps_${tag}`]: at(hardenedSweep, ref).pgd,
        [`iris_robust_accuracy_gain_points_eps_${tag}`]: 100 * (at(hardenedSweep, ref).pgd - p.pgd),
      },
      cost: {
        iris_clean_accuracy_change_points: 100 * (hardenedSweep.clean - sweep.clean),
        iris_adv_training_seconds: cost.seconds,
        iris_adv_training_epochs: cost.epochs,
        iris_adv_training_row_executions: cost.trainingExecutions + cost.attackExecutions,
        iris_training_cost_ratio: (normalExecutions + cost.trainingExecutions + cost.attackExecutions) / normalExecutions,
        iris_training_time_ratio: (victim.seconds + cost.seconds) / victim.seconds,
      },
    },
    series: [...sweepSeries(S2_CHARTS.iris, sweep), ...sweepSeries(S2_CHARTS.iris, hardenedSweep, HARDENED)],
  };
}
