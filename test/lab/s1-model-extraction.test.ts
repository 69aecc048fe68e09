import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { loadDeployment } from '../../src/deploy/load.js';
import type { ScenarioResult } from '../../src/lab/results.js';
import { runScenario } from '../../src/lab/runner.js';
import { useLabStore } from '../../src/lab/common/platform.js';
import { EXTRACTION_BUDGETS, modelExtractionScenario, runModelExtraction, S1_CHARTS } from '../../src/lab/scenarios/s1-model-extraction/index.js';
import { embeddedStore } from '../store/helpers/stores.js';

let result: ScenarioResult;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const s = await embeddedStore();
  useLabStore(s.store);
  cleanup = s.cleanup;
  result = await runScenario(modelExtractionScenario, { seeds: [1], quick: true });
}, 240_000);

afterAll(async () => cleanup?.());

const mean = (m: Readonly<Record<string, { mean: number }>>, k: string) => (m[k] as { mean: number }).mean;

describe('scenario 1 — model extraction through the API (quick, one seed)', () => {
  it('runs end to end and reports the metrics it promises', () => {
    expect(result.status).toBe('complete');
    expect(result.errors).toEqual([]);
    for (const k of ['agreement_ensemble', 'accuracy_ensemble', 'victim_test_accuracy', 'api_label_noise_pct', 'queries_harvested', 'agreement_naive_at_max_budget', 'agreement_ensemble_at_max_budget', 'accuracy_naive_at_max_budget', 'accuracy_ensemble_at_max_budget', 'ensemble_gain_points_at_max_budget', 'ensemble_gain_points_mean_over_budgets']) {
      expect(Number.isFinite(mean(result.metrics, k)), k).toBe(true);
    }
    expect(mean(result.metrics, 'queries_harvested')).toBe(1000);
    expect(result.defenses.map((d) => d.id)).toEqual(['query-quota', 'ood-detection', 'prada-detection', 'top1-labels', 'rounded-probabilities']);
    const budgets = EXTRACTION_BUDGETS.quick.budgets;
    for (const chart of [S1_CHARTS.agreement, S1_CHARTS.accuracy]) {
      for (const line of ['naive', 'ensemble']) {
        const s = `${chart}: ${line}`;
        expect(result.series.filter((p) => p.series === s).map((p) => p.x), s).toEqual([...budgets]);
      }
      for (const d of result.defenses) expect(result.series.some((p) => p.series === `${chart}: ensemble, ${d.id}`), d.id).toBe(true);
    }
    expect(result.notes['key_metric']).toBe('agreement_ensemble');
  });

  it('steals a functional copy: the ensemble agrees with the victim at least as often as the naive substitute, on average over budgets', () => {
    expect(mean(result.metrics, 'agreement_ensemble_at_max_budget')).toBeGreaterThan(0.9);
    expect(mean(result.metrics, 'ensemble_gain_points_mean_over_budgets')).toBeGreaterThanOrEqual(0);
    // shot noise flips some answers, as on a NISQ cloud
    expect(mean(result.metrics, 'api_label_noise_pct')).toBeGreaterThan(0);
  });

  it('measures every defense and its cost', () => {
    const d = Object.fromEntries(result.defenses.map((x) => [x.id, x]));
    const quota = d['query-quota'] as ScenarioResult['defenses'][number];
    expect(mean(quota.metrics, 'queries_answered')).toBeLessThanOrEqual(EXTRACTION_BUDGETS.quick.quota);
    expect(Number.isFinite(mean(quota.cost, 'honest_queries_refused_pct'))).toBe(true);
    const ood = d['ood-detection'] as ScenarioResult['defenses'][number];
    // the attacker is caught within its first request, honest clients are not
    expect(mean(ood.metrics, 'attacker_detected_pct')).toBe(100);
    expect(mean(ood.metrics, 'detection_delay_queries')).toBeLessThanOrEqual(EXTRACTION_BUDGETS.quick.batchSize);
    expect(mean(ood.cost, 'honest_false_positive_pct')).toBeLessThanOrEqual(20);
    expect(mean(ood.metrics, 'agreement_ensemble')).toBeLessThan(mean(result.metrics, 'agreement_ensemble_at_max_budget'));
    const prada = d['prada-detection'] as ScenarioResult['defenses'][number];
    // δ is calibrated on separate honest streams, so fresh honest clients may still trip it, rarely
    expect(mean(prada.cost, 'honest_false_positive_pct')).toBeLessThanOrEqual(20);
    expect(Number.isFinite(mean(prada.metrics, 'prada_threshold_w'))).toBe(true);
    for (const id of ['top1-labels', 'rounded-probabilities']) {
      const o = d[id] as ScenarioResult['defenses'][number];
      expect(Number.isFinite(mean(o.metrics, 'agreement_ensemble')), id).toBe(true);
      expect(Number.isFinite(mean(o.cost, 'honest_brier_increase')), id).toBe(true);
    }
  });

  it('refuses a zero query budget and a deployment without a public API, with clear errors', async () => {
    await expect(runModelExtraction({ seed: 1 }, { ...EXTRACTION_BUDGETS.quick, budgets: [0] })).rejects.toThrow(/query budget 1 of the sweep must be a positive whole number of queries, got 0/);
    await expect(runModelExtraction({ seed: 1 }, { ...EXTRACTION_BUDGETS.quick, defenseBudget: 0 })).rejects.toThrow(InputError);
    const noApi = loadDeployment({ file: fileURLToPath(new URL('../../examples/deployments/trusted-single-provider.yaml', import.meta.url)) });
    await expect(runScenario(modelExtractionScenario, { seeds: [1], quick: true, deployment: noApi })).rejects.toThrow(/no public inference API.*"api-client"/);
  });
});
