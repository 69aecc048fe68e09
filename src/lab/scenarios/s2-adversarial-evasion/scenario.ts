/**
 * Scenario 2 — adversarial evasion (QML.T0041/AML.T0043.000 white-box and QML.T0040/
 * AML.T0043.002 transfer → QML.T0050/AML.T0015). Two victims: the served Iris QNN of scenario
 * 1 (white-box FGSM/PGD ε sweep, and the black-box transfer attack from scenario 1's extracted
 * ensemble, submitted through the API), and the anchor — an 8-qubit data re-uploading
 * classifier of 16×16 PlusMinus images under Wendlinger et al.'s PGD. Defense: adversarial
 * training (AML.M0003), with clean and robust accuracy and what the hardening cost.
 */
import type { Metrics, Scenario, ScenarioContext, ScenarioRun } from '../../scenario.js';
import { checkPublicApi } from '../s1-model-extraction/scenario.js';
import { deploymentNote } from '../s1-model-extraction/settings.js';
import { anchorEvasion } from './anchor-evasion.js';
import { irisEvasion } from './iris-evasion.js';
import { ANCHOR_PGD, checkEvasionBudget, EVASION_BUDGETS, S2_CHARTS, type EvasionBudget } from './settings.js';

/** Scenario id. */
export const S2_ID = 's2-adversarial-evasion';

/** Runs scenario 2 once (one seed) with explicit budgets. */
export async function runAdversarialEvasion(ctx: ScenarioContext, budget: EvasionBudget): Promise<ScenarioRun> {
  checkEvasionBudget(budget);
  if (ctx.deployment) checkPublicApi(ctx.deployment, S2_ID);
  const progress = (f: number, m: string) => ctx.progress?.(f, m);
  progress(0, 'training the Iris victim');
  const iris = await irisEvasion(ctx.seed, budget, ctx.deployment, progress);
  const anchor = await anchorEvasion(ctx.seed, budget, progress);
  progress(1, 'done');
  const ref = budget.irisReferenceEpsilon;
  return {
    attack: { ...iris.attack, ...anchor.attack },
    defenses: {
      'adversarial-training': {
        metrics: { ...iris.defense.metrics, ...anchor.defense.metrics },
        cost: { ...iris.defense.cost, ...anchor.defense.cost },
      },
    },
    series: [...iris.series, ...anchor.series],
    notes: {
      key_metric: `plusminus_pgd_accuracy_eps_${ANCHOR_PGD.epsilon}`,
      key_metric_goal: 'min',
      chart_y: 'accuracy',
      [`chart_x:${S2_CHARTS.iris}`]: 'ε (L∞, in public standard deviations of each feature)',
      [`chart_x:${S2_CHARTS.anchor}`]: 'ε (L∞, pixel values in [0, 1])',
      defense_metrics: 'under adversarial-training, *_pgd_accuracy_* is the robust accuracy: PGD re-crafted against the hardened model',
      iris_victim: '4-qubit hybrid QNN of examples/iris.yaml, trained per seed; attacked on its 45-row test split',
      iris_perturbation: `L∞, ε in units of each feature's public SD; PGD ${budget.irisPgdIterations} iterations of step ε/4 from the clean point; reference ε = ${ref} SD`,
      transfer_attacker: `scenario 1's API client: ${budget.transferBudget} Jacobian-augmented queries, QuantumLeak ensemble, PGD on the ensemble, adversarial inputs submitted through the API`,
      anchor_victim: `8 qubits: PCA(${budget.anchor.components}) of the 256 pixels → min-max [0, π] → dense angle encoding re-uploaded with trainable scaling before each of ${budget.anchor.layers} StronglyEntanglingLayers → ⟨Z⟩ of qubits 0–3 as class scores; ${budget.anchor.samples} generated PlusMinus images, ${Math.round(budget.anchor.testFraction * 100)} % held out; ${budget.anchor.epochs} epochs`,
      anchor_attack: `PGD ε = ${ANCHOR_PGD.epsilon}, step ${ANCHOR_PGD.step}, ${ANCHOR_PGD.iterations} iterations, pixels clipped to [0, 1] (the sweep keeps step = ε/10)`,
      ...deploymentNote(ctx.deployment),
      adversarial_training: `fine-tuning of the trained model: each epoch PGD copies of every training row against the current weights, then one epoch on clean + adversarial rows (Iris ${budget.irisAdversarialEpochs} epochs at ε = ${ref} SD; PlusMinus ${budget.anchorAdversarialEpochs} epochs at the anchor's PGD)`,
    },
  };
}

/** Scenario 2 as registered. */
export const adversarialEvasionScenario: Scenario = {
  id: S2_ID,
  title: 'Adversarial evasion of served QNNs',
  description:
    'White-box FGSM and PGD ε sweeps against the served Iris QNN and against an 8-qubit data re-uploading classifier of 16×16 PlusMinus images (Wendlinger et al.\'s anchor: PGD ε = 0.1 drives accuracy to about 0.1); black-box transfer from the substitute ensemble scenario 1 extracts through the API, with the adversarial inputs submitted to the API. Defense: adversarial training.',
  techniques: ['QML.T0041', 'AML.T0043.000', 'QML.T0040', 'AML.T0043.002', 'QML.T0050', 'AML.T0015'],
  attacker: 'api-client',
  anchor: {
    source: 'Wendlinger, Tscharke & Debus, "A Comparative Analysis of Adversarial Robustness for Quantum and Classical Machine Learning Models", arXiv:2404.16154 (2024); PennyLane demo "Adversarial attacks and robustness for quantum machine learning"',
    claim: 'an 8-qubit data re-uploading classifier of 16×16 PlusMinus images falls to about 0.1 accuracy under PGD with ε = 0.1, step 0.01, 10 iterations; adversarial training restores robustness',
  },
  defenses: [
    { id: 'adversarial-training', mitigations: ['AML.M0003'], description: 'adversarial fine-tuning: every epoch, PGD copies of the training rows against the current weights join the clean rows' },
  ],
  checkDeployment: (d) => checkPublicApi(d, S2_ID),
  impact(attack: Metrics): ReadonlyMap<string, number> {
    const drop = (clean: string, attacked: string) => {
      const c = attack[clean];
      const a = Object.entries(attack).find(([k]) => k.startsWith(attacked))?.[1];
      return c !== undefined && a !== undefined && c > 0 ? Math.min(1, Math.max(0, 1 - a / c)) : 0;
    };
    return new Map([
      ['QML.T0041', drop('plusminus_clean_accuracy', 'plusminus_pgd_accuracy_eps_')],
      ['QML.T0040', drop('iris_clean_accuracy', 'iris_transfer_accuracy_eps_')],
      ['QML.T0050', drop('iris_api_clean_accuracy', 'iris_api_transfer_accuracy_eps_')],
    ]);
  },
  run: (ctx) => runAdversarialEvasion(ctx, ctx.quick ? EVASION_BUDGETS.quick : EVASION_BUDGETS.full),
};
