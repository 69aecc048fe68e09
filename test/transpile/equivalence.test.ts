import { describe, expect, it } from 'vitest';
import { CircuitBuilder } from '../../src/circuit/builder.js';
import { x, w } from '../../src/circuit/param.js';
import { Circuit } from '../../src/circuit/circuit.js';
import { phaseDistance } from '../../src/circuit/matrix.js';
import { NATIVE_GATE_SETS, Target, checkEquivalence, lineCoupling, transpile } from '../../src/transpile/index.js';
import { circuitUnitary } from '../helpers/reference-sim.js';
import { randomCircuit, Rng } from './helpers.js';

describe('checkEquivalence', () => {
  const bell = new CircuitBuilder(2).h(0).cx(0, 1).build();

  it('accepts a circuit equal up to global phase (both methods)', () => {
    // H = e^{iπ/2}·RY(π/2)·RZ(π)… as rz·sx·rz up to phase
    const other = new CircuitBuilder(2).rz(Math.PI / 2, 0).sx(0).rz(Math.PI / 2, 0).cx(0, 1).build();
    expect(checkEquivalence(bell, other, { method: 'unitary' })).toMatchObject({ equivalent: true, method: 'unitary' });
    expect(checkEquivalence(bell, other, { method: 'states' }).equivalent).toBe(true);
  });

  it('rejects a relative-phase difference that states alone could hide', () => {
    // CZ vs identity: both map |00⟩ to |00⟩, but differ on |11⟩.
    const cz = new CircuitBuilder(2).cz(0, 1).build();
    const id = new CircuitBuilder(2).build();
    const res = checkEquivalence(cz, id, { method: 'unitary' });
    expect(res.equivalent).toBe(false);
    expect(res.reason).toMatch(/unitaries differ/);
    expect(checkEquivalence(cz, id, { method: 'states' }).equivalent).toBe(false);
  });

  it('follows the layouts: a routed SWAP is fine with the right final layout and caught with the wrong one', () => {
    const original = new CircuitBuilder(2).h(0).cx(0, 1).build();
    // Physical circuit on 3 qubits, virtual 0→2, 1→0; then a swap moves v0 to physical 1.
    const physical = new CircuitBuilder(3).h(2).cx(2, 0).swap(2, 1).build();
    expect(checkEquivalence(original, physical, { initialLayout: [2, 0], finalLayout: [1, 0] }).equivalent).toBe(true);
    expect(checkEquivalence(original, physical, { initialLayout: [2, 0], finalLayout: [2, 0] }).equivalent).toBe(false);
  });

  it('requires ancillas to return to |0⟩', () => {
    const original = new CircuitBuilder(1).h(0).build();
    const leaky = new CircuitBuilder(2).h(0).x(1).build();
    expect(checkEquivalence(original, leaky).equivalent).toBe(false);
    const clean = new CircuitBuilder(2).h(0).x(1).x(1).build();
    expect(checkEquivalence(original, clean).equivalent).toBe(true);
  });

  it('checks that final measurements read the final positions', () => {
    const original = new CircuitBuilder(2, 2).x(0).measure(0, 0).measure(1, 1).build();
    const good = new CircuitBuilder(2, 2).x(1).measure(1, 0).measure(0, 1).build();
    expect(checkEquivalence(original, good, { initialLayout: [1, 0] }).equivalent).toBe(true);
    const bad = new CircuitBuilder(2, 2).x(1).measure(0, 0).measure(1, 1).build();
    const res = checkEquivalence(original, bad, { initialLayout: [1, 0] });
    expect(res.equivalent).toBe(false);
    expect(res.reason).toMatch(/measurements/);
  });

  it('compares parametric circuits at random bindings', () => {
    const a = new CircuitBuilder(1).rx(x(0).mul(2), 0).rz(w(0), 0).build();
    const same = new CircuitBuilder(1).rx(x(0), 0).rx(x(0), 0).rz(w(0), 0).build();
    const differs = new CircuitBuilder(1).rx(x(0).mul(2), 0).rz(w(0).mul(1.01), 0).build();
    expect(checkEquivalence(a, same).equivalent).toBe(true);
    expect(checkEquivalence(a, differs).equivalent).toBe(false);
  });

  it('rejects mid-circuit measurements and bad layouts with clear errors', () => {
    const mid = new CircuitBuilder(1, 1).measure(0, 0).h(0).build();
    expect(() => checkEquivalence(mid, mid)).toThrow(/mid-circuit/);
    expect(() => checkEquivalence(bell, bell, { initialLayout: [0, 0] })).toThrow(/not an injective map/);
    expect(() => checkEquivalence(bell, bell, { initialLayout: [0] })).toThrow(/2 entries/);
  });

  it('refuses to simulate too many physical qubits', () => {
    const b = new CircuitBuilder(30);
    for (let q = 0; q < 30; q++) b.h(q).h(q);
    expect(() => checkEquivalence(new CircuitBuilder(1).build(), b.build())).toThrow(/touches 30 physical qubits; the checker simulates at most 22/);
  });
});

describe('checkEquivalence against an independent dense reference', () => {
  it('agrees with U_T = P_final · U_C · P_initial† computed from full unitaries', () => {
    const n = 4;
    const target = new Target({ numQubits: n, couplers: lineCoupling(n), basis: NATIVE_GATE_SETS.ibm_eagle, directions: [[1, 0], [1, 2], [3, 2]] });
    // Permutation circuit: moves the state of qubit v to perm[v] (a network of SWAPs).
    const permutationCircuit = (perm: readonly number[]) => {
      const ops: { kind: 'gate'; name: string; qubits: number[]; params: [] }[] = [];
      // Selection sort by SWAPs: cur[pos] is the original qubit whose state sits at pos.
      const cur = Array.from({ length: n }, (_, i) => i); // cur[pos] = which original qubit is here
      const swaps: [number, number][] = [];
      for (let pos = 0; pos < n; pos++) {
        const want = perm.indexOf(pos); // original qubit that must end at pos
        const from = cur.indexOf(want);
        if (from !== pos) {
          swaps.push([pos, from]);
          [cur[pos], cur[from]] = [cur[from] as number, cur[pos] as number];
        }
      }
      for (const [a, b] of swaps) ops.push({ kind: 'gate', name: 'swap', qubits: [a, b], params: [] });
      return new Circuit({ numQubits: n, ops });
    };
    const rng = new Rng(31);
    for (let i = 0; i < 10; i++) {
      const c = randomCircuit(rng, { numQubits: n, numGates: 25 });
      const r = transpile(c, target, { level: 1 + (i % 3), seed: i });
      // Expected: T = P_f · U_C · P_0†, i.e. T · P_0 = P_f · U_C (all four qubits are used).
      const lhs = circuitUnitary(permutationCircuit(r.initialLayout).compose(r.circuit));
      const rhs = circuitUnitary(c.compose(permutationCircuit(r.finalLayout)));
      expect(phaseDistance(lhs, rhs).distance, `circuit ${i}`).toBeLessThan(1e-9);
      expect(checkEquivalence(c, r.circuit, { initialLayout: r.initialLayout, finalLayout: r.finalLayout }).equivalent).toBe(true);
      // And a one-gate tamper is caught by both.
      const tampered = r.circuit.with({ ops: [...r.circuit.ops, { kind: 'gate', name: 'sx', qubits: [0], params: [] }] });
      const rhs2 = circuitUnitary(permutationCircuit(r.initialLayout).compose(tampered));
      expect(phaseDistance(rhs2, rhs).distance).toBeGreaterThan(1e-3);
      expect(checkEquivalence(c, tampered, { initialLayout: r.initialLayout, finalLayout: r.finalLayout }).equivalent).toBe(false);
    }
  });
});
