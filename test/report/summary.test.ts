import { describe, expect, it } from 'vitest';
import { bestDefense, keyMetric } from '../../src/report/key-metric.js';
import { summaryTable } from '../../src/report/summary-table.js';
import { labResults, s1, s2, s3, s4, sj } from './fixtures.js';

describe('key metric and best defense', () => {
  it('uses the first attack metric and the defense that leaves the least of it', () => {
    expect(keyMetric(s1())).toMatchObject({ name: 'agreement_at_max_budget', attackerWants: 'max' });
    expect(bestDefense(s1())?.defense.id).toBe('rate-limit');
  });

  it('follows key_metric / key_metric_goal notes: a robust accuracy the attacker wants low', () => {
    expect(keyMetric(s2())).toMatchObject({ name: 'robust_accuracy_eps_0.1', attackerWants: 'min' });
    expect(bestDefense(s2())?.defense.id).toBe('adv-training');
    expect(bestDefense(s2())?.value.mean).toBe(0.8);
  });

  it('has nothing to say about a scenario that measured nothing', () => {
    expect(keyMetric(s3())).toBeUndefined();
    expect(bestDefense(s3())).toBeUndefined();
    const noDefenseMeasured = { ...s4(), defenses: [{ ...s4().defenses[0]!, metrics: { other: sj(1, 0) } }] };
    expect(bestDefense(noDefenseMeasured)).toBeUndefined();
  });
});

describe('summaryTable', () => {
  it('lists every scenario with attacker, key metric, best defense and status', () => {
    const text = summaryTable(labResults());
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(2 + 4);
    expect(lines[0]).toMatch(/^scenario\s+attacker\s+key attack metric \(no defense\)\s+best defense → what it leaves\s+status$/);
    const row = (id: string) => lines.find((l) => l.startsWith(`${id} `))?.split(/\s{2,}/);
    expect(row('s1-model-extraction')).toEqual(['s1-model-extraction', 'api-client', 'agreement_at_max_budget = 0.997 ± 0.020', 'rate-limit → 0.710 ± 0.040', 'complete']);
    expect(row('s2-adversarial-evasion')).toEqual(['s2-adversarial-evasion', 'api-client', 'robust_accuracy_eps_0.1 = 0.40 ± 0.10 (attacker wants it low)', 'adv-training → 0.800 ± 0.050', 'partial (1/3 seeds failed)']);
    expect(row('s3-untrusted-provider')).toEqual(['s3-untrusted-provider', 'quantum-cloud-insider', '—', '—', 'failed (2/2 seeds failed)']);
    expect(row('s4-rerouting')).toEqual(['s4-rerouting', 'quantum-cloud-insider', 'accuracy_drop_pct = 12.0 ± 3.0', 'fingerprint → 1.00 ± 0.50', 'complete']);
    // columns are aligned: every row starts its attacker at the same offset
    const offsets = lines.filter((l) => !l.startsWith('-')).map((l) => l.search(/ (api-client|quantum-cloud-insider|attacker)/));
    expect(new Set(offsets).size).toBe(1);
  });

  it('says when there is nothing to list', () => {
    expect(summaryTable(labResults([]))).toContain('(no scenarios were run)');
  });
});
