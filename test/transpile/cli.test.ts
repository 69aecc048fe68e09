import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../cli/run-cli.js';
import { parseQasm } from '../../src/circuit/qasm/index.js';
import { checkEquivalence, targetForDevice } from '../../src/transpile/index.js';
import { nativeViolations } from './helpers.js';


const dir = mkdtempSync(join(tmpdir(), 'qmlsec-transpile-'));
const QFT4 = `OPENQASM 2.0;
include "qelib1.inc";
qreg q[4];
creg c[4];
h q[0]; cu1(pi/2) q[1],q[0]; cu1(pi/4) q[2],q[0]; cu1(pi/8) q[3],q[0];
h q[1]; cu1(pi/2) q[2],q[1]; cu1(pi/4) q[3],q[1];
h q[2]; cu1(pi/2) q[3],q[2];
h q[3];
swap q[0],q[3]; swap q[1],q[2];
measure q -> c;
`;
const file = join(dir, 'qft4.qasm');
writeFileSync(file, QFT4);

interface Contract {
  qasm: string;
  initial_layout: number[];
  final_layout: number[];
  metrics: Record<string, number>;
}

describe('qmlsec transpile', () => {
  for (const device of ['ibm_sherbrooke', 'iqm_garnet', 'ionq_aria', 'rigetti_ankaa_3', 'quantinuum_h1']) {
    it(`prints the JSON contract for ${device}: native QASM on physical qubits, equivalent up to layout`, async () => {
      const { code, out, err } = await run('transpile', file, '--device', device, '--level', '2', '--seed', '3');
      expect(err).toBe('');
      expect(code).toBe(0);
      const json = JSON.parse(out) as Contract;
      expect(Object.keys(json.metrics).sort()).toEqual(['depth', 'estimated_success_probability', 'seconds', 'swaps', 'two_qubit_depth', 'two_qubit_gates']);
      const target = targetForDevice(device);
      const physical = parseQasm(json.qasm);
      expect(physical.numQubits).toBe(target.numQubits);
      expect(nativeViolations(physical, target)).toEqual([]);
      expect(json.initial_layout).toHaveLength(4);
      const original = parseQasm(QFT4);
      expect(checkEquivalence(original, physical, { initialLayout: json.initial_layout, finalLayout: json.final_layout }).equivalent).toBe(true);
      expect(json.metrics['estimated_success_probability']).toBeGreaterThan(0);
      expect(json.metrics['estimated_success_probability']).toBeLessThan(1);
    });
  }

  it('--format qasm prints only the program; the same seed gives the same output', async () => {
    const a = await run('transpile', file, '--device', 'ibm_nairobi', '--format', 'qasm', '--seed', '9');
    const b = await run('transpile', file, '--device', 'ibm_nairobi', '--format', 'qasm', '--seed', '9');
    expect(a.code).toBe(0);
    expect(a.out.startsWith('OPENQASM 2.0;')).toBe(true);
    expect(a.out).toBe(b.out);
  });

  it('an unknown device lists the valid ones (exit 1)', async () => {
    const { code, err } = await run('transpile', file, '--device', 'ibm_atlantis');
    expect(code).toBe(1);
    expect(err).toMatch(/unknown device "ibm_atlantis"; valid devices: .*ibm_sherbrooke.*iqm_garnet/);
  });

  it('a circuit wider than the device is a clear input error (exit 1)', async () => {
    const wide = join(dir, 'wide.qasm');
    writeFileSync(wide, 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[6];\nh q[5];\n');
    const { code, err } = await run('transpile', wide, '--device', 'ibmq_manila');
    expect(code).toBe(1);
    expect(err).toMatch(/the circuit has 6 qubits but ibmq_manila has only 5/);
  });

  it('usage errors exit 2: missing --device, bad level, bad format', async () => {
    expect((await run('transpile', file)).code).toBe(2);
    expect((await run('transpile', file, '--device', 'ibm_fez', '--level', '4')).code).toBe(2);
    expect((await run('transpile', file, '--device', 'ibm_fez', '--format', 'yaml')).code).toBe(2);
  });

  it('a missing file is an input error naming it', async () => {
    const { code, err } = await run('transpile', join(dir, 'nope.qasm'), '--device', 'ibm_fez');
    expect(code).toBe(1);
    expect(err).toMatch(/cannot read .*nope\.qasm: no such file/);
  });
});
