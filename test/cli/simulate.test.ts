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
