/**
 * The anchor reproduction: white-box FGSM and PGD on the PlusMinus re-uploading classifier in
 * pixel space ([0, 1], clipped), PGD as in Wendlinger et al. (ε = 0.1, step 0.01, 10
 * iterations, no random start; the sweep keeps step = ε/10), then adversarial fine-tuning
 * against that PGD and the hardened model's clean and (re-attacked) robust accuracy, with the
 * training time and circuit executions it cost over normal training.
 */
import { loadArtifact } from '../../../qml/artifact.js';
import type { Metrics, SeriesPoint } from '../../scenario.js';
import type { PerturbationBox, PgdOptions } from '../../common/adversarial.js';
import { adversarialFineTune, rowExecutions } from '../../common/adversarial-training.js';
import { hybridClassifier } from '../../common/classifier.js';
import { trainAnchorVictim } from './anchor-model.js';
import { at, epsilonSweep, sweepSeries } from './epsilon-sweep.js';
import { ANCHOR_PGD, HARDENED, S2_CHARTS, type EvasionBudget } from './settings.js';

/** What the anchor half of scenario 2 measured. */
export interface AnchorEvasionOutcome {
  readonly attack: Metrics;
  readonly defense: { readonly metrics: Metrics; readonly cost: Metrics };
  readonly series: SeriesPoint[];
}

/** Trains the anchor model, attacks it, hardens it, attacks it again. */
export async function anchorEvasion(seed: number, budget: EvasionBudget, progress: (f: number, m: string) => void): Promise<AnchorEvasionOutcome> {
  const b = budget.anchor;
  progress(0.3, 'training the PlusMinus re-uploading classifier');
  const victim = await trainAnchorVictim(b, seed);
  const model = victim.result.model;
  const box: PerturbationBox = { lower: 0, upper: 1 };
  const pgdFor = (epsilon: number): PgdOptions => (epsilon === ANCHOR_PGD.epsilon ? { ...ANCHOR_PGD } : { epsilon, step: epsilon / 10, iterations: ANCHOR_PGD.iterations });
  progress(0.45, 'PlusMinus ε sweep');
  const sweep = epsilonSweep({ model: hybridClassifier(model), rows: victim.test.rows, labels: victim.test.labels, epsilons: budget.pixelEpsilons, pgd: pgdFor, box });

  progress(0.6, 'adversarial training (PlusMinus)');
  const hardened = loadArtifact(victim.result.artifact).model;
  const cost = await adversarialFineTune(hardened, victim.train.rows, victim.train.labels, {
    epochs: budget.anchorAdversarialEpochs, batchSize: b.batchSize, optimizer: { kind: 'adam', lr: b.learningRate }, pgd: { ...ANCHOR_PGD }, box, seed,
  });
  progress(0.9, 'attacking the hardened model');
  const hardenedSweep = epsilonSweep({ model: hybridClassifier(hardened), rows: victim.test.rows, labels: victim.test.labels, epsilons: budget.pixelEpsilons, pgd: pgdFor, box, pgdOnly: true });
  const normalExecutions = rowExecutions(victim.result.evaluations, victim.train.rows.length, b.batchSize);
  const anchor = at(sweep, ANCHOR_PGD.epsilon);
  const robust = at(hardenedSweep, ANCHOR_PGD.epsilon).pgd;
  return {
    attack: {
      plusminus_clean_accuracy: sweep.clean,
      [`plusminus_fgsm_accuracy_eps_${ANCHOR_PGD.epsilon}`]: anchor.fgsm,
      [`plusminus_pgd_accuracy_eps_${ANCHOR_PGD.epsilon}`]: anchor.pgd,
      plusminus_training_seconds: victim.result.seconds,
      plusminus_test_images: victim.test.rows.length,
    },
    defense: {
      metrics: {
        plusminus_clean_accuracy: hardenedSweep.clean,
        [`plusminus_pgd_accuracy_eps_${ANCHOR_PGD.epsilon}`]: robust,
        [`plusminus_robust_accuracy_gain_points_eps_${ANCHOR_PGD.epsilon}`]: 100 * (robust - anchor.pgd),
      },
      cost: {
        plusminus_clean_accuracy_change_points: 100 * (hardenedSweep.clean - sweep.clean),
        plusminus_adv_training_seconds: cost.seconds,
        plusminus_adv_training_epochs: cost.epochs,
        plusminus_normal_training_epochs: victim.result.epochs,
        plusminus_adv_training_row_executions: cost.trainingExecutions + cost.attackExecutions,
        plusminus_normal_training_row_executions: normalExecutions,
        plusminus_training_cost_ratio: (normalExecutions + cost.trainingExecutions + cost.attackExecutions) / normalExecutions,
        plusminus_training_time_ratio: (victim.result.seconds + cost.seconds) / victim.result.seconds,
      },
    },
    series: [...sweepSeries(S2_CHARTS.anchor, sweep), ...sweepSeries(S2_CHARTS.anchor, hardenedSweep, HARDENED)],
  };
}
