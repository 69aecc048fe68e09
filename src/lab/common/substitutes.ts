/**
 * The extraction attacker's local models, trained on what the API answered.
 *
 * - **Naive** (the classical baseline QuantumLeak compares against, e.g. CloudLeak): one QNN
 *   trained with cross-entropy on the returned top-1 labels.
 * - **Ensemble** (QuantumLeak, Fu et al., arXiv 2403.10790): K QNNs, each on a bootstrap
 *   sample of the harvested pairs (bagging: n draws with replacement, Breiman 1996), each
 *   fitted with the Huber loss to the returned probability vectors; the ensemble answers with
 *   the mean of its members' probabilities.
 *
 * The attacker knows the model family (QML.T0001: the victim's QNN design is published) but not
 * the training data: its preprocessing maps the publicly documented feature ranges linearly
 * onto [0, π] (MinMaxScaler fitted on the two corner rows of those ranges).
 */
import { InputError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { MinMaxScaler } from '../../data/preprocess/min-max-scaler.js';
import type { QnnConfig } from '../../qml/config.js';
import { HybridModel } from '../../qml/model.js';
import { simulatorExecutor } from '../../qml/runner.js';
import { train } from '../../qml/trainer.js';
import { ensembleClassifier, hybridClassifier, type DifferentiableClassifier } from './classifier.js';
import type { ApiAnswer } from './api-client.js';
import { trainOnSoftTargets } from './soft-target-training.js';

/** How the attacker trains its substitutes. */
export interface SubstituteSettings {
  readonly qnn: QnnConfig;
  readonly classes: readonly string[];
  /** Public per-feature [min, max] (the attacker's input scaling). */
  readonly ranges: readonly (readonly [number, number])[];
  /** Epochs for a transfer set of n pairs (the same rule for naive and ensemble members). */
  readonly epochs: (n: number) => number;
  readonly batchSize: number;
  readonly learningRate: number;
  /** Ensemble size K. */
  readonly members: number;
  /** Huber δ of the ensemble members' loss. */
  readonly huberDelta: number;
}

/** A trained substitute and the cost of training it. */
export interface TrainedSubstitute {
  readonly classifier: DifferentiableClassifier;
  readonly models: readonly HybridModel[];
  /** Circuit batch executions spent in training. */
  readonly evaluations: number;
}

/** An untrained substitute QNN with the attacker's public-range preprocessing. */
export function substituteModel(s: SubstituteSettings, seed: string): HybridModel {
  const lower = s.ranges.map((r) => r[0]);
  const upper = s.ranges.map((r) => r[1]);
  const scaler = new MinMaxScaler({ featureRange: [0, Math.PI] }).fit([lower, upper]);
  const model = new HybridModel({ qnn: s.qnn, head: 'linear', classes: s.classes, preprocessing: scaler });
  model.initialize(new Rng(seed));
  return model;
}

function checkSet(queries: readonly (readonly number[])[], answers: readonly ApiAnswer[]): void {
  if (queries.length === 0) throw new InputError('a substitute needs at least one answered query', 'EXTRACTION');
  if (queries.length !== answers.length) throw new InputError(`${queries.length} queries but ${answers.length} answers`, 'EXTRACTION');
}

/** The naive substitute: one QNN, cross-entropy on the answered labels. */
export async function trainNaiveSubstitute(s: SubstituteSettings, queries: readonly (readonly number[])[], answers: readonly ApiAnswer[], seed: string): Promise<TrainedSubstitute> {
  checkSet(queries, answers);
  const model = substituteModel(s, `${seed}:naive`);
  const executor = simulatorExecutor('statevector');
  const r = await train(model, model.features(queries as number[][]), Int32Array.from(answers, (a) => a.label), {
    executor, epochs: s.epochs(queries.length), batchSize: s.batchSize, optimizer: { kind: 'adam', lr: s.learningRate }, loss: 'cross_entropy', seed: new Rng(`${seed}:naive-order`).nextUint32(),
  });
  return { classifier: hybridClassifier(model, executor), models: [model], evaluations: r.evaluations };
}

/** QuantumLeak's ensemble: K bootstrap-bagged QNNs with the Huber loss on the answered probabilities. */
export function trainEnsembleSubstitute(s: SubstituteSettings, queries: readonly (readonly number[])[], answers: readonly ApiAnswer[], seed: string): TrainedSubstitute {
  checkSet(queries, answers);
  if (!Number.isInteger(s.members) || s.members < 1) throw new InputError(`the ensemble needs at least one member, got ${s.members}`, 'EXTRACTION');
  const n = queries.length;
  const C = s.classes.length;
  const executor = simulatorExecutor('statevector');
  const bag = new Rng(`${seed}:bagging`);
  const models: HybridModel[] = [];
  let evaluations = 0;
  for (let k = 0; k < s.members; k++) {
    const idx = Array.from({ length: n }, () => bag.int(n));
    const model = substituteModel(s, `${seed}:member:${k}`);
    const features = model.features(idx.map((i) => queries[i] as number[]));
    const targets = new Float64Array(n * C);
    idx.forEach((i, j) => {
      const p = (answers[i] as ApiAnswer).probabilities;
      for (let c = 0; c < C; c++) targets[j * C + c] = p[c] as number;
    });
    const r = trainOnSoftTargets(model, features, targets, {
      executor, epochs: s.epochs(n), batchSize: s.batchSize, optimizer: { kind: 'adam', lr: s.learningRate }, delta: s.huberDelta, seed: new Rng(`${seed}:member-order:${k}`).nextUint32(),
    });
    evaluations += r.evaluations;
    models.push(model);
  }
  return { classifier: ensembleClassifier(models.map((m) => hybridClassifier(m, executor))), models, evaluations };
}
