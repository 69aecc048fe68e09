import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'qmlsec-sim-'));
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}
const bell = file('bell.qasm', 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0],q[1];\nmeasure q -> c;\n');

describe('qmlsec simulate', () => {
  it('prints the statevector JSON contract (final measurements left out)', async () => {
    const r = await runCli(['simulate', bell, '--output', 'statevector', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.num_qubits).toBe(2);
    expect(j.statevector[0][0]).toBeCloseTo(Math.SQRT1_2, 15);
    expect(j.statevector[3][0]).toBeCloseTo(Math.SQRT1_2, 15);
    expect(j.statevector[1]).toEqual([0, 0]);
  });

  it('prints probabilities, counts and expectations', async () => {
    const p = JSON.parse((await runCli(['simulate', bell, '-o', 'probabilities', '--format', 'json'])).stdout);
    expect(p.probabilities[0]).toBeCloseTo(0.5, 15);
    const c = JSON.parse((await runCli(['simulate', bell, '--shots', '1000', '--seed', '3', '--format', 'json'])).stdout);
    expect(c.counts['00'] + c.counts['11']).toBe(1000);
    const e = JSON.parse((await runCli(['simulate', bell, '--observable', 'Z0Z1', '--observable', '0.5*X0X1 + Z0', '--format', 'json'])).stdout);
    expect(e.expectations[0]).toBeCloseTo(1, 14);
    expect(e.expectations[1]).toBeCloseTo(0.5, 14);
  });

  it('exits 1 with line:column for malformed QASM and 2 for usage errors', async () => {
    const bad = file('bad.qasm', 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\nfoo q[0];\n');
    const r = await runCli(['simulate', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.qasm:4:1.*unknown gate.*foo/i);
    expect((await runCli(['simulate', bell, '--output', 'nonsense'])).code).toBe(2);
    expect((await runCli(['simulate', bell, '--shots', '-5'])).code).toBe(2);
    expect((await runCli(['simulate', join(dir, 'missing.qasm')])).stderr).toMatch(/no such file/);
  });

  it('explains why a circuit with mid-circuit measurement can only be sampled', async () => {
    const mid = file('mid.qasm', 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[1];\ncreg c[1];\nh q[0];\nmeasure q[0] -> c[0];\nx q[0];\n');
    const r = await runCli(['simulate', mid, '-o', 'statevector']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/can only be sampled/);
  });

  it('refuses a state that does not fit in memory, saying how much it needs', async () => {
    const big = file('big.qasm', 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[40];\nh q[0];\n');
    const r = await runCli(['simulate', big]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/40 qubits.*16\.0 TiB/);
  });
});

describe('qmlsec simulate --noise', () => {
  it('applies depolarizing noise after every gate as it stands (density matrix)', async () => {
    const r = await runCli(['simulate', bell, '--noise', 'depolarizing=0/0.1', '-o', 'density-matrix', '--format', 'json']);
    expect(r.code).toBe(0);
    const rho = JSON.parse(r.stdout).density_matrix;
    // (1 − p)|Φ⟩⟨Φ| + p·I/4 with p = 0.1
    expect(rho[0][0][0]).toBeCloseTo(0.475, 14);
    expect(rho[0][3][0]).toBeCloseTo(0.45, 14);
    expect(rho[1][1][0]).toBeCloseTo(0.025, 14);
  });

  it('applies symmetric readout flips to reported probabilities', async () => {
    const r = await runCli(['simulate', bell, '--noise', 'readout=0.1', '-o', 'probabilities', '--format', 'json']);
    const p = JSON.parse(r.stdout).probabilities;
    expect(p[0]).toBeCloseTo(0.5 * 0.81 + 0.5 * 0.01, 14);
    expect(p[1]).toBeCloseTo(0.09, 14);
  });

  it('runs a circuit as a catalog device would (transpiled first), reporting in the circuit’s qubit order', async () => {
    const r = await runCli(['simulate', bell, '--noise', 'device:ionq_aria', '-o', 'density-matrix', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/transpiled to ionq_aria/);
    const rho = JSON.parse(r.stdout).density_matrix as [number, number][][];
    const trace = rho.reduce((s, row, i) => s + (row[i] as [number, number])[0], 0);
    expect(trace).toBeCloseTo(1, 12);
    const fidelity = 0.5 * ((rho[0]![0]![0]) + (rho[3]![3]![0]) + 2 * (rho[0]![3]![0]));
    expect(fidelity).toBeGreaterThan(0.95);
    expect(fidelity).toBeLessThan(1);
  });

  it('rejects a spec that does not parse or a probability outside [0, 1]', async () => {
    const bad = await runCli(['simulate', bell, '--noise', 'depolarizing=2', '-o', 'probabilities']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/not a probability/);
    expect((await runCli(['simulate', bell, '--noise', 'device:nowhere'])).stderr).toMatch(/unknown device.*ibm_sherbrooke/s);
    expect((await runCli(['simulate', bell, '--noise', 'readout=0.1', '-o', 'statevector'])).code).toBe(2);
  });
});
