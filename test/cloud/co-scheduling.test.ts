import { describe, expect, it } from 'vitest';
import { CircuitBuilder } from '../../src/circuit/builder.js';
import type { QuantumJob } from '../../src/cloud/job.js';
import { QuantumCloud } from '../../src/cloud/quantum-cloud.js';
import { getDevice } from '../../src/devices/catalog.js';
import { PauliSum } from '../../src/sim/pauli.js';

const DEVICE = 'ibm_sherbrooke';
const profile = getDevice(DEVICE);
// The strongest spectator entry of the catalog profile: ECRs on `coupler` disturb `spectator`.
const entry = [...profile.crosstalk.entries].sort((a, b) => b.error - a.error)[0] as (typeof profile.crosstalk.entries)[number];

/** The victim: |+⟩ on the spectator qubit, ⟨X⟩ exact. */
const victim: QuantumJob = {
  tenant: 'victim', form: 'logical', circuit: new CircuitBuilder(1).h(0).build(), region: [entry.spectator],
  output: 'expectations', observables: [PauliSum.parse('X0')], shots: 1000, exact: true,
};

/** The co-tenant: `n` ECRs in the calibrated direction on coupler [a, b] (a < b), placed natively. */
function hammer(coupler: readonly [number, number], n: number): QuantumJob {
  const [a, b] = coupler;
  const forward = (profile.directed_couplers ?? []).some(([c, t]) => c === a && t === b);
  const builder = new CircuitBuilder(2);
  for (let i = 0; i < n; i++) {
    if (forward) builder.ecr(0, 1);
    else builder.ecr(1, 0);
  }
  return { tenant: 'attacker', form: 'native', circuit: builder.build(), qubits: [a, b], output: 'expectations', observables: [PauliSum.parse('Z0'), PauliSum.parse('Z1')], shots: 1000, exact: true };
}

/** A coupler none of whose qubits neighbours the spectator. */
function distantCoupler(): [number, number] {
  const near = new Set<number>([entry.spectator]);
  for (const [a, b] of profile.coupling_map) {
    if (a === entry.spectator) near.add(b);
    if (b === entry.spectator) near.add(a);
  }
  const far = profile.coupling_map.find(([a, b]) => ![a, b].some((q) => near.has(q) || profile.coupling_map.some(([c, d]) => (c === q && near.has(d)) || (d === q && near.has(c)))));
  return far as [number, number];
}

describe('co-scheduling tenants on one chip', () => {
  it('a co-tenant hammering ECRs next to the victim changes its results; far away it does not', async () => {
    const cloud = new QuantumCloud({ id: 'qc', devices: [DEVICE] });
    const alone = (await cloud.submit(victim)).expectations?.[0] as number;
    const [v, a] = await cloud.runCoScheduled([victim, hammer(entry.coupler, 30)]);
    const [vFar] = await cloud.runCoScheduled([victim, hammer(distantCoupler(), 30)]);
    const near = v?.expectations?.[0] as number;
    expect(alone).toBeGreaterThan(0.99);
    // Each ECR dephases the spectator by about 2·error: 30 of them leave well under 0.5.
    expect(near).toBeLessThan(0.5);
    expect(near).toBeLessThan(alone - 0.4);
    expect(vFar?.expectations?.[0]).toBeCloseTo(alone, 12);
    // Each tenant gets its own marginal result and bill, and learns whom it shared the chip with.
    expect(v?.metadata.qubits).toEqual([entry.spectator]);
    expect(a?.metadata.qubits).toEqual([...entry.coupler]);
    expect(a?.expectations).toHaveLength(2);
    expect(v?.metadata.co_scheduled_with).toEqual([a?.jobId]);
    expect(v?.metadata.started_at_s).toBe(a?.metadata.started_at_s);
  });

  it('without the crosstalk channel the neighbour makes no difference', async () => {
    const cloud = new QuantumCloud({ id: 'qc', devices: [DEVICE], noise: { crosstalk: false } });
    const alone = (await cloud.submit(victim)).expectations?.[0] as number;
    const [v] = await cloud.runCoScheduled([victim, hammer(entry.coupler, 30)]);
    expect(v?.expectations?.[0]).toBeCloseTo(alone, 12);
  });

  it('splits measured counts back to each tenant', async () => {
    const cloud = new QuantumCloud({ id: 'qc', devices: ['ibm_nairobi'] });
    const one: QuantumJob = { tenant: 'a', form: 'logical', circuit: new CircuitBuilder(1, 1).x(0).measure(0, 0).build(), region: [6], output: 'counts', shots: 500, seed: 1 };
    const two: QuantumJob = { tenant: 'b', form: 'logical', circuit: new CircuitBuilder(2, 2).x(1).measure(0, 0).measure(1, 1).build(), region: [0, 1], output: 'counts', shots: 400, seed: 2 };
    const [a, b] = await cloud.runCoScheduled([one, two]);
    const ca = a?.counts?.[0] ?? {};
    const cb = b?.counts?.[0] ?? {};
    expect(Object.keys(ca).every((k) => k.length === 1)).toBe(true);
    expect(Object.keys(cb).every((k) => k.length === 2)).toBe(true);
    // Each tenant gets the shots it asked for, on its own bits.
    expect(Object.values(ca).reduce((s, v) => s + v, 0)).toBe(500);
    expect(Object.values(cb).reduce((s, v) => s + v, 0)).toBe(400);
    expect(ca['1'] ?? 0).toBeGreaterThan(450);
    expect(cb['10'] ?? 0).toBeGreaterThan(360); // qubit 1 flipped: bit 1 (leftmost) is 1
  });

  it('refuses overlapping placements, dedicated devices and mixed devices', async () => {
    const cloud = new QuantumCloud({ id: 'qc', devices: [DEVICE, 'ibm_fez'] });
    await expect(cloud.runCoScheduled([victim, { ...victim, tenant: 'other' }])).rejects.toThrow(/both use physical qubit/);
    await expect(cloud.runCoScheduled([victim, { ...hammer(entry.coupler, 2), device: 'ibm_fez', form: 'logical', qubits: undefined }])).rejects.toThrow(/one device/);
    const dedicated = new QuantumCloud({ id: 'qc', devices: [DEVICE], dedicatedTo: ['victim'] });
    await expect(dedicated.runCoScheduled([victim, hammer(entry.coupler, 2)])).rejects.toThrow(/dedicated to victim/);
  });
});
