/**
 * Scenario 3 end to end (one quick seed through the real pipeline), its direction against the
 * anchors (Upadhyay & Ghosh, arXiv 2407.14687 and 2502.01486), its knowledge-base wiring, and
 * its refusals of bad input.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDeployment } from '../../src/deploy/load.js';
import type { Deployment } from '../../src/deploy/deployment.js';
import { getScenario, listScenarios } from '../../src/lab/registry.js';
import type { ScenarioResult } from '../../src/lab/results.js';
import { runScenario } from '../../src/lab/runner.js';
import '../../src/lab/scenarios/index.js';
import { runUntrustedProvider, s3Budget, S3_ID, S3_TECHNIQUES } from '../../src/lab/scenarios/s3-untrusted-provider/index.js';
import { builtinKnowledgeBase } from '../../src/threat/kb/index.js';

const trustedFile = fileURLToPath(new URL('../../examples/deployments/trusted-single-provider.yaml', import.meta.url));

const mean = (r: ScenarioResult, key: string, defense?: string, part: 'metrics' | 'cost' = 'metrics'): number => {
  const m = defense ? r.defenses.find((d) => d.id === defense)?.[part] : r.metrics;
  const v = m?.[key]?.mean;
  if (v === undefined) throw new Error(`metric ${key}${defense ? ` of ${defense}` : ''} missing`);
  return v;
};

describe('scenario 3 — untrusted quantum provider', () => {
  let r: ScenarioResult;
  beforeAll(async () => {
    r = await runScenario(getScenario(S3_ID), { seeds: [1], quick: true });
  }, 300_000);

  it('is registered, and every technique and mitigation it names is in the knowledge base', () => {
    expect(listScenarios().map((s) => s.id)).toContain(S3_ID);
    const kb = builtinKnowledgeBase();
    const s = getScenario(S3_ID);
    expect(s.attacker).toBe('quantum-cloud-insider');
    for (const id of s.techniques) {
      const t = kb.techniques.find((x) => x.id === id);
      expect(t, id).toBeDefined();
      expect(t?.labAttack).toBe(S3_ID);
      expect(t?.positions).toContain('quantum-cloud-insider');
    }
    for (const d of s.defenses) for (const id of d.mitigations) expect(kb.mitigations.some((m) => m.id === id), id).toBe(true);
  });

  it('runs end to end and reports the promised metrics', () => {
    expect(r.status).toBe('complete');
    for (const key of [
      'encoding_inference_accuracy', 'architecture_recovery_rate', 'architecture_recovery_rate_functional', 'weights_recovered_fraction',
      'weight_max_abs_error_rad', 'training_data_harvested_fraction', 'feature_reconstruction_error', 'label_recovery_rate',
      'label_recovery_rate_trace', 'label_recovery_rate_clustering', 'clone_test_accuracy', 'victim_test_accuracy', 'jobs_seen_fraction',
    ]) expect(Number.isFinite(mean(r, key)), key).toBe(true);
    for (const key of ['depth_overhead_pct', 'max_output_deviation', 'billable_time_overhead_pct', 'cost_overhead_pct']) expect(Number.isFinite(mean(r, key, 'obfuscation', 'cost')), key).toBe(true);
    for (const key of ['extra_jobs', 'time_overhead_pct', 'cost_overhead_pct']) expect(Number.isFinite(mean(r, key, 'job-splitting', 'cost')), key).toBe(true);
    expect(r.series.some((p) => p.series === 'encoding_accuracy_by_family_clean')).toBe(true);
    expect(r.series.some((p) => p.series === 'label_recovery_over_training')).toBe(true);
  });

  it('steals the design, the weights, the data and the labels of an undefended victim', () => {
    expect(mean(r, 'jobs_seen_fraction')).toBe(1);
    expect(mean(r, 'encoding_inference_accuracy')).toBeGreaterThan(0.8);
    expect(mean(r, 'architecture_recovery_rate')).toBe(1);
    expect(mean(r, 'weights_recovered_fraction')).toBe(1);
    expect(mean(r, 'weight_max_abs_error_rad')).toBeLessThan(1e-9);
    expect(mean(r, 'training_data_harvested_fraction')).toBe(1);
    expect(mean(r, 'label_recovery_rate')).toBeGreaterThan(0.7);
    expect(mean(r, 'clone_to_victim_accuracy_ratio')).toBeGreaterThan(0.7);
  });

  it('obfuscation lowers encoding inference and leaves the outputs unchanged, at a depth cost', () => {
    expect(mean(r, 'encoding_inference_accuracy', 'obfuscation')).toBeLessThan(mean(r, 'encoding_inference_accuracy') - 0.3);
    expect(mean(r, 'architecture_recovery_rate', 'obfuscation')).toBeLessThan(mean(r, 'architecture_recovery_rate'));
    expect(mean(r, 'max_output_deviation', 'obfuscation', 'cost')).toBeLessThan(1e-9);
    expect(mean(r, 'test_accuracy_change', 'obfuscation', 'cost')).toBeCloseTo(0, 9);
    expect(mean(r, 'depth_overhead_pct', 'obfuscation', 'cost')).toBeGreaterThan(0);
  });

  it('reads the labels off the circuits when a fidelity loss binds them', () => {
    expect(mean(r, 'label_recovery_rate_loss_circuit')).toBe(1);
    expect(mean(r, 'label_recovery_rate_loss_circuit', 'label-masking')).toBeLessThan(0.5);
  });

  it('label masking lowers label recovery', () => {
    expect(mean(r, 'label_recovery_rate', 'label-masking')).toBeLessThan(mean(r, 'label_recovery_rate') - 0.3);
    expect(mean(r, 'extra_circuits', 'label-masking', 'cost')).toBe(0);
  });

  it('splitting jobs lowers the harvest, and costs extra jobs', () => {
    expect(mean(r, 'training_data_harvested_fraction', 'job-splitting')).toBeLessThan(mean(r, 'training_data_harvested_fraction'));
    expect(mean(r, 'extra_jobs', 'job-splitting', 'cost')).toBeGreaterThan(0);
    expect(mean(r, 'weights_recovered_fraction', 'job-splitting')).toBe(1);
  });

  it('scores every technique of the path for the Navigator layer', () => {
    for (const t of S3_TECHNIQUES) {
      expect(r.impact[t], t).toBeGreaterThanOrEqual(0);
      expect(r.impact[t], t).toBeLessThanOrEqual(1);
    }
  });
});

describe('scenario 3 — bad input', () => {
  const trusted = (): Deployment => loadDeployment({ file: trustedFile });

  it('refuses a deployment whose quantum cloud is trusted', async () => {
    expect(() => getScenario(S3_ID).checkDeployment?.(trusted())).toThrow(/trusts every quantum cloud it uses \(acme-quantum: trusted\)/);
    await expect(runScenario(getScenario(S3_ID), { seeds: [1], quick: true, deployment: trusted() })).rejects.toThrow(/untrusted quantum cloud/);
  });

  it('refuses a deployment without a quantum cloud that executes', () => {
    const d = trusted();
    const none: Deployment = { ...d, parties: d.parties.filter((p) => p.role !== 'quantum-cloud') };
    expect(() => getScenario(S3_ID).checkDeployment?.(none)).toThrow(/has none: the quantum-cloud-insider has no position/);
  });

  it('refuses a zero budget, naming the field', async () => {
    await expect(runUntrustedProvider({ seed: 1, quick: true }, { ...s3Budget(true), victims: 0 })).rejects.toThrow(/budget\.victims must be an integer ≥ 1, got 0/);
    await expect(runUntrustedProvider({ seed: 1, quick: true }, { ...s3Budget(true), references: 2 })).rejects.toThrow(/budget\.references/);
  });
});
