/**
 * Scenario 3's defense runs, each against the undefended run of the same seed: the victim is
 * retrained through the pipeline with the defense plugged in where it lives, the insider's chain
 * is run again on what its provider kept, and the defense's cost is measured against the
 * undefended run (jobs, circuits, virtual time, billed time, money, depth, accuracy).
 */
import type { Circuit } from '../../../circuit/circuit.js';
import type { Deployment, Party } from '../../../deploy/deployment.js';
import type { QnnConfig } from '../../../qml/config.js';
import { QNN } from '../../../qml/qnn.js';
import type { Metrics, SeriesPoint } from '../../scenario.js';
import { SampleSplitter } from '../../common/sample-splitter.js';
import { exactOutputs } from './architecture.js';
import { attackChain, type ChainOptions, type ChainResult } from './attack-chain.js';
import type { EncodingInspector } from './encoding-inference.js';
import { LabelMaskingProvider, type LabelMask } from './label-masking.js';
import { agreement } from './labels.js';
import { labelsFromBindings, trainWithFidelityLoss, type FidelityRun } from './loss-circuit.js';
import { modelView } from './model-view.js';
import { ObfuscatingClient, obfuscateCircuit } from './obfuscation.js';
import type { PopulationResult } from './population.js';
import { trainVictim, withSecondCloud, type VictimOptions, type VictimRun } from './victim.js';

function prefixed(points: readonly SeriesPoint[], prefix: string): SeriesPoint[] {
  return points.map((p) => ({ ...p, series: `${prefix}${p.series}` }));
}

function pct(after: number, before: number): number {
  return before > 0 ? 100 * (after / before - 1) : Number.NaN;
}

/** Run-level costs every defense is charged with, against the undefended run. */
function runCost(defended: VictimRun, base: VictimRun): Metrics {
  const a = defended.result;
  const b = base.result;
  return {
    client_jobs: a.invoice.jobs,
    extra_circuits: a.invoice.circuits - b.invoice.circuits,
    time_overhead_pct: pct(a.time_s, b.time_s),
    billable_time_overhead_pct: pct(a.invoice.billable_s, b.invoice.billable_s),
    cost_overhead_pct: pct(a.cost_usd, b.cost_usd),
    extra_cost_usd: a.cost_usd - b.cost_usd,
    test_accuracy_change: a.test.accuracy - b.test.accuracy,
  };
}

/** Native depth of `circuit` averaged over five transpiler seeds (routing varies by several SWAPs). */
function meanDepth(circuit: Circuit, inspector: EncodingInspector): number {
  let sum = 0;
  for (let seed = 0; seed < 5; seed++) sum += inspector.compile(circuit, seed).depth();
  return sum / 5;
}

/**
 * Depth overhead of the obfuscation on the anchor's design size: the victim's encoder with five
 * strongly entangling layers, obfuscated with the client's secret.
 */
function fiveLayerDepthOverhead(victim: QnnConfig, inspector: EncodingInspector, secret: string): number {
  const q = new QNN({ ...victim, ansatz: { kind: 'strongly_entangling', layers: 5 } });
  return pct(meanDepth(obfuscateCircuit(q.circuit, q.observables, secret).circuit, inspector), meanDepth(q.circuit, inspector));
}

/** What one defense left the insider, and what it cost. */
export interface DefenseOutcome {
  readonly metrics: Metrics;
  readonly cost: Metrics;
}

function reduction(after: Metrics, before: Metrics, key: string): number {
  const x = after[key];
  const y = before[key];
  return x !== undefined && y !== undefined && y > 0 ? 100 * (1 - x / y) : Number.NaN;
}

/** Everything a defended run shares with the undefended one. */
export interface RunSetting {
  readonly deployment: Deployment;
  readonly victim: Omit<VictimOptions, 'client' | 'classical'>;
  readonly chain: ChainOptions;
  readonly inspector: EncodingInspector;
  readonly secret: string;
  readonly base: VictimRun;
  readonly baseChain: ChainResult;
}

/** Obfuscation: the victim retrained behind an obfuscating client; depth measured on the provider's compiler. */
export async function obfuscationDefense(s: RunSetting, clean: PopulationResult, hidden: PopulationResult): Promise<DefenseOutcome> {
  const clients: ObfuscatingClient[] = [];
  const run = await trainVictim(s.deployment, {
    ...s.victim,
    client: (p) => {
      const c = new ObfuscatingClient(p, s.secret);
      clients.push(c);
      return c;
    },
  });
  const chain = attackChain(run.curious.records, run.truth, s.chain);
  const plainView = modelView(s.base.curious.records, s.base.truth.tenant);
  const hiddenView = modelView(run.curious.records, run.truth.tenant);
  const probe = s.base.truth.trainInputs.slice(0, 8);
  const a = exactOutputs(plainView.template, plainView.observables, probe, s.base.truth.weights);
  const b = exactOutputs(hiddenView.template, hiddenView.observables, probe, s.base.truth.weights);
  let deviation = 0;
  for (let i = 0; i < a.length; i++) deviation = Math.max(deviation, Math.abs((a[i] as number) - (b[i] as number)));
  const ratios = clean.nativeDepths.map((d, i) => (hidden.nativeDepths[i] as number) / Math.max(1, d));
  const jobs = clients.reduce((n, c) => n + c.stats.jobs, 0);
  return {
    metrics: { ...hidden.metrics, ...chain.metrics, encoding_inference_reduction_pct: reduction(hidden.metrics, clean.metrics, 'encoding_inference_accuracy') },
    cost: {
      ...runCost(run, s.base),
      depth_overhead_pct: pct(meanDepth(hiddenView.template, s.inspector), meanDepth(plainView.template, s.inspector)),
      depth_overhead_pct_population: 100 * (ratios.reduce((t, r) => t + r, 0) / Math.max(1, ratios.length) - 1),
      depth_overhead_pct_5_layer_qnn: fiveLayerDepthOverhead(s.base.truth.config, s.inspector, s.secret),
      max_output_deviation: deviation,
      jobs_obfuscated_fraction: clients.reduce((n, c) => n + c.stats.obfuscated, 0) / Math.max(1, jobs),
    },
  };
}

/** The fidelity-loss variant, unmasked and masked: how many labels the insider reads off the bindings. */
export async function lossCircuitVariant(s: RunSetting, mask: readonly number[]): Promise<{ plain: Metrics; masked: Metrics; accuracyChange: number }> {
  const options = { seed: s.victim.seed, insider: s.victim.insider, simulation: 'ideal' as const, trainingRows: s.victim.trainingRows ?? 60, ...(s.victim.epochs !== undefined ? { epochs: s.victim.epochs } : {}) };
  const plain = await trainWithFidelityLoss(s.deployment, options);
  const masked = await trainWithFidelityLoss(s.deployment, { ...options, mask });
  const score = (run: FidelityRun): Metrics => {
    const read = labelsFromBindings(run.curious.recordsOf(s.base.truth.tenant));
    return {
      label_recovery_rate_loss_circuit: agreement(run.trainInputs.map((x) => read.get(Array.from(x).join(',')) ?? -1), run.trainLabels),
      fidelity_loss_victim_test_accuracy: run.testAccuracy,
    };
  };
  return { plain: score(plain), masked: score(masked), accuracyChange: masked.testAccuracy - plain.testAccuracy };
}

/**
 * Label masking: the classical loss masked (head-less victims only — a classical head already
 * keeps the classes from the provider), and the fidelity-loss variant masked.
 */
export async function maskingDefense(s: RunSetting, mask: LabelMask, loss: { masked: Metrics; plain: Metrics; accuracyChange: number }): Promise<DefenseOutcome & { series: SeriesPoint[] }> {
  const lossParty = s.deployment.workflow.S5[0];
  const run = s.base.result.model.head.kind === 'none'
    ? await trainVictim(s.deployment, { ...s.victim, classical: (p, party) => (party.id === lossParty ? new LabelMaskingProvider(p, mask) : p) })
    : undefined;
  const chain = run ? attackChain(run.curious.records, run.truth, s.chain) : undefined;
  return {
    metrics: {
      ...(chain ? { ...chain.metrics, label_recovery_reduction_pct: reduction(chain.metrics, s.baseChain.metrics, 'label_recovery_rate') } : {}),
      ...loss.masked,
      loss_circuit_label_recovery_reduction_pct: reduction(loss.masked, loss.plain, 'label_recovery_rate_loss_circuit'),
    },
    cost: { ...(run ? runCost(run, s.base) : {}), fidelity_loss_test_accuracy_change: loss.accuracyChange },
    series: prefixed(chain?.series ?? [], 'masked_'),
  };
}

/** Splitting: a second, trusted cloud, and every binding sent to one of the two by a keyed hash. */
export async function splittingDefense(s: RunSetting, insider: Party): Promise<DefenseOutcome> {
  const splitter = new SampleSplitter(`split-secret:${s.victim.seed}`);
  const run = await trainVictim(withSecondCloud(s.deployment, insider), { ...s.victim, client: (p) => splitter.view(p) });
  const chain = attackChain(run.curious.records, run.truth, s.chain);
  return {
    metrics: { ...chain.metrics, harvest_reduction_pct: reduction(chain.metrics, s.baseChain.metrics, 'training_data_harvested_fraction') },
    cost: { ...runCost(run, s.base), extra_jobs: splitter.stats.parts - splitter.stats.jobs, extra_jobs_pct: pct(splitter.stats.parts, splitter.stats.jobs) },
  };
}

