/**
 * Lab results built by hand for the report tests: four scenarios shaped like the lab's S1–S4
 * (a budget sweep, an ε sweep with a failed seed, a scenario whose every seed failed, and ROC
 * curves), with values given by closed-form functions so tests can derive what to expect.
 */
import type { DefenseResult, LabResults, ScenarioResult, SeriesSummary, SummaryJson } from '../../src/lab/results.js';

/** A summary with mean m and symmetric half-width h over n seeds. */
export function sj(m: number, h: number, n = 3): SummaryJson {
  return { mean: m, ci95: [m - h, m + h], n };
}

function points(series: string, xs: readonly number[], f: (x: number) => number, h: number): SeriesSummary[] {
  return xs.map((x) => ({ series, x, mean: f(x), ci95: [f(x) - h, f(x) + h], n: 3 }));
}

function defense(id: string, mitigations: string[], metrics: Record<string, SummaryJson>, cost: Record<string, SummaryJson>): DefenseResult {
  return { id, mitigations, description: `defense ${id}`, metrics, cost };
}

const BUDGETS = [10, 30, 100, 300, 1000];
/** Agreement of the stolen model with the victim after b queries (S1's curve). */
export const agreement = (b: number): number => 1 - 0.5 * Math.exp(-b / 200);

/** S1: a budget sweep, two lines in one chart "agreement". */
export function s1(): ScenarioResult {
  return {
    id: 's1-model-extraction',
    title: 'Model extraction through the inference API',
    techniques: ['QML.T0011', 'QML.T0037', 'QML.T0047'],
    attacker: 'api-client',
    anchor: { source: 'Example et al. 2024, Table 2', claim: 'A clone reaches 90 % agreement with 1000 queries.' },
    status: 'complete',
    seeds: [1, 2, 3],
    metrics: { agreement_at_max_budget: sj(agreement(1000), 0.02), queries_used: sj(1000, 0) },
    defenses: [
      defense('rate-limit', ['AML.M0004'], { agreement_at_max_budget: sj(0.71, 0.04), queries_used: sj(200, 0) }, { honest_queries_refused_pct: sj(1.5, 0.5), added_latency_ms: sj(0.2, 0.05) }),
      defense('label-only', ['AML.M0002'], { agreement_at_max_budget: sj(0.83, 0.03) }, { accuracy_loss_pct: sj(0, 0) }),
    ],
    series: [...points('agreement: no defense', BUDGETS, agreement, 0.03), ...points('agreement: rate-limit', BUDGETS, (b) => agreement(Math.min(b, 200)), 0.04)],
    notes: { chart_x: 'query budget', 'chart_y:agreement': 'agreement with the victim', victim_model: 'iris VQC' },
    errors: [],
    impact: { 'QML.T0011': 1, 'QML.T0037': 0.6, 'QML.T0047': agreement(1000) },
    seconds: 12.5,
  };
}

/** S2: an ε sweep; seed 2 failed; the attacker wants the victim's robust accuracy low. */
export function s2(): ScenarioResult {
  const eps = [0, 0.05, 0.1, 0.2];
  return {
    id: 's2-adversarial-evasion',
    title: 'Adversarial evasion',
    techniques: ['QML.T0011', 'QML.T0042', 'QML.T0050'],
    attacker: 'api-client',
    status: 'partial',
    seeds: [1, 2, 3],
    metrics: { 'robust_accuracy_eps_0.1': sj(0.4, 0.1, 2), attack_success_rate: sj(0.55, 0.1, 2) },
    defenses: [
      defense('adv-training', ['AML.M0003'], { 'robust_accuracy_eps_0.1': sj(0.8, 0.05, 2) }, { training_time_factor: sj(2.1, 0.2, 2) }),
      defense('input-detector', ['AML.M0015'], { 'robust_accuracy_eps_0.1': sj(0.6, 0.05, 2) }, { false_alarms_pct: sj(4, 1, 2) }),
    ],
    series: [...points('accuracy: undefended', eps, (e) => 0.95 - 5.5 * e, 0.05), ...points('accuracy: adv-training', eps, (e) => 0.95 - 1.5 * e, 0.05)],
    notes: { chart_x: 'ε (L∞ perturbation)', key_metric: 'robust_accuracy_eps_0.1', key_metric_goal: 'min' },
    errors: [{ seed: 2, message: 'gradient query refused: quota of 500 exhausted' }],
    impact: { 'QML.T0011': 1, 'QML.T0042': 0.5, 'QML.T0050': 0.55 },
    seconds: 30.25,
  };
}

/** S3: every seed failed before measuring anything. */
export function s3(): ScenarioResult {
  return {
    id: 's3-untrusted-provider',
    title: 'Untrusted quantum provider steals the model',
    techniques: ['QML.T0012', 'QML.T0026', 'QML.T0045'],
    attacker: 'quantum-cloud-insider',
    status: 'failed',
    seeds: [1, 2],
    metrics: {},
    defenses: [defense('obfuscation', ['QML.M0001'], {}, {})],
    series: [],
    notes: {},
    errors: [
      { seed: 1, message: 'device profile "ibm_nowhere" not found' },
      { seed: 2, message: 'device profile "ibm_nowhere" not found' },
    ],
    impact: {},
    seconds: 0.5,
  };
}

/** S4: ROC curves of two detectors (y = √x and y = x²) and an ATLAS technique id. */
export function s4(): ScenarioResult {
  const fpr = [0, 0.25, 0.5, 0.75, 1];
  return {
    id: 's4-rerouting',
    title: 'Rerouting to a worse QPU',
    techniques: ['QML.T0057', 'AML.T0029'],
    attacker: 'quantum-cloud-insider',
    status: 'complete',
    seeds: [1, 2, 3],
    metrics: { accuracy_drop_pct: sj(12, 3) },
    defenses: [defense('fingerprint', ['QML.M0004'], { accuracy_drop_pct: sj(1, 0.5) }, { extra_circuit_executions: sj(40, 0), detection_delay_queries: sj(25, 5) })],
    series: [...points('roc: fingerprint', fpr, (x) => Math.sqrt(x), 0), ...points('roc: shot statistics', fpr, (x) => x * x, 0)],
    notes: {},
    errors: [],
    impact: { 'QML.T0057': 0.12, 'AML.T0029': 0.3 },
    seconds: 20,
  };
}

/** All four. */
export function labResults(scenarios: readonly ScenarioResult[] = [s1(), s2(), s3(), s4()]): LabResults {
  return { generated: '2025-07-01T12:00:00.000Z', qmlsec: '0.1.0', scenarios };
}
