import { describe, expect, it } from 'vitest';
import { ParseError, ValidationError } from '../../src/core/errors.js';
import { getDevice } from '../../src/devices/catalog.js';
import { loadDeviceProfile } from '../../src/devices/load.js';
import type { DeviceProfile } from '../../src/devices/schema.js';
import { tinyProfile } from './fixture.js';

/** Applies `edit` to a fresh copy of the fixture and returns the ValidationError it causes. */
function brokenBy(edit: (p: Record<string, unknown> & DeviceProfile) => void): ValidationError {
  const p = structuredClone(tinyProfile()) as Record<string, unknown> & DeviceProfile;
  edit(p);
  try {
    loadDeviceProfile(p);
  } catch (err) {
    if (err instanceof ValidationError) return err;
    throw err;
  }
  throw new Error('expected a ValidationError');
}

const paths = (e: ValidationError): string[] => e.issues.map((i) => i.path.join('.'));

describe('loadDeviceProfile', () => {
  it('accepts the hand-written fixture and JSON text of it', () => {
    expect(loadDeviceProfile(tinyProfile()).id).toBe('tiny_line');
    expect(loadDeviceProfile(JSON.stringify(tinyProfile())).num_qubits).toBe(3);
  });

  it('rejects a field of the wrong range with its path', () => {
    const err = brokenBy((p) => {
      p.calibration.qubits[1]!.t1_us = -5;
    });
    expect(paths(err)).toEqual(['calibration.qubits.1.t1_us']);
    expect(err.message).toMatch(/at calibration\.qubits\[1\]\.t1_us:/);
    expect(err.message).toMatch(/device profile "tiny_line"/);
  });

  it('rejects unknown fields (strict objects)', () => {
    const err = brokenBy((p) => {
      (p.queue as Record<string, unknown>)['median_wiat_s'] = 3;
    });
    expect(err.message).toMatch(/at queue: unknown field\(s\) "median_wiat_s"/);
  });

  it('rejects an unknown price kind at price.kind', () => {
    const err = brokenBy((p) => {
      (p.price as Record<string, unknown>)['kind'] = 'per_minute';
    });
    expect(paths(err)).toContain('price.kind');
  });

  it('rejects a gate that is not in the gate library, naming the list entry', () => {
    const err = brokenBy((p) => {
      p.native_gates.two_qubit = ['cnotz'];
    });
    expect(paths(err)).toContain('native_gates.two_qubit.0');
    expect(err.message).toMatch(/"cnotz" is not a gate-library name/);
  });

  it('rejects a one-qubit gate listed as two-qubit', () => {
    const err = brokenBy((p) => {
      p.native_gates.two_qubit = ['cz', 'sx'];
    });
    expect(err.message).toMatch(/at native_gates\.two_qubit\[1\]: "sx" acts on 1 qubit\(s\), expected 2/);
  });

  it('rejects couplers outside the qubit range or written backwards', () => {
    const err = brokenBy((p) => {
      p.coupling_map = [[0, 1], [2, 1], [1, 7]];
    });
    expect(err.message).toMatch(/at coupling_map\[1\]: coupler \[2, 1\] must be written \[smaller, larger\]/);
    expect(err.message).toMatch(/at coupling_map\[2\]: coupler \[1, 7\] names a qubit outside 0\.\.2/);
  });

  it('requires a calibration for every physical native gate on every qubit and coupler', () => {
    const err = brokenBy((p) => {
      p.calibration.gates = p.calibration.gates.filter((g) => !(g.gate === 'sx' && g.qubits[0] === 2) && !(g.gate === 'cz' && g.qubits[0] === 1));
    });
    expect(err.message).toMatch(/no calibration of sx on qubit 2/);
    expect(err.message).toMatch(/at coupling_map\[1\]: coupler \[1, 2\] has no calibration of a native two-qubit gate/);
  });

  it('rejects a calibration of a virtual gate and a two-qubit gate on a missing coupler', () => {
    const err = brokenBy((p) => {
      p.calibration.gates.push({ gate: 'rz', qubits: [0], error: 0, duration_ns: 0 }, { gate: 'cz', qubits: [0, 2], error: 0.01, duration_ns: 100 });
    });
    expect(paths(err)).toEqual(['calibration.gates.5.gate', 'calibration.gates.6.qubits']);
  });

  it('checks that readout_error is the mean of the assignment errors', () => {
    const err = brokenBy((p) => {
      p.calibration.qubits[0]!.readout_error = 0.5;
    });
    expect(paths(err)).toEqual(['calibration.qubits.0.readout_error']);
  });

  it('checks per-qubit lists have one entry per qubit, in order', () => {
    const err = brokenBy((p) => {
      p.reset.qubits = p.reset.qubits.slice(0, 2);
      p.calibration.qubits = [p.calibration.qubits[1]!, p.calibration.qubits[0]!, p.calibration.qubits[2]!];
    });
    expect(err.message).toMatch(/at reset\.qubits: must have one entry per qubit \(3\), found 2/);
    expect(err.message).toMatch(/at calibration\.qubits\[0\]\.qubit: entry 0 describes qubit 1/);
  });

  it('checks crosstalk entries name a real coupler and an outside spectator', () => {
    const err = brokenBy((p) => {
      p.crosstalk.entries.push({ coupler: [0, 2], spectator: 1, via: 0, zz_khz: 1, zz_source: 'modelled', error: 0.001 });
      p.crosstalk.entries.push({ coupler: [1, 2], spectator: 1, via: 2, zz_khz: 1, zz_source: 'modelled', error: 0.001 });
    });
    expect(paths(err)).toEqual(['crosstalk.entries.1.coupler', 'crosstalk.entries.2.spectator']);
  });

  it('requires directed_couplers exactly when directed, one direction per coupler', () => {
    expect(paths(brokenBy((p) => (p.directed = true)))).toEqual(['directed_couplers']);
    const err = brokenBy((p) => {
      p.directed = true;
      p.directed_couplers = [[1, 0], [2, 1]];
    });
    expect(err.message).toMatch(/runs against the calibrated direction \[1, 0\]/);
  });

  it('reports JSON syntax errors with line and column', () => {
    const text = '{\n  "id": 1\n  "x": 2\n}';
    expect(() => loadDeviceProfile(text, 'dev.json')).toThrow(ParseError);
    // Position 14 is the opening quote of "x": line 3, column 3.
    expect(() => loadDeviceProfile(text, 'dev.json')).toThrow(/dev\.json:3:3:/);
  });

  it('reads back the JSON form of a catalog profile unchanged', () => {
    const p = getDevice('ibm_nairobi');
    expect(loadDeviceProfile(JSON.stringify(p))).toEqual(p);
  });
});
