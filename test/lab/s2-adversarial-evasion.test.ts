import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDeployment } from '../../src/deploy/load.js';
import type { ScenarioResult } from '../../src/lab/results.js';
import { runScenario } from '../../src/lab/runner.js';
import { useLabStore } from '../../src/lab/common/platform.js';
import { adversarialEvasionScenario, anchorModelSpec, EVASION_BUDGETS, HARDENED, runAdversarialEvasion, S2_CHARTS } from '../../src/lab/scenarios/s2-adversarial-evasion/index.js';
import { qnnConfigOf } from '../../src/qml/spec.js';
import { embeddedStore } from '../store/helpers/stores.js';

let result: ScenarioResult;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const s = await embeddedStore();
  useLabStore(s.store);
  cleanup = s.cleanup;
  result = await runScenario(adversarialEvasionScenario, { seeds: [1], quick: true });
}, 240_000);

afterAll(async () => cleanup?.());

const mean = (m: Readonly<Record<string, { mean: number }>>, k: string) => {
  const v = m[k];
  if (!v) throw new Error(`no metric ${k} (have: ${Object.keys(m).join(', ')})`);
  return v.mean;
};

describe('scenario 2 — adversarial evasion (quick, one seed)', () => {
  const ref = `${EVASION_BUDGETS.quick.irisReferenceEpsilon}sd`;

  it('runs end to end with the metrics and ε-sweep series it promises', () => {
    expect(result.status).toBe('complete');
    for (const line of ['FGSM', 'PGD', 'transfer', `PGD${HARDENED}`]) {
      const s = `${S2_CHARTS.iris}: ${line}`;
      expect(result.series.filter((p) => p.series === s).map((p) => p.x), s).toEqual([0, ...EVASION_BUDGETS.quick.irisEpsilons]);
    }
    for (const line of ['FGSM', 'PGD', `PGD${HARDENED}`]) {
      const s = `${S2_CHARTS.anchor}: ${line}`;
      expect(result.series.filter((p) => p.series === s).map((p) => p.x), s).toEqual([0, ...EVASION_BUDGETS.quick.pixelEpsilons]);
    }
    expect(result.notes['key_metric']).toBe('plusminus_pgd_accuracy_eps_0.1');
    for (const k of ['iris_substitute_agreement', 'iris_api_clean_accuracy', `iris_api_transfer_accuracy_eps_${ref}`, 'plusminus_training_seconds']) {
      expect(Number.isFinite(mean(result.metrics, k)), k).toBe(true);
    }
  });

  it('orders the attacks: PGD ≤ FGSM ≤ clean at the same ε, on both victims', () => {
    for (const [victim, eps] of [['iris', ref], ['plusminus', '0.1']] as const) {
      const clean = mean(result.metrics, `${victim}_clean_accuracy`);
      const f = mean(result.metrics, `${victim}_fgsm_accuracy_eps_${eps}`);
      const p = mean(result.metrics, `${victim}_pgd_accuracy_eps_${eps}`);
      expect(p, victim).toBeLessThanOrEqual(f);
      expect(f, victim).toBeLessThanOrEqual(clean);
    }
    // the transferred examples still fool the victim, through the live API too
    expect(mean(result.metrics, `iris_transfer_accuracy_eps_${ref}`)).toBeLessThan(mean(result.metrics, 'iris_clean_accuracy'));
    expect(mean(result.metrics, `iris_api_transfer_accuracy_eps_${ref}`)).toBeLessThan(mean(result.metrics, 'iris_api_clean_accuracy'));
  });

  it('reproduces the anchor\'s direction and rough size: a well-trained classifier falls to ~0.1 under PGD ε = 0.1', () => {
    expect(mean(result.metrics, 'plusminus_clean_accuracy')).toBeGreaterThan(0.8);
    expect(mean(result.metrics, 'plusminus_pgd_accuracy_eps_0.1')).toBeLessThanOrEqual(0.3);
  });

  it('adversarial training raises robust accuracy, at a measured cost', () => {
    const d = result.defenses.find((x) => x.id === 'adversarial-training') as ScenarioResult['defenses'][number];
    // under the defense, PGD is re-crafted against the hardened model (robust accuracy)
    expect(mean(d.metrics, `iris_pgd_accuracy_eps_${ref}`)).toBeGreaterThan(mean(result.metrics, `iris_pgd_accuracy_eps_${ref}`));
    expect(mean(d.metrics, 'plusminus_pgd_accuracy_eps_0.1')).toBeGreaterThan(mean(result.metrics, 'plusminus_pgd_accuracy_eps_0.1'));
    expect(mean(d.cost, 'plusminus_training_cost_ratio')).toBeGreaterThan(1);
    expect(mean(d.cost, 'plusminus_adv_training_epochs')).toBe(EVASION_BUDGETS.quick.anchorAdversarialEpochs);
    expect(mean(d.cost, 'plusminus_adv_training_seconds')).toBeGreaterThan(0);
  });

  it('builds the anchor model as a data re-uploading circuit on 8 qubits', () => {
    const q = qnnConfigOf(anchorModelSpec(EVASION_BUDGETS.quick.anchor, 1));
    expect(q).toMatchObject({ numQubits: 8, encoder: { kind: 'dense_angle', features: 16 }, reupload: { trainableScaling: true }, measurement: { kind: 'z', wires: [0, 1, 2, 3] } });
  });

  it('refuses a zero budget and a deployment without a public API, with clear errors', async () => {
    await expect(runAdversarialEvasion({ seed: 1 }, { ...EVASION_BUDGETS.quick, transferBudget: 0 })).rejects.toThrow(/"transferBudget" must be a positive whole number, got 0/);
    await expect(runAdversarialEvasion({ seed: 1 }, { ...EVASION_BUDGETS.quick, pixelEpsilons: [0, 0.1] })).rejects.toThrow(/ε 1 must be a finite number > 0/);
    const noApi = loadDeployment({ file: fileURLToPath(new URL('../../examples/deployments/trusted-single-provider.yaml', import.meta.url)) });
    await expect(runScenario(adversarialEvasionScenario, { seeds: [1], quick: true, deployment: noApi })).rejects.toThrow(/no public inference API.*s2-adversarial-evasion/);
  });
});
