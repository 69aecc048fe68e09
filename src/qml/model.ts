/**
 * The hybrid model of the QMLaaS workflow (SoK Fig. 1): classical preprocessing → QNN
 * (encoding, ansatz, ⟨O⟩ readout) → classical head → softmax. Parameters are one flat vector:
 * the QNN weights, then the head's. Gradients reach the parameters (training) and the raw
 * inputs (adversarial attacks), through the head, the QNN and the preprocessing.
 */
import { InputError } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import type { Transformer } from '../data/preprocess/transformer.js';
import { toFeatureMatrix, type FeatureInput } from '../data/feature-matrix.js';
import type { QnnConfig } from './config.js';
import { evaluate, prepared, type QnnExecutor } from './gradients/executor.js';
import { vjp, type GradientMethod } from './gradients/vjp.js';
import { Head, type HeadKind } from './head.js';
import { computeLoss, softmax, type LossKind } from './losses.js';
import { QNN } from './qnn.js';

export interface HybridModelInit {
  readonly qnn: QnnConfig;
  readonly head: HeadKind;
  readonly classes: readonly string[];
  /** A fitted preprocessing transformer (or pipeline); omitted = features go in as they are. */
  readonly preprocessing?: Transformer;
  readonly featureNames?: readonly string[];
  readonly params?: ArrayLike<number>;
}

export interface StepResult {
  readonly loss: number;
  /** dL/dparams (QNN weights then head). */
  readonly gradient: Float64Array;
  /** B × C softmax probabilities. */
  readonly probabilities: Float64Array;
  /** dL/d(encoder features) per row, B × numFeatures (when asked for). */
  readonly featureGradient?: Float64Array;
  readonly evaluations: number;
}

export class HybridModel {
  readonly qnn: QNN;
  readonly head: Head;
  readonly classes: readonly string[];
  readonly preprocessing: Transformer | undefined;
  readonly featureNames: readonly string[] | undefined;
  params: Float64Array;
  private preprocessJacobian: Float64Array | undefined;

  constructor(init: HybridModelInit) {
    this.qnn = new QNN(init.qnn);
    if (init.classes.length < 2) throw new InputError(`a classifier needs at least two classes, got ${init.classes.length}`, 'SPEC');
    this.classes = [...init.classes];
    this.head = new Head(init.head, this.qnn.outputDim, this.classes.length);
    if (init.head === 'none' && this.qnn.outputDim !== this.classes.length) {
      throw new InputError(`head "none" uses the ${this.qnn.outputDim} measured values as class scores, but there are ${this.classes.length} classes; use head "linear"`, 'SPEC');
    }
    this.preprocessing = init.preprocessing;
    if (this.preprocessing && this.preprocessing.nFeaturesOut !== undefined && this.preprocessing.nFeaturesOut !== this.qnn.numFeatures) {
      throw new InputError(`preprocessing produces ${this.preprocessing.nFeaturesOut} feature(s) but the encoder takes ${this.qnn.numFeatures}`, 'SPEC');
    }
    this.featureNames = init.featureNames;
    this.params = new Float64Array(this.numParams);
    if (init.params) {
      if (init.params.length !== this.numParams) throw new InputError(`the model has ${this.numParams} parameters, got ${init.params.length}`, 'SHAPE');
      this.params.set(Array.from(init.params));
    }
  }

  get numParams(): number {
    return this.qnn.numWeights + this.head.numParams;
  }

  /** Raw features per sample (before preprocessing). */
  get numInputFeatures(): number {
    return this.preprocessing?.nFeaturesIn ?? this.qnn.numFeatures;
  }

  /** Random initial parameters: QNN angles per the QNN, head ~ N(0, 1/K) (Glorot-like). */
  initialize(rng: Rng): void {
    this.params.set(this.qnn.initialWeights(rng));
    const K = this.head.inputs;
    for (let i = this.qnn.numWeights; i < this.numParams; i++) this.params[i] = rng.normal(0, 1 / Math.sqrt(K));
    // biases start at zero
    if (this.head.kind === 'linear') this.params.fill(0, this.numParams - this.classes.length);
  }

  get qnnWeights(): Float64Array {
    return this.params.subarray(0, this.qnn.numWeights);
  }

  get headParams(): Float64Array {
    return this.params.subarray(this.qnn.numWeights);
  }

  /** Preprocessed encoder features for raw rows (checks width and finiteness, naming the row). */
  features(raw: FeatureInput): Float64Array[] {
    const m = toFeatureMatrix(raw, 'inputs');
    if (m.cols !== this.numInputFeatures) throw new InputError(`inputs have ${m.cols} feature(s) per row; the model takes ${this.numInputFeatures}`, 'SHAPE');
    const t = this.preprocessing ? this.preprocessing.transform(m) : m;
    const out: Float64Array[] = [];
    for (let r = 0; r < t.rows; r++) out.push(t.data.subarray(r * t.cols, (r + 1) * t.cols));
    return out;
  }

  /** Class probabilities for raw rows (B × C). */
  predictProba(raw: FeatureInput, executor: QnnExecutor, seed = 0): Float64Array {
    const feats = this.features(raw);
    return this.probabilitiesFromFeatures(feats, executor, seed);
  }

  /** Class probabilities from preprocessed features. */
  probabilitiesFromFeatures(features: readonly ArrayLike<number>[], executor: QnnExecutor, seed = 0): Float64Array {
    const B = features.length;
    const inputs = this.qnn.encode(features);
    const p = prepared(executor, this.qnn.circuit, this.qnn.observables);
    const q = evaluate(executor, p.circuit, p.observables, inputs, this.qnnWeights, seed);
    const logits = this.head.forward(q, B, this.headParams);
    return softmax(logits, B, this.classes.length);
  }

  /**
   * Loss and gradients on a batch of preprocessed features. With `wantFeatureGradient`, also
   * dL/dfeature per row (for attacks; chain through `rawGradient` for raw inputs).
   */
  step(features: readonly ArrayLike<number>[], labels: ArrayLike<number>, executor: QnnExecutor, options: {
    loss?: LossKind; method?: GradientMethod; wantFeatureGradient?: boolean; seed?: number; encodedInputs?: readonly Float64Array[];
    /** SPSA perturbation size (the optimizer's c_k). */
    spsaStep?: number;
    /** Huber loss transition point δ (default 1). */
    huberDelta?: number;
  } = {}): StepResult {
    const B = labels.length;
    if (features.length !== B) throw new InputError(`${features.length} feature rows but ${B} labels`, 'SHAPE');
    const C = this.classes.length;
    for (let i = 0; i < B; i++) {
      const y = labels[i] as number;
      if (!Number.isInteger(y) || y < 0 || y >= C) throw new InputError(`label ${y} of row ${i} is not one of the ${C} classes`, 'LABEL');
    }
    const inputs = options.encodedInputs ?? this.qnn.encode(features);
    const method = options.method ?? (executor.backend.name === 'statevector' && executor.shots === undefined ? 'adjoint' : 'parameter-shift');
    const headTheta = this.headParams;
    const gradient = new Float64Array(this.numParams);
    let lossValue = 0;
    let probabilities: Float64Array = new Float64Array(0);
    // The loss, its gradient w.r.t. the head, and dL/dq, computed from the forward values q.
    const upstream = (q: Float64Array): Float64Array => {
      const logits = this.head.forward(q, B, headTheta);
      const loss = computeLoss(options.loss ?? 'cross_entropy', logits, labels, C, options.huberDelta);
      lossValue = loss.loss;
      probabilities = loss.probabilities;
      return this.head.backward(q, B, headTheta, loss.gradient, gradient.subarray(this.qnn.numWeights));
    };
    const g = vjp(method, {
      executor, circuit: this.qnn.circuit, observables: this.qnn.observables, inputs, weights: this.qnnWeights, upstream,
      wantInputs: options.wantFeatureGradient ?? false, seed: options.seed ?? 0,
      ...(options.spsaStep !== undefined ? { spsaStep: options.spsaStep } : {}),
    });
    gradient.set(g.weights, 0);
    let featureGradient: Float64Array | undefined;
    if (options.wantFeatureGradient && g.inputs) featureGradient = this.featureGradientFromInputs(features, g.inputs);
    return { loss: lossValue, gradient, probabilities, ...(featureGradient ? { featureGradient } : {}), evaluations: g.evaluations };
  }

  /** Loss and probabilities on preprocessed features (forward only). */
  evaluate(features: readonly ArrayLike<number>[], labels: ArrayLike<number>, executor: QnnExecutor, options: {
    loss?: LossKind; seed?: number; encodedInputs?: readonly Float64Array[];
  } = {}): { loss: number; probabilities: Float64Array } {
    const B = labels.length;
    const inputs = options.encodedInputs ?? this.qnn.encode(features);
    const p = prepared(executor, this.qnn.circuit, this.qnn.observables);
    const q = evaluate(executor, p.circuit, p.observables, inputs, this.qnnWeights, options.seed ?? 0);
    const logits = this.head.forward(q, B, this.headParams);
    const r = computeLoss(options.loss ?? 'cross_entropy', logits, labels, this.classes.length);
    return { loss: r.loss, probabilities: r.probabilities };
  }

  /** Chains d/d(circuit inputs) to d/d(encoder features) through the encoding map. */
  private featureGradientFromInputs(features: readonly ArrayLike<number>[], dInputs: Float64Array): Float64Array {
    const nf = this.qnn.numFeatures;
    const ni = this.qnn.encoder.numCircuitInputs;
    const out = new Float64Array(features.length * nf);
    features.forEach((row, b) => {
      if (this.qnn.encoder.mapIsIdentity) {
        for (let j = 0; j < nf; j++) out[b * nf + j] = dInputs[b * ni + j] as number;
        return;
      }
      const jac = this.qnn.encodingJacobian(row);
      for (let j = 0; j < nf; j++) {
        let s = 0;
        for (let i = 0; i < ni; i++) s += (dInputs[b * ni + i] as number) * (jac[i * nf + j] as number);
        out[b * nf + j] = s;
      }
    });
    return out;
  }

  /**
   * dL/d(raw inputs) from dL/d(features): multiplies by the preprocessing Jacobian. The
   * preprocessing transformers of qmlsec are affine, so the Jacobian is T(e_i) − T(0).
   */
  rawGradient(featureGradient: Float64Array, B: number): Float64Array {
    const nf = this.qnn.numFeatures;
    const nr = this.numInputFeatures;
    if (!this.preprocessing) return featureGradient;
    const J = (this.preprocessJacobian ??= this.computePreprocessJacobian());
    const out = new Float64Array(B * nr);
    for (let b = 0; b < B; b++) {
      for (let i = 0; i < nr; i++) {
        let s = 0;
        for (let j = 0; j < nf; j++) s += (featureGradient[b * nf + j] as number) * (J[i * nf + j] as number);
        out[b * nr + i] = s;
      }
    }
    return out;
  }

  private computePreprocessJacobian(): Float64Array {
    const t = this.preprocessing as Transformer;
    const nr = this.numInputFeatures;
    const nf = this.qnn.numFeatures;
    const zero = t.transformRow(new Float64Array(nr));
    const J = new Float64Array(nr * nf);
    const e = new Float64Array(nr);
    for (let i = 0; i < nr; i++) {
      e.fill(0);
      e[i] = 1;
      const col = t.transformRow(e);
      for (let j = 0; j < nf; j++) J[i * nf + j] = (col[j] as number) - (zero[j] as number);
    }
    return J;
  }
}
