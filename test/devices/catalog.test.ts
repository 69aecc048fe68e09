import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../src/core/errors.js';
import { DEVICE_IDS, getDevice, listDevices } from '../../src/devices/catalog.js';
import { loadDeviceProfile } from '../../src/devices/load.js';
import { summarizeDevice } from '../../src/devices/summary.js';

const DECIDED_IDS = [
  'ibm_sherbrooke',
  'ibm_torino',
  'ibm_fez',
  'ibm_nairobi',
  'ibm_lagos',
  'ibmq_manila',
  'iqm_garnet',
  'rigetti_ankaa_3',
  'ionq_aria',
  'ionq_forte',
  'oqc_toshiko',
  'quantinuum_h1',
];

describe('the catalog', () => {
  it('holds exactly the agreed device ids', () => {
    expect([...DEVICE_IDS].sort()).toEqual([...DECIDED_IDS].sort());
    expect(listDevices().map((d) => d.id)).toEqual(DEVICE_IDS);
  });

  it.each(DECIDED_IDS)('%s passes its schema from its JSON form', (id) => {
    const p = getDevice(id);
    const reloaded = loadDeviceProfile(JSON.parse(JSON.stringify(p)));
    expect(reloaded).toEqual(p);
    expect(p.sources.length).toBeGreaterThan(0);
  });

  it('unknown ids raise NotFoundError listing every valid id', () => {
    expect(() => getDevice('ibm_brisbane')).toThrow(NotFoundError);
    try {
      getDevice('ibm_brisbane');
    } catch (err) {
      for (const id of DECIDED_IDS) expect((err as Error).message).toContain(id);
    }
  });

  it('profiles are cached and frozen', () => {
    const p = getDevice('ibm_fez');
    expect(getDevice('ibm_fez')).toBe(p);
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.isFrozen(p.calibration.qubits[0])).toBe(true);
  });

  it.each([
    ['ionq_aria', 25],
    ['ionq_forte', 36],
    ['quantinuum_h1', 20],
  ])('all-to-all %s (%i qubits) has n(n−1)/2 couplers and no crosstalk', (id, n) => {
    const p = getDevice(id);
    expect(p.num_qubits).toBe(n);
    expect(p.coupling_map).toHaveLength((n * (n - 1)) / 2);
    expect(p.crosstalk.model).toBe('none');
    expect(p.crosstalk.entries).toHaveLength(0);
  });

  it('native gate sets follow the vendors', () => {
    const gates = (id: string) => getDevice(id).native_gates;
    expect(gates('ibm_sherbrooke')).toMatchObject({ one_qubit: ['id', 'rz', 'sx', 'x'], two_qubit: ['ecr'], virtual: ['rz'] });
    expect(gates('ibm_torino')).toMatchObject({ two_qubit: ['cz'], extras: ['rx'] });
    expect(gates('ibm_fez')).toMatchObject({ one_qubit: ['id', 'rz', 'sx', 'x'], two_qubit: ['cz'], extras: ['rx', 'rzz'] });
    expect(gates('ibm_nairobi').two_qubit).toEqual(['cx']);
    expect(gates('iqm_garnet')).toMatchObject({ one_qubit: ['prx'], two_qubit: ['cz'] });
    expect(gates('ionq_aria')).toMatchObject({ one_qubit: ['gpi', 'gpi2'], two_qubit: ['ms'] });
    expect(gates('quantinuum_h1')).toMatchObject({ one_qubit: ['r', 'rz'], two_qubit: ['rzz'], virtual: ['rz'] });
    expect(gates('oqc_toshiko').two_qubit).toEqual(['ecr']);
    expect(gates('rigetti_ankaa_3').two_qubit).toEqual(['iswap']);
  });

  it('only Eagle (ECR) is directed; its directions cover every usable coupler', () => {
    for (const id of DECIDED_IDS) {
      const p = getDevice(id);
      expect(p.directed).toBe(id === 'ibm_sherbrooke');
    }
    const eagle = getDevice('ibm_sherbrooke');
    expect(eagle.directed_couplers).toHaveLength(eagle.coupling_map.length);
  });

  it('synthetic calibrations and topologies are flagged', () => {
    const synthetic = DECIDED_IDS.filter((id) => getDevice(id).calibration.synthetic);
    expect(synthetic.sort()).toEqual(['ionq_aria', 'ionq_forte', 'oqc_toshiko', 'quantinuum_h1', 'rigetti_ankaa_3']);
    expect(DECIDED_IDS.filter((id) => getDevice(id).topology.synthetic)).toEqual(['oqc_toshiko']);
    for (const id of synthetic) expect(getDevice(id).sources.some((s) => s.confidence === 'assumed' || s.confidence === 'recall' || s.confidence === 'doc')).toBe(true);
  });

  it('lagos is the measurably worse twin of nairobi (same topology, degraded readout)', () => {
    const good = summarizeDevice(getDevice('ibm_nairobi'));
    const bad = summarizeDevice(getDevice('ibm_lagos'));
    expect(getDevice('ibm_lagos').coupling_map).toEqual(getDevice('ibm_nairobi').coupling_map);
    expect(bad.median_readout_error).toBeGreaterThan(5 * good.median_readout_error);
    expect(bad.median_reset_residual).toBeGreaterThan(5 * good.median_reset_residual);
  });
});
