/**
 * Benchmark-style OpenQASM 2/3 files (test/fixtures/qasm/, written for qmlsec) imported and
 * simulated with the independent reference simulator, compared with analytic results and
 * with the same circuits built through CircuitBuilder (no parser involved).
 */
import { describe, expect, it } from 'vitest';
import { CircuitBuilder } from '../../src/circuit/builder.js';
import type { Circuit } from '../../src/circuit/circuit.js';
import { phaseDistance } from '../../src/circuit/matrix.js';
import type { GateOp } from '../../src/circuit/operation.js';
import { parseQasm } from '../../src/circuit/qasm/index.js';
import { basisState, circuitUnitary, fidelity, probabilities, qubitBloch, simulateBranches, simulateState } from '../helpers/reference-sim.js';
import { fixture } from './qasm-test-utils.js';

const load = (name: string) => parseQasm(fixture(name), { file: name });

/** The circuit without its final measurements, and which qubit each bit measures. */
function unitaryPart(c: Circuit): { circuit: Circuit; measured: Map<number, number> } {
  const split = c.splitFinalMeasurements();
  if (!split) throw new Error('expected final measurements only');
  return { circuit: split.circuit, measured: new Map(split.measurements.map((m) => [m.clbit, m.qubit])) };
}

/** The basis index with probability ~1, or throws. */
function certainOutcome(state: Float64Array): number {
  const p = probabilities(state);
  const i = p.findIndex((v) => v > 1 - 1e-9);
  if (i < 0) throw new Error(`no certain outcome (max probability ${Math.max(...p)})`);
  return i;
}

describe('qft_n5.qasm', () => {
  it('is the discrete Fourier transform on 32 basis states', () => {
    const { circuit } = unitaryPart(load('qft_n5.qasm'));
    const n = 32;
    const dft = new Float64Array(2 * n * n);
    for (let k = 0; k < n; k++) {
      for (let j = 0; j < n; j++) {
        const a = (2 * Math.PI * ((j * k) % n)) / n;
        dft[2 * (k * n + j)] = Math.cos(a) / Math.sqrt(n);
        dft[2 * (k * n + j) + 1] = Math.sin(a) / Math.sqrt(n);
      }
    }
    expect(phaseDistance(circuitUnitary(circuit), dft).distance).toBeLessThan(1e-12);
  });
});

describe('cuccaro_adder_n10.qasm', () => {
  const c = load('cuccaro_adder_n10.qasm');
  // cin = q0, a = q1..q4, b = q5..q8, cout = q9
  const index = (a: number, b: number, cout: number) => (a << 1) | (b << 5) | (cout << 9);

  it('has the registers and the custom majority/unmaj gates expanded', () => {
    expect(c.qregs.map((r) => [r.name, r.size, r.offset])).toEqual([['cin', 1, 0], ['a', 4, 1], ['b', 4, 5], ['cout', 1, 9]]);
    expect(c.countOps()).toEqual({ x: 5, cx: 17, ccx: 8, measure: 5 });
  });

  it('adds 5 + 11 = 16 (sum register reads 10000)', () => {
    const { circuit, measured } = unitaryPart(c);
    const out = certainOutcome(simulateState(circuit));
    const sum = [0, 1, 2, 3, 4].reduce((acc, bit) => acc | (((out >> (measured.get(bit) as number)) & 1) << bit), 0);
    expect(sum).toBe(16);
  });

  it('maps every |a, b> to |a, a + b> (all 256 inputs, through the input X gates)', () => {
    const { circuit } = unitaryPart(c);
    for (let a0 = 0; a0 < 16; a0++) {
      for (let b0 = 0; b0 < 16; b0++) {
        const out = certainOutcome(simulateState(circuit, basisState(10, index(a0, b0, 0))));
        const a = a0 ^ 5;
        const b = b0 ^ 11;
        expect(out, `a0=${a0} b0=${b0}`).toBe(index(a, (a + b) & 15, (a + b) >> 4));
      }
    }
  });
});

describe('fredkin_n5.qasm', () => {
  it('computes its reversible function on all 32 inputs', () => {
    const { circuit, measured } = unitaryPart(load('fredkin_n5.qasm'));
    expect([...measured.entries()]).toEqual([[0, 0], [1, 1], [2, 2], [3, 3], [4, 4]]);
    for (let input = 0; input < 32; input++) {
      let [c, x0, x1, y0, y1] = [0, 1, 2, 3, 4].map((i) => (input >> i) & 1) as [number, number, number, number, number];
      if (c) [x0, y0, x1, y1] = [y0, x0, y1, x1];
      c ^= x0 & x1;
      if (c) [x0, y1] = [y1, x0];
      x1 ^= y0;
      const expected = c | (x0 << 1) | (x1 << 2) | (y0 << 3) | (y1 << 4);
      expect(certainOutcome(simulateState(circuit, basisState(5, input))), `input ${input}`).toBe(expected);
    }
  });
});

describe('qaoa_ring_n6.qasm', () => {
  const gamma = 0.4;
  const beta = 0.3;
  const { circuit } = unitaryPart(load('qaoa_ring_n6.qasm'));
  const state = simulateState(circuit);

  it('gives <Z_u Z_v> = -sin(4β) sin(2γ) / 2 on every edge (p = 1 MaxCut on a cycle)', () => {
    const p = probabilities(state);
    for (let u = 0; u < 6; u++) {
      const v = (u + 1) % 6;
      let zz = 0;
      p.forEach((pr, i) => (zz += (((i >> u) ^ (i >> v)) & 1 ? -1 : 1) * pr));
      expect(zz).toBeCloseTo(-0.5 * Math.sin(4 * beta) * Math.sin(2 * gamma), 12);
    }
  });

  it('matches the same circuit built without the parser', () => {
    const b = new CircuitBuilder(6);
    for (let q = 0; q < 6; q++) b.h(q);
    for (let q = 0; q < 6; q++) b.rzz(-gamma, q, (q + 1) % 6);
    for (let q = 0; q < 6; q++) b.rx(2 * beta, q);
    expect(fidelity(state, simulateState(b.build()))).toBeGreaterThanOrEqual(1 - 1e-9);
  });
});

describe('ghz_n12.qasm', () => {
  it('prepares (|0...0> + |1...1>)/sqrt(2)', () => {
    const { circuit } = unitaryPart(load('ghz_n12.qasm'));
    const expected = new Float64Array(2 << 12);
    expected[0] = Math.SQRT1_2;
    expected[2 * 4095] = Math.SQRT1_2;
    expect(fidelity(simulateState(circuit), expected)).toBeGreaterThanOrEqual(1 - 1e-12);
  });
});

describe('bernstein_vazirani_n9.qasm', () => {
  it('reads the hidden string 10110101 with certainty', () => {
    const c = load('bernstein_vazirani_n9.qasm');
    expect(c.qregs.map((r) => r.name)).toEqual(['data', 'oracle']);
    const { circuit, measured } = unitaryPart(c);
    // The oracle qubit stays in |->, so only the measured register is certain.
    const marginal = new Float64Array(256);
    probabilities(simulateState(circuit)).forEach((p, i) => {
      let result = 0;
      for (let bit = 0; bit < 8; bit++) result |= ((i >> (measured.get(bit) as number)) & 1) << bit;
      marginal[result] = (marginal[result] as number) + p;
    });
    expect(marginal[0b10110101]).toBeCloseTo(1, 12);
  });
});

describe('teleport_n3.qasm', () => {
  it('delivers u3(1.1, 0.4, -0.7)|0> on q[2] in each of the four measurement branches', () => {
    const branches = simulateBranches(load('teleport_n3.qasm'));
    expect(branches).toHaveLength(4);
    expect(branches.map((b) => b.clbits.join('')).sort()).toEqual(['00', '01', '10', '11']);
    const [theta, phi] = [1.1, 0.4];
    for (const b of branches) {
      expect(b.probability).toBeCloseTo(0.25, 12);
      const bloch = qubitBloch(b.state, 2);
      expect(bloch.x).toBeCloseTo(Math.sin(theta) * Math.cos(phi), 12);
      expect(bloch.y).toBeCloseTo(Math.sin(theta) * Math.sin(phi), 12);
      expect(bloch.z).toBeCloseTo(Math.cos(theta), 12);
    }
  });
});

describe('mcx_vchain_n20.qasm (20 qubits)', () => {
  it('copies ctl[0] into the target and returns the ancillas to |0>', () => {
    const c = load('mcx_vchain_n20.qasm');
    expect(c.numQubits).toBe(20);
    expect(c.countOps()).toEqual({ h: 1, x: 9, ccx: 18, cx: 1 });
    const ones = 0b1111111110; // ctl[1..9] = 1
    const expected = new Float64Array(2 << 20);
    expected[2 * ones] = Math.SQRT1_2;
    expected[2 * (ones | 1 | (1 << 19))] = Math.SQRT1_2;
    expect(fidelity(simulateState(c), expected)).toBeGreaterThanOrEqual(1 - 1e-9);
  });
});

describe('layered_n27.qasm (27 qubits, structure only)', () => {
  it('imports with its registers, broadcast custom gate and measurements', () => {
    const c = load('layered_n27.qasm');
    expect(c.numQubits).toBe(27);
    expect(c.numClbits).toBe(27);
    expect(c.qregs).toEqual([{ name: 'a', size: 13, offset: 0 }, { name: 'b', size: 14, offset: 13 }]);
    expect(c.cregs).toEqual([{ name: 'ca', size: 13, offset: 0 }, { name: 'cb', size: 14, offset: 13 }]);
    expect(c.countOps()).toEqual({ h: 15, cx: 40, rzz: 13, rz: 14, barrier: 1, measure: 27 });
    const gatesOf = (name: string) => c.ops.filter((o): o is GateOp => o.kind === 'gate' && o.name === name);
    expect(gatesOf('rzz').map((o) => o.params[0]?.constant)).toEqual(Array.from({ length: 13 }, (_, i) => Math.PI / (i + 2)));
    expect(gatesOf('rz').map((o) => [o.qubits[0], o.params[0]?.constant])).toEqual(Array.from({ length: 14 }, (_, i) => [13 + i, Math.PI / 7 / 2]));
    expect(c.ops.filter((o) => o.kind === 'measure').map((o) => (o.kind === 'measure' ? [o.qubit, o.clbit] : []))).toEqual(Array.from({ length: 27 }, (_, i) => [i, i]));
    expect(c.depth()).toBeGreaterThanOrEqual(27);
  });
});

describe('qnn_template.qasm (OpenQASM 3 with inputs)', () => {
  it('is a template over 2 inputs and 4 weights that binds to the hand-built circuit', () => {
    const c = load('qnn_template.qasm');
    expect([c.numInputs, c.numWeights, c.globalPhase]).toEqual([2, 4, 0.125]);
    const xs = [0.3, -0.8];
    const ws = [0.5, 1.25, -0.4, 2.2];
    const built = new CircuitBuilder(2)
      .ry(Math.PI * (xs[0] as number), 0)
      .ry(Math.PI * (xs[1] as number), 1)
      .cx(0, 1)
      .rz(ws[0] as number, 0)
      .rz(0.5 * (ws[1] as number) + 0.25, 1)
      .cry((ws[2] as number) - (xs[0] as number), 0, 1)
      .u(ws[3] as number, 0, -(ws[3] as number) / 2, 1)
      .build();
    const { circuit } = unitaryPart(c.bind(xs, ws));
    expect(fidelity(simulateState(circuit), simulateState(built))).toBeGreaterThanOrEqual(1 - 1e-12);
  });
});

describe('a generated 27-qubit program with 20 000 gate lines', () => {
  it('imports every line', () => {
    const lines = ['OPENQASM 2.0;', 'include "qelib1.inc";', 'gate maj a, b, c { cx c, b; cx c, a; ccx a, b, c; }', 'qreg q[27];', 'creg c[27];'];
    for (let i = 0; i < 20000; i++) {
      const a = (i * 7) % 27;
      const b = (a + 1 + (i % 25)) % 27;
      const d = (b + 1 + (i % 3)) % 27 === a ? (b + 5) % 27 : (b + 1 + (i % 3)) % 27;
      lines.push([`h q[${a}];`, `cx q[${a}],q[${b}];`, `rz(${i / 1000}) q[${a}];`, `cu1(pi/8) q[${a}],q[${b}];`, `maj q[${a}],q[${b}],q[${d}];`][i % 5] as string);
    }
    lines.push('measure q -> c;');
    const c = parseQasm(lines.join('\n'));
    expect(c.countOps()).toEqual({ h: 4000, cx: 4000 + 8000, rz: 4000, cu1: 4000, ccx: 4000, measure: 27 });
  });
});
