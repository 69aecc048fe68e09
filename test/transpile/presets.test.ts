import { describe, expect, it } from 'vitest';
import { CircuitBuilder } from '../../src/circuit/builder.js';
import { x, w } from '../../src/circuit/param.js';
import { NATIVE_GATE_SETS, Target, checkEquivalence, gridCoupling, presetPassManager, transpile } from '../../src/transpile/index.js';
import { HEAVY_HEX_FRAGMENT, lowFirst, nativeViolations, randomCircuit, Rng, testTargets } from './helpers.js';

const targets = testTargets();

describe('preset pass managers', () => {
  for (const target of targets) {
    for (const level of [0, 1, 2, 3]) {
      it(`level ${level} on ${target.name}: native gates on couplers, equivalent up to layout`, () => {
        const rng = new Rng(`${target.name}/${level}`);
        for (let i = 0; i < 6; i++) {
          const n = 2 + rng.int(Math.min(target.numQubits, 8) - 1);
          const c = randomCircuit(rng, { numQubits: n, numGates: 10 + rng.int(30), parametric: i % 3 === 0 ? 0.3 : 0, measure: i % 2 === 1, barriers: i % 3 === 2 });
          const r = transpile(c, target, { level, seed: i });
          expect(nativeViolations(r.circuit, target), `circuit ${i}`).toEqual([]);
          expect(r.circuit.numQubits).toBe(target.numQubits);
          const eq = checkEquivalence(c, r.circuit, { initialLayout: r.initialLayout, finalLayout: r.finalLayout, seed: i, bindings: 2 });
          expect(eq.equivalent, `circuit ${i} (${n} qubits): ${eq.reason}`).toBe(true);
          // Parametric templates transpile once and stay parametric.
          expect(r.circuit.numInputs).toBeLessThanOrEqual(c.numInputs);
          if (c.numWeights + c.numInputs > 0 && level === 0) expect(r.circuit.isBound).toBe(false);
        }
      });
    }
  }

  it('12-qubit circuits on 12- and 16-qubit targets, every level', () => {
    const wide = [
      new Target({ name: 'grid3x4-heron', numQubits: 12, couplers: gridCoupling(3, 4), basis: NATIVE_GATE_SETS.ibm_heron }),
      new Target({ name: 'heavyhex16-eagle', numQubits: 16, couplers: HEAVY_HEX_FRAGMENT, directions: lowFirst(HEAVY_HEX_FRAGMENT), basis: NATIVE_GATE_SETS.ibm_eagle }),
    ];
    const rng = new Rng('wide');
    for (const target of wide) {
      for (const level of [0, 1, 2, 3]) {
        const c = randomCircuit(rng, { numQubits: 12, numGates: 40, measure: level % 2 === 0 });
        const r = transpile(c, target, { level, seed: level });
        expect(nativeViolations(r.circuit, target)).toEqual([]);
        const eq = checkEquivalence(c, r.circuit, { initialLayout: r.initialLayout, finalLayout: r.finalLayout, states: 2 });
        expect(eq.equivalent, `${target.name} level ${level}: ${eq.reason}`).toBe(true);
      }
    }
  });

  it('higher levels do not use more two-qubit gates than level 0 on average', () => {
    const target = targets[2] as Target;
    const rng = new Rng('levels');
    const totals = [0, 0, 0, 0];
    for (let i = 0; i < 8; i++) {
      const c = randomCircuit(rng, { numQubits: 7, numGates: 40 });
      for (const level of [0, 1, 2, 3]) totals[level] = (totals[level] as number) + transpile(c, target, { level, seed: i }).metrics.twoQubitGates;
    }
    expect(totals[1]).toBeLessThan(totals[0] as number);
    expect(totals[3]).toBeLessThanOrEqual(totals[1] as number);
  });

  it('gives the same output for the same seed', () => {
    const target = targets[3] as Target;
    const c = randomCircuit(new Rng(77), { numQubits: 8, numGates: 60, measure: true });
    for (const level of [1, 2, 3]) {
      const a = transpile(c, target, { level, seed: 5 });
      const b = transpile(c, target, { level, seed: 5 });
      expect(a.circuit.ops).toEqual(b.circuit.ops);
      expect(a.initialLayout).toEqual(b.initialLayout);
      expect(a.finalLayout).toEqual(b.finalLayout);
    }
  });

  it('a QNN template transpiles once and binds to the same states as the original', () => {
    const target = targets[0] as Target;
    const qnn = new CircuitBuilder(3).ry(x(0), 0).ry(x(1), 1).ry(x(2), 2).cx(0, 1).cx(1, 2).cx(0, 2).rz(w(0), 2).rx(w(1).mul(0.5).add(x(0)), 0).crz(w(2), 2, 0).build();
    const r = transpile(qnn, target, { level: 3, seed: 1 });
    expect(r.circuit.numInputs).toBe(3);
    expect(r.circuit.numWeights).toBe(3);
    expect(checkEquivalence(qnn, r.circuit, { initialLayout: r.initialLayout, finalLayout: r.finalLayout, bindings: 6 }).equivalent).toBe(true);
  });

  it('describes its stages', () => {
    const pm = presetPassManager(2, targets[0] as Target);
    expect(pm.describe()).toEqual([
      'init: UnrollMultiQubit, RemoveIdentities, CancelInverses',
      'layout: PerfectLayout, SabreLayout, ApplyLayout',
      'routing: SabreRouting',
      'translation: BasisTranslator',
      'optimization: RepeatUntilStable(Optimize1qRuns, CancelInverses, CommutativeCancellation)',
    ]);
    expect(() => presetPassManager(4, targets[0] as Target)).toThrow(/level must be 0, 1, 2 or 3/);
  });
});
