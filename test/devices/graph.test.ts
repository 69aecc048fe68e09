import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { CouplingGraph, NO_PATH } from '../../src/devices/graph.js';
import { couplingGraph, deviceDistances, deviceNeighbours } from '../../src/devices/graph-of-device.js';
import { getDevice } from '../../src/devices/catalog.js';

describe('CouplingGraph (hand-derived cases)', () => {
  it('path 0–1–2–3: distances, diameter 3, mean distance 10/6', () => {
    const g = new CouplingGraph(4, [[0, 1], [2, 1], [2, 3]]);
    expect(Array.from(g.distanceMatrix())).toEqual([0, 1, 2, 3, 1, 0, 1, 2, 2, 1, 0, 1, 3, 2, 1, 0]);
    expect(g.diameter()).toBe(3);
    expect(g.meanDistance()).toBeCloseTo(10 / 6, 12);
    expect(g.neighbours(1)).toEqual([0, 2]);
    expect(g.shortestPath(0, 3)).toEqual([0, 1, 2, 3]);
  });

  it('6-cycle: every distance ≤ 3, degree 2 everywhere', () => {
    const g = new CouplingGraph(6, [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 0]]);
    expect(g.diameter()).toBe(3);
    expect(g.distance(0, 4)).toBe(2);
    expect(g.degreeHistogram()).toEqual({ 2: 6 });
    // Mean over the 15 pairs: six at distance 1, six at 2, three at 3.
    expect(g.meanDistance()).toBeCloseTo((6 + 12 + 9) / 15, 12);
  });

  it('disconnected graphs report components and NO_PATH', () => {
    const g = new CouplingGraph(5, [[0, 1], [3, 4]]);
    expect(g.distance(0, 3)).toBe(NO_PATH);
    expect(g.components()).toEqual([[0, 1], [2], [3, 4]]);
    expect(g.isConnected()).toBe(false);
    expect(g.shortestPath(0, 4)).toBeUndefined();
    expect(g.meanDistance()).toBe(1);
    expect(g.degreeHistogram()).toEqual({ 0: 1, 1: 4 });
  });

  it('ignores duplicate couplers and rejects bad ones', () => {
    expect(new CouplingGraph(2, [[0, 1], [1, 0]]).edges).toEqual([[0, 1]]);
    expect(() => new CouplingGraph(2, [[0, 2]])).toThrow(InputError);
    expect(() => new CouplingGraph(2, [[1, 1]])).toThrow(/itself/);
    expect(() => new CouplingGraph(2, []).neighbours(5)).toThrow(/outside 0\.\.1/);
  });
});

describe('device graph helpers', () => {
  it('work on the usable couplers of a profile', () => {
    const p = getDevice('ibmq_manila');
    expect(deviceNeighbours(p, 2)).toEqual([1, 3]);
    expect(deviceDistances(p)[0 * 5 + 4]).toBe(4);
    expect(couplingGraph(p)).toBe(couplingGraph(p));
  });

  it('dead couplers isolate qubits on the IBM snapshots (usable graph not connected)', () => {
    // ibm_sherbrooke: both couplers of qubits 6, 56 and 84 are reported at error 1.0.
    const g = couplingGraph(getDevice('ibm_sherbrooke'));
    expect(g.degree(6)).toBe(0);
    expect(g.degree(56)).toBe(0);
    expect(g.degree(84)).toBe(0);
    expect(g.isConnected()).toBe(false);
  });
});
