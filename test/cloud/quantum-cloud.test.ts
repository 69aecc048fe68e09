import { describe, expect, it } from 'vitest';
import { CircuitBuilder } from '../../src/circuit/builder.js';
import { DeviceQueue } from '../../src/cloud/device-queue.js';
import type { QuantumJob } from '../../src/cloud/job.js';
import { QuantumCloud } from '../../src/cloud/quantum-cloud.js';
import { VirtualClock } from '../../src/cloud/virtual-clock.js';
import { getDevice } from '../../src/devices/catalog.js';
import { x } from '../../src/circuit/param.js';
import { PauliSum } from '../../src/sim/pauli.js';

const z = (q: number) => PauliSum.parse(`Z${q}`);

/** x(0); cx(0, 1) on physical qubits 0 and 1 of ibm_nairobi: depth 2, ideally |11⟩. */
function bellish(): QuantumJob {
  const circuit = new CircuitBuilder(2).x(0).cx(0, 1).build();
  return { tenant: 'alice', form: 'native', circuit, qubits: [0, 1], output: 'expectations', observables: [z(0), z(1)], shots: 1000, exact: true };
}

/** ry(x[0]) on one qubit, run as a logical job with `rows` bindings. */
function rotations(rows: number, shots: number): QuantumJob {
  const circuit = new CircuitBuilder(1).ry(x(0), 0).build();
  return { tenant: 'bob', form: 'logical', circuit, output: 'expectations', observables: [z(0)], inputs: Array.from({ length: rows }, (_, i) => [0.3 * i]), shots, exact: true };
}

describe('queue and price accounting follow the profile numbers', () => {
  it('ibm_nairobi (per second, median waits): FIFO times and cost by hand', async () => {
    const p = getDevice('ibm_nairobi');
    const cloud = new QuantumCloud({ id: 'qc', devices: ['ibm_nairobi'], queue: 'median' });
    const [a, b] = await Promise.all([cloud.submit(bellish()), cloud.submit({ ...bellish(), tenant: 'carol' })]);
    // devices/README: shot_time = shot_overhead + depth × layer_time; execution = circuits × (per_circuit + shots × shot_time)
    const shotTimeUs = p.execution.shot_overhead_us + (2 * p.execution.layer_time_ns) / 1000;
    const execution = 1 * (p.queue.per_circuit_overhead_s + 1000 * shotTimeUs * 1e-6);
    const billable = p.queue.per_job_overhead_s + execution;
    expect(a?.metadata.depth).toBe(2);
    expect(a?.metadata.execution_s).toBeCloseTo(execution, 12);
    expect(a?.metadata.billable_s).toBeCloseTo(billable, 12);
    expect(a?.metadata.cost_usd).toBeCloseTo(1.6 * billable, 10);
    expect(a?.metadata.started_at_s).toBe(p.queue.median_wait_s);
    expect(a?.metadata.finished_at_s).toBeCloseTo(p.queue.median_wait_s + billable, 9);
    // The second job waits its median too, then behind the first (FIFO).
    expect(b?.metadata.started_at_s).toBeCloseTo(p.queue.median_wait_s + billable, 9);
    expect(b?.metadata.queue_wait_s).toBeCloseTo(p.queue.median_wait_s + billable, 9);
    expect(cloud.usage().total.cost_usd).toBeCloseTo(2 * 1.6 * billable, 9);
    expect(Object.keys(cloud.usage().byTenant).sort()).toEqual(['alice', 'carol']);
    // Physics: |11⟩ up to noise.
    expect(a?.expectations?.[0]).toBeLessThan(-0.9);
    expect(a?.expectations?.[1]).toBeLessThan(-0.9);
  });

  it('ionq_aria (per task + per shot, one circuit per task): a 3-binding job is 3 tasks', async () => {
    const p = getDevice('ionq_aria');
    const price = p.price as Extract<typeof p.price, { kind: 'per_task_per_shot' }>;
    const cloud = new QuantumCloud({ id: 'qc', devices: ['ionq_aria'], queue: 'median' });
    const r = await cloud.submit(rotations(3, 100));
    const m = r.metadata;
    expect(m.circuits).toBe(3);
    expect(m.tasks).toBe(3);
    expect(m.cost_usd).toBeCloseTo(3 * (price.usd_per_task + 100 * price.usd_per_shot), 10);
    const task = p.queue.per_job_overhead_s + p.queue.per_circuit_overhead_s + 100 * (p.execution.shot_overhead_us + (m.depth * p.execution.layer_time_ns) / 1000) * 1e-6;
    expect(m.billable_s).toBeCloseTo(3 * task, 9);
    expect(m.finished_at_s).toBeCloseTo(p.queue.median_wait_s + 3 * task, 6);
    // ⟨Z⟩ of ry(θ)|0⟩ = cos θ, up to the device's small errors.
    Array.from(r.expectations ?? []).forEach((v, i) => expect(v).toBeCloseTo(Math.cos(0.3 * i), 1));
  });

  it('rejects jobs it cannot run, naming the reason', async () => {
    const cloud = new QuantumCloud({ id: 'qc', devices: ['ibm_nairobi'] });
    await expect(cloud.submit({ ...bellish(), shots: 200_000 })).rejects.toThrow(/exceed ibm_nairobi's limit of 100000/);
    await expect(cloud.submit({ ...bellish(), qubits: undefined })).rejects.toThrow(/which physical qubits/);
    await expect(cloud.submit({ ...bellish(), device: 'ibm_fez' })).rejects.toThrow(/no device "ibm_fez" \(it offers: ibm_nairobi\)/);
    await expect(cloud.submit({ ...bellish(), observables: [] })).rejects.toThrow(/at least one observable/);
    await expect(cloud.submit({ ...bellish(), qubits: [0, 4] })).rejects.toThrow(/not coupled/);
  });

  it('a dedicated device refuses other tenants', async () => {
    const cloud = new QuantumCloud({ id: 'qc', devices: ['ibm_nairobi'], dedicatedTo: ['alice'] });
    await expect(cloud.submit(bellish())).resolves.toBeDefined();
    await expect(cloud.submit({ ...bellish(), tenant: 'mallory' })).rejects.toThrow(/dedicated to alice/);
  });
});

describe('the virtual clock', () => {
  it('sampled waits are log-normal around the profile median', () => {
    const p = getDevice('ibm_sherbrooke');
    const q = new DeviceQueue(p, 'sampled', 3);
    const logs = Array.from({ length: 2000 }, (_, n) => Math.log(q.externalWait(n))).sort((a, b) => a - b);
    const median = Math.exp(((logs[999] as number) + (logs[1000] as number)) / 2);
    const mean = logs.reduce((s, v) => s + v, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((s, v) => s + (v - mean) ** 2, 0) / (logs.length - 1));
    expect(median / p.queue.median_wait_s).toBeGreaterThan(0.9);
    expect(median / p.queue.median_wait_s).toBeLessThan(1.1);
    expect(sd).toBeGreaterThan(p.queue.wait_log_sigma * 0.93);
    expect(sd).toBeLessThan(p.queue.wait_log_sigma * 1.07);
  });

  it('gives the same times for the same seed and other times for another seed', async () => {
    const run = async (seed: number) => {
      const clock = new VirtualClock();
      const cloud = new QuantumCloud({ id: 'qc', devices: ['ibm_nairobi'], seed, clock });
      const first = await Promise.all([cloud.submit(bellish()), cloud.submit(bellish())]);
      clock.advanceTo(Math.max(...first.map((r) => r.metadata.finished_at_s)));
      const second = await cloud.submit(bellish());
      return [...first, second].map((r) => [r.metadata.started_at_s, r.metadata.finished_at_s]);
    };
    const a = await run(11);
    expect(await run(11)).toEqual(a);
    expect(await run(12)).not.toEqual(a);
    // The third job was submitted after the first two finished.
    expect(a[2]?.[0]).toBeGreaterThan(a[1]?.[1] as number);
  });

  it('never runs backwards', () => {
    const c = new VirtualClock(5);
    expect(c.advanceTo(3)).toBe(5);
    expect(c.advanceBy(2)).toBe(7);
    expect(() => c.advanceBy(-1)).toThrow(/only moves forward/);
  });
});
