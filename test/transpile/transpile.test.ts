import { describe, expect, it } from 'vitest';
import { CircuitBuilder } from '../../src/circuit/builder.js';
import { InputError } from '../../src/core/errors.js';
import {
  NATIVE_GATE_SETS, Target, checkEquivalence, estimatedSuccessProbability, lineCoupling, targetForDevice, targetFromDevice, transpile,
} from '../../src/transpile/index.js';
import { getDevice, listDevices } from '../../src/devices/index.js';
import { nativeViolations, randomCircuit, Rng } from './helpers.js';

const line5 = new Target({ name: 'line5', numQubits: 5, couplers: lineCoupling(5), basis: NATIVE_GATE_SETS.ibm_falcon });

describe('transpile()', () => {
  it('rejects circuits wider than the target, naming both sizes', () => {
    const wide = new CircuitBuilder(6).h(5).build();
    expect(() => transpile(wide, line5)).toThrow(/the circuit has 6 qubits but line5 has only 5/);
  });

  it('validates the level, the seed and a user initial layout', () => {
    const c = new CircuitBuilder(2).cx(0, 1).build();
    expect(() => transpile(c, line5, { level: 7 })).toThrow(/level must be 0, 1, 2 or 3/);
    expect(() => transpile(c, line5, { seed: Number.NaN })).toThrow(/seed/);
    expect(() => transpile(c, line5, { initialLayout: [0] })).toThrow(/2 qubits/);
    expect(() => transpile(c, line5, { initialLayout: [1, 1] })).toThrow(/used twice/);
    expect(() => transpile(c, line5, { initialLayout: [0, 9] })).toThrow(InputError);
  });

  it('honours a user initial layout', () => {
    const c = new CircuitBuilder(2, 2).h(0).cx(0, 1).measureAll().build();
    const r = transpile(c, line5, { level: 3, initialLayout: [4, 3] });
    expect(r.initialLayout).toEqual([4, 3]);
    expect(r.metrics.swaps).toBe(0);
    expect(checkEquivalence(c, r.circuit, { initialLayout: r.initialLayout, finalLayout: r.finalLayout }).equivalent).toBe(true);
  });

  it('reports swaps, two-qubit gates and depths consistent with the circuit', () => {
    const c = new CircuitBuilder(5).cx(0, 4).build();
    const r = transpile(c, line5, { level: 0 });
    expect(r.metrics.swaps).toBe(3);
    expect(r.metrics.twoQubitGates).toBe(3 * 3 + 1);
    // Two of the three SWAPs can run in parallel (one from each end): 2q depth between 3 + 3 + 1 and 10.
    expect(r.metrics.twoQubitDepth).toBe(r.circuit.depth((op) => op.kind === 'gate' && op.qubits.length === 2));
    expect(r.metrics.twoQubitDepth).toBeGreaterThanOrEqual(7);
    expect(r.metrics.twoQubitDepth).toBeLessThanOrEqual(10);
    expect(r.metrics.depth).toBe(r.circuit.depth());
    expect(r.metrics.counts['cx']).toBe(10);
    expect(r.metrics.seconds).toBeGreaterThanOrEqual(0);
  });

  it('transpiles mid-circuit measurements and resets, keeping them on their physical qubit', () => {
    const c = new CircuitBuilder(3, 2).h(0).cx(0, 2).measure(0, 0).reset(0).ifEquals([0], 1, (b) => b.x(2)).cx(2, 0).measure(2, 1).build();
    const r = transpile(c, line5, { level: 2, seed: 4 });
    expect(nativeViolations(r.circuit, line5)).toEqual([]);
    expect(r.circuit.countOps()['measure']).toBe(2);
    expect(r.circuit.countOps()['reset']).toBe(1);
    const measured = r.circuit.ops.filter((o) => o.kind === 'measure').map((o) => (o as { clbit: number }).clbit);
    expect(measured).toEqual([0, 1]);
  });
});

describe('estimated success probability', () => {
  it('is the product of (1 − error) over gates and measured qubits', () => {
    const t = new Target({
      numQubits: 2, couplers: [[0, 1]], basis: NATIVE_GATE_SETS.ibm_falcon,
      calibration: { gateError1q: { sx: [0.001, 0.002], rz: [0, 0] }, gateError2q: { cx: [{ qubits: [0, 1], value: 0.01 }] }, readoutError: [0.02, 0.05] },
    });
    const c = new CircuitBuilder(2, 2).sx(0).rz(0.3, 1).sx(1).cx(0, 1).measure(0, 0).measure(1, 1).build();
    expect(estimatedSuccessProbability(c, t)).toBeCloseTo(0.999 * 0.998 * 0.99 * 0.98 * 0.95, 12);
  });
});

describe('catalog devices', () => {
  it('every catalog device transpiles a random circuit to its natives on usable couplers', () => {
    const rng = new Rng('devices');
    for (const { id } of listDevices()) {
      const t = targetForDevice(id);
      const c = randomCircuit(rng, { numQubits: 5, numGates: 25, measure: true });
      const r = transpile(c, t, { level: 1, seed: 1 });
      expect(nativeViolations(r.circuit, t), id).toEqual([]);
      expect(checkEquivalence(c, r.circuit, { initialLayout: r.initialLayout, finalLayout: r.finalLayout }).equivalent, id).toBe(true);
      expect(r.metrics.estimatedSuccessProbability).toBeGreaterThan(0);
      expect(r.metrics.estimatedSuccessProbability).toBeLessThan(1);
    }
  });

  it('carries directions, virtual gates and calibration over from the profile', () => {
    const profile = getDevice('ibm_sherbrooke');
    const t = targetFromDevice(profile);
    expect(t.numQubits).toBe(127);
    expect(t.couplers.length).toBe(profile.coupling_map.length);
    expect(t.hasDirections).toBe(true);
    const [c0, t0] = profile.directed_couplers?.[0] as [number, number];
    expect(t.isNativeDirection(c0, t0)).toBe(true);
    expect(t.isNativeDirection(t0, c0)).toBe(false);
    expect(t.error1q('rz', 5)).toBe(0);
    expect(t.readoutError(0)).toBe(profile.calibration.qubits[0]?.readout_error);
    // Extras are opt-in (Ankaa's CZ).
    expect(targetForDevice('rigetti_ankaa_3').basis2q).toEqual(['iswap']);
    expect(targetForDevice('rigetti_ankaa_3', { includeExtras: true }).basis2q).toContain('cz');
  });

  it('names the valid devices for an unknown id', () => {
    expect(() => targetForDevice('ibm_nowhere')).toThrow(/unknown device "ibm_nowhere"; valid devices: ibm_sherbrooke/);
  });
});
