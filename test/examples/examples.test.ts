/**
 * Every runnable example in `examples/` runs as a reader would run it (`npx tsx examples/X.ts`)
 * and exits 0 with nothing on stderr, and the facts it prints hold: self-checks print true,
 * and the numbers behave as the physics, the data or the API contract say they must.
 *
 * Examples run one at a time (each is a child process; the machine has 2 cores). The whole
 * file takes about 50 s; the slowest is cloud-training.ts (~17 s: 10 noisy epochs on
 * ibm_nairobi with 300 shots). Every `.ts` example is covered; none is skipped.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { getDevice, listDevices, listScenarios } from '../../src/index.js';
import { lineWith, numbersIn, runExample, type ExampleRun } from './run-example.js';

const TIMEOUT = 120_000;
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function expectClean(run: ExampleRun): void {
  expect(run.stderr, `stderr:\n${run.stderr}`).toBe('');
  expect(run.code, `stdout:\n${run.stdout}`).toBe(0);
}

describe('examples', () => {
  it('covers every .ts file in examples/', () => {
    const examples = readdirSync(fileURLToPath(new URL('../../examples/', import.meta.url))).filter((f) => f.endsWith('.ts')).sort();
    const tested = ['cloud-co-tenant', 'cloud-training', 'data-preprocessing', 'devices', 'lab-scenario', 'serve', 'simulate', 'threat-analysis', 'train-iris', 'transpile-hook'];
    expect(examples).toEqual(tested.map((t) => `${t}.ts`));
  });

  it('simulate.ts: gradients agree, shots reproduce, batches match, noise lowers fidelity', async () => {
    const run = await runExample('simulate');
    expectClean(run);
    expect(lineWith(run, 'OpenQASM 2 →')).toContain('{"h":1,"cx":2,"measure":3}');
    expect(lineWith(run, 'OpenQASM 3 →')).toContain('1 input and 1 weight parameter(s)');
    // GHZ: amplitudes 1/√2 on |000⟩ and |111⟩; ⟨Z0Z1 + Z1Z2⟩ = 2, ⟨X0X1X2⟩ = 1, ⟨0.5 Z0 − Y1⟩ = 0.
    expect(numbersIn(lineWith(run, '|000⟩'))[1]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(numbersIn(lineWith(run, '|111⟩'))[1]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(lineWith(run, '⟨Z0Z1 + Z1Z2⟩ =')).toMatch(/= +2\.000000$/);
    expect(lineWith(run, '⟨X0X1X2⟩ =')).toMatch(/= +1\.000000$/);
    expect(lineWith(run, '⟨0.5*Z0 - Y1⟩ =')).toMatch(/= +0\.000000$/);
    const counts = JSON.parse(/seed 7: (\{[^}]*\})/.exec(lineWith(run, '1000 shots, seed 7'))?.[1] ?? '{}') as Record<string, number>;
    expect(Object.keys(counts).sort()).toEqual(['000', '111']);
    expect((counts['000'] ?? 0) + (counts['111'] ?? 0)).toBe(1000);
    expect(lineWith(run, '1000 shots, seed 7')).toContain('same seed again identical: true');
    expect(numbersIn(lineWith(run, 'largest difference from binding each row separately'))[0]).toBeLessThan(1e-12);
    expect(lineWith(run, 'parsed back gives the same values')).toMatch(/: true$/);
    expect(lineWith(run, 'adjoint = parameter shift')).toBe('  adjoint = parameter shift to 1e-9: true; adjoint = finite differences to 1e-6: true');
    // Fidelity falls as the GHZ grows (more CNOTs), is below 1, and crosstalk only adds error.
    const fidelities = run.lines.filter((l) => /^ {2}GHZ-\d/.test(l)).map((l) => {
      const m = /fidelity ([\d.]+) \(([\d.]+) without crosstalk\)/.exec(l);
      return { full: Number(m?.[1]), quiet: Number(m?.[2]) };
    });
    expect(fidelities).toHaveLength(4);
    for (let i = 0; i < fidelities.length; i++) {
      const f = fidelities[i]!;
      expect(f.full).toBeGreaterThan(0.3);
      expect(f.full).toBeLessThan(f.quiet);
      expect(f.quiet).toBeLessThan(1);
      if (i > 0) expect(f.full).toBeLessThan(fidelities[i - 1]!.full);
    }
  }, TIMEOUT);

  it('train-iris.ts: learns Iris, and the reloaded artifact predicts identically', async () => {
    const run = await runExample('train-iris');
    expectClean(run);
    // A 4-qubit QNN with a linear head separates Iris well above chance (1/3).
    expect(numbersIn(lineWith(run, 'test accuracy'))[0]).toBeGreaterThan(0.9);
    // The confusion matrix covers the 45 held-out flowers (30 % of 150, stratified: 15 per class).
    const confusion = /\[(.*)\]$/.exec(lineWith(run, 'confusion'))?.[0] ?? '';
    const rows = [...confusion.matchAll(/\[([\d ]+)\]/g)].map((m) => (m[1] as string).split(' ').map(Number));
    expect(rows.map((r) => r.reduce((a, b) => a + b, 0))).toEqual([15, 15, 15]);
    expect(lineWith(run, 'loaded and checksum verified')).toMatch(/sha256:[0-9a-f]{16}/);
    expect(lineWith(run, 'loaded model on 150 rows')).toContain('identical labels true, largest probability difference 0.0e+0');
    expect(lineWith(run, 'row   0 [5.1, 3.5, 1.4, 0.2]')).toContain('→ setosa');
    expect(lineWith(run, 'tampered artifact')).toContain('failed its checksum');
  }, TIMEOUT);

  it('serve.ts: predicts through the API, refuses bad keys, scopes and quota, shuts down', async () => {
    const run = await runExample('serve');
    expectClean(run);
    expect(lineWith(run, 'listening on')).toMatch(/http:\/\/127\.0\.0\.1:\d+ \(PGlite at /);
    expect(lineWith(run, 'POST /v1/models →')).toContain('→ 201');
    expect(lineWith(run, 'POST /v1/keys →')).toContain('→ 201');
    expect(lineWith(run, '/predict →')).toMatch(/→ 200$/);
    expect(lineWith(run, 'same labels as the local model')).toMatch(/: true$/);
    expect(lineWith(run, 'no API key')).toContain('→ 401');
    expect(lineWith(run, 'a made-up key')).toContain('→ 401');
    expect(lineWith(run, 'client key on an admin route')).toContain('→ 403');
    expect(lineWith(run, '2 more rows (quota 4, used 3)')).toContain('→ 429 query quota exhausted');
    expect(lineWith(run, 'a row of 3 features')).toContain('→ 422');
    // Only the answered request is audited and counted: 3 rows.
    expect(lineWith(run, 'GET /v1/audit')).toContain('1 entry for the client key: 3 rows');
    expect(lineWith(run, 'qmlsec_prediction_rows_total')).toMatch(/ 3$/);
    expect(lineWith(run, 'GET /openapi.json')).toContain('/v1/models/{id}/predict');
    expect(run.lines).toContain('service closed, store closed, temporary directory removed');
  }, TIMEOUT);

  it('lab-scenario.ts: runs S4, writes the report, and FGSM degrades the model', async () => {
    const out = mkdtempSync(join(tmpdir(), 'qmlsec-examples-lab-'));
    dirs.push(out);
    const run = await runExample('lab-scenario', [out]);
    expectClean(run);
    for (const s of listScenarios()) expect(lineWith(run, `  ${s.id} `)).toContain(s.title);
    expect(lineWith(run, 's4-rerouting  quantum-cloud-insider')).toMatch(/complete$/);
    // Rerouting to the worse QPU costs accuracy; both defenses tell the two devices apart.
    const [claimed, rerouted] = numbersIn(lineWith(run, 'ibm_nairobi → ibm_lagos: test accuracy')).filter((v) => v <= 1);
    expect(rerouted).toBeLessThan(claimed as number);
    for (const d of ['fingerprint', 'traps']) expect(Number(/detection AUC ([\d.]+)/.exec(lineWith(run, `defense ${d}`))?.[1])).toBeGreaterThan(0.5);
    expect(lineWith(run, 'report:')).toBe(`report: ${join(out, 'report.html')}`);
    expect(readdirSync(out).sort()).toEqual(['report.html', 'results.json', 's4-rerouting.navigator.json']);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { scenarios: { id: string; status: string; seeds: number[] }[] };
    expect(results.scenarios.map((s) => [s.id, s.status, s.seeds])).toEqual([['s4-rerouting', 'complete', [1]]]);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('s4-rerouting');
    // FGSM: accuracy never rises with a larger budget, and is below the clean accuracy.
    const clean = Number(/clean accuracy ([\d.]+)/.exec(lineWith(run, 'clean accuracy'))?.[1]);
    const sweep = run.lines.filter((l) => /^ +\d\.\d +\d\.\d{3} +\d\.\d{3}$/.test(l)).map(numbersIn);
    expect(sweep.map((r) => r[0])).toEqual([0.1, 0.3, 0.5]);
    for (let i = 0; i < sweep.length; i++) {
      const [, acc, auc] = sweep[i] as [number, number, number];
      expect(acc).toBeLessThan(clean);
      expect(auc).toBeGreaterThanOrEqual(0);
      expect(auc).toBeLessThanOrEqual(1);
      if (i > 0) expect(acc).toBeLessThanOrEqual((sweep[i - 1] as number[])[1] as number);
    }
  }, TIMEOUT);

  it('devices.ts: lists the catalog and prices an epoch on every device', async () => {
    const run = await runExample('devices');
    expectClean(run);
    const table = run.lines.slice(run.lines.findIndex((l) => l.startsWith('One epoch')));
    for (const d of listDevices()) {
      expect(lineWith(run, `  ${d.id.padEnd(16)} ${d.vendor}`)).toContain(`${d.num_qubits} qubits`);
      const row = table.find((l) => l.startsWith(`  ${d.id} `));
      expect(row, d.id).toBeDefined();
      expect(numbersIn(row as string).at(-1)).toBeGreaterThan(0);
    }
    // IBM Eagle r3 is a 127-qubit heavy-hex lattice with 144 couplers: usable + dropped = 144.
    expect(numbersIn(lineWith(run, 'usable couplers')).slice(-2).reduce((a, b) => a + b, 0)).toBe(144);
    // The printed shortest path runs from 0 to 37 over usable couplers only.
    const couplers = new Set(getDevice('ibm_sherbrooke').coupling_map.map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`));
    const path = (/0 → 37: ([\d–]+)$/.exec(lineWith(run, 'shortest path 0 → 37'))?.[1] ?? '').split('–').map(Number);
    expect([path[0], path.at(-1)]).toEqual([0, 37]);
    for (let i = 1; i < path.length; i++) {
      const [a, b] = [path[i - 1] as number, path[i] as number];
      expect(couplers.has(`${Math.min(a, b)}-${Math.max(a, b)}`), `${a}-${b}`).toBe(true);
    }
    const isolated = numbersIn(lineWith(run, 'isolated qubits'));
    for (const q of isolated) expect([...couplers].some((c) => c.split('-').map(Number).includes(q))).toBe(false);
  }, TIMEOUT);

  it('threat-analysis.ts: the proposed minimal mitigations cut every path', async () => {
    const run = await runExample('threat-analysis');
    expectClean(run);
    const cut = run.lines.filter((l) => l.includes('with them on, still reachable:'));
    expect(cut).toHaveLength(2);
    for (const l of cut) expect(l).toMatch(/still reachable: nothing$/);
    expect(run.lines).toContain('flowchart LR');
  }, TIMEOUT);

  it('transpile-hook.ts: the checker catches the Trojan pass; obfuscation is undone by the client', async () => {
    const run = await runExample('transpile-hook');
    expectClean(run);
    expect(lineWith(run, 'honest ')).toContain('equivalent: true');
    expect(lineWith(run, 'trojaned ')).toContain('equivalent: false');
    const outcomes = (l: string) => [...l.matchAll(/([01]{4}):\d+/g)].map((m) => m[1]).sort();
    expect(outcomes(lineWith(run, 'client recovers'))).toEqual(outcomes(lineWith(run, 'true output')));
    expect(outcomes(lineWith(run, 'provider sees'))).not.toEqual(outcomes(lineWith(run, 'true output')));
  }, TIMEOUT);

  it('data-preprocessing.ts: splits Wine by class, explains variance in order, rejects a bad CSV cell', async () => {
    const run = await runExample('data-preprocessing');
    expectClean(run);
    // UCI Wine: 178 wines, 59 / 71 / 48 per cultivar; a stratified split keeps every one.
    const [train, test] = [...lineWith(run, 'Wine: train').matchAll(/\[(\d+),(\d+),(\d+)\]/g)].map((m) => m.slice(1).map(Number));
    expect(train!.map((v, i) => v + (test![i] as number))).toEqual([59, 71, 48]);
    const pca = numbersIn(lineWith(run, 'PCA explained-variance ratios'));
    for (let i = 1; i < pca.length; i++) expect(pca[i]).toBeLessThanOrEqual(pca[i - 1] as number);
    const lda = numbersIn(lineWith(run, 'Iris LDA explained-variance ratios'));
    expect(lda.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
    expect(lineWith(run, 'Bad CSV →')).toMatch(/people\.csv:\d+:\d+: /);
  }, TIMEOUT);

  it('cloud-co-tenant.ts: crosstalk from the co-tenant grows with its ECR count and stays local', async () => {
    const run = await runExample('cloud-co-tenant');
    expectClean(run);
    const value = (needle: string) => Number(/⟨X⟩ = (-?[\d.]+)/.exec(lineWith(run, needle))?.[1]);
    const alone = value('victim alone');
    const near = [5, 10, 20, 40].map((k) => value(`next to ${String(k).padStart(2)} co-tenant ECRs`));
    expect(near[0]).toBeLessThan(alone);
    for (let i = 1; i < near.length; i++) expect(near[i]).toBeLessThan(near[i - 1] as number);
    expect(value('40 ECRs far away')).toBeCloseTo(alone, 3);
  }, TIMEOUT);

  it('cloud-training.ts: trains through the untrusted deployment and records the derived ledger', async () => {
    const run = await runExample('cloud-training');
    expectClean(run);
    expect(numbersIn(lineWith(run, 'test accuracy'))[0]).toBeGreaterThan(0.8);
    expect(run.lines).toContain('recorded vs derived ledger: identical');
    expect(lineWith(run, 'cheap-qpu  quantum-cloud, untrusted')).toContain('trained-weights');
  }, TIMEOUT);
});
