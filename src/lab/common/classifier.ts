/**
 * What attacks and evaluations need from a model: class probabilities for raw input rows, and
 * the gradient of the cross-entropy loss with respect to those raw rows (through the head,
 * the QNN and the preprocessing: `HybridModel.step(…, { wantFeatureGradient })` chained by
 * `rawGradient`). Implemented for one hybrid model and for an ensemble that averages its
 * members' probabilities (and, for attacks, their losses).
 */
import type { QnnExecutor } from '../../qml/gradients/executor.js';
import { argmaxRows } from '../../qml/metrics.js';
import type { HybridModel } from '../../qml/model.js';
import { simulatorExecutor } from '../../qml/runner.js';

/** A classifier attacks can differentiate. */
export interface DifferentiableClassifier {
  readonly numClasses: number;
  readonly numFeatures: number;
  /** B × C probabilities for raw rows. */
  predictProba(rows: readonly (readonly number[])[]): Float64Array;
  /**
   * dL/dx of the cross-entropy loss at `labels` (B × numFeatures), and the circuit executions
   * it took, counted per input row (a batch evaluated once for B rows counts B).
   */
  inputGradient(rows: readonly (readonly number[])[], labels: ArrayLike<number>): { gradient: Float64Array; executions: number };
}

/** Predicted class per row. */
export function predictLabels(clf: DifferentiableClassifier, rows: readonly (readonly number[])[]): Int32Array {
  return argmaxRows(clf.predictProba(rows), rows.length, clf.numClasses);
}

/** Fraction of rows whose predicted class equals `labels`. */
export function accuracyOf(clf: DifferentiableClassifier, rows: readonly (readonly number[])[], labels: ArrayLike<number>): number {
  if (rows.length === 0) return Number.NaN;
  const pred = predictLabels(clf, rows);
  let ok = 0;
  for (let i = 0; i < rows.length; i++) if (pred[i] === labels[i]) ok++;
  return ok / rows.length;
}

/** Fraction of rows on which two classifiers predict the same class. */
export function agreementOf(a: DifferentiableClassifier, b: DifferentiableClassifier, rows: readonly (readonly number[])[]): number {
  return accuracyOf(a, rows, predictLabels(b, rows));
}

/** A hybrid model as a classifier, evaluated exactly on the statevector simulator by default. */
export function hybridClassifier(model: HybridModel, executor: QnnExecutor = simulatorExecutor('statevector')): DifferentiableClassifier {
  return {
    numClasses: model.classes.length,
    numFeatures: model.numInputFeatures,
    predictProba: (rows) => model.predictProba(rows as number[][], executor),
    inputGradient(rows, labels) {
      const features = model.features(rows as number[][]);
      const step = model.step(features, labels, executor, { wantFeatureGradient: true });
      return { gradient: model.rawGradient(step.featureGradient as Float64Array, rows.length), executions: step.evaluations * rows.length };
    },
  };
}

/** An ensemble: mean of the members' probabilities; attack gradients of the mean member loss. */
export function ensembleClassifier(members: readonly DifferentiableClassifier[]): DifferentiableClassifier {
  const first = members[0];
  if (!first) throw new RangeError('an ensemble needs at least one member');
  const C = first.numClasses;
  return {
    numClasses: C,
    numFeatures: first.numFeatures,
    predictProba(rows) {
      const out = new Float64Array(rows.length * C);
      for (const m of members) {
        const p = m.predictProba(rows);
        for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) + (p[i] as number) / members.length;
      }
      return out;
    },
    inputGradient(rows, labels) {
      const out = new Float64Array(rows.length * first.numFeatures);
      let executions = 0;
      for (const m of members) {
        const g = m.inputGradient(rows, labels);
        executions += g.executions;
        for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) + (g.gradient[i] as number) / members.length;
      }
      return { gradient: out, executions };
    },
  };
}
