import { describe, expect, it } from 'vitest';
import { CircuitBuilder } from '../../src/circuit/builder.js';
import type { GateOp } from '../../src/circuit/operation.js';
import {
  ApplyLayout, Layout, NATIVE_GATE_SETS, PropertySet, SabreRouting, Target, checkEquivalence, gridCoupling, lineCoupling, sabreRouteCircuit,
} from '../../src/transpile/index.js';
import { randomCircuit, Rng } from './helpers.js';
import { unrollMultiQubit } from '../../src/transpile/basis/unroll.js';

function routeOn(target: Target, circuit: ReturnType<CircuitBuilder['build']>, seed = 0, heuristic = {}) {
  const props = new PropertySet(target, seed);
  props.layout = Layout.trivial(target.numQubits);
  const physical = new ApplyLayout().run(circuit, props);
  return { ...sabreRouteCircuit(physical, props, { trials: 1, heuristic }), props };
}

function adjacentOnly(target: Target, ops: readonly { kind: string; qubits?: readonly number[] }[]): boolean {
  return ops.every((op) => op.kind !== 'gate' || (op.qubits?.length ?? 0) < 2 || target.isCoupled(op.qubits![0]!, op.qubits![1]!));
}

describe('SABRE routing', () => {
  it('needs n − 2 SWAPs for a CX between the ends of a line of n qubits', () => {
    for (let n = 3; n <= 12; n++) {
      const t = new Target({ numQubits: n, couplers: lineCoupling(n), basis: NATIVE_GATE_SETS.u3_cx });
      const c = new CircuitBuilder(n).cx(0, n - 1).build();
      const r = routeOn(t, c);
      expect(r.swaps, `n = ${n}`).toBe(n - 2);
      const perm = Array.from(r.permutation);
      expect(checkEquivalence(c, r.circuit, { finalLayout: perm.slice(0, n) }).equivalent).toBe(true);
    }
  });

  it('needs no SWAP when every gate is already on a coupler', () => {
    const t = new Target({ numQubits: 5, couplers: lineCoupling(5), basis: NATIVE_GATE_SETS.u3_cx });
    const c = new CircuitBuilder(5).h(0).cx(0, 1).cx(1, 2).cx(2, 3).cx(3, 4).build();
    expect(routeOn(t, c).swaps).toBe(0);
  });

  it('routes random circuits onto couplers only, equivalently, and deterministically per seed', () => {
    const t = new Target({ numQubits: 9, couplers: gridCoupling(3, 3), basis: NATIVE_GATE_SETS.ibm_heron });
    const rng = new Rng(2);
    for (let i = 0; i < 12; i++) {
      const c = unrollMultiQubit(randomCircuit(rng, { numQubits: 9, numGates: 50, measure: i % 2 === 0, barriers: true }));
      const a = routeOn(t, c, i);
      const b = routeOn(t, c, i);
      expect(a.swaps).toBe(b.swaps);
      expect(a.circuit.ops).toEqual(b.circuit.ops);
      expect(adjacentOnly(t, a.circuit.ops)).toBe(true);
      const perm = Array.from(a.permutation);
      const eq = checkEquivalence(c, a.circuit, { finalLayout: perm, method: 'states' });
      expect(eq.equivalent, `circuit ${i}: ${eq.reason}`).toBe(true);
    }
  });

  it('still routes correctly when the release valve fires after every swap', () => {
    const t = new Target({ numQubits: 10, couplers: lineCoupling(10), basis: NATIVE_GATE_SETS.u3_cx });
    const c = unrollMultiQubit(randomCircuit(new Rng(5), { numQubits: 10, numGates: 40 }));
    const r = routeOn(t, c, 3, { releaseValve: 1 });
    expect(adjacentOnly(t, r.circuit.ops)).toBe(true);
    expect(checkEquivalence(c, r.circuit, { finalLayout: Array.from(r.permutation), method: 'states' }).equivalent).toBe(true);
  });

  it('keeps final measurements at the end, on the qubit that holds the measured state', () => {
    const t = new Target({ numQubits: 4, couplers: lineCoupling(4), basis: NATIVE_GATE_SETS.u3_cx });
    const c = new CircuitBuilder(4, 4).x(0).cx(0, 3).measureAll().build();
    const r = routeOn(t, c);
    const firstMeasure = r.circuit.ops.findIndex((o) => o.kind === 'measure');
    expect(r.circuit.ops.slice(firstMeasure).every((o) => o.kind === 'measure')).toBe(true);
    expect(checkEquivalence(c, r.circuit, { finalLayout: Array.from(r.permutation) }).equivalent).toBe(true);
  });

  it('keeps mid-circuit measurements, resets and conditions in order on their qubits', () => {
    const t = new Target({ numQubits: 4, couplers: lineCoupling(4), basis: NATIVE_GATE_SETS.u3_cx });
    const c = new CircuitBuilder(4, 2).h(0).measure(0, 0).reset(0).cx(0, 3).ifEquals([0], 1, (b) => b.x(3)).measure(3, 1).build();
    const r = routeOn(t, c);
    const kinds = r.circuit.ops.filter((o) => o.kind !== 'gate' || o.name !== 'swap').map((o) => (o.kind === 'gate' ? o.name : o.kind));
    expect(kinds).toEqual(['h', 'measure', 'reset', 'cx', 'x', 'measure']);
    const cx = r.circuit.ops.find((o) => o.kind === 'gate' && o.name === 'cx') as GateOp;
    expect(t.isCoupled(cx.qubits[0] as number, cx.qubits[1] as number)).toBe(true);
  });

  it('reports qubits in different connected parts instead of hanging', () => {
    const t = new Target({ numQubits: 4, couplers: [[0, 1], [2, 3]], basis: NATIVE_GATE_SETS.u3_cx });
    const c = new CircuitBuilder(4).cx(0, 3).build();
    expect(() => routeOn(t, c)).toThrow(/different connected parts/);
  });

  it('the routing pass composes its permutation into the property set', () => {
    const t = new Target({ numQubits: 3, couplers: lineCoupling(3), basis: NATIVE_GATE_SETS.u3_cx });
    const props = new PropertySet(t);
    props.layout = Layout.fromVirtualToPhysical([2, 1, 0], 3);
    const physical = new ApplyLayout().run(new CircuitBuilder(3).cx(0, 1).cx(1, 2).cx(0, 2).build(), props);
    new SabreRouting({ trials: 2 }).run(physical, props);
    expect(props.swaps).toBe(1);
    expect(props.finalLayout).toBeDefined();
    expect(new Set(Array.from(props.finalLayout?.toPhysical ?? [])).size).toBe(3);
  });
});
