import { describe, expect, it } from 'vitest';
import { getDevice } from '../../src/devices/catalog.js';
import { normalizeEdges } from '../../src/devices/lattices.js';
import { summarizeDevice } from '../../src/devices/summary.js';
import { gateParam, HAS_REFERENCE, IBM_FILES, NEEDS_REFERENCE, qubitProp, readReference, type Conf, type Props } from './reference.js';

/** `actual` rounded to the significant digits written in `expected` equals `expected`. */
function roundsTo(actual: number, expected: string): void {
  const mantissa = expected.toLowerCase().split('e')[0]!.replace('-', '').replace('.', '').replace(/^0+/, '');
  const digits = Math.max(1, mantissa.length);
  expect(Number(actual.toPrecision(digits))).toBe(Number(expected));
}

// The medians table of ../shared/reference/devices/README.md, transcribed:
// [2q error, 2q length ns, sx error, sx length ns, T1 µs, T2 µs, readout error].
const README_MEDIANS: Record<keyof typeof IBM_FILES, readonly [string, string, string, string, string, string, string]> = {
  ibm_sherbrooke: ['7.5e-3', '533', '2.4e-4', '57', '278', '170', '0.020'],
  ibm_torino: ['4.1e-3', '68', '2.7e-4', '32', '185', '141', '0.023'],
  ibm_fez: ['3.8e-3', '84', '2.3e-4', '24', '145', '88', '0.0076'],
  ibmq_manila: ['1.0e-2', '345', '3.5e-4', '36', '145', '54', '0.022'],
  ibm_lagos: ['1.0e-2', '469', '2.5e-4', '36', '105', '72', '0.169'],
  ibm_nairobi: ['7.8e-3', '309', '4.0e-4', '36', '87', '106', '0.022'],
};

describe('IBM medians match the reference README table', () => {
  it.each(Object.keys(README_MEDIANS) as (keyof typeof IBM_FILES)[])('%s', (id) => {
    const s = summarizeDevice(getDevice(id));
    const [e2, l2, e1, l1, t1, t2, ro] = README_MEDIANS[id];
    roundsTo(s.median_2q_error, e2);
    roundsTo(s.median_2q_duration_ns, l2);
    roundsTo(s.median_1q_error, e1);
    roundsTo(s.median_1q_duration_ns, l1);
    roundsTo(s.median_t1_us, t1);
    roundsTo(s.median_t2_us, t2);
    roundsTo(s.median_readout_error, ro);
  });

  it('dead couplers per the README: sherbrooke 9, torino 11 (22 entries), fez 7 (14 entries)', () => {
    expect(getDevice('ibm_sherbrooke').dropped_couplers).toHaveLength(9);
    expect(getDevice('ibm_torino').dropped_couplers).toHaveLength(11);
    expect(getDevice('ibm_fez').dropped_couplers).toHaveLength(7);
    for (const id of ['ibm_nairobi', 'ibm_lagos', 'ibmq_manila']) expect(getDevice(id).dropped_couplers).toHaveLength(0);
  });
});

describe.skipIf(!HAS_REFERENCE)(`IBM profiles reproduce the calibration snapshots${NEEDS_REFERENCE}`, () => {
  const ids = Object.keys(IBM_FILES) as (keyof typeof IBM_FILES)[];

  it.each(ids)('%s: dead couplers are exactly the basis-gate entries at error 1.0', (id) => {
    const conf = readReference<Conf>(`conf_${IBM_FILES[id]}.json`);
    const props = readReference<Props>(`props_${IBM_FILES[id]}.json`);
    const basis2q = conf.basis_gates.find((g) => ['ecr', 'cz', 'cx'].includes(g))!;
    const deadEntries = props.gates.filter((g) => g.gate === basis2q && gateParam(g, 'gate_error') === 1);
    const deadPairs = normalizeEdges(deadEntries.map((g) => [g.qubits[0]!, g.qubits[1]!] as const));
    const p = getDevice(id);
    expect(p.dropped_couplers.map((d) => d.qubits)).toEqual(deadPairs);
    const dead = new Set(deadPairs.map(([a, b]) => `${a}-${b}`));
    expect(p.coupling_map).toEqual(normalizeEdges(conf.coupling_map).filter(([a, b]) => !dead.has(`${a}-${b}`)));
  });

  it('dead-entry counts: sherbrooke 9, torino 22, fez 14 (README)', () => {
    const count = (file: string, gate: string) =>
      readReference<Props>(`props_${file}.json`).gates.filter((g) => g.gate === gate && gateParam(g, 'gate_error') === 1).length;
    expect(count('sherbrooke', 'ecr')).toBe(9);
    expect(count('torino', 'cz')).toBe(22);
    expect(count('fez', 'cz')).toBe(14);
  });

  it.each(ids)('%s: per-qubit figures equal the snapshot', (id) => {
    const props = readReference<Props>(`props_${IBM_FILES[id]}.json`);
    const p = getDevice(id);
    expect(p.calibration.date).toBe(props.last_update_date);
    props.qubits.forEach((q, i) => {
      const c = p.calibration.qubits[i]!;
      const pairs: [number | undefined, number | undefined][] = [
        [c.t1_us, qubitProp(q, 'T1')],
        [c.t2_us, qubitProp(q, 'T2')],
        [c.readout_error, qubitProp(q, 'readout_error')],
        [c.prob_meas0_prep1, qubitProp(q, 'prob_meas0_prep1')],
        [c.prob_meas1_prep0, qubitProp(q, 'prob_meas1_prep0')],
        [c.readout_length_ns, qubitProp(q, 'readout_length')],
        [c.frequency_ghz, qubitProp(q, 'frequency')],
      ];
      for (const [ours, theirs] of pairs) {
        if (theirs === undefined) expect(ours).toBeUndefined();
        else expect(Math.abs(ours! - theirs)).toBeLessThanOrEqual(1e-6 * Math.abs(theirs) + 1e-12);
      }
    });
  });

  it.each(ids)('%s: every usable gate calibration equals the snapshot entry', (id) => {
    const props = readReference<Props>(`props_${IBM_FILES[id]}.json`);
    const byKey = new Map(props.gates.map((g) => [`${g.gate}:${g.qubits.join('-')}`, g]));
    const p = getDevice(id);
    for (const c of p.calibration.gates) {
      const g = byKey.get(`${c.gate}:${c.qubits.join('-')}`);
      expect(g, `${c.gate} on ${c.qubits.join('-')}`).toBeDefined();
      expect(c.error / gateParam(g!, 'gate_error')!).toBeCloseTo(1, 6);
      expect(c.duration_ns / gateParam(g!, 'gate_length')!).toBeCloseTo(1, 6);
    }
    const live = props.gates.filter((g) => g.qubits.length === 2 && gateParam(g, 'gate_error') !== 1 && p.coupling_map.some(([a, b]) => g.qubits.includes(a) && g.qubits.includes(b)));
    // Heron lists both directions with identical figures; qmlsec keeps one of them.
    const undirected = new Set(live.map((g) => `${g.gate}:${Math.min(...g.qubits)}-${Math.max(...g.qubits)}`));
    const ours2q = p.calibration.gates.filter((c) => c.qubits.length === 2);
    expect(new Set(ours2q.map((c) => `${c.gate}:${Math.min(...c.qubits)}-${Math.max(...c.qubits)}`))).toEqual(undirected);
  });

  it('ibm_sherbrooke: ECR directions are the snapshot’s', () => {
    const props = readReference<Props>('props_sherbrooke.json');
    const live = props.gates.filter((g) => g.gate === 'ecr' && gateParam(g, 'gate_error') !== 1).map((g) => `${g.qubits[0]}>${g.qubits[1]}`);
    const ours = getDevice('ibm_sherbrooke').directed_couplers!.map(([c, t]) => `${c}>${t}`);
    expect(ours.sort()).toEqual(live.sort());
  });

  it('ibm_sherbrooke: crosstalk uses the published static ZZ', () => {
    const props = readReference<Props>('props_sherbrooke.json');
    const published = props.general.filter((g) => g.name.startsWith('zz_') && g.value !== 0);
    const p = getDevice('ibm_sherbrooke');
    const entries = p.crosstalk.entries.filter((e) => e.zz_source === 'published');
    expect(entries.length).toBeGreaterThan(0);
    const magnitudes = published.map((g) => Math.abs(g.value) * 1e6);
    for (const e of entries) expect(magnitudes.some((m) => Math.abs(m - e.zz_khz) <= 1e-5 * m)).toBe(true);
  });
});
