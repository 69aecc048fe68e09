/**
 * Checks of the gate library against identities and independently written matrices:
 * unitarity, inverses, generators (via a Taylor-series matrix exponential), decompositions,
 * the OpenQASM definitions the exporters emit, and matrices transcribed from the gate
 * documentation of Qiskit (https://docs.quantum.ibm.com/api/qiskit/circuit_library) and IonQ
 * (native gates GPI, GPI2, MS; angles converted from turns to radians).
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import type { GateDef, Generator, PauliLetter } from '../../src/circuit/gate-def.js';
import { gateNames, getGate } from '../../src/circuit/gates.js';
import { dagger, embed, fromRows, identity, type Matrix, matmul, maxAbsDiff, phaseDistance } from '../../src/circuit/matrix.js';
import { Param } from '../../src/circuit/param.js';
import { libraryContext } from '../../src/circuit/qasm/builtin-gates.js';
import { macroUnitary } from '../../src/circuit/qasm/expand.js';
import { parseDefinitionText } from '../../src/circuit/qasm/gate-definition.js';

type C = readonly [number, number];
const cis = (t: number): C => [Math.cos(t), Math.sin(t)];
const times = (a: C, k: number): C => [a[0] * k, a[1] * k];
const I: C = [0, 1];
const nI: C = [0, -1];

function randomParams(g: GateDef, rng: Rng): number[] {
  return Array.from({ length: g.numParams }, () => rng.uniform(-2 * Math.PI, 2 * Math.PI));
}

/** Product of gate calls on `n` local qubits, first call applied first. */
function callsUnitary(calls: readonly { name: string; qubits: readonly number[]; params: readonly Param[] }[], n: number): Matrix {
  let u = identity(1 << n);
  for (const c of calls) {
    const m = getGate(c.name).matrix(c.params.map((p) => p.evaluate()));
    u = matmul(embed(m, c.qubits, n), u);
  }
  return u;
}

/** exp(A) by scaling and squaring a Taylor series (for small dense matrices). */
function expm(a: Matrix): Matrix {
  const dim = Math.round(Math.sqrt(a.length / 2));
  let norm = 0;
  for (let i = 0; i < a.length; i++) norm = Math.max(norm, Math.abs(a[i] as number));
  const s = Math.max(0, Math.ceil(Math.log2(norm * dim + 1e-300)) + 2);
  const scaled = a.map((v) => v / 2 ** s);
  let term = identity(dim);
  let sum = identity(dim);
  for (let k = 1; k <= 30; k++) {
    term = matmul(term, scaled).map((v) => v / k);
    sum = sum.map((v, i) => v + (term[i] as number));
  }
  for (let i = 0; i < s; i++) sum = matmul(sum, sum);
  return sum;
}

const PAULI: Readonly<Record<PauliLetter, readonly (readonly C[])[]>> = {
  I: [[[1, 0], [0, 0]], [[0, 0], [1, 0]]],
  X: [[[0, 0], [1, 0]], [[1, 0], [0, 0]]],
  Y: [[[0, 0], [0, -1]], [[0, 1], [0, 0]]],
  Z: [[[1, 0], [0, 0]], [[0, 0], [-1, 0]]],
};

/** The generator as a dense matrix, entry by entry from the single-qubit Paulis. */
function generatorMatrix(g: Generator): Matrix {
  const k = g.paulis.length;
  const dim = 1 << k;
  const m = new Float64Array(2 * dim * dim);
  for (let r = 0; r < dim; r++) {
    for (let c = 0; c < dim; c++) {
      if (!g.projector.every((q) => (r >> q) & 1 && (c >> q) & 1)) continue;
      let re = g.coeff;
      let im = 0;
      for (let j = 0; j < k; j++) {
        const [pr, pi] = (PAULI[g.paulis[j] as PauliLetter][(r >> j) & 1] as readonly C[])[(c >> j) & 1] as C;
        [re, im] = [re * pr - im * pi, re * pi + im * pr];
      }
      m[2 * (r * dim + c)] = re;
      m[2 * (r * dim + c) + 1] = im;
    }
  }
  return m;
}

describe('gate library', () => {
  const rng = new Rng('gate-library');
  const names = gateNames();

  it('has every gate of the brief', () => {
    for (const n of ['id', 'x', 'y', 'z', 'h', 's', 'sdg', 't', 'tdg', 'sx', 'sxdg', 'rx', 'ry', 'rz', 'p', 'u1', 'u2', 'u3', 'u', 'cx', 'cy', 'cz', 'ch', 'csx', 'swap', 'crx', 'cry', 'crz', 'cp', 'cu1', 'cu3', 'rxx', 'rzz', 'ccx', 'cswap']) {
      expect(names).toContain(n);
    }
  });

  it.each(names)('%s is unitary at random parameters', (name) => {
    const g = getGate(name);
    for (let trial = 0; trial < 3; trial++) {
      const m = g.matrix(randomParams(g, rng));
      expect(m.length).toBe(2 * 4 ** g.numQubits);
      expect(maxAbsDiff(matmul(dagger(m), m), identity(1 << g.numQubits))).toBeLessThan(1e-12);
    }
  });

  it.each(names)('%s: the inverse() calls undo the gate exactly', (name) => {
    const g = getGate(name);
    for (let trial = 0; trial < 3; trial++) {
      const params = randomParams(g, rng);
      const inv = callsUnitary(g.inverse(params.map((v) => Param.constant(v))), g.numQubits);
      expect(maxAbsDiff(matmul(inv, g.matrix(params)), identity(1 << g.numQubits))).toBeLessThan(1e-12);
    }
  });

  it.each(names.filter((n) => getGate(n).generator))('%s: exp(-iθG) of its generator is its matrix', (name) => {
    const g = getGate(name);
    const gen = generatorMatrix(g.generator as Generator);
    for (const theta of [0.3, -1.7, 2.9, 5.5]) {
      // -iθG: (re, im) -> (θ·im, -θ·re)
      const ai = new Float64Array(gen.length);
      for (let i = 0; i < gen.length; i += 2) {
        ai[i] = theta * (gen[i + 1] as number);
        ai[i + 1] = -theta * (gen[i] as number);
      }
      expect(maxAbsDiff(expm(ai), g.matrix([theta]))).toBeLessThan(1e-12);
    }
  });

  it.each(names.filter((n) => getGate(n).decompose))('%s: decompose() equals the matrix up to global phase', (name) => {
    const g = getGate(name);
    for (let trial = 0; trial < 3; trial++) {
      const params = randomParams(g, rng);
      const u = callsUnitary((g.decompose as NonNullable<GateDef['decompose']>)(params.map((v) => Param.constant(v))), g.numQubits);
      expect(phaseDistance(g.matrix(params), u).distance).toBeLessThan(1e-12);
      // Decompositions use only gates that have generators or no parameters.
      for (const c of (g.decompose as NonNullable<GateDef['decompose']>)(params.map((v) => Param.constant(v)))) {
        const callee = getGate(c.name);
        expect(callee.numParams === 0 || callee.generator !== undefined).toBe(true);
      }
    }
  });

  // Documented contract (gate-def.ts): three-qubit gates decompose into one- and two-qubit gates.
  const decomposesToSmallGates = (name: string) => {
    const g = getGate(name);
    const calls = (g.decompose as NonNullable<GateDef['decompose']>)(Array.from({ length: g.numParams }, () => Param.constant(0.3)));
    return calls.every((c) => getGate(c.name).numQubits <= 2);
  };
  const threeQubit = names.filter((n) => getGate(n).numQubits === 3 && getGate(n).decompose);
  it.each(threeQubit)('%s: decompose() uses only one- and two-qubit gates', (name) => {
    expect(decomposesToSmallGates(name)).toBe(true);
  });

  it.each(names.filter((n) => getGate(n).qasmDefinition))('%s: its OpenQASM definition equals the matrix up to global phase', (name) => {
    const g = getGate(name);
    const macro = parseDefinitionText(g.qasmDefinition as string, g.name, g.paramNames, g.numQubits, libraryContext());
    for (let trial = 0; trial < 3; trial++) {
      const params = randomParams(g, rng);
      expect(phaseDistance(g.matrix(params), macroUnitary(macro, params)).distance).toBeLessThan(1e-12);
    }
  });

  it('every gate without an OpenQASM 2 or 3 name has a definition to export', () => {
    for (const name of names) {
      const g = getGate(name);
      if (g.qasm2 === null || g.qasm3 === null) expect(g.qasmDefinition, name).toBeDefined();
    }
  });

  it("ECR's matrix equals rzx(pi/4) q0,q1; x q0; rzx(-pi/4) q0,q1", () => {
    const u = callsUnitary(
      [
        { name: 'rzx', qubits: [0, 1], params: [Param.constant(Math.PI / 4)] },
        { name: 'x', qubits: [0], params: [] },
        { name: 'rzx', qubits: [0, 1], params: [Param.constant(-Math.PI / 4)] },
      ],
      2,
    );
    // Equal exactly, not only up to phase.
    expect(maxAbsDiff(getGate('ecr').matrix([]), u)).toBeLessThan(1e-15);
  });
});

describe('gate matrices against the documented ones', () => {
  const s2 = Math.SQRT1_2;
  const close = (name: string, params: number[], rows: (number | C)[][]) => {
    expect(maxAbsDiff(getGate(name).matrix(params), fromRows(rows))).toBeLessThan(1e-14);
  };
  const th = 0.83;
  const c = Math.cos(th / 2);
  const s = Math.sin(th / 2);

  it('rotations: RX, RY, RZ, P', () => {
    close('rx', [th], [[c, times(nI, s)], [times(nI, s), c]]);
    close('ry', [th], [[c, -s], [s, c]]);
    close('rz', [th], [[cis(-th / 2), 0], [0, cis(th / 2)]]);
    close('p', [th], [[1, 0], [0, cis(th)]]);
  });

  it('U3(θ, φ, λ) and U2(φ, λ)', () => {
    const [phi, lam] = [0.4, -1.3];
    close('u3', [th, phi, lam], [[c, times(cis(lam), -s)], [times(cis(phi), s), times(cis(phi + lam), c)]]);
    close('u2', [phi, lam], [[s2, times(cis(lam), -s2)], [times(cis(phi), s2), times(cis(phi + lam), s2)]]);
  });

  it('SX = (1/2)[[1+i, 1-i], [1-i, 1+i]]', () => {
    close('sx', [], [[[0.5, 0.5], [0.5, -0.5]], [[0.5, -0.5], [0.5, 0.5]]]);
  });

  it('two-qubit Pauli rotations RXX, RYY, RZZ, RZX (Qiskit, qubit 0 = low bit)', () => {
    const is: C = times(I, s);
    const mis: C = times(nI, s);
    close('rxx', [th], [[c, 0, 0, mis], [0, c, mis, 0], [0, mis, c, 0], [mis, 0, 0, c]]);
    close('ryy', [th], [[c, 0, 0, is], [0, c, mis, 0], [0, mis, c, 0], [is, 0, 0, c]]);
    close('rzz', [th], [[cis(-th / 2), 0, 0, 0], [0, cis(th / 2), 0, 0], [0, 0, cis(th / 2), 0], [0, 0, 0, cis(-th / 2)]]);
    // R_ZX(θ) = exp(-iθ/2 X⊗Z): Z on qubit 0, X on qubit 1.
    close('rzx', [th], [[c, 0, mis, 0], [0, c, 0, is], [mis, 0, c, 0], [0, is, 0, c]]);
  });

  it('controlled gates put the control on qubit 0 (the low bit)', () => {
    close('cx', [], [[1, 0, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0], [0, 1, 0, 0]]);
    close('ch', [], [[1, 0, 0, 0], [0, s2, 0, s2], [0, 0, 1, 0], [0, s2, 0, -s2]]);
    close('csx', [], [[1, 0, 0, 0], [0, [0.5, 0.5], 0, [0.5, -0.5]], [0, 0, 1, 0], [0, [0.5, -0.5], 0, [0.5, 0.5]]]);
    const [phi, lam] = [0.4, -1.3];
    close('cu3', [th, phi, lam], [[1, 0, 0, 0], [0, c, 0, times(cis(lam), -s)], [0, 0, 1, 0], [0, times(cis(phi), s), 0, times(cis(phi + lam), c)]]);
    close('cp', [th], [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, cis(th)]]);
  });

  it('CSWAP swaps qubits 1 and 2 when qubit 0 is 1', () => {
    const m = getGate('cswap').matrix([]);
    const perm = (i: number) => (i & 1 ? 1 | (((i >> 2) & 1) << 1) | (((i >> 1) & 1) << 2) : i);
    const expected = new Float64Array(128);
    for (let col = 0; col < 8; col++) expected[2 * (perm(col) * 8 + col)] = 1;
    expect(maxAbsDiff(m, expected)).toBe(0);
  });

  it('iSWAP and ECR', () => {
    close('iswap', [], [[1, 0, 0, 0], [0, 0, I, 0], [0, I, 0, 0], [0, 0, 0, 1]]);
    close('ecr', [], [[0, s2, 0, times(I, s2)], [s2, 0, times(nI, s2), 0], [0, times(I, s2), 0, s2], [times(nI, s2), 0, s2, 0]]);
  });

  it('R(θ, φ) = exp(-iθ/2 (cos φ X + sin φ Y)); PRX is the same gate', () => {
    const phi = 0.9;
    // [[cos(θ/2), -i e^{-iφ} sin(θ/2)], [-i e^{iφ} sin(θ/2), cos(θ/2)]]
    const rows: C[][] = [
      [[c, 0], times(cis(-phi - Math.PI / 2), s)],
      [times(cis(phi - Math.PI / 2), s), [c, 0]],
    ];
    close('r', [th, phi], rows as (number | C)[][]);
    close('prx', [th, phi], rows as (number | C)[][]);
  });

  it('IonQ GPI, GPI2 and MS (angles in radians, IonQ lists qubit 0 as the high bit)', () => {
    const phi = 0.7;
    close('gpi', [phi], [[0, cis(-phi)], [cis(phi), 0]]);
    close('gpi2', [phi], [[s2, times(cis(-phi - Math.PI / 2), s2)], [times(cis(phi - Math.PI / 2), s2), s2]]);
    const [p0, p1] = [0.3, -1.1];
    const mi = (x: number): C => times(cis(x - Math.PI / 2), s); // -i e^{ix} sin(θ/2)
    // IonQ's rows/columns |q0 q1> = 00, 01, 10, 11 are our indices 0, 2, 1, 3.
    close('ms', [p0, p1, th], [
      [c, 0, 0, mi(-(p0 + p1))],
      [0, c, mi(p0 - p1), 0],
      [0, mi(-(p0 - p1)), c, 0],
      [mi(p0 + p1), 0, 0, c],
    ]);
  });
});
