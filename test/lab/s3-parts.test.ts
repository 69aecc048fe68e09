/**
 * Scenario 3's parts, each against values derived independently: hand-computed cases, gate
 * identities checked on matrices, and outputs compared with the exact simulator.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { CircuitBuilder } from '../../src/circuit/builder.js';
import { Param } from '../../src/circuit/param.js';
import { PauliSum } from '../../src/sim/pauli.js';
import { StatevectorSimulator } from '../../src/sim/statevector.js';
import type { JobResult, QuantumJob, QuantumProvider } from '../../src/cloud/job.js';
import { QNN } from '../../src/qml/qnn.js';
import { checkEquivalence } from '../../src/transpile/equivalence.js';
import { targetForDevice } from '../../src/transpile/target-from-device.js';
import { transpile } from '../../src/transpile/transpile.js';
import { CuriousProvider } from '../../src/lab/common/curious-provider.js';
import { KnnClassifier } from '../../src/lab/common/knn.js';
import { kMeans } from '../../src/lab/common/kmeans.js';
import { SampleSplitter } from '../../src/lab/common/sample-splitter.js';
import {
  agreement, agreementUpToNames, derangement, encodingArtifacts, ARTIFACT_FEATURES, exactOutputs, harvestQuality, invertEncoding, labelsFromOutputs,
  matchFunction, matchStructure, maskedScores, modelView, obfuscateCircuit, periodicError, sameArchitecture, harvestRows, designPopulation,
  lossCircuit, withLabel, labelsFromBindings, predictByFidelity, obfuscationPass,
} from '../../src/lab/scenarios/s3-untrusted-provider/index.js';
import type { RecordedJob } from '../../src/lab/common/curious-provider.js';

/** An honest provider double: exact expectation values on the statevector, fixed metadata. */
class ExactProvider implements QuantumProvider {
  readonly devices = ['ibm_torino'];
  received: QuantumJob[] = [];
  constructor(readonly id: string) {}
  async submit(job: QuantumJob): Promise<JobResult> {
    this.received.push(job);
    const inputs = job.inputs ?? [];
    const r = new StatevectorSimulator().run({ circuit: job.circuit, output: 'expectations', observables: job.observables ?? [], inputs, weights: job.weights as ArrayLike<number> });
    return {
      jobId: `${this.id}-${this.received.length}`, tenant: job.tenant, output: 'expectations', batchSize: inputs.length,
      expectations: r.expectations as Float64Array, numObservables: job.observables?.length ?? 0,
      metadata: {
        provider: this.id, device: 'ibm_torino', qubits: [0], transpiled_by: 'provider', depth: job.circuit.depth(), two_qubit_gates: 0,
        circuits: inputs.length, tasks: 1, shots: job.shots, submitted_at_s: 0, started_at_s: 1, finished_at_s: 2, queue_wait_s: 1,
        overhead_s: 0.5, execution_s: 0.5 * inputs.length, billable_s: 0.5 + 0.5 * inputs.length, cost_usd: inputs.length,
      },
    };
  }
}

function qnnJob(q: QNN, inputs: number[][], weights: ArrayLike<number>, tenant = 'owner'): QuantumJob {
  return { tenant, form: 'logical', circuit: q.circuit, output: 'expectations', observables: q.observables, inputs: inputs.map((r) => Float64Array.from(r)), weights: Float64Array.from(weights), shots: 100, exact: true };
}

const smallQnn = () => new QNN({ numQubits: 3, encoder: { kind: 'angle', rotation: 'Y' }, ansatz: { kind: 'strongly_entangling', layers: 2 } });

describe('CuriousProvider', () => {
  it('forwards jobs unchanged and keeps copies of their bindings', async () => {
    const inner = new ExactProvider('cloud');
    const curious = new CuriousProvider(inner);
    const q = smallQnn();
    const w = Float64Array.from({ length: q.numWeights }, (_, i) => 0.1 * i);
    const job = qnnJob(q, [[0.1, 0.2, 0.3], [1, 2, 3]], w);
    const direct = await new ExactProvider('cloud').submit(job);
    const viaCurious = await curious.submit(job);
    expect(Array.from(viaCurious.expectations as Float64Array)).toEqual(Array.from(direct.expectations as Float64Array));
    expect(inner.received[0]).toBe(job);
    (job.inputs?.[0] as Float64Array)[0] = 99;
    w[0] = 42;
    const kept = curious.records[0] as RecordedJob;
    expect(kept.job.inputs?.[0]?.[0]).toBe(0.1);
    expect((kept.job.weights as Float64Array)[0]).toBe(0);
    expect(kept.metadata?.cost_usd).toBe(2);
    expect(curious.recordsOf('someone-else')).toHaveLength(0);
  });
});

describe('obfuscation', () => {
  it('leaves every output unchanged while adding gates', () => {
    const rng = new Rng('obf-test');
    for (const d of designPopulation(12, 'obfuscation-test')) {
      const q = new QNN(d.config);
      const o = obfuscateCircuit(q.circuit, q.observables, 'secret');
      expect(o.addedOps).toBeGreaterThan(0);
      expect(o.circuit.size).toBeGreaterThan(q.circuit.size);
      const x = Array.from({ length: 3 }, () => Array.from({ length: q.circuit.numInputs }, () => rng.uniform(-1, 3)));
      const w = Array.from({ length: q.numWeights }, () => rng.uniform(0, 6));
      const a = exactOutputs(q.circuit, q.observables, x, w);
      const b = exactOutputs(o.circuit, q.observables, x, w);
      for (let i = 0; i < a.length; i++) expect(Math.abs((a[i] as number) - (b[i] as number))).toBeLessThan(1e-12);
    }
  });

  it('re-expresses single rotations exactly (X, Y and Z expectations of one qubit agree)', () => {
    const obs = ['X0', 'Y0', 'Z0'].map((t) => PauliSum.parse(t));
    for (const gate of ['rx', 'ry', 'rz'] as const) {
      for (let s = 0; s < 8; s++) {
        const b = new CircuitBuilder(1, 0, 't').ry(0.7, 0);
        b[gate](Param.input(0), 0);
        b.rx(0.3, 0);
        const c = b.build();
        const o = obfuscateCircuit(c, obs, `s${s}`, { transientBlock: false, dummyGates: false });
        expect(o.circuit.size).toBe(c.size + 2);
        const a = exactOutputs(c, obs, [[1.1]], []);
        const r = exactOutputs(o.circuit, obs, [[1.1]], []);
        for (let i = 0; i < 3; i++) expect(r[i]).toBeCloseTo(a[i] as number, 12);
      }
    }
  });

  it('adds dummy diagonal gates only when every observable is diagonal', () => {
    const q = smallQnn();
    const zOnly = obfuscateCircuit(q.circuit, q.observables, 'k', { transientBlock: false, reexpress: false });
    const withX = obfuscateCircuit(q.circuit, [PauliSum.parse('X0')], 'k', { transientBlock: false, reexpress: false });
    // n RZ dummies + ⌊n/2⌋ CZ on 3 qubits
    expect(zOnly.addedOps).toBe(3 + 1);
    expect(withX.addedOps).toBe(0);
  });

  it('works as a pre_init transpiler pass, and the transpiled circuit stays equivalent', () => {
    const q = new QNN({ numQubits: 3, encoder: { kind: 'angle', rotation: 'X' }, ansatz: { kind: 'real_amplitudes', reps: 1, entanglement: 'linear' } });
    const target = targetForDevice('ibm_nairobi');
    const plain = transpile(q.circuit, target, { level: 1, seed: 3 });
    const hidden = transpile(q.circuit, target, { level: 1, seed: 3, passes: { pre_init: [obfuscationPass('k')] } });
    expect(hidden.props.get<number>('obfuscation.addedOps')).toBeGreaterThan(0);
    expect(hidden.circuit.size).toBeGreaterThan(plain.circuit.size);
    expect(checkEquivalence(q.circuit, hidden.circuit, { initialLayout: hidden.initialLayout, finalLayout: hidden.finalLayout }).equivalent).toBe(true);
  });

  it('defeats structural architecture matching but not functional matching', () => {
    const q = smallQnn();
    const o = obfuscateCircuit(q.circuit, q.observables, 'k').circuit;
    expect(sameArchitecture(matchStructure(q.circuit), q.config)).toBe(true);
    expect(matchStructure(o)).toBeUndefined();
    const w = Array.from({ length: q.numWeights }, (_, i) => 0.3 + 0.2 * i);
    expect(sameArchitecture(matchFunction(o, q.observables, [[0.2, 1.1, 2.0]], w), q.config)).toBe(true);
  });
});

describe('architecture recovery', () => {
  it('identifies designs exactly from their templates', () => {
    for (const d of designPopulation(18, 'arch-test')) expect(sameArchitecture(matchStructure(new QNN(d.config).circuit), d.config)).toBe(true);
  });

  it('tells layers apart', () => {
    const two = smallQnn();
    const three = new QNN({ ...two.config, ansatz: { kind: 'strongly_entangling', layers: 3 } });
    expect(sameArchitecture(matchStructure(two.circuit), three.config)).toBe(false);
  });
});

describe('modelView', () => {
  it('rebuilds the unshifted template from parameter-shifted jobs and takes the latest weights', () => {
    const q = smallQnn();
    const w1 = Array.from({ length: q.numWeights }, () => 0.1);
    const w2 = Array.from({ length: q.numWeights }, () => 0.2);
    const shifted = (k: number, shift: number) => {
      let seen = -1;
      return q.circuit.with({ ops: q.circuit.ops.map((op) => (op.kind === 'gate' && op.params.some((p) => p.dependsOnWeights) && ++seen === k ? { ...op, params: op.params.map((p) => p.add(shift)) } : op)) });
    };
    const records: RecordedJob[] = [];
    const push = (circuit: typeof q.circuit, w: number[], rows: number[][]) => records.push({ seq: records.length, job: { ...qnnJob(q, rows, w), circuit } });
    for (const [w, rows] of [[w1, [[1, 2, 3]]], [w2, [[1, 2, 3], [4, 5, 6]]]] as const) {
      push(q.circuit, [...w], rows.map((r) => [...r]));
      for (let k = 0; k < 4; k++) {
        push(shifted(k, Math.PI / 2), [...w], rows.map((r) => [...r]));
        push(shifted(k, -Math.PI / 2), [...w], rows.map((r) => [...r]));
      }
    }
    const view = modelView(records);
    expect(view.template.ops.map((op) => (op.kind === 'gate' ? op.params.map((p) => p.toString()).join() : ''))).toEqual(q.circuit.ops.map((op) => (op.kind === 'gate' ? op.params.map((p) => p.toString()).join() : '')));
    expect(Array.from(view.latestWeights as Float64Array)).toEqual(w2);
    expect(view.weightHistory).toHaveLength(2);
    const rows = harvestRows(view);
    expect(rows).toHaveLength(2);
    // [1,2,3] ran under both weight vectors (trained on), [4,5,6] under one.
    expect(rows.map((r) => r.weightVectors)).toEqual([2, 1]);
  });

  it('refuses an empty record', () => {
    expect(() => modelView([])).toThrow(/no jobs/);
  });
});

describe('harvest', () => {
  it('reads amplitude-encoded rows back as unit vectors', () => {
    const q = new QNN({ numQubits: 2, encoder: { kind: 'amplitude' }, ansatz: { kind: 'basic_entangler', layers: 1 } });
    const inputs = q.encode([[3, 4, 0, 0], [1, -1, 1, -1]]);
    const back = invertEncoding(inputs, 'amplitude', 2);
    const want = [[0.6, 0.8, 0, 0], [0.5, -0.5, 0.5, -0.5]];
    back.forEach((r, i) => r.forEach((v, j) => expect(v).toBeCloseTo(want[i]?.[j] as number, 12)));
    expect(harvestQuality(back, [[3, 4, 0, 0], [1, -1, 1, -1]], { unitNorm: true }).fraction).toBe(1);
  });

  it('scores harvested rows against the truth', () => {
    const q = harvestQuality([[1, 2], [5, 5]], [[1, 2], [3, 3]]);
    expect(q.fraction).toBe(0.5);
    // second truth row's nearest harvested row is [1, 2] (max-abs 2) vs [5, 5] (2): error 2
    expect(q.meanError).toBe(1);
    expect(q.extraRows).toBe(1);
  });
});

describe('labels', () => {
  it('predicts by the largest output, then fixes low-margin rows by their neighbours', () => {
    // Four confident rows of class 0 near the origin; the fifth, also near the origin, has a
    // tiny margin for class 1: it is pruned and fixed to class 0.
    const outputs = Float64Array.from([0.9, -0.9, 0.8, -0.8, 0.85, -0.85, 0.7, -0.7, 0.01, 0.02, -0.9, 0.9]);
    const features = [[0, 0], [0.1, 0], [0, 0.1], [0.1, 0.1], [0.05, 0.05], [5, 5]];
    const raw = labelsFromOutputs(outputs, 2, features, { pruneFraction: 0 });
    expect(Array.from(raw)).toEqual([0, 0, 0, 0, 1, 1]);
    const fixed = labelsFromOutputs(outputs, 2, features, { pruneFraction: 1 / 6, neighbours: 3 });
    expect(Array.from(fixed)).toEqual([0, 0, 0, 0, 0, 1]);
  });

  it('scores agreement, and agreement up to renaming', () => {
    expect(agreement([0, 1, 2, 2], [0, 1, 1, 2])).toBe(0.75);
    expect(agreementUpToNames([2, 2, 0, 1], [0, 0, 1, 2], 3)).toBe(1);
  });
});

describe('label masking', () => {
  it('draws derangements and scores classes through the mask', () => {
    for (let s = 0; s < 20; s++) {
      const p = derangement(4, s);
      expect([...p].sort()).toEqual([0, 1, 2, 3]);
      p.forEach((v, i) => expect(v).not.toBe(i));
    }
    // q = [0.1, 0.2, 0.3]; π = [1, 2, 0]: class c reads output π(c); negated
    expect(Array.from(maskedScores(Float64Array.from([0.1, 0.2, 0.3]), 1, 3, { permutation: [1, 2, 0], negate: true }))).toEqual([-0.2, -0.3, -0.1]);
    expect(() => derangement(1, 0)).toThrow(/at least two classes/);
  });
});

describe('common helpers', () => {
  it('k-means separates two far blobs and rejects impossible k', () => {
    const rows = [[0, 0], [0.1, 0], [0, 0.1], [10, 10], [10.1, 10], [10, 10.1]];
    const c = kMeans(rows, 2, { seed: 3 });
    expect(agreementUpToNames(c.assignments, [0, 0, 0, 1, 1, 1], 2)).toBe(1);
    expect(() => kMeans(rows, 7)).toThrow(/cannot make 7 clusters/);
  });

  it('k-NN votes among the nearest standardised rows', () => {
    const knn = new KnnClassifier([[0, 0], [0, 1], [10, 0], [10, 1]], [0, 0, 1, 1], 1);
    expect(knn.predict([1, 0.5])).toBe(0);
    expect(knn.predict([9, 0.5])).toBe(1);
    expect(() => new KnnClassifier([], [], 1)).toThrow(/at least one/);
  });

  it('splits bindings by sample, stickily, and puts results back in order', async () => {
    const a = new ExactProvider('a');
    const b = new ExactProvider('b');
    const splitter = new SampleSplitter('secret');
    const view = splitter.view(a);
    splitter.view(b);
    const q = smallQnn();
    const w = Array.from({ length: q.numWeights }, (_, i) => 0.05 * i);
    const rows = Array.from({ length: 12 }, (_, i) => [0.1 * i, 0.2, 0.3 * i]);
    const whole = await new ExactProvider('c').submit(qnnJob(q, rows, w));
    const split = await view.submit(qnnJob(q, rows, w));
    expect(Array.from(split.expectations as Float64Array).map((v) => v.toFixed(12))).toEqual(Array.from(whole.expectations as Float64Array).map((v) => v.toFixed(12)));
    expect(split.metadata.circuits).toBe(12);
    expect(split.metadata.cost_usd).toBe(12);
    const seenByA = new Set(a.received.flatMap((j) => (j.inputs ?? []).map((r) => Array.from(r).join())));
    expect(seenByA.size).toBeGreaterThan(0);
    expect(seenByA.size).toBeLessThan(12);
    await view.submit(qnnJob(q, rows.slice(0, 6), w));
    const again = new Set(a.received.slice(1).flatMap((j) => (j.inputs ?? []).map((r) => Array.from(r).join())));
    for (const r of again) expect(seenByA.has(r)).toBe(true);
    expect(splitter.stats.jobs).toBe(2);
    expect(splitter.stats.parts).toBeGreaterThanOrEqual(3);
  });

  it('measures weight errors up to 2π', () => {
    expect(periodicError(0.1, 0.1 + 2 * Math.PI)).toBeCloseTo(0, 12);
    expect(periodicError(0, 3 * Math.PI)).toBeCloseTo(Math.PI, 12);
  });
});

describe('transpilation artifacts', () => {
  it('describes the data-dependent gates of a circuit', () => {
    const angle = new CircuitBuilder(2, 0, 'a').ry(Param.input(0), 0).ry(Param.input(1), 1).cx(0, 1).ry(Param.weight(0), 0).build();
    const f = Object.fromEntries(ARTIFACT_FEATURES.map((name, i) => [name, encodingArtifacts(angle)[i]]));
    expect(f['x_gates_per_input']).toBe(1);
    expect(f['x_gates_per_active_qubit']).toBe(1);
    expect(f['bilinear_fraction']).toBe(0);
    expect(f['mean_abs_input_coefficient']).toBe(1);
    const zz = new QNN({ numQubits: 2, encoder: { kind: 'zz', reps: 1, entanglement: 'linear' }, ansatz: { kind: 'basic_entangler', layers: 1 } }).circuit;
    const g = Object.fromEntries(ARTIFACT_FEATURES.map((name, i) => [name, encodingArtifacts(zz)[i]]));
    // P(2x0), P(2x1), and one pair gate P(2(π−x0)(π−x1)): 3 data gates for 2 inputs, one bilinear
    expect(g['x_gates_per_input']).toBe(1.5);
    expect(g['bilinear_fraction']).toBeCloseTo(1 / 3, 12);
    expect(Array.from(encodingArtifacts(new CircuitBuilder(1, 0, 'none').ry(Param.weight(0), 0).build())).every((v) => v === 0)).toBe(true);
  });
});

describe('fidelity-loss workflow (labels in the circuit)', () => {
  it('measures the probability that the readout register holds the label', () => {
    const q = new QNN({ numQubits: 3, encoder: { kind: 'angle', rotation: 'Y' }, ansatz: { kind: 'basic_entangler', layers: 1 } });
    const lc = lossCircuit(q, 3);
    expect(lc.bits).toBe(2);
    const x = [0.4, 1.3, 2.2];
    const w = [0.3, 0.9, 1.7];
    // Probabilities of the QNN's state, qubit 0 = bit 0 of the basis index.
    const probs = new StatevectorSimulator().run({ circuit: q.circuit, output: 'probabilities', inputs: [x], weights: w }).probabilities as Float64Array;
    for (let code = 0; code < 3; code++) {
      let p = 0;
      for (let i = 0; i < 8; i++) if ((i & 3) === code) p += probs[i] as number;
      const f = exactOutputs(lc.circuit, [lc.observable], [withLabel(x, code, lc.bits)], w);
      expect(f[0]).toBeCloseTo(p, 12);
    }
    const pred = predictByFidelity(lc, [Float64Array.from(x)], w, 3);
    const best = [0, 1, 2].reduce((b, c) => (exactOutputs(lc.circuit, [lc.observable], [withLabel(x, c, 2)], w)[0] as number) > (exactOutputs(lc.circuit, [lc.observable], [withLabel(x, b, 2)], w)[0] as number) ? c : b, 0);
    expect(pred[0]).toBe(best);
  });

  it('lets the provider read the label bits off the bindings', () => {
    const q = new QNN({ numQubits: 3, encoder: { kind: 'angle', rotation: 'Y' }, ansatz: { kind: 'basic_entangler', layers: 1 } });
    const lc = lossCircuit(q, 3);
    const rows = [[0.5, 1.5, 2.5], [0.25, 0.75, 1.25], [1, 0, 1]];
    const labels = [2, 0, 1];
    const job: QuantumJob = { tenant: 't', form: 'logical', circuit: lc.circuit, output: 'expectations', observables: [lc.observable], inputs: rows.map((r, i) => withLabel(r, labels[i] as number, 2)), weights: Float64Array.from([0.1, 0.2, 0.3]), shots: 10 };
    const read = labelsFromBindings([{ seq: 0, job }]);
    // The third row has features 1, 0, 1 — only the two label inputs count as bits.
    expect(rows.map((r) => read.get(r.join(',')))).toEqual(labels);
  });
});
