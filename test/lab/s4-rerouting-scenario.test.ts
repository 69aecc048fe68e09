import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { loadDeployment } from '../../src/deploy/load.js';
import { getScenario } from '../../src/lab/registry.js';
import { runScenario } from '../../src/lab/runner.js';
import '../../src/lab/scenarios/s4-rerouting/index.js';
import { REROUTING_BUDGETS, runRerouting } from '../../src/lab/scenarios/s4-rerouting/scenario.js';
import { defaultReroutingDeployment, reroutePlan } from '../../src/lab/scenarios/s4-rerouting/setup.js';
import { builtinKnowledgeBase } from '../../src/threat/kb/index.js';

const EXAMPLES = join(import.meta.dirname, '../../examples/deployments');
const example = (name: string) => loadDeployment({ file: join(EXAMPLES, `${name}.yaml`) });

describe('scenario s4-rerouting', () => {
  it('is registered with knowledge-base techniques, mitigations and attacker', () => {
    const s = getScenario('s4-rerouting');
    const kb = builtinKnowledgeBase();
    for (const t of s.techniques) {
      const technique = kb.techniqueById.get(t);
      expect(technique, t).toBeDefined();
      expect(technique?.labAttack).toBe('s4-rerouting');
      expect(technique?.positions).toContain(s.attacker);
    }
    for (const d of s.defenses) for (const m of d.mitigations) expect(kb.mitigationById.get(m), m).toBeDefined();
    expect(kb.profileById.get(s.attacker)).toBeDefined();
  });

  it('runs end to end in quick mode and measures what it promises', async () => {
    const r = await runScenario(getScenario('s4-rerouting'), { quick: true, seeds: [1] });
    expect(r.status).toBe('complete');
    const m = (k: string) => r.metrics[k]?.mean as number;
    // the switch is silent: every job reports the paid-for device, the bill does not move
    expect(m('nairobi_to_lagos_jobs_reporting_claimed_device_pct')).toBe(100);
    expect(m('nairobi_to_lagos_jobs_rerouted_pct')).toBe(100);
    expect(Math.abs(m('nairobi_to_lagos_bill_change_vs_honest_pct'))).toBeLessThan(1);
    // accuracy on the claimed device vs the degraded twin, latency of the congested queue (median 7200 s vs 3600 s)
    expect(m('nairobi_to_lagos_accuracy_claimed_device')).toBeGreaterThan(0.8);
    expect(m('nairobi_to_lagos_accuracy_loss_pct_points')).toBeCloseTo(100 * (m('nairobi_to_lagos_accuracy_claimed_device') - m('nairobi_to_lagos_accuracy_rerouted')), 9);
    expect(m('nairobi_to_lagos_latency_added_s_per_job')).toBeGreaterThan(3500);
    expect(m('nairobi_to_lagos_premium_qpu_s_freed_per_job')).toBeGreaterThan(0);
    expect(m('fez_to_torino_latency_added_s_per_job')).toBeLessThan(60);
    for (const id of ['fingerprint', 'traps']) {
      const d = r.defenses.find((x) => x.id === id);
      expect(d, id).toBeDefined();
      for (const p of ['nairobi_to_lagos', 'fez_to_torino']) {
        expect(d?.metrics[`${p}_auc`]?.mean, `${id} ${p}`).toBeGreaterThan(0.9);
        expect(d?.metrics[`${p}_tpr_at_5pct_fpr`]?.mean).toBeGreaterThan(0.8);
        const control = d?.metrics[`${p}_control_auc_claimed_equals_actual`]?.mean as number;
        expect(control).toBeGreaterThan(0.25);
        expect(control).toBeLessThan(0.75);
        expect(d?.metrics[`${p}_detection_delay_jobs`]?.mean).toBeGreaterThanOrEqual(1);
        expect(d?.cost[`${p}_extra_shots_per_job`]?.mean).toBeGreaterThan(0);
        expect(d?.cost[`${p}_extra_usd_per_job`]?.mean).toBeGreaterThan(0);
        expect(d?.cost[`${p}_cost_overhead_pct`]?.mean).toBeGreaterThan(0);
      }
    }
    const fp = r.defenses.find((x) => x.id === 'fingerprint');
    expect(fp?.metrics['nairobi_to_lagos_fpr_at_paper_threshold']?.mean).toBeLessThanOrEqual(0.1);
    expect(fp?.metrics['nairobi_to_lagos_tpr_at_paper_threshold']?.mean).toBe(1);
    // ROC series: FPR on x, TPR on y, from (0, ·) to (1, 1)
    const roc = r.series.filter((p) => p.series === 'fingerprint ROC: ibm_nairobi→ibm_lagos');
    expect(roc.map((p) => p.x)).toContain(0.05);
    expect(roc.find((p) => p.x === 1)?.mean).toBe(1);
    expect(r.series.some((p) => p.series.startsWith('detection AUC vs shots per check: trap'))).toBe(true);
    expect(r.notes['key_metric']).toBe('nairobi_to_lagos_rerouted_jobs_undetected');
    expect(r.metrics['nairobi_to_lagos_rerouted_jobs_undetected']?.mean).toBeGreaterThan(0);
    expect(r.impact['QML.T0058']).toBeCloseTo(1, 1);
    expect(r.impact['QML.T0057']).toBeGreaterThanOrEqual(0);
  }, 120_000);

  it('refuses deployments without an untrusted quantum cloud, naming what it found', async () => {
    const s = getScenario('s4-rerouting');
    expect(() => s.checkDeployment?.(example('trusted-single-provider'))).toThrow(/needs an untrusted quantum cloud.*acme-quantum \(trusted\)/);
    expect(() => s.checkDeployment?.(example('public-inference-api'))).toThrow(/quantum-co \(honest-but-curious\)/);
    await expect(runScenario(s, { deployment: example('hardened'), seeds: [1], quick: true })).rejects.toThrow(InputError);
  });

  it('refuses an untrusted cloud with no device that has a worse twin', () => {
    const d = defaultReroutingDeployment();
    const other = { ...d, parties: d.parties.map((p) => (p.role === 'quantum-cloud' ? { ...p, devices: ['ibm_sherbrooke'] } : p)) };
    expect(() => reroutePlan(other)).toThrow(/budget-qpu offers ibm_sherbrooke/);
  });

  it('accepts the example untrusted cloud and reroutes its Nairobi', () => {
    const plan = reroutePlan(example('untrusted-quantum-cloud'));
    expect(plan.cloud.id).toBe('cheap-qpu');
    expect(plan.pairs).toEqual([{ claimed: 'ibm_nairobi', actual: 'ibm_lagos' }]);
    expect(plan.hidden).toEqual(['ibm_lagos']);
  });

  it('refuses a zero budget with the field it concerns', async () => {
    await expect(runRerouting({ seed: 1 }, { ...REROUTING_BUDGETS.quick, trials: 0 })).rejects.toThrow(/"trials" must be a whole number ≥ 2/);
    await expect(runRerouting({ seed: 1 }, { ...REROUTING_BUDGETS.quick, streamJobs: 0 })).rejects.toThrow(/"streamJobs" must be a positive whole number/);
    await expect(runRerouting({ seed: 1 }, { ...REROUTING_BUDGETS.quick, trapRate: 0 })).rejects.toThrow(/"trapRate" must lie in \(0, 1\]/);
  });
});
