/**
 * Scenario 4 — rerouting to a lower-quality QPU (QML.T0057, QML.T0058). A quantum-cloud insider
 * silently runs the victim's jobs on a worse twin of the device the victim pays for, reporting
 * the paid-for device (and its bill) in every result. Measured per claimed → actual pair: the
 * victim's accuracy loss, the latency the congested twin adds, what the provider gains; and for
 * each defense — device fingerprinting (QML.M0004, after arXiv 2408.11203) and trap circuits
 * (QML.M0003) — the ROC of its check over many trials, its detection delay on a job stream in
 * which half the jobs are rerouted, its false alarms on an honest stream, and its cost.
 */
import { dataOwnerOf, type Deployment } from '../../../deploy/deployment.js';
import type { Metrics, Scenario, ScenarioContext, ScenarioRun, SeriesPoint } from '../../scenario.js';
import { checkBudget, REROUTING_BUDGETS, type ReroutingBudget } from './budget.js';
import { WU_MANHATTAN_THRESHOLD } from './fingerprint.js';
import { measurePair, OPERATING_FPR, pairKey, SHOTS_CHART } from './measure-pair.js';
import { defaultReroutingDeployment, reroutePlan, type ReroutePair } from './setup.js';
import { trainReroutingVictim } from './victim.js';

export { REROUTING_BUDGETS, type ReroutingBudget } from './budget.js';
export { pairKey } from './measure-pair.js';

/** Runs scenario 4 once (one seed) with `budget`. */
export async function runRerouting(ctx: ScenarioContext, budget: ReroutingBudget): Promise<ScenarioRun> {
  checkBudget(budget);
  const deployment = ctx.deployment ?? defaultReroutingDeployment();
  const plan = reroutePlan(deployment);
  const owner = dataOwnerOf(deployment);
  const seed = ctx.seed;
  const progress = (f: number, m: string) => ctx.progress?.(f, m);
  progress(0, 'training the Iris victim');
  const victim = await trainReroutingVictim(seed);
  const attack: Metrics = { accuracy_ideal_simulator: victim.idealAccuracy };
  const fingerprint: { metrics: Metrics; cost: Metrics } = { metrics: {}, cost: {} };
  const traps: { metrics: Metrics; cost: Metrics } = { metrics: {}, cost: {} };
  const series: SeriesPoint[] = [];
  const notes: Record<string, string | number> = {};
  const steps = plan.pairs.length * 5;
  let step = 0;
  const tick = (m: string) => progress(++step / steps, m);

  for (const [index, pair] of plan.pairs.entries()) {
    const m = await measurePair(pair, { deployment, plan, victim, budget, owner, seed, index, tick });
    Object.assign(attack, m.attack);
    Object.assign(fingerprint.metrics, m.fingerprint.metrics);
    Object.assign(fingerprint.cost, m.fingerprint.cost);
    Object.assign(traps.metrics, m.traps.metrics);
    Object.assign(traps.cost, m.traps.cost);
    series.push(...m.series);
    Object.assign(notes, m.notes);
  }

  Object.assign(notes, {
    key_metric: `${pairKey(plan.pairs[0] as ReroutePair)}_rerouted_jobs_undetected`,
    [`chart_x:${SHOTS_CHART}`]: 'shots per probe or trap',
    [`chart_y:${SHOTS_CHART}`]: 'AUC (honest vs rerouted)',
    victim: `4-qubit Iris classifier (angle encoding, 2 strongly entangling layers, linear head), trained on the exact simulator; its ${victim.testRows.length} test rows served through the deployment's pipeline`,
    deployment: deployment.name,
    untrusted_cloud: plan.cloud.id,
    pairs: plan.pairs.map((x) => `${x.claimed}→${x.actual}`).join(', '),
    detection_trials_per_class: budget.trials,
    check_shots: budget.checkShots,
    fingerprint_threshold: `Manhattan distance > ${WU_MANHATTAN_THRESHOLD} (Wu et al.); ROC operating point at ${OPERATING_FPR * 100} % FPR`,
    trap_threshold: 'success deficit > 3 binomial standard errors of the trap job',
    detection_streams: `${budget.streamJobs} jobs of ${budget.streamBatch} rows, ${budget.streamRerouteFraction * 100} % rerouted; probe after every ${budget.fingerprintPeriod}th job; trap after ${budget.trapRate * 100} % of jobs; undetected streams count as ${budget.streamJobs} jobs; rerouted_jobs_undetected = victim jobs rerouted before the first alarm (all of them without a defense), assuming the victim leaves the provider once alarmed`,
    queue_waits: 'fixed at each device profile\'s median (latency differences come from the devices and the defenses)',
    atlas_analogues: 'QML.T0058 ↔ AML.T0029 Denial of ML Service (KB); QML.T0057 has no ATLAS technique in the KB, closest AML.T0031 Erode ML Model Integrity',
    victim_job_form: deployment.workflow.S3.includes(plan.cloud.id) ? 'logical (the untrusted cloud transpiles)' : 'native (transpiled before submission)',
    simplifications: 'probe structure is ours (x on every qubit, two native two-qubit gates per coupler); calibrations are static snapshots, so the paper\'s "dynamic" refresh is not exercised; the insider reroutes without looking at the jobs — one that told the short native probes and the native mirror traps from the victim\'s jobs and rerouted only the latter would evade both defenses (not modelled)',
  });
  return { attack, defenses: { fingerprint, traps }, series, notes };
}

function largest(m: Metrics, suffix: string): number {
  const v = Object.entries(m).filter(([k]) => k.endsWith(suffix)).map(([, x]) => x).filter(Number.isFinite);
  return v.length === 0 ? Number.NaN : Math.max(...v);
}

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : Number.NaN);

/** Scenario 4 as the lab registers it. */
export const reroutingScenario: Scenario = {
  id: 's4-rerouting',
  title: 'Rerouting to a lower-quality QPU',
  description: 'A quantum-cloud insider silently runs the victim\'s jobs on a noisier, congested twin of the device it pays for, reporting the paid-for device. Measures the accuracy loss, added latency and the provider\'s gain, and the ROC, detection delay and cost of device fingerprinting and trap circuits.',
  techniques: ['QML.T0057', 'QML.T0058'],
  attacker: 'quantum-cloud-insider',
  anchor: {
    source: 'Wu, Hu and Li, "Detecting Fraudulent Services on Quantum Cloud Platforms via Dynamic Fingerprinting", ICCAD 2024, arXiv:2408.11203',
    claim: 'One probe circuit\'s per-qubit survival probabilities, compared by Manhattan distance with the claimed device\'s calibration-based prediction (threshold 0.035), detect machine substitution on IBM Quantum devices at negligible cost.',
  },
  defenses: [
    { id: 'fingerprint', mitigations: ['QML.M0004'], description: 'Fingerprint probe after every 5th job on the job\'s qubits; alarm when the Manhattan distance to the calibration-predicted survival exceeds 0.035.' },
    { id: 'traps', mitigations: ['QML.M0003'], description: 'Mirror-circuit traps with known outputs after 20 % of jobs; alarm when their success falls 3 standard errors below the claimed device\'s prediction.' },
  ],
  checkDeployment(deployment: Deployment): void {
    reroutePlan(deployment);
  },
  impact(attack: Metrics): ReadonlyMap<string, number> {
    return new Map([
      ['QML.T0057', clamp01(largest(attack, '_predictions_changed_pct') / 100)],
      ['QML.T0058', clamp01(largest(attack, '_latency_added_s_per_job') / largest(attack, '_latency_claimed_s_per_job'))],
    ]);
  },
  run(ctx: ScenarioContext): Promise<ScenarioRun> {
    return runRerouting(ctx, ctx.quick ? REROUTING_BUDGETS.quick : REROUTING_BUDGETS.full);
  },
};
