/**
 * A workflow variant in which the labels do reach the quantum provider: a quantum-native
 * fidelity loss. The label of each sample is written into its circuit — its binary code flips the
 * readout wires (RX(π·bit), the bits bound as extra circuit inputs) — and the circuit measures the
 * probability that the readout register is back at |0…0⟩, i.e. the fidelity F of the QNN's
 * readout with the label state |y⟩. Training minimises 1 − F (parameter shift through the cloud
 * executor, Adam); a sample is classified by the label hypothesis with the largest F.
 *
 * The provider then reads labels off the bindings (QML.T0029): the inputs that only ever take the
 * values 0 and 1 and drive the last rotations are the label bits. Label masking binds the code of
 * π(y) instead (and predicts with π⁻¹), so what it reads is wrong.
 */
import { InputError } from '../../../core/errors.js';
import { Rng } from '../../../core/rng.js';
import type { Circuit } from '../../../circuit/circuit.js';
import { Param } from '../../../circuit/param.js';
import type { Deployment } from '../../../deploy/deployment.js';
import { PauliString, PauliSum, type Observable } from '../../../sim/pauli.js';
import { vjp } from '../../../qml/gradients/vjp.js';
import { Optimizer } from '../../../qml/optimizers.js';
import { QNN } from '../../../qml/qnn.js';
import { qnnConfigOf } from '../../../qml/spec.js';
import { DataOwner } from '../../../cloud/data-owner.js';
import { deviceSubgraphEdges } from '../../../cloud/device-executor.js';
import { loadDeploymentDataset, resolveDeploymentModel } from '../../../cloud/model-resolution.js';
import { DeploymentPipeline } from '../../../cloud/pipeline.js';
import { awaitJobs } from '../../../cloud/training-loop.js';
import { CuriousProvider, type RecordedJob } from '../../common/curious-provider.js';
import { exactOutputs } from './architecture.js';
import { agreement } from './labels.js';

/** The fidelity-loss circuit of a QNN for `classes` classes. */
export interface LossCircuit {
  readonly circuit: Circuit;
  /** Projector on |0…0⟩ of the readout wires, as a Pauli sum. */
  readonly observable: Observable;
  /** Number of label bits (readout wires 0..bits−1). */
  readonly bits: number;
  /** Index of the first label-bit input (the features' circuit inputs come first). */
  readonly firstLabelInput: number;
}

/** Builds the loss circuit: the QNN, then RX(π·bit_j) on readout wire j. */
export function lossCircuit(qnn: QNN, classes: number): LossCircuit {
  const bits = Math.max(1, Math.ceil(Math.log2(classes)));
  if (bits > qnn.numQubits) throw new InputError(`${classes} classes need ${bits} readout wires; the QNN has ${qnn.numQubits}`, 'SHAPE');
  const first = qnn.encoder.numCircuitInputs;
  const ops = [...qnn.circuit.ops];
  for (let j = 0; j < bits; j++) ops.push({ kind: 'gate', name: 'rx', qubits: [j], params: [Param.input(first + j).mul(Math.PI)] });
  const terms: PauliString[] = [];
  for (let t = 0; t < 2 ** bits; t++) {
    const paulis: { qubit: number; pauli: 'Z' }[] = [];
    for (let j = 0; j < bits; j++) if ((t >> j) & 1) paulis.push({ qubit: j, pauli: 'Z' });
    terms.push(new PauliString(1 / 2 ** bits, paulis));
  }
  return { circuit: qnn.circuit.with({ ops, name: 'fidelity-loss' }), observable: new PauliSum(terms), bits, firstLabelInput: first };
}

/** Circuit inputs of one sample under label code `code`: its features' inputs, then the bits. */
export function withLabel(inputs: ArrayLike<number>, code: number, bits: number): Float64Array {
  const out = new Float64Array(inputs.length + bits);
  out.set(Array.from(inputs));
  for (let j = 0; j < bits; j++) out[inputs.length + j] = (code >> j) & 1;
  return out;
}

/** Classes of samples: the label hypothesis with the largest fidelity (decoded through `mask`). */
export function predictByFidelity(lc: LossCircuit, inputs: readonly Float64Array[], weights: ArrayLike<number>, classes: number, mask?: readonly number[]): Int32Array {
  const scores = Array.from({ length: classes }, (_, c) => exactOutputs(lc.circuit, [lc.observable], inputs.map((x) => withLabel(x, mask ? (mask[c] as number) : c, lc.bits)), weights));
  return Int32Array.from(inputs, (_, i) => {
    let best = 0;
    for (let c = 1; c < classes; c++) if (((scores[c] as Float64Array)[i] as number) > ((scores[best] as Float64Array)[i] as number)) best = c;
    return best;
  });
}

/** What training with the fidelity loss produced. */
export interface FidelityRun {
  readonly curious: CuriousProvider;
  readonly lossCircuit: LossCircuit;
  readonly weights: Float64Array;
  readonly trainInputs: readonly Float64Array[];
  readonly trainLabels: Int32Array;
  readonly testAccuracy: number;
  readonly jobs: number;
}

/** Options of {@link trainWithFidelityLoss}. */
export interface FidelityOptions {
  readonly seed: number;
  readonly insider: string;
  readonly simulation: 'ideal' | 'noisy';
  readonly trainingRows: number;
  /** Default: the model's training epochs. */
  readonly epochs?: number;
  readonly lr?: number;
  /** Label masking: bind the code of mask[y] instead of y. */
  readonly mask?: readonly number[];
}

/**
 * Trains the deployment's QNN with the fidelity loss through its pipeline (the insider's cloud
 * wrapped in a curious provider). The deployment's split and preprocessing are used as
 * `trainDeployment` would; test accuracy is scored on the exact simulator.
 */
export async function trainWithFidelityLoss(deployment: Deployment, o: FidelityOptions): Promise<FidelityRun> {
  const kept: { curious?: CuriousProvider } = {};
  const pipeline = new DeploymentPipeline(deployment, {
    seed: o.seed, simulation: o.simulation, queue: 'median',
    provider: (p, party) => (party.id === o.insider ? (kept.curious = new CuriousProvider(p)) : p),
  });
  const curious = kept.curious;
  if (!curious) throw new InputError(`quantum cloud "${o.insider}" does not execute for deployment "${deployment.name}"`, 'DEPLOYMENT');
  const { roles } = pipeline;
  const dataset = loadDeploymentDataset(deployment);
  const spec = resolveDeploymentModel(deployment, dataset.features.cols);
  const split = new DataOwner(roles.owner, dataset).split(spec, o.seed, o.trainingRows);
  const pre = pipeline.classical(roles.preprocessor).preprocess({ steps: spec.preprocess, fit: { features: split.train.features, labels: split.train.labels }, transform: { train: split.train.features, test: split.test.features } });
  const qnn = new QNN(qnnConfigOf(spec, deviceSubgraphEdges));
  const classes = dataset.classNames.length;
  const lc = lossCircuit(qnn, classes);
  const trainInputs = qnn.encode(pre.features['train'] as Float64Array[]);
  const testInputs = qnn.encode(pre.features['test'] as Float64Array[]);
  const labels = split.train.labels;
  pipeline.send('S3', roles.designer, o.insider, ['labels'], null, 'labels bound into the fidelity-loss circuits');
  const rng = new Rng(`${o.seed}:fidelity-init`);
  const weights = qnn.initialWeights(rng);
  const optimizer = new Optimizer({ kind: 'adam', lr: o.lr ?? 0.1 });
  const executor = pipeline.executor(0, 'training');
  const batch = 16;
  const epochs = o.epochs ?? spec.training.epochs;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = new Rng(`${o.seed}:fidelity-epoch:${epoch}`).permutation(trainInputs.length);
    for (let start = 0; start < order.length; start += batch) {
      const idx = order.slice(start, start + batch);
      const x = idx.map((i) => withLabel(trainInputs[i] as Float64Array, o.mask ? (o.mask[labels[i] as number] as number) : (labels[i] as number), lc.bits));
      const { value, jobs } = await executor.settle(() => vjp('parameter-shift', {
        executor, circuit: lc.circuit, observables: [lc.observable], inputs: x, weights, seed: o.seed + epoch * 1000 + start,
        upstream: new Float64Array(x.length).fill(-1 / x.length),
      }));
      awaitJobs(pipeline, jobs);
      optimizer.step(weights, value.weights, epoch);
    }
  }
  const testAccuracy = agreement(predictByFidelity(lc, testInputs, weights, classes, o.mask), split.test.labels);
  return { curious, lossCircuit: lc, weights, trainInputs, trainLabels: labels, testAccuracy, jobs: pipeline.invoice.jobs };
}

/**
 * The insider's reading of labels from kept loss-circuit jobs: inputs whose bound values are all
 * 0 or 1 and that drive rotations after every weight-dependent gate are label bits (lowest input
 * index = lowest bit). Returns the label of every distinct feature part of the rows it saw.
 */
export function labelsFromBindings(records: readonly RecordedJob[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of records) {
    const c = r.job.circuit;
    const lastWeight = c.ops.reduce((at, op, i) => (op.kind === 'gate' && op.params.some((p) => p.dependsOnWeights) ? i : at), -1);
    const late = new Set<number>();
    c.ops.forEach((op, i) => {
      if (i > lastWeight && op.kind === 'gate') for (const p of op.params) for (const t of p.terms) if (t.source === 'x') late.add(t.index);
    });
    const rows = r.job.inputs ?? [];
    const bitInputs = [...late].filter((j) => rows.length > 0 && rows.every((row) => row[j] === 0 || row[j] === 1)).sort((a, b) => a - b);
    if (bitInputs.length === 0) continue;
    for (const row of rows) {
      const code = bitInputs.reduce((acc, j, b) => acc | ((row[j] as number) << b), 0);
      const features = Array.from(row).filter((_, j) => !bitInputs.includes(j));
      out.set(features.join(','), code);
    }
  }
  return out;
}
