import { describe, expect, it } from 'vitest';
import { median, stddev } from '../../src/core/numeric.js';
import { Rng } from '../../src/core/rng.js';
import { DEVICE_IDS, getDevice } from '../../src/devices/catalog.js';
import { FIXED_COUPLING_CR, spectatorCrosstalk, TUNABLE_COUPLER, zzPhaseError } from '../../src/devices/crosstalk.js';
import { EAGLE_R3_127, heavyHex, line } from '../../src/devices/lattices.js';
import { errorFromDepolarizing } from '../../src/devices/profiles/iqm-garnet.js';
import { meanResetResidual, measureAndFlipReset, opticalPumpingReset } from '../../src/devices/reset.js';
import { summarizeDevice } from '../../src/devices/summary.js';
import { valuesAroundMedian } from '../../src/devices/synthetic.js';
import { HAS_REFERENCE, NEEDS_REFERENCE, readReference } from './reference.js';

describe('static-ZZ phase error', () => {
  it('is sin²(π·ζ·τ/2): 0 without coupling, 1 when ζ·τ = 1, quadratic when small', () => {
    expect(zzPhaseError(0, 500)).toBe(0);
    expect(zzPhaseError(1000, 1000)).toBeCloseTo(1, 12); // 1 MHz × 1 µs
    expect(zzPhaseError(500, 1000)).toBeCloseTo(0.5, 12); // θ = π/2
    const small = zzPhaseError(10, 100); // θ = π·1e4·1e-7
    expect(small / ((Math.PI * 1e4 * 1e-7) ** 2 / 4)).toBeCloseTo(1, 5);
  });
});

describe('spectator crosstalk model', () => {
  const lineInput = (id: string) => ({
    deviceId: id,
    numQubits: 4,
    physicalEdges: line(4).edges,
    couplingMap: line(4).edges,
    gateDurationNs: () => 300,
    technology: FIXED_COUPLING_CR,
  });

  it('lists each idle neighbour of each coupler once (line 0–1–2–3: 4 entries)', () => {
    const x = spectatorCrosstalk(lineInput('test'));
    expect(x.entries.map((e) => [e.coupler, e.spectator, e.via])).toEqual([
      [[0, 1], 2, 1],
      [[1, 2], 0, 1],
      [[1, 2], 3, 2],
      [[2, 3], 1, 2],
    ]);
  });

  it('is reproducible per device id and differs between ids', () => {
    expect(spectatorCrosstalk(lineInput('a'))).toEqual(spectatorCrosstalk(lineInput('a')));
    expect(spectatorCrosstalk(lineInput('a')).entries[0]!.error).not.toBe(spectatorCrosstalk(lineInput('b')).entries[0]!.error);
  });

  it('uses a published ZZ figure when one is given', () => {
    const x = spectatorCrosstalk({ ...lineInput('test'), publishedZzKhz: new Map([['1-2', 100]]) });
    const e = x.entries.find((v) => v.via === 1 && v.spectator === 2)!;
    expect(e).toMatchObject({ zz_khz: 100, zz_source: 'published' });
    expect(x.entries.find((v) => v.via === 2 && v.spectator === 3)!.zz_source).toBe('modelled');
  });

  it.each(DEVICE_IDS.filter((id) => getDevice(id).crosstalk.model === 'spectator'))('%s: error = ZZ part + a drive part inside the technology range', (id) => {
    const p = getDevice(id);
    const tech = p.native_gates.two_qubit[0] === 'ecr' || p.native_gates.two_qubit[0] === 'cx' ? FIXED_COUPLING_CR : TUNABLE_COUPLER;
    const tau = new Map<string, number[]>();
    for (const g of p.calibration.gates) {
      if (g.qubits.length !== 2 || !p.native_gates.two_qubit.includes(g.gate)) continue;
      const k = `${Math.min(...g.qubits)}-${Math.max(...g.qubits)}`;
      tau.set(k, [...(tau.get(k) ?? []), g.duration_ns]);
    }
    const [lo, hi] = tech.driveError;
    for (const e of p.crosstalk.entries) {
      const drive = e.error - zzPhaseError(e.zz_khz, median(tau.get(`${e.coupler[0]}-${e.coupler[1]}`)!));
      expect(drive).toBeGreaterThanOrEqual(lo * (1 - 1e-4));
      expect(drive).toBeLessThanOrEqual(hi * (1 + 1e-4));
    }
  });

  it('ibm_sherbrooke: one entry per (usable coupler, physical neighbour) pair', () => {
    const p = getDevice('ibm_sherbrooke');
    const physical = heavyHex(EAGLE_R3_127).edges;
    const degree = new Array<number>(127).fill(0);
    for (const [a, b] of physical) {
      degree[a]!++;
      degree[b]!++;
    }
    const expected = p.coupling_map.reduce((sum, [a, b]) => sum + degree[a]! + degree[b]! - 2, 0);
    expect(p.crosstalk.entries).toHaveLength(expected);
  });

  it('fixed-coupling devices cross-talk more than tunable-coupler ones (median spectator error)', () => {
    const med = (id: string) => summarizeDevice(getDevice(id)).crosstalk.median_error!;
    expect(med('ibm_sherbrooke')).toBeGreaterThan(2 * med('ibm_fez'));
    expect(med('ibm_sherbrooke')).toBeGreaterThan(1e-3);
    expect(med('ibm_sherbrooke')).toBeLessThan(1e-2);
  });
});

describe('reset models', () => {
  it('measure-and-flip leaves the assignment errors behind', () => {
    const q = { qubit: 0, t1_us: 100, t2_us: 100, readout_error: 0.02, prob_meas0_prep1: 0.03, prob_meas1_prep0: 0.01 };
    expect(measureAndFlipReset([q], [1200])).toEqual([{ qubit: 0, residual_from_0: 0.01, residual_from_1: 0.03, duration_ns: 1200 }]);
    expect(meanResetResidual(measureAndFlipReset([q])[0]!)).toBeCloseTo(0.02, 15);
  });

  it('optical pumping is state-independent', () => {
    expect(opticalPumpingReset(2, 1e-4)).toEqual([
      { qubit: 0, residual_from_0: 1e-4, residual_from_1: 1e-4 },
      { qubit: 1, residual_from_0: 1e-4, residual_from_1: 1e-4 },
    ]);
  });

  it('superconducting resets leave 0.5–3 % (active reset), ions far less', () => {
    for (const id of ['ibm_sherbrooke', 'ibm_torino', 'ibm_fez', 'ibm_nairobi', 'iqm_garnet']) {
      const r = summarizeDevice(getDevice(id)).median_reset_residual;
      expect(r).toBeGreaterThan(0.005);
      expect(r).toBeLessThan(0.03);
    }
    expect(summarizeDevice(getDevice('ionq_aria')).median_reset_residual).toBeLessThan(1e-3);
  });
});

describe('synthetic per-qubit values', () => {
  it('have exactly the published median (odd and even counts)', () => {
    for (const n of [1, 2, 25, 36, 84]) expect(median(valuesAroundMedian(0.004, n, new Rng(n), { logSpread: 0.25 }))).toBeCloseTo(0.004, 15);
  });

  it('spread as documented (σ of ln ≈ logSpread) and respect the cap', () => {
    const v = valuesAroundMedian(1, 4001, new Rng('spread'), { logSpread: 0.2 });
    expect(stddev(v.map(Math.log))).toBeGreaterThan(0.18);
    expect(stddev(v.map(Math.log))).toBeLessThan(0.22);
    expect(Math.max(...valuesAroundMedian(0.4, 101, new Rng(1), { logSpread: 1, max: 0.5 }))).toBeLessThanOrEqual(0.5);
  });

  it('reproduce the headline medians of the vendor table', () => {
    const s = (id: string) => summarizeDevice(getDevice(id));
    // ../shared/reference/devices/vendor_devices.json: Aria 1q 99.95 %, 2q 99.6 %, SPAM 99.61 %.
    expect(s('ionq_aria').median_1q_error).toBeCloseTo(1 - 0.9995, 8);
    expect(s('ionq_aria').median_2q_error).toBeCloseTo(1 - 0.996, 8);
    expect(s('ionq_aria').median_readout_error).toBeCloseTo(1 - 0.9961, 8);
    expect(s('ionq_aria').median_2q_duration_ns).toBe(600_000);
    // Forte 1q 99.98 %, 2q 99.5 %; H1-1 2q 99.8 %, 1q 99.995 %, SPAM 99.7 %.
    expect(s('ionq_forte').median_2q_error).toBeCloseTo(0.005, 8);
    expect(s('ionq_forte').median_1q_error).toBeCloseTo(0.0002, 8);
    expect(s('quantinuum_h1').median_2q_error).toBeCloseTo(0.002, 8);
    expect(s('quantinuum_h1').median_1q_error).toBeCloseTo(0.00005, 9);
    expect(s('quantinuum_h1').median_readout_error).toBeCloseTo(0.003, 8);
    // Ankaa-3 2q 99.0 %; Toshiko median T1 69 µs, T2 103 µs.
    expect(s('rigetti_ankaa_3').median_2q_error).toBeCloseTo(0.01, 8);
    expect(s('oqc_toshiko').median_t1_us).toBeCloseTo(69, 4);
    expect(s('oqc_toshiko').median_t2_us).toBeCloseTo(103, 4);
  });
});

describe('IQM Garnet', () => {
  it('converts depolarizing λ to average gate infidelity: λ/2 (1q), 3λ/4 (2q)', () => {
    expect(errorFromDepolarizing(0.002, 1)).toBeCloseTo(0.001, 15);
    expect(errorFromDepolarizing(0.004, 2)).toBeCloseTo(0.003, 15);
  });

  it('matches the README summary of the sample profile', () => {
    // README: median CZ depolarizing 5.8e-3, median PRX 1.0e-3, T1 37.6 µs, T2 9.6 µs, readout ≈ 2.5 %.
    const s = summarizeDevice(getDevice('iqm_garnet'));
    expect(Number(((s.median_2q_error * 4) / 3).toPrecision(2))).toBe(5.8e-3);
    expect(Number((s.median_1q_error * 2).toPrecision(2))).toBe(1.0e-3);
    expect(Number(s.median_t1_us.toPrecision(3))).toBe(37.6);
    expect(Number(s.median_t2_us.toPrecision(2))).toBe(9.6);
    expect(Number(s.median_readout_error.toPrecision(2))).toBe(0.025);
    expect(s.quantum_volume).toBe(32);
  });

  it.skipIf(!HAS_REFERENCE)(`per-qubit figures equal the fake-backend profile${NEEDS_REFERENCE}`, () => {
    const g = readReference<{ t1_ns: number[]; t2_ns: number[]; readout_error: { p_meas1_given0: number; p_meas0_given1: number }[] }>('iqm_garnet_fake_profile.json');
    getDevice('iqm_garnet').calibration.qubits.forEach((q, i) => {
      expect(q.t1_us).toBeCloseTo(g.t1_ns[i]! / 1000, 9);
      expect(q.t2_us).toBeCloseTo(g.t2_ns[i]! / 1000, 9);
      expect(q.prob_meas0_prep1).toBe(g.readout_error[i]!.p_meas0_given1);
      expect(q.prob_meas1_prep0).toBe(g.readout_error[i]!.p_meas1_given0);
    });
  });
});
