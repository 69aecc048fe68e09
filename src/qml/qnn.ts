/**
 * A quantum neural network: encoder + ansatz (optionally with data re-uploading) + measured
 * observables, as one circuit template over circuit inputs x[i] and weights w[j]. Weights are
 * the ansatz's (in its documented order), then re-uploading scales (one per layer × feature).
 */
import { InputError } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import { CircuitBuilder } from '../circuit/builder.js';
import type { Circuit } from '../circuit/circuit.js';
import { Param } from '../circuit/param.js';
import type { Observable } from '../sim/pauli.js';
import type { Ansatz } from './ansatz/ansatz.js';
import { BasicEntanglerLayers } from './ansatz/basic-entangler.js';
import { HardwareEfficientAnsatz } from './ansatz/hardware-efficient.js';
import { StronglyEntanglingLayers } from './ansatz/strongly-entangling.js';
import { EfficientSU2, RealAmplitudes } from './ansatz/two-local.js';
import type { AnsatzSpec, EncoderSpec, QnnConfig } from './config.js';
import { AmplitudeEncoder } from './encoders/amplitude.js';
import { AngleEncoder } from './encoders/angle.js';
import { DenseAngleEncoder } from './encoders/dense-angle.js';
import type { Encoder } from './encoders/encoder.js';
import { ZZFeatureMap } from './encoders/zz.js';
import { measurementObservables } from './measurement.js';

export function buildEncoder(spec: EncoderSpec, numQubits: number): Encoder {
  switch (spec.kind) {
    case 'angle':
      return new AngleEncoder({ numQubits, ...(spec.features !== undefined ? { numFeatures: spec.features } : {}), ...(spec.rotation ? { rotation: spec.rotation } : {}), ...(spec.hadamard !== undefined ? { hadamard: spec.hadamard } : {}) });
    case 'dense_angle':
      return new DenseAngleEncoder(numQubits, spec.features);
    case 'amplitude':
      return new AmplitudeEncoder(numQubits, spec.features, spec.pad, spec.order);
    case 'zz':
      return new ZZFeatureMap(numQubits, spec.reps, spec.entanglement);
  }
}

export function buildAnsatz(spec: AnsatzSpec, numQubits: number): Ansatz {
  switch (spec.kind) {
    case 'strongly_entangling':
      return new StronglyEntanglingLayers(numQubits, spec.layers, spec.ranges);
    case 'basic_entangler':
      return new BasicEntanglerLayers(numQubits, spec.layers, spec.rotation);
    case 'real_amplitudes':
      return new RealAmplitudes(numQubits, spec.reps, spec.entanglement);
    case 'efficient_su2':
      return new EfficientSU2(numQubits, spec.reps, spec.entanglement);
    case 'hardware_efficient':
      return new HardwareEfficientAnsatz(numQubits, spec.layers, spec.edges);
  }
}

export class QNN {
  readonly config: QnnConfig;
  readonly encoder: Encoder;
  readonly ansatz: Ansatz;
  readonly circuit: Circuit;
  readonly observables: readonly Observable[];
  readonly numWeights: number;
  /** Weights of the ansatz (the rest are re-uploading scales). */
  readonly numAnsatzWeights: number;

  constructor(config: QnnConfig) {
    const n = config.numQubits;
    if (!Number.isInteger(n) || n < 1 || n > 29) throw new InputError(`a QNN needs 1 to 29 qubits, got ${n}`, 'SPEC');
    this.config = config;
    this.encoder = buildEncoder(config.encoder, n);
    this.ansatz = buildAnsatz(config.ansatz, n);
    this.observables = measurementObservables(config.measurement ?? { kind: 'z' }, n);
    this.numAnsatzWeights = this.ansatz.numWeights;
    const b = new CircuitBuilder(n, 0, 'qnn');
    let scaleCount = 0;
    if (config.reupload) {
      if (config.reupload.trainableScaling && !this.encoder.supportsScaling) {
        throw new InputError(`trainable re-uploading scales need an angle-type encoder, not ${this.encoder.kind}`, 'SPEC');
      }
      for (let l = 0; l < this.ansatz.layers; l++) {
        const base = this.numAnsatzWeights + l * this.encoder.numFeatures;
        this.encoder.append(b, config.reupload.trainableScaling ? { scale: (j) => Param.weight(base + j) } : {});
        this.ansatz.appendLayer(b, l);
      }
      this.ansatz.appendFinalLayer(b);
      if (config.reupload.trainableScaling) scaleCount = this.ansatz.layers * this.encoder.numFeatures;
    } else {
      this.encoder.append(b);
      this.ansatz.append(b);
    }
    this.circuit = b.build();
    this.numWeights = this.numAnsatzWeights + scaleCount;
  }

  get numQubits(): number {
    return this.config.numQubits;
  }

  /** Raw features per sample. */
  get numFeatures(): number {
    return this.encoder.numFeatures;
  }

  get outputDim(): number {
    return this.observables.length;
  }

  /**
   * Circuit inputs for feature rows (B × numCircuitInputs rows); checks widths and
   * finiteness, naming the row.
   */
  encode(rows: readonly ArrayLike<number>[]): Float64Array[] {
    const nf = this.encoder.numFeatures;
    const out: Float64Array[] = [];
    rows.forEach((row, r) => {
      if (row.length !== nf) throw new InputError(`row ${r} has ${row.length} feature(s); the model's encoder takes ${nf}`, 'SHAPE');
      for (let j = 0; j < nf; j++) {
        const v = row[j] as number;
        if (!Number.isFinite(v)) throw new InputError(`row ${r}, feature ${j} must be a finite number, got ${v}`, 'NOT_FINITE');
      }
      const o = new Float64Array(this.encoder.numCircuitInputs);
      this.encoder.mapRow(row, o);
      out.push(o);
    });
    return out;
  }

  /**
   * d(circuit inputs)/d(features) for one row (numCircuitInputs × numFeatures, row-major):
   * the identity for direct encodings, central differences otherwise.
   */
  encodingJacobian(row: ArrayLike<number>): Float64Array {
    const nf = this.encoder.numFeatures;
    const ni = this.encoder.numCircuitInputs;
    const jac = new Float64Array(ni * nf);
    if (this.encoder.mapIsIdentity) {
      for (let j = 0; j < nf; j++) jac[j * nf + j] = 1;
      return jac;
    }
    const h = 1e-6;
    const plus = new Float64Array(ni);
    const minus = new Float64Array(ni);
    const x = Float64Array.from(row);
    for (let j = 0; j < nf; j++) {
      const v = x[j] as number;
      x[j] = v + h;
      this.encoder.mapRow(x, plus);
      x[j] = v - h;
      this.encoder.mapRow(x, minus);
      x[j] = v;
      for (let i = 0; i < ni; i++) jac[i * nf + j] = ((plus[i] as number) - (minus[i] as number)) / (2 * h);
    }
    return jac;
  }

  /** Initial weights: ansatz angles uniform in [0, 2π) (PennyLane's usual choice), scales 1. */
  initialWeights(rng: Rng, spread = 2 * Math.PI): Float64Array {
    const w = new Float64Array(this.numWeights);
    for (let j = 0; j < this.numAnsatzWeights; j++) w[j] = rng.random() * spread;
    for (let j = this.numAnsatzWeights; j < this.numWeights; j++) w[j] = 1;
    return w;
  }
}
