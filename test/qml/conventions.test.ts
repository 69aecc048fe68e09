/**
 * Encoders and ansätze follow PennyLane's and Qiskit's conventions, checked against states
 * built from first principles (test/qml/helpers/dense.ts: hand-written RX/RY/RZ/P/H and CNOT),
 * against circuit structures printed in the Qiskit documentation, and against an output
 * number printed in the PennyLane documentation.
 */
import { describe, expect, it } from 'vitest';
import { CircuitBuilder } from '../../src/circuit/builder.js';
import type { Circuit } from '../../src/circuit/circuit.js';
import type { GateOp } from '../../src/circuit/operation.js';
import { InputError } from '../../src/core/errors.js';
import { Rng } from '../../src/core/rng.js';
import { EfficientSU2, RealAmplitudes } from '../../src/qml/ansatz/two-local.js';
import { StronglyEntanglingLayers } from '../../src/qml/ansatz/strongly-entangling.js';
import type { AnsatzSpec, EncoderSpec } from '../../src/qml/config.js';
import { AmplitudeEncoder } from '../../src/qml/encoders/amplitude.js';
import { entanglementPairs } from '../../src/qml/encoders/zz.js';
import { QNN } from '../../src/qml/qnn.js';
import { StatevectorSimulator } from '../../src/sim/statevector.js';
import { apply1, cnot, expZ, H, maxDiff, overlap2, P, RX, RY, RZ, zeroState } from './helpers/dense.js';
import { qmlsecState } from './helpers/numeric.js';

const rng = new Rng('qml-conventions');
const randomAngles = (k: number) => Float64Array.from({ length: k }, () => rng.uniform(-Math.PI, Math.PI));

/** A QNN with no trainable effect: a hardware-efficient layer with no couplers, weights 0. */
const identityAnsatz: AnsatzSpec = { kind: 'hardware_efficient', layers: 1, edges: [] };

function gates(c: Circuit): GateOp[] {
  return c.ops.filter((o): o is GateOp => o.kind === 'gate');
}

/** "name qubits w-index" summaries of a circuit's gates (weight-only angles). */
function summary(c: Circuit): string[] {
  return gates(c).map((g) => `${g.name}(${g.params.map((p) => p.toString()).join(',')}) ${g.qubits.join(',')}`);
}

function expectSameState(ours: Float64Array, reference: Float64Array): void {
  // Same state up to a global phase, and identical ⟨Z_q⟩ readouts.
  expect(overlap2(ours, reference)).toBeCloseTo(1, 12);
  const n = Math.log2(ours.length / 2);
  for (let q = 0; q < n; q++) expect(expZ(ours, q)).toBeCloseTo(expZ(reference, q), 12);
}

describe('PennyLane StronglyEntanglingLayers', () => {
  it.each([
    [1, 2], [2, 1], [2, 3], [3, 2], [4, 3],
  ])('%i wires, %i layers: Rot(φ,θ,ω) = RZ(ω)RY(θ)RZ(φ), CNOT(i → i+r), r = (l mod (n−1)) + 1, weights (L, n, 3) row-major', (n, L) => {
    const qnn = new QNN({ numQubits: n, encoder: { kind: 'angle', rotation: 'Y' }, ansatz: { kind: 'strongly_entangling', layers: L } });
    expect(qnn.ansatz.weightShape).toEqual([L, n, 3]);
    const x = randomAngles(n);
    const w = randomAngles(3 * n * L);
    const ref = zeroState(n);
    for (let j = 0; j < n; j++) apply1(ref, j, RY(x[j] as number));
    for (let l = 0; l < L; l++) {
      for (let i = 0; i < n; i++) {
        const [phi, theta, omega] = [0, 1, 2].map((k) => w[(l * n + i) * 3 + k] as number) as [number, number, number];
        apply1(ref, i, RZ(phi));
        apply1(ref, i, RY(theta));
        apply1(ref, i, RZ(omega));
      }
      if (n > 1) {
        const r = (l % (n - 1)) + 1;
        for (let i = 0; i < n; i++) cnot(ref, i, (i + r) % n);
      }
    }
    expectSameState(qmlsecState(qnn.circuit, x, w), ref);
  });

  it('4 wires, 2 layers: ranges r = 1 then r = 2, as in the PennyLane documentation figure', () => {
    const cx = gates(new QNN({ numQubits: 4, encoder: { kind: 'angle' }, ansatz: { kind: 'strongly_entangling', layers: 2 } }).circuit)
      .filter((g) => g.name === 'cx').map((g) => g.qubits.join('→'));
    expect(cx).toEqual(['0→1', '1→2', '2→3', '3→0', '0→2', '1→3', '2→0', '3→1']);
  });

  it('explicit ranges are used per layer', () => {
    const a = new StronglyEntanglingLayers(3, 2, [2, 1]);
    const b = new CircuitBuilder(3);
    a.append(b);
    expect(gates(b.build()).filter((g) => g.name === 'cx').map((g) => g.qubits.join('→'))).toEqual(['0→2', '1→0', '2→1', '0→1', '1→2', '2→0']);
  });

  // Regression (fixed): src/qml/ansatz/strongly-entangling.ts does not check 0 < r < n (PennyLane requires
  // it); ranges [0] or [n] build CNOT(i → i) and fail later with "gate cx uses a qubit twice".
  it('a range that is 0 or a multiple of the wire count is refused, naming the range', () => {
    for (const ranges of [[0], [4]]) {
      let err: unknown;
      try {
        new StronglyEntanglingLayers(4, 1, ranges);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InputError);
      expect((err as Error).message).toMatch(/range/);
    }
  });
});

describe('PennyLane BasicEntanglerLayers', () => {
  it('reproduces the documented example: 3 wires, weights [[π, π, π]] → ⟨Z⟩ = [1, 1, −1]', () => {
    // PennyLane docs, qml.BasicEntanglerLayers usage details ("circuit([[pi, pi, pi]]) → [1., 1., -1.]";
    // one older docs build prints [1., 1., 1.], which the RX(π)⊗3 + CNOT ring arithmetic rules out).
    const qnn = new QNN({ numQubits: 3, encoder: { kind: 'angle', rotation: 'Z' }, ansatz: { kind: 'basic_entangler', layers: 1 } });
    const out = new StatevectorSimulator().expectations(qnn.circuit, qnn.observables, { inputs: [[0, 0, 0]], weights: [Math.PI, Math.PI, Math.PI] });
    expect(maxDiff(out, [1, 1, -1])).toBeLessThan(1e-12);
  });

  it.each([
    [1, 'X'], [2, 'X'], [3, 'Y'], [4, 'Z'], [4, 'X'],
  ] as const)('%i wires, rotation %s: rotations then a CNOT ring (a single CNOT for two wires), weights (L, n)', (n, rot) => {
    const L = 2;
    const qnn = new QNN({ numQubits: n, encoder: { kind: 'angle', rotation: 'X' }, ansatz: { kind: 'basic_entangler', layers: L, rotation: rot } });
    const cx = gates(qnn.circuit).filter((g) => g.name === 'cx').length;
    expect(cx).toBe(L * (n === 1 ? 0 : n === 2 ? 1 : n));
    const x = randomAngles(n);
    const w = randomAngles(L * n);
    const ref = zeroState(n);
    for (let j = 0; j < n; j++) apply1(ref, j, RX(x[j] as number));
    const R = rot === 'X' ? RX : rot === 'Y' ? RY : RZ;
    for (let l = 0; l < L; l++) {
      for (let i = 0; i < n; i++) apply1(ref, i, R(w[l * n + i] as number));
      if (n === 2) cnot(ref, 0, 1);
      else if (n > 2) for (let i = 0; i < n; i++) cnot(ref, i, (i + 1) % n);
    }
    expectSameState(qmlsecState(qnn.circuit, x, w), ref);
  });
});

describe('Qiskit RealAmplitudes and EfficientSU2', () => {
  it('RealAmplitudes(3, reps=2) has the gate sequence and θ numbering of the Qiskit documentation', () => {
    // Qiskit docs, RealAmplitudes: "a RealAmplitudes circuit with 2 repetitions on 3 qubits with
    // 'reverse_linear' entanglement" — Ry(θ0..2), CX(1,2), CX(0,1), Ry(θ3..5), CX(1,2), CX(0,1), Ry(θ6..8).
    const b = new CircuitBuilder(3);
    const ra = new RealAmplitudes(3, 2);
    ra.append(b);
    expect(ra.numWeights).toBe(9);
    expect(summary(b.build())).toEqual([
      'ry(w[0]) 0', 'ry(w[1]) 1', 'ry(w[2]) 2', 'cx() 1,2', 'cx() 0,1',
      'ry(w[3]) 0', 'ry(w[4]) 1', 'ry(w[5]) 2', 'cx() 1,2', 'cx() 0,1',
      'ry(w[6]) 0', 'ry(w[7]) 1', 'ry(w[8]) 2',
    ]);
  });

  it('defaults are Qiskit\'s: reps = 3, entanglement reverse_linear', () => {
    const ra = new RealAmplitudes(4);
    expect(ra.layers).toBe(3);
    expect(ra.entanglement).toBe('reverse_linear');
    expect(ra.numWeights).toBe(16);
    expect(new EfficientSU2(4).numWeights).toBe(32);
  });

  it('EfficientSU2(3, reps=2): RY then RZ per layer, θ per repetition / gate kind / qubit, final θ12..θ17', () => {
    // Qiskit docs, EfficientSU2 diagram on 3 qubits: RY(θ[0..2]) RZ(θ[3..5]) … RY(θ[12..14]) RZ(θ[15..17]).
    const b = new CircuitBuilder(3);
    const su2 = new EfficientSU2(3, 2);
    su2.append(b);
    const s = summary(b.build());
    expect(su2.numWeights).toBe(18);
    expect(s.slice(0, 8)).toEqual(['ry(w[0]) 0', 'ry(w[1]) 1', 'ry(w[2]) 2', 'rz(w[3]) 0', 'rz(w[4]) 1', 'rz(w[5]) 2', 'cx() 1,2', 'cx() 0,1']);
    expect(s.slice(-6)).toEqual(['ry(w[12]) 0', 'ry(w[13]) 1', 'ry(w[14]) 2', 'rz(w[15]) 0', 'rz(w[16]) 1', 'rz(w[17]) 2']);
  });

  it('entanglement strings give Qiskit\'s pairs (circular = last→first, then linear)', () => {
    expect(entanglementPairs(3, 'full')).toEqual([[0, 1], [0, 2], [1, 2]]);
    expect(entanglementPairs(3, 'linear')).toEqual([[0, 1], [1, 2]]);
    expect(entanglementPairs(4, 'reverse_linear')).toEqual([[2, 3], [1, 2], [0, 1]]);
    expect(entanglementPairs(3, 'circular')).toEqual([[2, 0], [0, 1], [1, 2]]);
  });

  it('RealAmplitudes state matches the dense construction (4 qubits, reps 2, linear)', () => {
    const qnn = new QNN({ numQubits: 4, encoder: { kind: 'angle', rotation: 'X' }, ansatz: { kind: 'real_amplitudes', reps: 2, entanglement: 'linear' } });
    const x = randomAngles(4);
    const w = randomAngles(12);
    const ref = zeroState(4);
    for (let j = 0; j < 4; j++) apply1(ref, j, RX(x[j] as number));
    for (let l = 0; l <= 2; l++) {
      for (let q = 0; q < 4; q++) apply1(ref, q, RY(w[4 * l + q] as number));
      if (l < 2) for (let q = 0; q < 3; q++) cnot(ref, q, q + 1);
    }
    expectSameState(qmlsecState(qnn.circuit, x, w), ref);
  });
});

describe('Qiskit ZZFeatureMap', () => {
  it('ZZFeatureMap(2, reps=1): H, P(2x_i), CX · P(2(π − x0)(π − x1)) · CX as in the Qiskit documentation', () => {
    const qnn = new QNN({ numQubits: 2, encoder: { kind: 'zz', reps: 1 }, ansatz: identityAnsatz });
    const g = gates(qnn.circuit).slice(0, 7);
    expect(g.map((o) => `${o.name} ${o.qubits.join(',')}`)).toEqual(['h 0', 'h 1', 'p 0', 'p 1', 'cx 0,1', 'p 1', 'cx 0,1']);
    const x = [0.37, -1.2];
    const angle = (i: number) => (g[i] as GateOp).params[0]!.evaluate(x, []);
    expect(angle(2)).toBeCloseTo(2 * 0.37, 14);
    expect(angle(3)).toBeCloseTo(-2.4, 14);
    expect(angle(5)).toBeCloseTo(2 * (Math.PI - 0.37) * (Math.PI + 1.2), 12);
  });

  it('defaults to reps = 2 and full entanglement; 3-qubit state matches the dense construction', () => {
    const qnn = new QNN({ numQubits: 3, encoder: { kind: 'zz' }, ansatz: identityAnsatz });
    expect(gates(qnn.circuit).filter((o) => o.name === 'h').length).toBe(6);
    const x = randomAngles(3);
    const ref = zeroState(3);
    for (let r = 0; r < 2; r++) {
      for (let q = 0; q < 3; q++) apply1(ref, q, H);
      for (let q = 0; q < 3; q++) apply1(ref, q, P(2 * (x[q] as number)));
      for (const [i, j] of [[0, 1], [0, 2], [1, 2]] as const) {
        cnot(ref, i, j);
        apply1(ref, j, P(2 * (Math.PI - (x[i] as number)) * (Math.PI - (x[j] as number))));
        cnot(ref, i, j);
      }
    }
    expectSameState(qmlsecState(qnn.circuit, x, new Float64Array(qnn.numWeights)), ref);
  });
});

describe('PennyLane AngleEmbedding and dense angle encoding', () => {
  it.each([
    ['X', false], ['Y', false], ['Z', true],
  ] as const)('rotation %s (hadamard %s): feature j rotates wire j; fewer features than wires leave the rest alone', (rot, hadamard) => {
    const enc: EncoderSpec = { kind: 'angle', rotation: rot, hadamard, features: 2 };
    const qnn = new QNN({ numQubits: 3, encoder: enc, ansatz: identityAnsatz });
    expect(qnn.numFeatures).toBe(2);
    const x = randomAngles(2);
    const ref = zeroState(3);
    if (hadamard) for (let q = 0; q < 3; q++) apply1(ref, q, H);
    const R = rot === 'X' ? RX : rot === 'Y' ? RY : RZ;
    for (let j = 0; j < 2; j++) apply1(ref, j, R(x[j] as number));
    expectSameState(qmlsecState(qnn.circuit, x, new Float64Array(qnn.numWeights)), ref);
  });

  it('dense angle: RY(x_2j) then RZ(x_2j+1) on qubit j (LaRose & Coyle)', () => {
    const qnn = new QNN({ numQubits: 2, encoder: { kind: 'dense_angle' }, ansatz: identityAnsatz });
    expect(qnn.numFeatures).toBe(4);
    const x = randomAngles(4);
    const ref = zeroState(2);
    for (let q = 0; q < 2; q++) {
      apply1(ref, q, RY(x[2 * q] as number));
      apply1(ref, q, RZ(x[2 * q + 1] as number));
    }
    expectSameState(qmlsecState(qnn.circuit, x, new Float64Array(qnn.numWeights)), ref);
  });
});

describe('amplitude embedding (normalize, pad)', () => {
  /** The state qmlsec prepares for one feature row. */
  function amplitudeState(n: number, row: readonly number[], features?: number, pad?: number): Float64Array {
    const enc = new AmplitudeEncoder(n, features, pad, 'qiskit');
    const b = new CircuitBuilder(n);
    enc.append(b);
    const inputs = new Float64Array(enc.numCircuitInputs);
    enc.mapRow(row, inputs);
    return qmlsecState(b.build(), inputs, []);
  }

  function expectExactly(state: Float64Array, vector: readonly number[]): void {
    const norm = Math.hypot(...vector);
    for (let i = 0; i < vector.length; i++) {
      expect(state[2 * i]).toBeCloseTo((vector[i] as number) / norm, 12);
      expect(state[2 * i + 1]).toBeCloseTo(0, 12);
    }
  }

  it.each([1, 2, 3, 4, 5])('n = %i: the state equals the normalised vector exactly, signs included (random vectors)', (n) => {
    for (let trial = 0; trial < 3; trial++) {
      const v = Array.from({ length: 2 ** n }, () => rng.normal());
      expectExactly(amplitudeState(n, v), v);
    }
  });

  it('vectors with zeros and only negative entries', () => {
    expectExactly(amplitudeState(3, [0, 0, -1, 0, 0, 0, 0, -2]), [0, 0, -1, 0, 0, 0, 0, -2]);
    expectExactly(amplitudeState(2, [-1, -2, -3, -4]), [-1, -2, -3, -4]);
    expectExactly(amplitudeState(2, [0, 0, 0, 5]), [0, 0, 0, 5]);
  });

  it.each([[1, 1, 0], [2, 3, 0], [3, 5, 0.25], [4, 9, -0.5]])('n = %i, %i features padded with %f, then normalised', (n, k, pad) => {
    const v = Array.from({ length: k }, () => rng.normal());
    const padded = [...v, ...new Array<number>(2 ** n - k).fill(pad)];
    expectExactly(amplitudeState(n, v, k, pad), padded);
  });

  it('an all-zero (padded) vector is refused', () => {
    expect(() => amplitudeState(2, [0, 0, 0, 0])).toThrow(/zero norm/);
    expect(() => amplitudeState(2, [0, 0], 2, 0)).toThrow(/zero norm/);
  });

  // PennyLane orders basis states with wire 0 as the most significant bit (PennyLane docs,
  // qml.transforms.merge_amplitude_embedding: AmplitudeEmbedding([0,1]) on wires 2 and 3 of 4
  // gives amplitude 1 at index 3 = |0011⟩); the default order follows it, `order: 'qiskit'`
  // puts feature i on qmlsec's little-endian index i (checked above).
  it('PennyLane order (the default): feature i goes to the basis state whose wire-0 bit is the MSB of i', () => {
    // PennyLane: f = e_1 on 2 wires is |wire0 = 0, wire1 = 1⟩ → ⟨Z0⟩ = +1, ⟨Z1⟩ = −1.
    const qnn = new QNN({ numQubits: 2, encoder: { kind: 'amplitude' }, ansatz: identityAnsatz });
    const out = new StatevectorSimulator().expectations(qnn.circuit, qnn.observables, { inputs: qnn.encode([[0, 1, 0, 0]]), weights: new Float64Array(qnn.numWeights) });
    expect(maxDiff(out, [1, -1])).toBeLessThan(1e-12);
  });
});
