/**
 * The attacker's clone (QML.T0043): a circuit template (the recovered design's, or the stolen
 * template as it came) trained from fresh random weights on the harvested circuit inputs and the
 * inferred labels, on the attacker's own simulator, with qmlsec's head-less readout (softmax of
 * the measured values, cross-entropy) and Adam — the pieces of the `qml` room, without a
 * HybridModel because the stolen template need not be one of qmlsec's designs.
 */
import { InputError } from '../../../core/errors.js';
import { Rng } from '../../../core/rng.js';
import type { Circuit } from '../../../circuit/circuit.js';
import { computeLoss } from '../../../qml/losses.js';
import { argmaxRows } from '../../../qml/metrics.js';
import { Optimizer } from '../../../qml/optimizers.js';
import { simulatorExecutor } from '../../../qml/runner.js';
import { vjp } from '../../../qml/gradients/vjp.js';
import type { Observable } from '../../../sim/pauli.js';
import { exactOutputs } from './architecture.js';

/** A circuit template with weights, read out head-less: class k = argmax of ⟨O_k⟩. */
export interface TemplateModel {
  readonly circuit: Circuit;
  readonly observables: readonly Observable[];
  readonly weights: Float64Array;
}

/** Predicted classes of circuit-input rows. */
export function predictTemplate(model: TemplateModel, inputs: readonly ArrayLike<number>[]): Int32Array {
  if (inputs.length === 0) return new Int32Array(0);
  const K = model.observables.length;
  return argmaxRows(exactOutputs(model.circuit, model.observables, inputs, model.weights), inputs.length, K);
}

/** Options of {@link trainTemplate}. */
export interface CloneTraining {
  readonly epochs: number;
  readonly lr?: number;
  readonly batchSize?: number;
  readonly seed: string | number;
}

/** Trains a template from random weights on (inputs, labels); returns the trained model. */
export function trainTemplate(circuit: Circuit, observables: readonly Observable[], inputs: readonly Float64Array[], labels: Int32Array, o: CloneTraining): TemplateModel {
  if (inputs.length === 0) throw new InputError('the clone has no training rows', 'SHAPE');
  if (inputs.length !== labels.length) throw new InputError(`${inputs.length} clone training rows but ${labels.length} labels`, 'SHAPE');
  const K = observables.length;
  const rng = new Rng(`${o.seed}:clone`);
  const weights = Float64Array.from({ length: circuit.numWeights }, () => rng.random() * 2 * Math.PI);
  const optimizer = new Optimizer({ kind: 'adam', lr: o.lr ?? 0.1 });
  const executor = simulatorExecutor('statevector');
  const batch = o.batchSize ?? 16;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const order = rng.permutation(inputs.length);
    for (let start = 0; start < order.length; start += batch) {
      const idx = order.slice(start, start + batch);
      const x = idx.map((i) => inputs[i] as Float64Array);
      const y = Int32Array.from(idx, (i) => labels[i] as number);
      const g = vjp('adjoint', {
        executor, circuit, observables, inputs: x, weights,
        upstream: (q) => computeLoss('cross_entropy', q, y, K).gradient,
      });
      optimizer.step(weights, g.weights, epoch);
    }
  }
  return { circuit, observables, weights };
}
