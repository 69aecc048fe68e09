/**
 * One claimed → actual pair of scenario 4, measured: the victim served honestly and rerouted
 * (accuracy, latency, bill), each defense's check over many honest and rerouted trials (ROC,
 * AUC, AUC against shots, a control where nothing is rerouted), and each defense on a job
 * stream in which part of the jobs are rerouted (detection delay, false alarms, cost).
 */
import { InputError } from '../../../core/errors.js';
import type { QuantumJob, QuantumProvider } from '../../../cloud/job.js';
import type { Deployment } from '../../../deploy/deployment.js';
import { rocAtFprGrid, rocAuc, tprAtFpr } from '../../common/roc.js';
import type { Metrics, SeriesPoint } from '../../scenario.js';
import type { ReroutingBudget } from './budget.js';
import { WU_MANHATTAN_THRESHOLD } from './fingerprint.js';
import { FingerprintingClient } from './fingerprint-client.js';
import { fleetPipeline } from './fleet.js';
import type { ReroutingProvider } from './rerouting-provider.js';
import type { ReroutePair, ReroutePlan } from './setup.js';
import { TrapClient } from './trap-client.js';
import { fingerprintTrials, trapTrials, type TrialScores } from './trials.js';
import { serveTestStream, type ReroutingVictim, type ServedStream } from './victim.js';

/** False-positive rate of the ROC operating point reported as `tpr_at_5pct_fpr`. */
export const OPERATING_FPR = 0.05;
const FPR_GRID = [0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1];
/** The chart of detection AUC against the shots a check spends (series `<chart>: <line>`). */
export const SHOTS_CHART = 'detection AUC vs shots per check';

/** `ibm_nairobi → ibm_lagos` as a metric prefix: `nairobi_to_lagos`. */
export function pairKey(pair: ReroutePair): string {
  const short = (d: string) => d.replace(/^ibmq?_/, '');
  return `${short(pair.claimed)}_to_${short(pair.actual)}`;
}

const mean = (v: readonly number[]) => (v.length === 0 ? Number.NaN : v.reduce((a, b) => a + b, 0) / v.length);
const sum = (v: readonly number[]) => v.reduce((a, b) => a + b, 0);

/** What the attack did to the victim on one pair. */
function attackMetrics(p: string, pair: ReroutePair, honest: ServedStream, attacked: ServedStream, log: readonly { rerouted: boolean; billed_usd: number; actual_usd: number; requested_billable_s: number }[]): Metrics {
  const rerouted = log.filter((r) => r.rerouted);
  const changed = honest.predictions.reduce((n, y, i) => n + (y === attacked.predictions[i] ? 0 : 1), 0);
  const honestCost = mean(honest.jobs.map((j) => j.metadata.cost_usd));
  const billed = mean(attacked.jobs.map((j) => j.metadata.cost_usd));
  return {
    [`${p}_accuracy_claimed_device`]: honest.accuracy,
    [`${p}_accuracy_rerouted`]: attacked.accuracy,
    [`${p}_accuracy_loss_pct_points`]: 100 * (honest.accuracy - attacked.accuracy),
    [`${p}_cross_entropy_increase`]: attacked.crossEntropy - honest.crossEntropy,
    [`${p}_predictions_changed_pct`]: (100 * changed) / honest.predictions.length,
    [`${p}_jobs_rerouted_pct`]: (100 * rerouted.length) / Math.max(1, log.length),
    [`${p}_jobs_reporting_claimed_device_pct`]: (100 * attacked.jobs.filter((j) => j.metadata.device === pair.claimed).length) / attacked.jobs.length,
    [`${p}_latency_claimed_s_per_job`]: honest.meanLatencyS,
    [`${p}_latency_rerouted_s_per_job`]: attacked.meanLatencyS,
    [`${p}_latency_added_s_per_job`]: attacked.meanLatencyS - honest.meanLatencyS,
    [`${p}_billed_usd_per_job`]: billed,
    [`${p}_bill_change_vs_honest_pct`]: (100 * (billed - honestCost)) / honestCost,
    [`${p}_actual_device_list_usd_per_job`]: mean(rerouted.map((r) => r.actual_usd)),
    [`${p}_provider_list_price_saving_usd_per_job`]: mean(rerouted.map((r) => r.billed_usd - r.actual_usd)),
    [`${p}_premium_qpu_s_freed_per_job`]: mean(rerouted.map((r) => r.requested_billable_s)),
  };
}

/** ROC facts of one defense on one pair, and its chart series. */
function rocMetrics(p: string, scores: TrialScores): Metrics {
  return {
    [`${p}_auc`]: rocAuc(scores.honest, scores.rerouted),
    [`${p}_tpr_at_5pct_fpr`]: tprAtFpr(scores.honest, scores.rerouted, OPERATING_FPR),
    [`${p}_honest_score_mean`]: mean(scores.honest),
    [`${p}_rerouted_score_mean`]: mean(scores.rerouted),
  };
}

function rocSeries(name: string, scores: TrialScores): SeriesPoint[] {
  return rocAtFprGrid(scores.honest, scores.rerouted, FPR_GRID).map((pt) => ({ series: name, x: pt.fpr, y: pt.tpr }));
}

/** How many of the first `upTo` victim jobs of a stream the insider rerouted. */
function reroutedVictimJobs(stream: ServedStream, rerouter: ReroutingProvider | undefined, upTo: number): number {
  const ids = new Set(stream.jobs.slice(0, upTo).map((j) => j.jobId));
  return (rerouter?.log ?? []).filter((r) => r.rerouted && ids.has(r.jobId)).length;
}

/** The records every defense client keeps of its checks. */
interface CheckRecord {
  readonly afterJob: number;
  readonly alarm: boolean;
  readonly cost_usd: number;
  readonly billable_s: number;
  readonly shots: number;
  readonly verification_delay_s: number;
  readonly predict_ms: number;
}

interface DefenseClient {
  readonly checks: readonly CheckRecord[];
  readonly firstAlarmAfterJob: number | undefined;
}

/** Runs a defended stream honest and attacked; detection delay, false alarms, cost. */
async function defendedStreams(
  p: string, deployment: Deployment, plan: ReroutePlan, pair: ReroutePair, victim: ReroutingVictim, budget: ReroutingBudget, seed: number,
  baseline: ServedStream, makeClient: (inner: QuantumProvider) => QuantumProvider & DefenseClient,
): Promise<{ metrics: Metrics; cost: Metrics }> {
  const run = async (rerouteFraction?: number) => {
    const holder: { client?: DefenseClient } = {};
    const { pipeline, rerouter } = fleetPipeline(deployment, plan, pair, {
      ...(rerouteFraction !== undefined ? { rerouteFraction } : {}),
      defense: (inner) => {
        const c = makeClient(inner);
        holder.client = c;
        return c;
      },
    }, seed);
    const stream = await serveTestStream(pipeline, plan.routeIndex, victim, budget.streamJobs, budget.streamBatch, seed);
    const client = holder.client;
    if (!client) throw new InputError('the defense was not wired into the pipeline', 'LAB');
    return { stream, client, rerouter };
  };
  const honest = await run();
  const attacked = await run(budget.streamRerouteFraction);
  const J = budget.streamJobs;
  const first = attacked.client.firstAlarmAfterJob;
  const detectedAt = first ?? J;
  const reroutedBefore = reroutedVictimJobs(attacked.stream, attacked.rerouter, detectedAt);
  const checks = honest.client.checks;
  const victimCost = sum(honest.stream.jobs.map((j) => j.metadata.cost_usd));
  const extraUsd = sum(checks.map((c) => c.cost_usd));
  return {
    metrics: {
      [`${p}_detected`]: first === undefined ? 0 : 1,
      [`${p}_detection_delay_jobs`]: detectedAt,
      [`${p}_rerouted_jobs_undetected`]: reroutedBefore,
      [`${p}_false_alarms_per_check`]: checks.length === 0 ? 0 : checks.filter((c) => c.alarm).length / checks.length,
    },
    cost: {
      [`${p}_extra_jobs_per_job`]: checks.length / J,
      [`${p}_extra_shots_per_job`]: sum(checks.map((c) => c.shots)) / J,
      [`${p}_extra_qpu_s_per_job`]: sum(checks.map((c) => c.billable_s)) / J,
      [`${p}_extra_usd_per_job`]: extraUsd / J,
      [`${p}_cost_overhead_pct`]: (100 * extraUsd) / victimCost,
      [`${p}_latency_added_s_per_job`]: honest.stream.meanLatencyS - baseline.meanLatencyS,
      [`${p}_verification_delay_s`]: mean(checks.map((c) => c.verification_delay_s)),
    },
  };
}

/** What one pair contributes to a run. */
export interface PairMeasurement {
  readonly attack: Metrics;
  readonly fingerprint: { readonly metrics: Metrics; readonly cost: Metrics };
  readonly traps: { readonly metrics: Metrics; readonly cost: Metrics };
  readonly series: readonly SeriesPoint[];
  readonly notes: Readonly<Record<string, string>>;
}

/** Where a pair is measured. */
export interface PairContext {
  readonly deployment: Deployment;
  readonly plan: ReroutePlan;
  readonly victim: ReroutingVictim;
  readonly budget: ReroutingBudget;
  readonly owner: string;
  readonly seed: number;
  /** Position of the pair in the plan (decorrelates the pairs' detection streams). */
  readonly index: number;
  readonly tick: (message: string) => void;
}

/** Measures one pair (see the module comment). */
export async function measurePair(pair: ReroutePair, c: PairContext): Promise<PairMeasurement> {
  const { deployment, plan, victim, budget, owner, seed, index, tick } = c;
  const shots = deployment.execution.shots;
  const attack: Metrics = {};
  const fingerprint = { metrics: {} as Metrics, cost: {} as Metrics };
  const traps = { metrics: {} as Metrics, cost: {} as Metrics };
  const series: SeriesPoint[] = [];
  const notes: Record<string, string> = {};
  const p = pairKey(pair);
  // The detection streams of different pairs draw their own rerouting and check schedules.
  const streamSeed = seed * 7919 + index;
  const arrow = `${pair.claimed}→${pair.actual}`;
  const honest = fleetPipeline(deployment, plan, pair, {}, seed);
  const h = await serveTestStream(honest.pipeline, plan.routeIndex, victim, budget.requests, budget.batch, seed);
  const attacked = fleetPipeline(deployment, plan, pair, { rerouteFraction: 1 }, seed);
  const a = await serveTestStream(attacked.pipeline, plan.routeIndex, victim, budget.requests, budget.batch, seed);
  Object.assign(attack, attackMetrics(p, pair, h, a, attacked.rerouter?.log ?? []));
  tick(`${arrow}: served the test set honestly and rerouted`);

  const setup = { deployment, plan, pair, tenant: owner, trials: budget.trials, shots: budget.checkShots, seed };
  const control = { ...setup, pair: { claimed: pair.claimed, actual: pair.claimed } };
  const region = h.jobs[0]?.metadata.qubits ?? [];
  const fp = await fingerprintTrials(setup, region);
  const fpControl = await fingerprintTrials(control, region);
  Object.assign(fingerprint.metrics, rocMetrics(p, fp), {
    [`${p}_fpr_at_paper_threshold`]: fp.honest.filter((d) => d > WU_MANHATTAN_THRESHOLD).length / fp.honest.length,
    [`${p}_tpr_at_paper_threshold`]: fp.rerouted.filter((d) => d > WU_MANHATTAN_THRESHOLD).length / fp.rerouted.length,
    [`${p}_control_auc_claimed_equals_actual`]: rocAuc(fpControl.honest, fpControl.rerouted),
  });
  series.push(...rocSeries(`fingerprint ROC: ${arrow}`, fp), ...rocSeries(`fingerprint ROC: ${pair.claimed}→${pair.claimed} (control, nothing rerouted)`, fpControl));
  tick(`${arrow}: ${4 * budget.trials} fingerprint probes`);

  const job: QuantumJob = {
    tenant: owner, device: pair.claimed, form: 'logical', circuit: victim.model.qnn.circuit, output: 'expectations',
    observables: victim.model.qnn.observables, weights: victim.model.qnnWeights, shots,
  };
  const tr = await trapTrials(setup, job);
  const trControl = await trapTrials(control, job);
  Object.assign(traps.metrics, rocMetrics(p, tr), { [`${p}_control_auc_claimed_equals_actual`]: rocAuc(trControl.honest, trControl.rerouted) });
  series.push(...rocSeries(`trap ROC: ${arrow}`, tr), ...rocSeries(`trap ROC: ${pair.claimed}→${pair.claimed} (control, nothing rerouted)`, trControl));
  tick(`${arrow}: ${4 * budget.trials} trap jobs`);

  const sweepTrials = Math.max(2, Math.round(budget.trials / 2));
  for (const sweepShots of budget.sweepShots) {
    const few = { ...setup, trials: sweepTrials, shots: sweepShots };
    const f = await fingerprintTrials(few, region);
    const t = await trapTrials(few, job);
    series.push(
      { series: `${SHOTS_CHART}: fingerprint probe, ${arrow}`, x: sweepShots, y: rocAuc(f.honest, f.rerouted) },
      { series: `${SHOTS_CHART}: trap, ${arrow}`, x: sweepShots, y: rocAuc(t.honest, t.rerouted) },
    );
  }
  tick(`${arrow}: AUC versus shots`);

  const baseline = await serveTestStream(fleetPipeline(deployment, plan, pair, {}, streamSeed).pipeline, plan.routeIndex, victim, budget.streamJobs, budget.streamBatch, streamSeed);
  const undefended = fleetPipeline(deployment, plan, pair, { rerouteFraction: budget.streamRerouteFraction }, streamSeed);
  const undefendedStream = await serveTestStream(undefended.pipeline, plan.routeIndex, victim, budget.streamJobs, budget.streamBatch, streamSeed);
  attack[`${p}_rerouted_jobs_undetected`] = reroutedVictimJobs(undefendedStream, undefended.rerouter, budget.streamJobs);
  const fpStream = await defendedStreams(p, deployment, plan, pair, victim, budget, streamSeed, baseline,
    (inner) => new FingerprintingClient(inner, { tenant: owner, period: budget.fingerprintPeriod, shots: budget.checkShots, seed: streamSeed }));
  const trapStream = await defendedStreams(p, deployment, plan, pair, victim, budget, streamSeed, baseline,
    (inner) => new TrapClient(inner, { tenant: owner, rate: budget.trapRate, shots: budget.checkShots, seed: streamSeed }));
  Object.assign(fingerprint.metrics, fpStream.metrics);
  Object.assign(fingerprint.cost, fpStream.cost, { [`${p}_client_predict_ms_per_check`]: fp.predictMsPerCheck });
  Object.assign(traps.metrics, trapStream.metrics);
  Object.assign(traps.cost, trapStream.cost, { [`${p}_client_predict_ms_per_check`]: tr.predictMsPerCheck });
  tick(`${arrow}: detection streams`);
  notes[`${p}_victim_region`] = region.join(',');
  return { attack, fingerprint, traps, series, notes };
}
