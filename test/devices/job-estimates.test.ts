import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { Rng } from '../../src/core/rng.js';
import { median } from '../../src/core/numeric.js';
import { getDevice } from '../../src/devices/catalog.js';
import { estimatedJobCost, estimatedJobTime, hqcPerCircuit, sampleQueueWait } from '../../src/devices/job-estimates.js';
import { tinyProfile } from './fixture.js';

describe('estimatedJobTime (hand-derived on the fixture)', () => {
  it('3 circuits × 1000 shots of depth 10: 110 µs per shot, 1.83 s execution, 3.83 s billable', () => {
    // shot = 100 µs + 10 × 1 µs; execution = 3 × (0.5 s + 1000 × 110 µs); billable = 2 s + execution.
    const t = estimatedJobTime(tinyProfile(), { shots: 1000, circuits: 3, depth: 10 });
    expect(t.shot_time_us).toBeCloseTo(110, 12);
    expect(t.execution_s).toBeCloseTo(1.83, 12);
    expect(t.billable_s).toBeCloseTo(3.83, 12);
    expect(t.total_s).toBeCloseTo(63.83, 12);
  });

  it('grows with shots, depth and circuits', () => {
    const p = getDevice('ibm_fez');
    const base = estimatedJobTime(p, { shots: 1000, depth: 20 }).billable_s;
    expect(estimatedJobTime(p, { shots: 2000, depth: 20 }).billable_s).toBeGreaterThan(base);
    expect(estimatedJobTime(p, { shots: 1000, depth: 40 }).billable_s).toBeGreaterThan(base);
    expect(estimatedJobTime(p, { shots: 1000, depth: 20, circuits: 2 }).billable_s).toBeGreaterThan(base);
  });

  it('rejects jobs outside the device limits with an InputError naming the field', () => {
    const p = getDevice('ionq_aria');
    expect(() => estimatedJobTime(p, { shots: 20000, depth: 1 })).toThrow(/shots 20000 exceed ionq_aria's limit of 10000/);
    expect(() => estimatedJobTime(p, { shots: 10, depth: 1.5 })).toThrow(InputError);
    expect(() => estimatedJobTime(p, { shots: 10, depth: 1, qubits: 26 })).toThrow(/qubits must be an integer in 1\.\.25/);
    expect(() => estimatedJobTime(p, { shots: 0, depth: 1 })).toThrow(/shots/);
  });
});

describe('estimatedJobCost', () => {
  it('IBM bills $1.60 per second of QPU time (QMLaaS SoK)', () => {
    for (const id of ['ibm_sherbrooke', 'ibm_torino', 'ibm_fez', 'ibm_nairobi', 'ibm_lagos', 'ibmq_manila']) {
      const c = estimatedJobCost(getDevice(id), { shots: 4000, depth: 30, circuits: 5 });
      expect(c.model).toBe('per_second');
      expect(c.usd / c.billable_s!).toBeCloseTo(1.6, 12);
    }
    expect(estimatedJobCost(tinyProfile(), { shots: 1000, circuits: 3, depth: 10 }).usd).toBeCloseTo(3.83, 12);
  });

  it('Braket: $0.30 per task + per-shot fee, one task per circuit', () => {
    // 1000 shots on Aria: $0.30 + 1000 × $0.03 = $30.30.
    expect(estimatedJobCost(getDevice('ionq_aria'), { shots: 1000, depth: 5 }).usd).toBeCloseTo(30.3, 10);
    // Two circuits of 1000 shots on Garnet: 2 × ($0.30 + 1000 × $0.00145) = $3.50.
    const garnet = estimatedJobCost(getDevice('iqm_garnet'), { shots: 1000, depth: 5, circuits: 2 });
    expect(garnet).toMatchObject({ model: 'per_task_per_shot', tasks: 2 });
    expect(garnet.usd).toBeCloseTo(3.5, 10);
    expect(estimatedJobCost(getDevice('ionq_forte'), { shots: 100, depth: 5 }).usd).toBeCloseTo(0.3 + 8, 10);
  });

  it('Quantinuum: HQC = 5 + shots·(N1q + 10·N2q + 5·Nm)/5000, at $120 per HQC', () => {
    // Worked example: 200 one-qubit gates, 100 two-qubit gates, 10 measurements, 1000 shots →
    // 5 + 1000 × 1250 / 5000 = 255 HQC → $30 600.
    const p = getDevice('quantinuum_h1');
    const c = estimatedJobCost(p, { shots: 1000, depth: 10, oneQubitGates: 200, twoQubitGates: 100, measurements: 10 });
    expect(c.hqc).toBeCloseTo(255, 12);
    expect(c.usd).toBeCloseTo(30600, 8);
    if (p.price.kind !== 'hqc') throw new Error('expected HQC pricing');
    // Defaults from depth and qubits: depth 2 on 4 qubits → 8 one-qubit, 4 two-qubit gates, 4 measurements.
    expect(hqcPerCircuit(p.price, 100, { oneQubitGates: 8, twoQubitGates: 4, measurements: 4 })).toBeCloseTo(5 + (100 * 68) / 5000, 12);
    expect(estimatedJobCost(p, { shots: 100, depth: 2, qubits: 4 }).hqc).toBeCloseTo(5 + (100 * 68) / 5000, 12);
  });
});

describe('sampleQueueWait', () => {
  it('is log-normal around the median wait, reproducible by seed', () => {
    const p = getDevice('ibm_fez');
    const draw = (seed: number) => Array.from({ length: 2001 }, ((rng) => () => sampleQueueWait(p, rng))(new Rng(seed)));
    expect(draw(7)).toEqual(draw(7));
    const m = median(draw(7));
    expect(m).toBeGreaterThan(0.9 * p.queue.median_wait_s);
    expect(m).toBeLessThan(1.1 * p.queue.median_wait_s);
  });
});
