import { describe, expect, it } from 'vitest';
import { CircuitBuilder } from '../../src/circuit/builder.js';
import type { Circuit } from '../../src/circuit/circuit.js';
import type { GateOp } from '../../src/circuit/operation.js';
import { x, w } from '../../src/circuit/param.js';
import {
  NATIVE_GATE_SETS, Target, cancelInverses, checkEquivalence, commutativeCancellation, lineCoupling, optimize1qRuns, removeIdentities, unrollMultiQubit,
} from '../../src/transpile/index.js';
import { randomCircuit, Rng } from './helpers.js';

const gateAt = (c: Circuit, i: number): GateOp => c.ops[i] as GateOp;
const names = (c: Circuit) => c.ops.map((op) => (op.kind === 'gate' ? `${op.name}(${op.qubits.join(',')})` : op.kind));

describe('CancelInverses', () => {
  it('removes adjacent inverse pairs, cascading', () => {
    expect(cancelInverses(new CircuitBuilder(2).h(0).h(0).build()).ops).toHaveLength(0);
    expect(cancelInverses(new CircuitBuilder(2).cx(0, 1).cx(0, 1).build()).ops).toHaveLength(0);
    expect(cancelInverses(new CircuitBuilder(1).s(0).sdg(0).t(0).tdg(0).sx(0).sxdg(0).build()).ops).toHaveLength(0);
    expect(cancelInverses(new CircuitBuilder(1).h(0).x(0).x(0).h(0).build()).ops).toHaveLength(0);
    expect(cancelInverses(new CircuitBuilder(2).cz(0, 1).cz(1, 0).swap(0, 1).swap(1, 0).ecr(0, 1).ecr(0, 1).build()).ops).toHaveLength(0);
    expect(cancelInverses(new CircuitBuilder(1).rz(0.3, 0).rz(-0.3, 0).build()).ops).toHaveLength(0);
    expect(cancelInverses(new CircuitBuilder(1).rx(x(0), 0).rx(x(0).neg(), 0).build()).ops).toHaveLength(0);
  });

  it('keeps pairs that are not inverse or not adjacent', () => {
    expect(names(cancelInverses(new CircuitBuilder(2).cx(0, 1).cx(1, 0).build()))).toEqual(['cx(0,1)', 'cx(1,0)']);
    expect(cancelInverses(new CircuitBuilder(2).cx(0, 1).h(1).cx(0, 1).build()).ops).toHaveLength(3);
    expect(cancelInverses(new CircuitBuilder(2).h(0).barrier(0).h(0).build()).ops).toHaveLength(3);
    const cond = new CircuitBuilder(1, 1).x(0).ifEquals([0], 1, (b) => b.x(0)).build();
    expect(cancelInverses(cond).ops).toHaveLength(2);
  });

  it('merges adjacent rotations of the same kind, dropping identities', () => {
    const merged = cancelInverses(new CircuitBuilder(2).rzz(0.2, 0, 1).rzz(0.5, 1, 0).build());
    expect(merged.ops).toHaveLength(1);
    expect(merged.ops[0]).toMatchObject({ name: 'rzz' });
    expect(gateAt(merged, 0).params[0]?.constant).toBeCloseTo(0.7, 12);
    const symbolic = cancelInverses(new CircuitBuilder(1).rz(x(0), 0).rz(w(1), 0).build());
    expect(symbolic.ops).toHaveLength(1);
    expect(String(gateAt(symbolic, 0).params[0])).toBe('x[0] + w[1]');
    // crz has period 4π: crz(2π) = Z on the control, so it must stay.
    expect(cancelInverses(new CircuitBuilder(2).crz(Math.PI, 0, 1).crz(Math.PI, 0, 1).build()).ops).toHaveLength(1);
    expect(cancelInverses(new CircuitBuilder(2).crz(2 * Math.PI, 0, 1).crz(2 * Math.PI, 0, 1).build()).ops).toHaveLength(0);
  });
});

describe('CommutativeCancellation', () => {
  it('cancels CX pairs separated by Z-type gates on the control and X-type gates on the target', () => {
    const c = new CircuitBuilder(2).cx(0, 1).rz(0.3, 0).t(0).x(1).sx(1).cx(0, 1).build();
    const out = commutativeCancellation(c);
    expect(out.ops.filter((o) => o.kind === 'gate' && o.name === 'cx')).toHaveLength(0);
    expect(checkEquivalence(c, out).equivalent).toBe(true);
  });

  it('does not cancel through a gate that does not commute', () => {
    const c = new CircuitBuilder(2).cx(0, 1).h(0).cx(0, 1).build();
    expect(commutativeCancellation(c).ops).toHaveLength(3);
    const t = new CircuitBuilder(2).cx(0, 1).rz(0.2, 1).cx(0, 1).build();
    expect(commutativeCancellation(t).ops).toHaveLength(3);
  });

  it('merges Z rotations through CX controls and CX with shared controls', () => {
    const c = new CircuitBuilder(3).rz(0.1, 0).cx(0, 1).cx(0, 2).rz(0.2, 0).cx(0, 1).build();
    const out = commutativeCancellation(c);
    expect(names(out)).toEqual(['rz(0)', 'cx(0,2)']);
    expect(checkEquivalence(c, out).equivalent).toBe(true);
  });

  it('preserves the unitary of random circuits', () => {
    const rng = new Rng(21);
    for (let i = 0; i < 30; i++) {
      const c = randomCircuit(rng, { numQubits: 4, numGates: 40, parametric: 0.2 });
      const out = commutativeCancellation(c);
      expect(out.ops.length).toBeLessThanOrEqual(c.ops.length);
      expect(checkEquivalence(c, out, { seed: i }).equivalent, `circuit ${i}`).toBe(true);
    }
  });
});

describe('Optimize1qRuns', () => {
  const ibm = new Target({ numQubits: 2, couplers: lineCoupling(2), basis: NATIVE_GATE_SETS.ibm_heron });

  it('fuses a run into at most rz·sx·rz·sx·rz and removes identity runs', () => {
    const c = new CircuitBuilder(1).h(0).t(0).ry(0.4, 0).s(0).x(0).h(0).build();
    const out = optimize1qRuns(c, ibm);
    expect(out.ops.length).toBeLessThanOrEqual(5);
    expect(out.ops.every((o) => o.kind === 'gate' && ibm.basis1q.has(o.name))).toBe(true);
    expect(checkEquivalence(c, out).equivalent).toBe(true);
    expect(optimize1qRuns(new CircuitBuilder(1).h(0).s(0).s(0).h(0).x(0).build(), ibm).ops).toHaveLength(0);
  });

  it('leaves an already minimal native run alone', () => {
    const c = new CircuitBuilder(1).rz(0.3, 0).sx(0).rz(0.2, 0).build();
    expect(optimize1qRuns(c, ibm)).toBe(c);
  });

  it('merges symbolic rotations of the same axis and splits runs at them', () => {
    const c = new CircuitBuilder(1).h(0).h(0).rz(x(0), 0).rz(w(0), 0).s(0).s(0).build();
    const out = optimize1qRuns(c, ibm);
    expect(out.ops).toHaveLength(2);
    expect(String(gateAt(out, 0).params[0])).toBe('x[0] + w[0]');
    expect(out.numInputs).toBe(1);
    expect(checkEquivalence(c, out).equivalent).toBe(true);
  });

  it('is stopped by two-qubit gates, measurements and conditions', () => {
    // Fused across any of these, the two SX on a qubit would become one X.
    const c = new CircuitBuilder(2, 1).sx(0).cx(0, 1).sx(0).measure(0, 0).sx(0).ifEquals([0], 1, (b) => b.sx(1)).sx(1).build();
    expect(names(optimize1qRuns(c, ibm))).toEqual(['sx(0)', 'cx(0,1)', 'sx(0)', 'measure', 'sx(0)', 'sx(1)', 'sx(1)']);
  });

  it('preserves the unitary of random circuits in every basis family', () => {
    const rng = new Rng(9);
    for (const basis of Object.values(NATIVE_GATE_SETS)) {
      const target = new Target({ numQubits: 3, couplers: lineCoupling(3), basis });
      for (let i = 0; i < 6; i++) {
        const c = randomCircuit(rng, { numQubits: 3, numGates: 30, parametric: 0.2 });
        expect(checkEquivalence(c, optimize1qRuns(c, target), { seed: i }).equivalent).toBe(true);
      }
    }
  });
});

describe('UnrollMultiQubit and RemoveIdentities', () => {
  it('unrolls ccx into 6 CX and cswap into 8, exactly', () => {
    const ccx = new CircuitBuilder(3).ccx(0, 1, 2).build();
    const u = unrollMultiQubit(ccx);
    expect(u.ops.filter((o) => o.kind === 'gate' && o.name === 'cx')).toHaveLength(6);
    expect(checkEquivalence(ccx, u).equivalent).toBe(true);
    const cswap = new CircuitBuilder(3).cswap(2, 0, 1).build();
    const v = unrollMultiQubit(cswap);
    expect(v.ops.filter((o) => o.kind === 'gate' && o.name === 'cx')).toHaveLength(8);
    expect(v.ops.every((o) => o.kind === 'gate' && o.qubits.length <= 2)).toBe(true);
    expect(checkEquivalence(cswap, v).equivalent).toBe(true);
  });

  it('removes identity gates only', () => {
    const c = new CircuitBuilder(2).id(0).rz(0, 0).rx(2 * Math.PI, 1).rzz(-2 * Math.PI, 0, 1).crz(2 * Math.PI, 0, 1).h(1).build();
    expect(names(removeIdentities(c))).toEqual(['crz(0,1)', 'h(1)']);
  });
});
