import { describe, expect, it } from 'vitest';
import { Circuit } from '../../src/circuit/circuit.js';
import { gateMatrix, gateNames, getGate } from '../../src/circuit/gates.js';
import { equalUpToPhase, identity, matmul } from '../../src/circuit/matrix.js';
import { Param } from '../../src/circuit/param.js';
import type { GateCall } from '../../src/circuit/gate-def.js';
import {
  NATIVE_GATE_SETS, Target, allToAllCoupling, checkEquivalence, gateZyz, oneQubitBasisKind, synthesizeGate, synthesizeZyz,
  translateToBasis, translationContext, zyzFromMatrix, type OneQubitBasisKind,
} from '../../src/transpile/index.js';
import { matrix1q } from '../../src/transpile/synthesis/fast-matrix.js';
import { nativeViolations, Rng } from './helpers.js';

const KINDS: OneQubitBasisKind[] = ['u3', 'u', 'zsxx', 'zsx', 'zrx', 'zr', 'zyz', 'prx', 'r', 'gpi'];
const SPECIAL = [0, Math.PI / 2, Math.PI, -Math.PI / 2, 2 * Math.PI, 1e-13, Math.PI - 1e-13];

function product(calls: readonly GateCall[], x: readonly number[] = []): Float64Array {
  return calls.reduce((m, c) => matmul(gateMatrix(c.name, c.params.map((p) => p.evaluate(x, []))), m), identity(2));
}

describe('Euler angles', () => {
  it('zyzFromMatrix reproduces random and special unitaries up to phase, with θ in [0, π]', () => {
    const rng = new Rng(11);
    for (let i = 0; i < 300; i++) {
      const args = i < 49 ? [SPECIAL[i % 7] as number, SPECIAL[Math.floor(i / 7)] as number, rng.uniform(-7, 7)] : [rng.uniform(-7, 7), rng.uniform(-7, 7), rng.uniform(-7, 7)];
      const m = gateMatrix('u3', args);
      const z = zyzFromMatrix(m);
      expect(z.theta).toBeGreaterThanOrEqual(0);
      expect(z.theta).toBeLessThanOrEqual(Math.PI + 1e-12);
      expect(equalUpToPhase(gateMatrix('u3', [z.theta, z.phi, z.lambda]), m, 1e-9)).toBe(true);
    }
  });

  it('the reported global phase is exact: U = e^{iα}·Rz(φ)Ry(θ)Rz(λ)', () => {
    const m = gateMatrix('h');
    const z = zyzFromMatrix(m);
    const rz = (a: number) => gateMatrix('rz', [a]);
    const rebuilt = matmul(rz(z.phi), matmul(gateMatrix('ry', [z.theta]), rz(z.lambda)));
    const c = Math.cos(z.phase);
    const s = Math.sin(z.phase);
    for (let i = 0; i < 8; i += 2) {
      expect(rebuilt[i]! * c - rebuilt[i + 1]! * s).toBeCloseTo(m[i]!, 12);
      expect(rebuilt[i]! * s + rebuilt[i + 1]! * c).toBeCloseTo(m[i + 1]!, 12);
    }
  });

  it('structural Euler forms match every one-qubit gate for symbolic parameters', () => {
    const rng = new Rng(3);
    for (const name of gateNames().filter((g) => getGate(g).numQubits === 1)) {
      const params = getGate(name).paramNames.map((_, j) => Param.input(j).mul(1.1).add(0.3 * j));
      const z = gateZyz({ name, params });
      for (let t = 0; t < 4; t++) {
        const x = [rng.uniform(-4, 4), rng.uniform(-4, 4), rng.uniform(-4, 4)];
        const want = gateMatrix(name, params.map((p) => p.evaluate(x)));
        const got = gateMatrix('u3', [z.theta.evaluate(x), z.phi.evaluate(x), z.lambda.evaluate(x)]);
        expect(equalUpToPhase(got, want, 1e-9), name).toBe(true);
      }
    }
  });

  it('the allocation-free matrices agree with the gate library', () => {
    const out = new Float64Array(8);
    for (const name of gateNames().filter((g) => getGate(g).numQubits === 1)) {
      const values = getGate(name).paramNames.map((_, j) => 0.37 + 1.3 * j);
      matrix1q(name, values, out);
      const want = gateMatrix(name, values);
      for (let i = 0; i < 8; i++) expect(out[i], `${name}[${i}]`).toBeCloseTo(want[i]!, 14);
    }
  });
});

describe('one-qubit synthesis', () => {
  it('every basis family reproduces random and special unitaries', () => {
    const rng = new Rng(5);
    for (const kind of KINDS) {
      for (let i = 0; i < 120; i++) {
        const t = i < 49 ? (SPECIAL[i % 7] as number) : rng.uniform(-7, 7);
        const p = i < 49 ? (SPECIAL[Math.floor(i / 7)] as number) : rng.uniform(-7, 7);
        const l = rng.uniform(-7, 7);
        const calls = synthesizeZyz(kind, { theta: Param.constant(t), phi: Param.constant(p), lambda: Param.constant(l) });
        expect(equalUpToPhase(product(calls), gateMatrix('u3', [t, p, l]), 1e-9), `${kind} ${t} ${p} ${l}`).toBe(true);
      }
    }
  });

  it('uses the documented short forms', () => {
    const c = (v: number) => Param.constant(v);
    const names = (calls: GateCall[]) => calls.map((x) => x.name);
    // θ = 0: a lone virtual RZ; θ = π/2: one SX; θ = π: one X; generic: two SX.
    expect(names(synthesizeZyz('zsxx', { theta: c(0), phi: c(0.2), lambda: c(0.3) }))).toEqual(['rz']);
    expect(names(synthesizeGate('zsxx', 'h', []))).toEqual(['rz', 'sx', 'rz']);
    expect(names(synthesizeGate('zsxx', 'y', []))).toContain('x');
    expect(names(synthesizeZyz('zsxx', { theta: c(0.7), phi: c(0.2), lambda: c(0.3) }))).toEqual(['rz', 'sx', 'rz', 'sx', 'rz']);
    // Identity vanishes; IQM needs at most two PRX; IonQ at most three GPI/GPI2.
    expect(synthesizeZyz('prx', { theta: c(0), phi: c(0.4), lambda: c(-0.4) })).toEqual([]);
    expect(names(synthesizeGate('prx', 'rx', [c(0.3)]))).toEqual(['prx']);
    expect(synthesizeZyz('prx', { theta: c(0.7), phi: c(0.2), lambda: c(0.3) }).length).toBe(2);
    expect(names(synthesizeGate('gpi', 'x', []))).toEqual(['gpi']);
    expect(synthesizeZyz('gpi', { theta: c(0.7), phi: c(0.2), lambda: c(0.3) }).length).toBe(3);
  });

  it('keeps input- and weight-dependent angles affine in every basis', () => {
    const rng = new Rng(8);
    for (const kind of KINDS) {
      for (const name of gateNames().filter((g) => getGate(g).numQubits === 1 && getGate(g).numParams > 0)) {
        const params = getGate(name).paramNames.map((_, j) => Param.input(j).mul(0.8).add(Param.weight(j).mul(-0.5)).add(0.1 * j));
        const calls = synthesizeGate(kind, name, params);
        expect(calls.some((c) => c.params.some((p) => !p.isConstant)), `${kind} ${name} stays symbolic`).toBe(true);
        for (let t = 0; t < 3; t++) {
          const x = [rng.uniform(-4, 4), rng.uniform(-4, 4), rng.uniform(-4, 4)];
          const w = [rng.uniform(-4, 4), rng.uniform(-4, 4), rng.uniform(-4, 4)];
          const got = calls.reduce((m, c) => matmul(gateMatrix(c.name, c.params.map((p) => p.evaluate(x, w))), m), identity(2));
          const want = gateMatrix(name, params.map((p) => p.evaluate(x, w)));
          expect(equalUpToPhase(got, want, 1e-9), `${kind} ${name}`).toBe(true);
        }
      }
    }
  });

  it('names the unsupported basis', () => {
    expect(() => oneQubitBasisKind(new Set(['h']))).toThrow(/cannot synthesise one-qubit gates from natives \{h\}/);
  });
});

describe('basis translation', () => {
  const directionSets = [undefined, [[0, 1], [1, 2], [0, 2]], [[1, 0], [2, 1], [2, 0]]] as const;
  for (const [setName, basis] of Object.entries(NATIVE_GATE_SETS)) {
    it(`every library gate translates exactly into ${setName} natives (both directions)`, () => {
      for (const dirs of directionSets) {
        const target = new Target({ numQubits: 3, couplers: allToAllCoupling(3), basis, ...(dirs ? { directions: dirs.map(([a, b]) => [a, b] as [number, number]) } : {}) });
        const ctx = translationContext(target);
        for (const name of gateNames()) {
          const def = getGate(name);
          const qubits = [[1], [0, 2], [2, 0, 1]][def.numQubits - 1] as number[];
          for (const order of [qubits, [...qubits].reverse()]) {
            const params = def.paramNames.map((_, j) => Param.input(j).mul(0.7).add(0.3 * j + 0.1));
            const c = new Circuit({ numQubits: 3, ops: [{ kind: 'gate', name, qubits: order, params }] });
            const t = translateToBasis(c, ctx);
            expect(nativeViolations(t, target), `${name} on ${order}`).toEqual([]);
            const eq = checkEquivalence(c, t, { bindings: 2 });
            expect(eq.equivalent, `${setName} ${name} ${order} ${dirs ? 'directed' : ''}: ${eq.reason}`).toBe(true);
          }
        }
      }
    });
  }

  it('uses one native entangler per CX and keeps parametric angles symbolic', () => {
    for (const [setName, basis] of Object.entries(NATIVE_GATE_SETS)) {
      const target = new Target({ numQubits: 2, couplers: [[0, 1]], basis });
      const ctx = translationContext(target);
      const cx = translateToBasis(new Circuit({ numQubits: 2, ops: [{ kind: 'gate', name: 'cx', qubits: [0, 1], params: [] }] }), ctx);
      const expected = setName.startsWith('rigetti_iswap') ? 2 : 1;
      expect(cx.ops.filter((o) => o.kind === 'gate' && o.qubits.length === 2).length, setName).toBe(expected);
      const rzz = translateToBasis(new Circuit({ numQubits: 2, ops: [{ kind: 'gate', name: 'rzz', qubits: [0, 1], params: [Param.weight(0)] }] }), ctx);
      expect(rzz.numWeights, setName).toBe(1);
    }
  });

  it('reverses ECR with one-qubit gates only (still one ECR)', () => {
    const target = new Target({ numQubits: 2, couplers: [[0, 1]], directions: [[1, 0]], basis: NATIVE_GATE_SETS.ibm_eagle });
    const c = new Circuit({ numQubits: 2, ops: [{ kind: 'gate', name: 'cx', qubits: [0, 1], params: [] }] });
    const t = translateToBasis(c, translationContext(target));
    const twoQ = t.ops.filter((o) => o.kind === 'gate' && o.qubits.length === 2);
    expect(twoQ).toHaveLength(1);
    expect(twoQ[0]).toMatchObject({ name: 'ecr', qubits: [1, 0] });
    expect(checkEquivalence(c, t).equivalent).toBe(true);
  });

  it('keeps conditions on every gate of a decomposition', () => {
    const target = new Target({ numQubits: 2, couplers: [[0, 1]], basis: NATIVE_GATE_SETS.ibm_heron });
    const c = new Circuit({ numQubits: 2, numClbits: 1, ops: [{ kind: 'gate', name: 'swap', qubits: [0, 1], params: [], condition: { clbits: [0], value: 1 } }] });
    const t = translateToBasis(c, translationContext(target));
    expect(t.ops.length).toBeGreaterThan(3);
    expect(t.ops.every((o) => o.kind === 'gate' && o.condition?.value === 1)).toBe(true);
  });
});
