/**
 * The QNN workloads of the QML issue, measured against PennyLane 0.36 default.qubit
 * (parameter broadcasting + backprop) on this machine class:
 * - W1: 4 qubits, H on all, angle-Z encoding, 2 StronglyEntanglingLayers, ⟨Z⟩ on 4 wires →
 *   linear 4→3 → softmax cross-entropy, batch 150, forward + gradient w.r.t. all 24 + 15
 *   trainables (PennyLane 32 ms; target ≤ 1.6 ms).
 * - W2: 30 full-batch Adam epochs of W1 (PennyLane 0.91 s; target ≤ 45 ms).
 * - W3: 10 qubits, 4 layers, one sample, forward + gradient of Σ⟨Z⟩ (PennyLane 100 ms;
 *   target ≤ 5 ms); 16 qubits forward only (PennyLane 89 ms; target ≤ 9 ms).
 * - W4: W1's circuit, one sample, 1000 shots (PennyLane 7.7 ms; target ≤ 0.4 ms).
 */
import { median } from '../../core/numeric.js';
import { Rng } from '../../core/rng.js';
import { loadDataset } from '../../data/registry.js';
import { MinMaxScaler } from '../../data/preprocess/min-max-scaler.js';
import { StandardScaler } from '../../data/preprocess/standard-scaler.js';
import { Pipeline } from '../../data/preprocess/pipeline.js';
import { featureRows } from '../../data/feature-matrix.js';
import { adjointGradient } from '../../sim/adjoint.js';
import { PauliSum } from '../../sim/pauli.js';
import { StatevectorSimulator } from '../../sim/statevector.js';
import { HybridModel } from '../../qml/model.js';
import { QNN } from '../../qml/qnn.js';
import { train } from '../../qml/trainer.js';
import type { QnnConfig } from '../../qml/config.js';

export interface QnnBenchResult {
  readonly W1_ms: number;
  readonly W2_ms: number;
  readonly W3_10q_ms: number;
  readonly W3_16q_fwd_ms: number;
  readonly W4_ms: number;
}

export const PENNYLANE_MS = { W1_ms: 32, W2_ms: 910, W3_10q_ms: 100, W3_16q_fwd_ms: 89, W4_ms: 7.7 } as const;
export const TARGET_MS = { W1_ms: 1.6, W2_ms: 45, W3_10q_ms: 5, W3_16q_fwd_ms: 9, W4_ms: 0.4 } as const;

function medianMs(fn: () => unknown, repeats: number, warmup: number): number {
  for (let i = 0; i < warmup; i++) fn();
  const t: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

const W1_CONFIG: QnnConfig = {
  numQubits: 4,
  encoder: { kind: 'angle', rotation: 'Z', hadamard: true },
  ansatz: { kind: 'strongly_entangling', layers: 2 },
  measurement: { kind: 'z', wires: [0, 1, 2, 3] },
};

function w1Model(): { model: HybridModel; features: Float64Array[]; labels: Int32Array } {
  const iris = loadDataset('iris');
  const pre = new Pipeline([new StandardScaler(), new MinMaxScaler({ featureRange: [0, Math.PI] })]);
  pre.fit(iris.features);
  const model = new HybridModel({ qnn: W1_CONFIG, head: 'linear', classes: iris.classNames, preprocessing: pre });
  model.initialize(new Rng(0));
  const features = featureRows(pre.transform(iris.features)).map((r) => Float64Array.from(r));
  return { model, features, labels: iris.labels };
}

/** Runs W1–W4 and returns the medians in milliseconds. */
export async function runQnnWorkloads(options: { repeats?: number; onProgress?: (done: number, of: number, workload: string) => void } = {}): Promise<QnnBenchResult> {
  const progress = (done: number, workload: string): void => options.onProgress?.(done, 5, workload);
  progress(0, 'W1');
  const repeats = options.repeats ?? 21;
  const executor = { backend: new StatevectorSimulator() };
  const { model, features, labels } = w1Model();
  const encoded = model.qnn.encode(features);
  const W1_ms = medianMs(() => model.step(features, labels, executor, { method: 'adjoint', encodedInputs: encoded }), repeats, 300);
  progress(1, 'W2');

  const w2times: number[] = [];
  for (let r = 0; r < Math.max(4, Math.floor(repeats / 3)); r++) {
    const m = w1Model().model;
    const t0 = performance.now();
    await train(m, features, labels, { executor, epochs: 30, optimizer: { kind: 'adam', lr: 0.05 }, seed: 0 });
    w2times.push(performance.now() - t0);
  }
  const W2_ms = median(w2times.slice(1).length ? w2times.slice(1) : w2times);
  progress(2, 'W3 10q');

  const q10 = new QNN({ numQubits: 10, encoder: { kind: 'angle', rotation: 'Y' }, ansatz: { kind: 'strongly_entangling', layers: 4 } });
  const w10 = q10.initialWeights(new Rng(1));
  const x10 = [Float64Array.from({ length: 10 }, (_, i) => 0.1 * i)];
  const obs10 = q10.observables;
  const W3_10q_ms = medianMs(() => adjointGradient(q10.circuit, obs10, { inputs: x10, weights: w10 }), repeats, 30);
  progress(3, 'W3 16q');

  const q16 = new QNN({ numQubits: 16, encoder: { kind: 'angle', rotation: 'Y' }, ansatz: { kind: 'strongly_entangling', layers: 4 } });
  const w16 = q16.initialWeights(new Rng(2));
  const x16 = [Float64Array.from({ length: 16 }, (_, i) => 0.05 * i)];
  const sim = new StatevectorSimulator();
  const W3_16q_fwd_ms = medianMs(() => sim.expectations(q16.circuit, q16.observables, { inputs: x16, weights: w16 }), repeats, 10);
  progress(4, 'W4');

  const one = [encoded[0] as Float64Array];
  const obs4 = [0, 1, 2, 3].map((q) => PauliSum.z(q));
  let seed = 0;
  const W4_ms = medianMs(() => sim.expectations(model.qnn.circuit, obs4, { inputs: one, weights: model.qnnWeights }, { shots: 1000, seed: seed++ }), repeats * 5, 500);
  progress(5, 'done');

  return { W1_ms, W2_ms, W3_10q_ms, W3_16q_fwd_ms, W4_ms };
}
