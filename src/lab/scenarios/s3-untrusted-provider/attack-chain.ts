/**
 * The insider's kill chain against one trained victim, from the jobs its provider kept:
 * white-box circuit access (QML.T0012) → encoding inference (QML.T0023) and architecture recovery
 * (QML.T0025) → weight theft (QML.T0026) → training-data harvest (QML.T0027) → label inference
 * (QML.T0028) → a clone trained on the harvest (QML.T0043). Every step uses only the kept jobs;
 * the victim's truth is used afterwards, to score.
 */
import type { QnnConfig } from '../../../qml/config.js';
import { argmaxRows } from '../../../qml/metrics.js';
import { QNN } from '../../../qml/qnn.js';
import type { Metrics, SeriesPoint } from '../../scenario.js';
import type { RecordedJob } from '../../common/curious-provider.js';
import { kMeans } from '../../common/kmeans.js';
import { exactOutputs, matchFunction, matchStructure, sameArchitecture } from './architecture.js';
import { predictTemplate, trainTemplate } from './clone.js';
import type { EncodingInspector } from './encoding-inference.js';
import { harvestQuality, invertEncoding } from './harvest.js';
import { agreement, agreementUpToNames, clusterLabels, labelsFromOutputs, labelsFromTrace } from './labels.js';
import { harvestRows, modelView } from './model-view.js';
import type { EncodingFamily } from './victims.js';

/** What the scenario knows about the victim, to score the attack (never shown to the attacker). */
export interface VictimTruth {
  readonly tenant: string;
  readonly config: QnnConfig;
  readonly family: EncodingFamily;
  /** Trained QNN weights. */
  readonly weights: Float64Array;
  /** Preprocessed training features and their circuit inputs (same order), and labels. */
  readonly trainFeatures: readonly Float64Array[];
  readonly trainInputs: readonly Float64Array[];
  readonly trainLabels: Int32Array;
  /** Circuit inputs and labels of the held-out test rows. */
  readonly testInputs: readonly Float64Array[];
  readonly testLabels: Int32Array;
  readonly testAccuracy: number;
  /** Jobs the client sent (what a provider that saw everything would have). */
  readonly jobsSent: number;
}

/** How hard the attacker works. */
export interface ChainOptions {
  readonly inspector: EncodingInspector;
  readonly seed: string | number;
  readonly cloneEpochs: number;
  /** Also try the adaptive, functional architecture match (slower). */
  readonly functional?: boolean;
}

/** Scores of one chain run. */
export interface ChainResult {
  readonly metrics: Metrics;
  readonly series: SeriesPoint[];
}

/** |a − b| up to 2π, in [0, π]. */
export function periodicError(a: number, b: number): number {
  const d = Math.abs(a - b) % (2 * Math.PI);
  return Math.min(d, 2 * Math.PI - d);
}

function rowKey(r: ArrayLike<number>): string {
  return Array.prototype.join.call(r, ',');
}

/** Runs the chain on the kept `records` (see the module comment). */
export function attackChain(records: readonly RecordedJob[], truth: VictimTruth, o: ChainOptions): ChainResult {
  const m: Metrics = {};
  const series: SeriesPoint[] = [];
  const mine = records.filter((r) => r.job.tenant === truth.tenant);
  m['jobs_seen_fraction'] = truth.jobsSent > 0 ? Math.min(1, mine.length / truth.jobsSent) : 0;
  if (mine.length === 0) return { metrics: { ...m, encoding_identified: 0, architecture_identified: 0, weights_recovered_fraction: 0, training_data_harvested_fraction: 0, label_recovery_rate: 0 }, series };
  const view = modelView(mine, truth.tenant);
  const n = view.template.numQubits;

  // QML.T0023 / QML.T0025: encoding and architecture.
  const family = o.inspector.infer(view.template, view.form);
  m['encoding_identified'] = family === truth.family ? 1 : 0;
  const recovered = view.form === 'logical' ? matchStructure(view.template) : undefined;
  m['architecture_identified'] = sameArchitecture(recovered, truth.config) ? 1 : 0;

  // QML.T0026: the latest weights bound to the unshifted template.
  const w = view.latestWeights;
  if (w && w.length === truth.weights.length) {
    let max = 0;
    let ok = 0;
    truth.weights.forEach((t, j) => {
      const e = periodicError(t, w[j] as number);
      max = Math.max(max, e);
      if (e < 1e-6) ok++;
    });
    m['weights_recovered_fraction'] = ok / truth.weights.length;
    m['weight_max_abs_error_rad'] = max;
  } else {
    m['weights_recovered_fraction'] = 0;
    m['weight_max_abs_error_rad'] = Math.PI;
  }
  if (o.functional && view.form === 'logical' && w) {
    const probe = mine[0]?.job.inputs?.slice(0, 3) ?? [];
    m['architecture_identified_functional'] = sameArchitecture(matchFunction(view.template, view.observables, probe, w), truth.config) ? 1 : 0;
  }

  // QML.T0027: harvest, with the inferred encoding.
  const rows = harvestRows(view);
  const trainedOn = rows.filter((r) => r.weightVectors >= 2);
  const inputs = trainedOn.map((r) => r.inputs);
  const features = invertEncoding(inputs, family, n);
  const q = harvestQuality(invertEncoding(rows.map((r) => r.inputs), family, n), truth.trainFeatures, { unitNorm: truth.family === 'amplitude' });
  m['training_data_harvested_fraction'] = q.fraction;
  m['feature_reconstruction_error'] = q.meanError;
  m['harvested_rows'] = rows.length;
  m['harvested_rows_trained_on'] = trainedOn.length;

  // QML.T0028: labels of the rows it saw trained on.
  const labelOf = new Map<string, number>();
  truth.trainInputs.forEach((r, i) => labelOf.set(rowKey(r), truth.trainLabels[i] as number));
  const scored = inputs.map((r, i) => ({ i, label: labelOf.get(rowKey(r)) })).filter((s): s is { i: number; label: number } => s.label !== undefined);
  const K = view.observables.length;
  let inferred: Int32Array = new Int32Array(inputs.length);
  if (w && inputs.length > 0 && K >= 2) {
    const outputs = exactOutputs(view.template, view.observables, inputs, w);
    inferred = labelsFromOutputs(outputs, K, features);
    const raw = argmaxRows(outputs, inputs.length, K);
    const truthOf = scored.map((s) => s.label);
    m['label_recovery_rate'] = agreement(scored.map((s) => inferred[s.i] as number), truthOf);
    m['label_recovery_rate_unpruned'] = agreement(scored.map((s) => raw[s.i] as number), truthOf);
    const trace = labelsFromTrace(view);
    m['label_recovery_rate_trace'] = agreement(scored.map((s) => trace.get(rowKey(inputs[s.i] as Float64Array)) ?? -1), truthOf);
    if (inputs.length >= K) {
      const named = clusterLabels(features, K, `${o.seed}:clusters`, inferred);
      m['label_recovery_rate_clustering'] = agreement(scored.map((s) => named[s.i] as number), truthOf);
      const clusters = kMeans(features, K, { seed: `${o.seed}:clusters`, restarts: 5 }).assignments;
      m['cluster_purity_up_to_names'] = agreementUpToNames(scored.map((s) => clusters[s.i] as number), truthOf, K);
    }
    view.weightHistory.forEach((hw, t) => {
      const pred = argmaxRows(exactOutputs(view.template, view.observables, inputs, hw), inputs.length, K);
      series.push({ series: 'label_recovery_over_training', x: t, y: agreement(scored.map((s) => pred[s.i] as number), truthOf) });
    });
  } else m['label_recovery_rate'] = 0;

  // QML.T0043: clone on the harvest; the stolen model itself for comparison.
  m['victim_test_accuracy'] = truth.testAccuracy;
  if (w && K >= 2) {
    m['stolen_model_test_accuracy'] = agreement(predictTemplate({ circuit: view.template, observables: view.observables, weights: w }, truth.testInputs), truth.testLabels);
  }
  if (inputs.length > K && K >= 2) {
    const circuit = recovered ? new QNN(recovered).circuit : view.template;
    const clone = trainTemplate(circuit, view.observables, inputs, inferred, { epochs: o.cloneEpochs, seed: o.seed });
    const acc = agreement(predictTemplate(clone, truth.testInputs), truth.testLabels);
    m['clone_test_accuracy'] = acc;
    m['clone_to_victim_accuracy_ratio'] = truth.testAccuracy > 0 ? acc / truth.testAccuracy : 0;
  }
  return { metrics: m, series };
}
