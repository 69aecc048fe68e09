import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareLedgers } from '../../src/cloud/ledger-summary.js';
import { modelRuntime } from '../../src/cloud/runtime.js';
import { deriveLedger } from '../../src/deploy/derive-ledger.js';
import { loadLedger } from '../../src/deploy/ledger.js';
import { loadDeployment } from '../../src/deploy/load.js';
import { loadArtifact } from '../../src/qml/artifact.js';
import { runCli } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'qmlsec-cloud-'));
/** A small deployment: iris on 2 qubits, provider-side transpilation on ibm_nairobi. */
const TINY = `name: tiny
dataset: iris
model: { qubits: 2, encoder: angle, ansatz: strongly-entangling, layers: 1, training: { epochs: 1, batch_size: 64 } }
parties:
  - { id: lab, role: data-owner }
  - { id: qc, role: quantum-cloud, trust: untrusted, devices: [ibm_nairobi], tenancy: shared }
workflow: { S1: lab, S2: lab, S3: qc, S4: qc, S5: lab, S6: lab }
execution: { shots: 100, seed: 3 }
`;
const tiny = join(dir, 'tiny.yaml');
writeFileSync(tiny, TINY);

describe('qmlsec train DEPLOYMENT.yaml', () => {
  it('prints the spec contract plus time and cost, and writes the artifact and the recorded ledger', async () => {
    const out = join(dir, 'm.json');
    const ledger = join(dir, 'ledger.json');
    const r = await runCli(['train', tiny, '--json', '--out', out, '--ledger', ledger]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j).sort()).toEqual(['cost_usd', 'epochs', 'seconds', 'test', 'time_s', 'train']);
    expect(Object.keys(j.train).sort()).toEqual(['accuracy', 'loss']);
    expect(Object.keys(j.test).sort()).toEqual(['accuracy', 'macro_f1']);
    expect(j.epochs).toBe(1);
    expect(j.time_s).toBeGreaterThan(3600); // nairobi's median queue wait alone is an hour
    expect(j.cost_usd).toBeGreaterThan(0);
    expect(loadArtifact(readFileSync(out, 'utf8')).artifact.training?.['deployment']).toBe('tiny');
    const recorded = loadLedger({ file: ledger });
    expect(recorded.source).toBe('recorded');
    expect(compareLedgers(recorded, deriveLedger(loadDeployment({ file: tiny })))).toEqual({ onlyRecorded: [], onlyExpected: [] });

    // The threat engine reasons from the recorded ledger.
    const t = await runCli(['threats', 'analyze', tiny, '--ledger', ledger, '--attacker', 'quantum-cloud-insider', '--objective', 'steal-model-ip', '--format', 'json']);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('recorded ledger: qc received trained-weights from lab at S3');
  }, 60_000);

  it('says who saw what in text mode', async () => {
    const r = await runCli(['train', tiny, '--out', join(dir, 'm2.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('through deployment tiny on ibm_nairobi at qc with 100 shots');
    expect(r.stdout).toContain('qc (quantum-cloud, untrusted): preprocessed-features, encoding-circuit, pqc-architecture, trained-weights');
    expect(r.stdout).toMatch(/cloud time [\d.]+ (h|days) \(queue waits and execution, \d+ jobs\), cost \$[\d.]+/);
  }, 60_000);

  it('rejects options that do not apply and bad deployments', async () => {
    const backend = await runCli(['train', tiny, '--backend', 'statevector']);
    expect(backend.code).toBe(2);
    expect(backend.stderr).toMatch(/--backend applies to model specs/);
    const ledger = await runCli(['train', 'examples/iris.yaml', '--ledger', join(dir, 'x.json')]);
    expect(ledger.code).toBe(2);
    expect(ledger.stderr).toMatch(/--ledger and --queries apply to deployment files only/);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, TINY.replace('[ibm_nairobi]', '[ibm_nowhere]'));
    const r = await runCli(['train', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown device "ibm_nowhere"/);
  }, 60_000);
});

describe('modelRuntime (the service seam)', () => {
  it('trains a deployment with progress and checkpoints, resumes, and serves the artifact', async () => {
    const deployment = (await import('yaml')).parse(TINY.replace('epochs: 1', 'epochs: 2')) as unknown;
    const progress: number[] = [];
    const saved: unknown[] = [];
    const ctx = { jobId: 'j1', onProgress: (p: number) => void progress.push(p), saveCheckpoint: async (c: unknown) => void saved.push(JSON.parse(JSON.stringify(c))) };
    const artifact = await modelRuntime.train({ deployment }, ctx);
    expect(progress).toEqual([0.5, 1, 1]);
    expect(saved).toHaveLength(2);
    const resumed = await modelRuntime.train({ deployment }, { ...ctx, checkpoint: saved[0] });
    expect((resumed as { params: number[] }).params).toEqual((artifact as { params: number[] }).params);
    const loaded = modelRuntime.loadArtifact(artifact);
    expect(loaded.name).toBe('tiny');
    expect(loaded.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
    const [p] = loaded.model.predict([[5.1, 3.5, 1.4, 0.2]]);
    expect(loaded.model.classes).toContain(p?.label);
    expect(p?.probabilities.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
  }, 60_000);

  it('trains a model spec, and refuses requests it cannot tell apart', async () => {
    const spec = (await import('yaml')).parse(readFileSync('examples/iris.yaml', 'utf8')) as { training: Record<string, unknown> };
    spec.training['epochs'] = 1;
    const ctx = { jobId: 'j2', onProgress: () => undefined, saveCheckpoint: async () => undefined };
    const artifact = (await modelRuntime.train({ spec }, ctx)) as { name: string };
    expect(artifact.name).toBe('iris');
    await expect(modelRuntime.train({ spec, deployment: {} }, ctx)).rejects.toThrow(/exactly one of "spec" and "deployment"/);
    await expect(modelRuntime.train({ spec }, { ...ctx, checkpoint: { format: 'other' } })).rejects.toThrow(/not a qmlsec training checkpoint/);
  }, 60_000);
});
