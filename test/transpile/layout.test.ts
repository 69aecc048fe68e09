import { describe, expect, it } from 'vitest';
import { CircuitBuilder } from '../../src/circuit/builder.js';
import {
  NATIVE_GATE_SETS, PropertySet, SabreLayout, Target, TrivialLayout, denseLayout, gridCoupling, heavyHexCoupling, lineCoupling, noiseAwareLayout, perfectLayout,
} from '../../src/transpile/index.js';
import { randomCircuit, Rng } from './helpers.js';
import { unrollMultiQubit } from '../../src/transpile/basis/unroll.js';

const ghz = (n: number) => {
  const b = new CircuitBuilder(n).h(0);
  for (let i = 0; i + 1 < n; i++) b.cx(i, i + 1);
  return b.build();
};

describe('TrivialLayout', () => {
  it('maps v to v and rejects circuits wider than the target', () => {
    const t = new Target({ numQubits: 4, couplers: lineCoupling(4), basis: NATIVE_GATE_SETS.u3_cx });
    const props = new PropertySet(t);
    new TrivialLayout().run(ghz(3), props);
    expect(Array.from(props.layout?.toPhysical ?? [])).toEqual([0, 1, 2, 3]);
    expect(() => new TrivialLayout().run(ghz(5), new PropertySet(t))).toThrow(/has 5 qubits but target .* has only 4/);
  });
});

describe('DenseLayout', () => {
  it('picks a 2×2 square (4 couplers) for a 4-qubit circuit on a grid', () => {
    const t = new Target({ numQubits: 12, couplers: gridCoupling(3, 4), basis: NATIVE_GATE_SETS.iqm });
    const c = new CircuitBuilder(4).cx(0, 1).cx(1, 2).cx(2, 3).cx(3, 0).build();
    const v2p = denseLayout(c, t);
    const set = new Set(v2p);
    let inner = 0;
    for (const [a, b] of t.couplers) if (set.has(a) && set.has(b)) inner++;
    expect(inner).toBe(4);
    // The 4-cycle of interactions lands on the 4-cycle of couplers.
    for (const [a, b] of [[0, 1], [1, 2], [2, 3], [3, 0]] as const) expect(t.isCoupled(v2p[a]!, v2p[b]!)).toBe(true);
  });
});

describe('NoiseAwareLayout', () => {
  it('puts the interacting pair on the most reliable coupler and avoids bad readout', () => {
    const t = new Target({
      numQubits: 5,
      couplers: lineCoupling(5),
      basis: NATIVE_GATE_SETS.ibm_falcon,
      calibration: {
        gateError2q: { cx: [{ qubits: [0, 1], value: 0.05 }, { qubits: [1, 2], value: 0.04 }, { qubits: [2, 3], value: 0.002 }, { qubits: [3, 4], value: 0.03 }] },
        readoutError: [0.01, 0.01, 0.02, 0.02, 0.01],
      },
    });
    const c = new CircuitBuilder(2).cx(0, 1).cx(0, 1).cx(1, 0).build();
    expect(new Set(noiseAwareLayout(c, t))).toEqual(new Set([2, 3]));
  });
});

describe('PerfectLayout', () => {
  it('embeds a GHZ chain in the Eagle heavy-hex lattice without SWAPs', () => {
    const hh = heavyHexCoupling({ rows: 7, cols: 15, trimCorners: true });
    const t = new Target({ numQubits: hh.numQubits, couplers: hh.couplers, basis: NATIVE_GATE_SETS.ibm_eagle });
    const v2p = perfectLayout(ghz(20), t) as number[];
    expect(new Set(v2p).size).toBe(20);
    for (let i = 0; i + 1 < 20; i++) expect(t.isCoupled(v2p[i]!, v2p[i + 1]!)).toBe(true);
  });

  it('finds none for a star of degree 3 on a line', () => {
    const t = new Target({ numQubits: 6, couplers: lineCoupling(6), basis: NATIVE_GATE_SETS.u3_cx });
    const star = new CircuitBuilder(4).cx(0, 1).cx(0, 2).cx(0, 3).build();
    expect(perfectLayout(star, t)).toBeUndefined();
  });

  it('keeps to the largest connected part of a target with missing couplers', () => {
    const t = new Target({ numQubits: 6, couplers: [[0, 1], [2, 3], [3, 4], [4, 5]], basis: NATIVE_GATE_SETS.u3_cx });
    const v2p = perfectLayout(ghz(3), t) as number[];
    expect(v2p.every((p) => p >= 2)).toBe(true);
    expect(() => perfectLayout(ghz(5), t)).toThrow(/largest connected group of target .* has 4/);
  });
});

describe('SabreLayout', () => {
  it('is deterministic per seed and leaves a routed circuit for the routing stage', () => {
    const t = new Target({ numQubits: 9, couplers: gridCoupling(3, 3), basis: NATIVE_GATE_SETS.iqm });
    const c = unrollMultiQubit(randomCircuit(new Rng(4), { numQubits: 7, numGates: 60 }));
    const run = (seed: number) => {
      const props = new PropertySet(t, seed);
      new SabreLayout({ layoutTrials: 3 }).run(c, props);
      return Array.from(props.layout?.toPhysical ?? []);
    };
    expect(run(1)).toEqual(run(1));
    const props = new PropertySet(t, 1);
    new SabreLayout().run(c, props);
    expect(props.has('transpile.sabre_prerouted')).toBe(true);
  });

  it('finds the zero-SWAP placement of a chain on a line (forward–backward passes)', () => {
    const t = new Target({ numQubits: 8, couplers: lineCoupling(8), basis: NATIVE_GATE_SETS.u3_cx });
    const c = new CircuitBuilder(6).cx(3, 1).cx(1, 5).cx(5, 0).cx(0, 4).cx(4, 2).cx(3, 1).cx(1, 5).cx(5, 0).cx(0, 4).cx(4, 2).build();
    const props = new PropertySet(t, 7);
    new SabreLayout({ layoutTrials: 4 }).run(c, props);
    expect(props.get<{ swaps: number }>('transpile.sabre_prerouted')?.swaps).toBe(0);
  });
});
