import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { NATIVE_GATE_SETS, Target, UNREACHABLE, gridCoupling, heavyHexCoupling, lineCoupling, ringCoupling, allToAllCoupling } from '../../src/transpile/index.js';
import { HEAVY_HEX_FRAGMENT } from './helpers.js';

describe('Target', () => {
  it('computes hop distances on a line and a grid', () => {
    const line = new Target({ numQubits: 5, couplers: lineCoupling(5), basis: ['cx', 'u3'] });
    expect(line.dist(0, 4)).toBe(4);
    expect(line.dist(3, 1)).toBe(2);
    const grid = new Target({ numQubits: 12, couplers: gridCoupling(3, 4), basis: ['cz', 'prx'] });
    // Manhattan distance between (0,0) and (2,3).
    expect(grid.dist(0, 11)).toBe(5);
    expect([...grid.neighbors(5)]).toEqual([1, 4, 6, 9]);
  });

  it('splits the native basis into one- and two-qubit gates and ignores measure/delay', () => {
    const t = new Target({ numQubits: 2, couplers: [[0, 1]], basis: ['ECR', 'rz', 'sx', 'x', 'id', 'measure', 'delay'] });
    expect([...t.basis1q].sort()).toEqual(['id', 'rz', 'sx', 'x']);
    expect(t.basis2q).toEqual(['ecr']);
  });

  it('honours direction constraints', () => {
    const t = new Target({ numQubits: 3, couplers: [[0, 1], [1, 2]], directions: [[1, 0], [1, 2]], basis: NATIVE_GATE_SETS.ibm_eagle });
    expect(t.isNativeDirection(1, 0)).toBe(true);
    expect(t.isNativeDirection(0, 1)).toBe(false);
    expect(t.isCoupled(0, 1)).toBe(true);
    expect(t.hasDirections).toBe(true);
  });

  it('labels connected components by size and marks unreachable pairs', () => {
    const t = new Target({ numQubits: 6, couplers: [[0, 1], [2, 3], [3, 4], [4, 5]], basis: ['cx', 'u3'] });
    expect(t.componentSizes).toEqual([4, 2]);
    expect(t.component[2]).toBe(0);
    expect(t.component[0]).toBe(1);
    expect(t.dist(0, 5)).toBe(UNREACHABLE);
  });

  it('rejects bad couplers, directions and gate names with clear messages', () => {
    expect(() => new Target({ numQubits: 2, couplers: [[0, 2]], basis: ['cx'] })).toThrow(/couplers\[0\] names qubit 2, outside 0..1/);
    expect(() => new Target({ numQubits: 2, couplers: [[1, 1]], basis: ['cx'] })).toThrow(InputError);
    expect(() => new Target({ numQubits: 3, couplers: [[0, 1]], directions: [[1, 2]], basis: ['cx'] })).toThrow(/directions\[0\].*not a coupler/);
    expect(() => new Target({ numQubits: 2, couplers: [[0, 1]], basis: ['cx', 'warp'] })).toThrow(/unknown native gate "warp"/);
  });

  it('reads calibration: per-gate errors, coupler errors in either order, readout', () => {
    const t = new Target({
      numQubits: 2,
      couplers: [[0, 1]],
      basis: NATIVE_GATE_SETS.ibm_heron,
      calibration: { readoutError: [0.02, 0.03], gateError1q: { sx: [1e-4, 2e-4], rz: [0, 0] }, gateError2q: { cz: [{ qubits: [1, 0], value: 5e-3 }] } },
    });
    expect(t.errorOf2q('cz', 0, 1)).toBe(5e-3);
    expect(t.couplerError(0, 1)).toBe(5e-3);
    expect(t.error1q('sx', 1)).toBe(2e-4);
    expect(t.error1q('x', 1)).toBe(0);
    expect(t.qubitError(0)).toBe(1e-4);
    expect(t.readoutError(1)).toBe(0.03);
    expect(t.hasCalibration).toBe(true);
  });
});

describe('topologies', () => {
  it('builds the 127-qubit Eagle heavy-hex graph (facts from the IBM Sherbrooke snapshot)', () => {
    // Reference: ../shared/reference/devices/README.md — Sherbrooke has 127 qubits, 144
    // couplers, degree histogram {1: 2, 2: 89, 3: 36} and diameter 26.
    const hh = heavyHexCoupling({ rows: 7, cols: 15, trimCorners: true });
    const t = new Target({ numQubits: hh.numQubits, couplers: hh.couplers, basis: ['ecr', 'rz', 'sx', 'x'] });
    expect(hh.numQubits).toBe(127);
    expect(t.couplers.length).toBe(144);
    const hist: Record<number, number> = {};
    for (let q = 0; q < 127; q++) hist[t.neighbors(q).length] = (hist[t.neighbors(q).length] ?? 0) + 1;
    expect(hist).toEqual({ 1: 2, 2: 89, 3: 36 });
    let diameter = 0;
    for (const d of t.distance) diameter = Math.max(diameter, d);
    expect(diameter).toBe(26);
    // IBM numbering: qubit 14 joins row-0 qubit 0 and row-1 qubit 18; 109 joins 96 and 114.
    expect(t.isCoupled(0, 14) && t.isCoupled(14, 18)).toBe(true);
    expect(t.isCoupled(96, 109) && t.isCoupled(109, 114)).toBe(true);
  });

  it('line, ring, grid and all-to-all have the expected coupler counts', () => {
    expect(lineCoupling(6)).toHaveLength(5);
    expect(ringCoupling(6)).toHaveLength(6);
    expect(gridCoupling(4, 5)).toHaveLength(4 * 4 + 3 * 5);
    expect(allToAllCoupling(6)).toHaveLength(15);
  });

  it('the heavy-hex fragment used by the tests is connected with degree ≤ 3', () => {
    const t = new Target({ numQubits: 16, couplers: HEAVY_HEX_FRAGMENT, basis: ['cx', 'u3'] });
    expect(t.componentSizes).toEqual([16]);
    for (let q = 0; q < 16; q++) expect(t.neighbors(q).length).toBeLessThanOrEqual(3);
  });
});
