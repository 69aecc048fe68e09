import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../src/core/errors.js';
import { Rng } from '../../src/core/rng.js';
import { CircuitBuilder } from '../../src/circuit/builder.js';
import { Param } from '../../src/circuit/param.js';
import { QuantumCloud } from '../../src/cloud/quantum-cloud.js';
import { RegionBackends } from '../../src/cloud/region-backend.js';
import { getDevice } from '../../src/devices/catalog.js';
import type { DeviceProfile } from '../../src/devices/schema.js';
import { rocAuc } from '../../src/lab/common/roc.js';
import { buildFingerprintProbe, manhattanDistance, predictedSurvival, survivalFromCounts } from '../../src/lab/scenarios/s4-rerouting/fingerprint.js';
import { FingerprintingClient } from '../../src/lab/scenarios/s4-rerouting/fingerprint-client.js';
import { equivalentRegion, usedCouplers } from '../../src/lab/scenarios/s4-rerouting/region-map.js';
import { ReroutingProvider } from '../../src/lab/scenarios/s4-rerouting/rerouting-provider.js';
import { buildTrapTemplate, drawTrap, mirrorCircuit, predictedTrapSuccess, trapSuccess } from '../../src/lab/scenarios/s4-rerouting/trap.js';
import { TrapClient } from '../../src/lab/scenarios/s4-rerouting/trap-client.js';
import { StatevectorSimulator } from '../../src/sim/statevector.js';

/** Exact per-qubit survival (P(read 1)) of a probe, from the device simulation's probabilities. */
function exactSurvival(profile: DeviceProfile, qubits: readonly number[]): number[] {
  const probe = buildFingerprintProbe(profile, qubits);
  const p = new RegionBackends(profile).run({ circuit: probe.circuit, output: 'probabilities' }, probe.qubits).probabilities as Float64Array;
  const k = probe.qubits.length;
  return Array.from({ length: k }, (_, q) => {
    let s = 0;
    for (let i = 0; i < 2 ** k; i++) if ((i >> q) & 1) s += p[i] as number;
    return s;
  });
}

/** A copy of a profile whose only imperfection is readout error. */
function readoutOnly(profile: DeviceProfile): DeviceProfile {
  return {
    ...profile,
    calibration: {
      ...profile.calibration,
      qubits: profile.calibration.qubits.map((q) => ({ ...q, t1_us: 1e12, t2_us: 1e12 })),
      gates: profile.calibration.gates.map((g) => ({ ...g, error: 0 })),
    },
    crosstalk: { ...profile.crosstalk, entries: [] },
  };
}

describe('fingerprint probe (after Wu, Hu, Li 2024)', () => {
  it('reads all ones on an ideal simulator, so survival is exactly 1 per qubit', () => {
    const probe = buildFingerprintProbe(getDevice('ibm_nairobi'), [3, 4, 5, 6]);
    const r = new StatevectorSimulator().run({ circuit: probe.circuit, output: 'counts', shots: 500, seed: 1 });
    expect(r.counts?.[0]).toEqual({ '1111': 500 });
    expect(survivalFromCounts(r.counts?.[0] ?? {}, probe)).toEqual([1, 1, 1, 1]);
    // every coupler among the qubits is exercised by a cancelling pair: 3-5, 4-5, 5-6
    expect(probe.couplers).toHaveLength(3);
    expect(probe.circuit.countOps()['cx']).toBe(6);
  });

  it('predicts survival = 1 − P(0|1) when readout is the only error', () => {
    const profile = readoutOnly(getDevice('ibm_lagos'));
    const probe = buildFingerprintProbe(profile, [0, 1, 2, 3]);
    const predicted = predictedSurvival(profile, probe);
    probe.qubits.forEach((q, i) => {
      const cal = profile.calibration.qubits.find((c) => c.qubit === q);
      expect(predicted[i]).toBeCloseTo(1 - (cal?.prob_meas0_prep1 as number), 9);
    });
  });

  it('matches the exact noisy simulation of the probe to a few 1e-3 per qubit (cx and cz devices)', () => {
    for (const [device, qubits] of [['ibm_nairobi', [3, 4, 5, 6]], ['ibm_lagos', [0, 1, 2, 3, 5]], ['ibmq_manila', [0, 1, 2, 3, 4]], ['ibm_fez', [90, 91, 92, 98]]] as const) {
      const profile = getDevice(device);
      const probe = buildFingerprintProbe(profile, qubits);
      const predicted = predictedSurvival(profile, probe);
      const exact = exactSurvival(profile, qubits);
      for (let i = 0; i < exact.length; i++) expect(Math.abs((predicted[i] as number) - (exact[i] as number)), `${device} qubit ${qubits[i]}`).toBeLessThan(0.004);
    }
  });

  it('reads survival from counts with clbit 0 rightmost (hand-derived)', () => {
    const probe = buildFingerprintProbe(getDevice('ibm_nairobi'), [0, 1]);
    expect(survivalFromCounts({ '11': 70, '01': 20, '10': 10 }, probe)).toEqual([0.9, 0.8]);
    expect(manhattanDistance([0.9, 0.8], [1, 1])).toBeCloseTo(0.3, 15);
  });

  it('refuses bad input with clear errors', () => {
    expect(() => buildFingerprintProbe(getDevice('ionq_aria'), [0, 1])).toThrow(/native x gate.*ionq_aria offers gpi, gpi2/);
    expect(() => buildFingerprintProbe(getDevice('ibm_nairobi'), [3, 7])).toThrow(/ibm_nairobi has no qubit 7/);
    expect(() => manhattanDistance([1], [1, 1])).toThrow(InputError);
    const probe = buildFingerprintProbe(getDevice('ibm_nairobi'), [0, 1]);
    expect(() => predictedSurvival(getDevice('ibm_lagos'), probe)).toThrow(/built for ibm_nairobi, not ibm_lagos/);
    expect(() => survivalFromCounts({ '111': 3 }, probe)).toThrow(/has 3 bit\(s\); the probe measures 2/);
  });
});

describe('equivalent regions', () => {
  it('keeps the qubit numbers between chips of one lattice (Nairobi → Lagos)', () => {
    expect(equivalentRegion(getDevice('ibm_lagos'), [3, 5, 6], [[3, 5], [5, 6]])).toEqual([3, 5, 6]);
  });

  it('embeds a Fez region into Torino with every used coupler usable there', () => {
    const torino = getDevice('ibm_torino');
    const region = [90, 91, 92, 98];
    const edges = getDevice('ibm_fez').coupling_map.filter(([a, b]) => region.includes(a) && region.includes(b));
    expect(edges.length).toBeGreaterThanOrEqual(3);
    const image = equivalentRegion(torino, [90, 91, 92, 98], edges) as number[];
    expect(new Set(image).size).toBe(4);
    const position = new Map([90, 91, 92, 98].map((q, i) => [q, i]));
    for (const [a, b] of edges) {
      const [x, y] = [image[position.get(a) as number] as number, image[position.get(b) as number] as number];
      expect(torino.coupling_map.some(([u, v]) => u === Math.min(x, y) && v === Math.max(x, y))).toBe(true);
    }
  });

  it('finds no home for a triangle on a heavy-hex chip', () => {
    expect(equivalentRegion(getDevice('ibm_lagos'), [0, 1, 2], [[0, 1], [1, 2], [0, 2]])).toBeUndefined();
  });

  it('lists the couplers a placed circuit uses', () => {
    const c = new CircuitBuilder(3).cx(0, 1).cx(0, 1).cx(2, 1).build();
    expect(usedCouplers(c, [3, 5, 6])).toEqual([[3, 5], [6, 5]]);
  });
});

describe('ReroutingProvider', () => {
  const probeJob = (device: string, qubits: readonly number[], seed = 1) => {
    const probe = buildFingerprintProbe(getDevice(device), qubits);
    return { tenant: 'victim', device, form: 'native' as const, circuit: probe.circuit, qubits: probe.qubits, output: 'counts' as const, shots: 4000, seed };
  };

  it('runs on the worse device but reports the requested one, its qubits and its bill', async () => {
    const fleet = new QuantumCloud({ id: 'qpu', devices: ['ibm_nairobi', 'ibm_lagos'], queue: 'median' });
    const honest = new QuantumCloud({ id: 'qpu', devices: ['ibm_nairobi', 'ibm_lagos'], queue: 'median' });
    const rerouter = new ReroutingProvider(fleet, { routes: { ibm_nairobi: 'ibm_lagos' }, advertised: ['ibm_nairobi'] });
    expect(rerouter.devices).toEqual(['ibm_nairobi']);
    const r = await rerouter.submit(probeJob('ibm_nairobi', [3, 5, 6]));
    const h = await honest.submit(probeJob('ibm_nairobi', [3, 5, 6]));
    expect(r.metadata.device).toBe('ibm_nairobi');
    expect(r.metadata.qubits).toEqual([3, 5, 6]);
    expect(r.metadata.cost_usd).toBeCloseTo(h.metadata.cost_usd, 9);
    expect(fleet.usage().byDevice['ibm_lagos']?.jobs).toBe(1);
    expect(fleet.usage().byDevice['ibm_nairobi']).toBeUndefined();
    // ...and the results are Lagos's: qubits 5 and 6 read far worse there (readout ≈ 0.2–0.3)
    const probe = buildFingerprintProbe(getDevice('ibm_nairobi'), [3, 5, 6]);
    const rerouted = survivalFromCounts(r.counts?.[0] ?? {}, probe);
    const straight = survivalFromCounts(h.counts?.[0] ?? {}, probe);
    expect((straight[2] as number) - (rerouted[2] as number)).toBeGreaterThan(0.15);
    expect(rerouter.log[0]).toMatchObject({ requested: 'ibm_nairobi', actual: 'ibm_lagos', rerouted: true });
    // Lagos queues twice as long (median 7200 s vs 3600 s): the delay is real, reported as queue wait
    expect(r.metadata.finished_at_s - h.metadata.finished_at_s).toBeGreaterThan(3500);
  });

  it('adds its hold time and reroutes only the chosen fraction', async () => {
    const fleet = new QuantumCloud({ id: 'qpu', devices: ['ibm_nairobi', 'ibm_lagos'], queue: 'median' });
    const held = new ReroutingProvider(fleet, { routes: { ibm_nairobi: 'ibm_lagos' }, holdSeconds: 500 });
    const a = await held.submit(probeJob('ibm_nairobi', [0, 1]));
    expect(held.log[0]?.held_s).toBe(500);
    expect(a.metadata.queue_wait_s).toBeGreaterThan(7200 + 500 - 1);
    const never = new ReroutingProvider(new QuantumCloud({ id: 'qpu', devices: ['ibm_nairobi', 'ibm_lagos'] }), { routes: { ibm_nairobi: 'ibm_lagos' }, fraction: 0 });
    for (let i = 0; i < 5; i++) await never.submit(probeJob('ibm_nairobi', [0, 1], i));
    expect(never.log.every((r) => !r.rerouted && r.actual === 'ibm_nairobi')).toBe(true);
    const half = new ReroutingProvider(new QuantumCloud({ id: 'qpu', devices: ['ibm_nairobi', 'ibm_lagos'] }), { routes: { ibm_nairobi: 'ibm_lagos' }, fraction: 0.5, seed: 3 });
    for (let i = 0; i < 40; i++) await half.submit(probeJob('ibm_nairobi', [0, 1], i));
    const n = half.log.filter((r) => r.rerouted).length;
    expect(n).toBeGreaterThan(10);
    expect(n).toBeLessThan(30);
  });

  it('moves native Fez jobs onto Torino couplers, and runs honestly what Torino cannot run', async () => {
    const fleet = new QuantumCloud({ id: 'qpu', devices: ['ibm_fez', 'ibm_torino'] });
    const rerouter = new ReroutingProvider(fleet, { routes: { ibm_fez: 'ibm_torino' } });
    const r = await rerouter.submit(probeJob('ibm_fez', [90, 91, 92, 98]));
    expect(r.metadata).toMatchObject({ device: 'ibm_fez', qubits: [90, 91, 92, 98] });
    expect(rerouter.log[0]?.actual).toBe('ibm_torino');
    const rzz = new CircuitBuilder(2, 2).rzz(0.3, 0, 1).measure(0, 0).measure(1, 1).build();
    await rerouter.submit({ tenant: 'victim', device: 'ibm_fez', form: 'native', circuit: rzz, qubits: [90, 91], output: 'counts', shots: 100 });
    expect(rerouter.log[1]).toMatchObject({ rerouted: false, actual: 'ibm_fez', reason: 'gates not native on ibm_torino' });
  });

  it('refuses impossible routes and options with clear errors', () => {
    const fleet = new QuantumCloud({ id: 'qpu', devices: ['ibm_nairobi'] });
    expect(() => new ReroutingProvider(fleet, { routes: { ibm_nairobi: 'ibm_lagos' } })).toThrow(/runs no device "ibm_lagos"/);
    expect(() => new ReroutingProvider(fleet, { routes: {} })).toThrow(UsageError);
    expect(() => new ReroutingProvider(fleet, { routes: { ibm_nairobi: 'ibm_nairobi' }, fraction: 1.5 })).toThrow(/fraction must lie in \[0, 1\]/);
    expect(() => new ReroutingProvider(fleet, { routes: { ibm_nairobi: 'ibm_nairobi' }, holdSeconds: -1 })).toThrow(/hold time/);
  });
});

describe('fingerprint detection', () => {
  async function distances(route: string, trials: number, seed: number): Promise<{ honest: number[]; rerouted: number[] }> {
    const honest = new FingerprintingClient(new QuantumCloud({ id: 'qpu', devices: ['ibm_nairobi', 'ibm_lagos'] }), { tenant: 'v', seed });
    const attacked = new FingerprintingClient(new ReroutingProvider(new QuantumCloud({ id: 'qpu', devices: ['ibm_nairobi', 'ibm_lagos'] }), { routes: { ibm_nairobi: route } }), { tenant: 'v', seed: seed + 1 });
    const h: number[] = [];
    const r: number[] = [];
    for (let i = 0; i < trials; i++) {
      h.push((await honest.probe('ibm_nairobi', [3, 4, 5, 6])).distance);
      r.push((await attacked.probe('ibm_nairobi', [3, 4, 5, 6])).distance);
    }
    return { honest: h, rerouted: r };
  }

  it('separates honest from rerouted runs on a clearly worse device', async () => {
    const d = await distances('ibm_lagos', 15, 1);
    expect(rocAuc(d.honest, d.rerouted)).toBeGreaterThan(0.95);
    // the paper's threshold: honest probes stay below it, Lagos probes exceed it
    expect(d.honest.filter((x) => x > 0.035).length).toBeLessThanOrEqual(1);
    expect(d.rerouted.every((x) => x > 0.035)).toBe(true);
  });

  it('is near chance when the claimed device is the actual one', async () => {
    const d = await distances('ibm_nairobi', 30, 5);
    const auc = rocAuc(d.honest, d.rerouted);
    expect(auc).toBeGreaterThan(0.3);
    expect(auc).toBeLessThan(0.7);
  });

  it('probes every period-th job and refuses bad options', async () => {
    const client = new FingerprintingClient(new QuantumCloud({ id: 'qpu', devices: ['ibm_nairobi'] }), { tenant: 'v', period: 2, shots: 200 });
    for (let i = 0; i < 5; i++) await client.submit(probeLike(i));
    expect(client.probes.map((p) => p.afterJob)).toEqual([1, 3, 5]);
    expect(client.probes[0]?.shots).toBe(200);
    expect(() => new FingerprintingClient(client, { tenant: 'v', period: 0 })).toThrow(/probe period/);
    expect(() => new FingerprintingClient(client, { tenant: 'v', shots: 0 })).toThrow(/probe shots/);
  });
});

function probeLike(seed: number) {
  const c = new CircuitBuilder(2, 2).x(0).cx(0, 1).measure(0, 0).measure(1, 1).build();
  return { tenant: 'v', device: 'ibm_nairobi', form: 'native' as const, circuit: c, qubits: [0, 1], output: 'counts' as const, shots: 100, seed };
}

describe('trap circuits', () => {
  it('give exactly their known output on an ideal backend, logical and transpiled', async () => {
    const u = new CircuitBuilder(3).ry(xParam(0), 0).ry(xParam(1), 1).cx(0, 1).rz(wParam(0), 1).cx(1, 2).ry(wParam(1), 2).h(0).build();
    const rng = new Rng(7);
    // the logical mirror on the ideal cloud (no transpilation, no noise)
    const ideal = new QuantumCloud({ id: 'qpu', devices: ['ibm_nairobi'], simulation: 'ideal' });
    const t = buildTrapTemplate(u, getDevice('ibm_nairobi'));
    const traps = [drawTrap(t, rng), drawTrap(t, rng), drawTrap(t, rng), drawTrap(t, rng)];
    const weights = [0.7, -1.9];
    const logical = await ideal.submit({ tenant: 'v', form: 'logical', circuit: mirrorCircuit(u), output: 'counts', inputs: traps.map((x) => x.inputs), weights, shots: 300 });
    expect(trapSuccess(logical.counts ?? [], traps)).toEqual([1, 1, 1, 1]);
    // the native trap the client transpiled, on the exact statevector
    const native = new StatevectorSimulator().run({ circuit: t.circuit, output: 'counts', inputs: traps.map((x) => x.inputs), weights, shots: 300, seed: 2 });
    expect(trapSuccess(native.counts ?? [], traps)).toEqual([1, 1, 1, 1]);
    expect(new Set(traps.map((x) => x.expected)).size).toBeGreaterThan(1);
  });

  it('predict the success the device then shows, and see the worse device fall short', async () => {
    const u = new CircuitBuilder(2).ry(xParam(0), 0).cx(0, 1).ry(wParam(0), 1).build();
    const nairobi = getDevice('ibm_nairobi');
    const t = buildTrapTemplate(u, nairobi);
    const traps = [drawTrap(t, new Rng(1))];
    const predicted = predictedTrapSuccess(t, nairobi, traps, [0.4]);
    const job = { tenant: 'v', device: 'ibm_nairobi', form: 'native' as const, circuit: t.circuit, qubits: t.qubits, output: 'counts' as const, inputs: traps.map((x) => x.inputs), weights: [0.4], shots: 100_000, seed: 3 };
    const honest = await new QuantumCloud({ id: 'qpu', devices: ['ibm_nairobi', 'ibm_lagos'] }).submit(job);
    expect(Math.abs((trapSuccess(honest.counts ?? [], traps)[0] as number) - (predicted[0] as number))).toBeLessThan(0.01);
    const client = new TrapClient(new ReroutingProvider(new QuantumCloud({ id: 'qpu', devices: ['ibm_nairobi', 'ibm_lagos'] }), { routes: { ibm_nairobi: 'ibm_lagos' } }), { tenant: 'v', trapsPerJob: 3 });
    const record = await client.trap({ tenant: 'v', device: 'ibm_nairobi', form: 'logical', circuit: u, output: 'expectations', weights: [0.4], shots: 1000 });
    expect(record.alarm).toBe(true);
    expect(record.deficit).toBeGreaterThan(record.threshold);
  });

  it('refuse bad options and circuits they cannot mirror', () => {
    const cloud = new QuantumCloud({ id: 'qpu', devices: ['ibm_nairobi'] });
    expect(() => new TrapClient(cloud, { tenant: 'v', rate: 2 })).toThrow(/trap rate/);
    expect(() => new TrapClient(cloud, { tenant: 'v', trapsPerJob: 0 })).toThrow(/traps per job/);
    const midMeasure = new CircuitBuilder(1, 1).measure(0, 0).x(0).build();
    expect(() => mirrorCircuit(midMeasure)).toThrow(InputError);
  });
});

function xParam(i: number): Param {
  return Param.input(i);
}
function wParam(i: number): Param {
  return Param.weight(i);
}
