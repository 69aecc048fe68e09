import { describe, expect, it } from 'vitest';
import { run } from '../cli/run-cli.js';
import { loadDeviceProfile } from '../../src/devices/load.js';


describe('qmlsec devices', () => {
  it('list --format json: [{ id, vendor, num_qubits }, …] for the 12 devices', async () => {
    const { code, out } = await run('devices', 'list', '--format', 'json');
    expect(code).toBe(0);
    const rows = JSON.parse(out) as { id: string; vendor: string; num_qubits: number }[];
    expect(rows).toHaveLength(12);
    for (const r of rows) {
      expect(typeof r.id).toBe('string');
      expect(typeof r.vendor).toBe('string');
      expect(Number.isInteger(r.num_qubits)).toBe(true);
    }
    expect(rows.find((r) => r.id === 'ibm_fez')).toMatchObject({ vendor: 'IBM', num_qubits: 156 });
  });

  it('list (text) prints one line per device', async () => {
    const { code, out } = await run('devices', 'list');
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(13);
    expect(out).toMatch(/ionq_forte\s+IonQ\s+36\s+IonQ Forte/);
  });

  it('show ID --format json: id, num_qubits, coupling_map pairs, native_gates names, reloadable profile', async () => {
    const { code, out } = await run('devices', 'show', 'ibm_sherbrooke', '--format', 'json');
    expect(code).toBe(0);
    const j = JSON.parse(out) as { id: string; num_qubits: number; coupling_map: unknown[]; native_gates: string[]; profile: unknown };
    expect(j.id).toBe('ibm_sherbrooke');
    expect(j.num_qubits).toBe(127);
    expect(j.coupling_map).toHaveLength(144 - 9);
    for (const pair of j.coupling_map) {
      expect(Array.isArray(pair) && pair.length === 2 && pair.every((q) => Number.isInteger(q) && q >= 0 && q < 127)).toBe(true);
    }
    expect(j.native_gates).toEqual(['id', 'rz', 'sx', 'x', 'ecr']);
    expect(loadDeviceProfile(j.profile).id).toBe('ibm_sherbrooke');
  });

  it('show ID (text) gives medians and sources', async () => {
    const { code, out } = await run('devices', 'show', 'ibm_fez');
    expect(code).toBe(0);
    expect(out).toMatch(/median T1 145 µs, T2 88 µs, readout error 0\.00757/);
    expect(out).toMatch(/price: \$1\.60 per second of QPU time/);
    expect(out).toMatch(/\[transcribed\].*73514f06603854cae92573c28c8462d4027efcb9/);
  });

  it('an unknown device exits 1 and lists the valid ones', async () => {
    const { code, err } = await run('devices', 'show', 'ibm_brisbane');
    expect(code).toBe(1);
    expect(err).toMatch(/unknown device "ibm_brisbane"; valid devices: ibm_sherbrooke, .*quantinuum_h1/);
  });

  it('a bad --format is a usage error (exit 2)', async () => {
    const { code, err } = await run('devices', 'list', '--format', 'yaml');
    expect(code).toBe(2);
    expect(err).toMatch(/--format must be one of text, json/);
  });
});
