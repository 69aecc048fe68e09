import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { CouplingGraph } from '../../src/devices/graph.js';
import {
  allToAll,
  EAGLE_R3_127,
  falconH7,
  heavyHex,
  HERON_R1_133,
  HERON_R2_156,
  line,
  normalizeEdges,
  squareLattice,
  type Lattice,
} from '../../src/devices/lattices.js';
import { ankaa3Lattice } from '../../src/devices/profiles/rigetti-ankaa-3.js';
import { garnetLattice } from '../../src/devices/profiles/iqm-garnet.js';
import { HAS_REFERENCE, NEEDS_REFERENCE, readReference, type Conf } from './reference.js';

const facts = (l: Lattice) => {
  const g = new CouplingGraph(l.numQubits, l.edges);
  return { histogram: g.degreeHistogram(), diameter: g.diameter(), mean: g.meanDistance() };
};

describe('small lattices (hand-derived)', () => {
  it('line(n) is a chain', () => {
    expect(line(4).edges).toEqual([[0, 1], [1, 2], [2, 3]]);
    expect(line(1)).toEqual({ numQubits: 1, edges: [] });
  });

  it('allToAll(n) has every pair once: n(n−1)/2 couplers', () => {
    for (let n = 1; n <= 9; n++) {
      const l = allToAll(n);
      expect(l.edges).toHaveLength((n * (n - 1)) / 2);
      expect(new Set(l.edges.map(([a, b]) => `${a}-${b}`)).size).toBe(l.edges.length);
    }
  });

  it('squareLattice(2, 3) has 3 vertical and 4 horizontal couplers', () => {
    expect(squareLattice(2, 3).edges).toEqual([[0, 1], [0, 3], [1, 2], [1, 4], [2, 5], [3, 4], [4, 5]]);
  });

  it('squareLattice(12, 7) is the Ankaa grid: i couples to i+1 in its row and to i+7', () => {
    const l = squareLattice(12, 7);
    expect(l.numQubits).toBe(84);
    expect(l.edges).toHaveLength(12 * 6 + 11 * 7);
    const g = new CouplingGraph(l.numQubits, l.edges);
    // Braket developer guide: 0:[1,7], 1:[0,2,8], 8:[1,7,9,15], 6:[5,13].
    expect(g.neighbours(0)).toEqual([1, 7]);
    expect(g.neighbours(1)).toEqual([0, 2, 8]);
    expect(g.neighbours(8)).toEqual([1, 7, 9, 15]);
    expect(g.neighbours(6)).toEqual([5, 13]);
  });

  it('the Ankaa-3 lattice lacks the two couplers absent from the published example', () => {
    const g = new CouplingGraph(84, ankaa3Lattice().edges);
    // Braket developer guide: 15:[8,14,22], 26:[19,25,33], 27:[20,34].
    expect(g.neighbours(15)).toEqual([8, 14, 22]);
    expect(g.neighbours(26)).toEqual([19, 25, 33]);
    expect(g.neighbours(27)).toEqual([20, 34]);
    expect(g.edges).toHaveLength(149 - 2);
  });

  it('falconH7 is the Falcon r5.11H "H"', () => {
    expect(facts(falconH7())).toEqual({ histogram: { 1: 4, 2: 1, 3: 2 }, diameter: 4, mean: 48 / 21 });
  });

  it('rejects bad parameters with an InputError', () => {
    expect(() => line(0)).toThrow(InputError);
    expect(() => squareLattice(2, 3, { rowSpans: [[0, 2]] })).toThrow(/one entry per row/);
    expect(() => squareLattice(2, 3, { rowSpans: [[0, 2], [2, 5]] })).toThrow(/rowSpans\[1\]/);
    expect(() => normalizeEdges([[3, 3]])).toThrow(/two different qubits/);
  });

  it('normalizeEdges sorts, orients and de-duplicates', () => {
    expect(normalizeEdges([[2, 1], [0, 3], [1, 2]])).toEqual([[0, 3], [1, 2]]);
  });
});

describe('heavy-hex and crystal lattices against published graph facts', () => {
  // Graph facts from ../shared/reference/devices/README.md (computed there from coupling_map).
  it('Eagle r3 127: degrees {1:2, 2:89, 3:36}, diameter 26, mean distance 11.1', () => {
    const l = heavyHex(EAGLE_R3_127);
    expect(l.numQubits).toBe(127);
    expect(l.edges).toHaveLength(144);
    const f = facts(l);
    expect(f.histogram).toEqual({ 1: 2, 2: 89, 3: 36 });
    expect(f.diameter).toBe(26);
    expect(f.mean).toBeCloseTo(11.1, 1);
  });

  it('Heron r1 133: degrees {1:5, 2:89, 3:39}, diameter 27, mean distance 11.5', () => {
    const l = heavyHex(HERON_R1_133);
    expect([l.numQubits, l.edges.length]).toEqual([133, 150]);
    const f = facts(l);
    expect(f.histogram).toEqual({ 1: 5, 2: 89, 3: 39 });
    expect(f.diameter).toBe(27);
    expect(f.mean).toBeCloseTo(11.5, 1);
  });

  it('Heron r2 156: degrees {1:8, 2:100, 3:48}, diameter 32, mean distance 12.6', () => {
    const l = heavyHex(HERON_R2_156);
    expect([l.numQubits, l.edges.length]).toEqual([156, 176]);
    const f = facts(l);
    expect(f.histogram).toEqual({ 1: 8, 2: 100, 3: 48 });
    expect(f.diameter).toBe(32);
    expect(f.mean).toBeCloseTo(12.6, 1);
  });

  it('Garnet crystal 20: degrees {2:8, 3:4, 4:8}, diameter 6, mean distance 2.96', () => {
    const l = garnetLattice();
    expect([l.numQubits, l.edges.length]).toEqual([20, 30]);
    const f = facts(l);
    expect(f.histogram).toEqual({ 2: 8, 3: 4, 4: 8 });
    expect(f.diameter).toBe(6);
    expect(f.mean).toBeCloseTo(2.96, 2);
  });
});

describe.skipIf(!HAS_REFERENCE)(`generated lattices equal the vendors' coupling maps${NEEDS_REFERENCE}`, () => {
  const cases: [string, Lattice][] = [
    ['sherbrooke', heavyHex(EAGLE_R3_127)],
    ['torino', heavyHex(HERON_R1_133)],
    ['fez', heavyHex(HERON_R2_156)],
    ['nairobi', falconH7()],
    ['lagos', falconH7()],
    ['manila', line(5)],
  ];
  it.each(cases)('conf_%s.json', (file, lattice) => {
    const conf = readReference<Conf>(`conf_${file}.json`);
    expect(lattice.numQubits).toBe(conf.n_qubits);
    expect(lattice.edges).toEqual(normalizeEdges(conf.coupling_map));
  });

  it('iqm_garnet_fake_profile.json', () => {
    const garnet = readReference<{ n_qubits: number; coupling_map_undirected: [number, number][] }>('iqm_garnet_fake_profile.json');
    expect(garnetLattice().numQubits).toBe(garnet.n_qubits);
    expect(garnetLattice().edges).toEqual(normalizeEdges(garnet.coupling_map_undirected));
  });
});
