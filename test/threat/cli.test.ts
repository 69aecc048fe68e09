import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYamlText } from 'yaml';
import { run } from '../cli/run-cli.js';
import { deriveLedger, loadDeployment } from '../../src/deploy/index.js';
import { builtinKnowledgeBase } from '../../src/threat/kb/index.js';
import { ATLAS_DIR, EXAMPLES, HAVE_ATLAS } from './helpers.js';

const example = (name: string) => join(EXAMPLES, `${name}.yaml`);
const tmp = mkdtempSync(join(tmpdir(), 'qmlsec-threats-'));


describe('qmlsec threats analyze', () => {
  it('prints the JSON contract for one attacker', async () => {
    const r = await run('threats', 'analyze', example('public-inference-api'), '--attacker', 'api-client', '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { attacker: string; objectives: { id: string; reachable: boolean; paths: { techniques: string[]; score: number }[] }[]; minimal_mitigations: string[] };
    expect(json.attacker).toBe('api-client');
    expect(json.objectives).toHaveLength(6);
    const targeted = json.objectives.find((o) => o.id === 'targeted-misclassification');
    expect(targeted?.reachable).toBe(true);
    expect(typeof targeted?.paths[0]?.score).toBe('number');
    expect(json.minimal_mitigations.length).toBeGreaterThan(0);
  });

  it('prints an array of contracts without --attacker and honours --objective', async () => {
    const r = await run('threats', 'analyze', example('untrusted-quantum-cloud'), '--format', 'json', '--objective', 'deny-service');
    const json = JSON.parse(r.out) as { attacker: string; objectives: { id: string }[] }[];
    expect(json.map((a) => a.attacker)).toEqual(['api-client', 'co-tenant', 'classical-cloud-insider', 'quantum-cloud-insider', 'compiler-vendor', 'data-supplier']);
    expect(json.every((a) => a.objectives.length === 1 && a.objectives[0]?.id === 'deny-service')).toBe(true);
  });

  it('uses a recorded ledger', async () => {
    const d = loadDeployment({ file: example('untrusted-quantum-cloud') });
    const ledger = deriveLedger(d);
    const file = join(tmp, 'ledger.json');
    writeFileSync(file, JSON.stringify({ ...ledger, source: 'recorded', records: ledger.records.filter((r) => r.to !== 'cheap-qpu') }));
    const r = await run('threats', 'analyze', example('untrusted-quantum-cloud'), '--attacker', 'quantum-cloud-insider', '--ledger', file, '--format', 'md');
    expect(r.code).toBe(0);
    expect(r.out).toContain('exposure ledger: recorded');
    expect(r.out).not.toContain('QML.T0012'); // nothing received, so no white-box access
  });

  it('renders DOT, Mermaid, Markdown and a Navigator layer', async () => {
    const dot = await run('threats', 'analyze', example('public-inference-api'), '--attacker', 'co-tenant', '--format', 'dot');
    expect(dot.out).toMatch(/^digraph /);
    const mermaid = await run('threats', 'analyze', example('public-inference-api'), '--attacker', 'co-tenant', '--format', 'mermaid');
    expect(mermaid.out).toMatch(/^flowchart LR/);
    const md = await run('threats', 'analyze', example('public-inference-api'), '--attacker', 'co-tenant');
    expect(md.out).toContain('## Co-tenant (co-tenant)');
    expect(md.out).toContain('**Minimal mitigations**');
    const layer = await run('threats', 'analyze', example('public-inference-api'), '--format', 'navigator');
    expect(JSON.parse(layer.out)).toMatchObject({ versions: { layer: '4.5' }, domain: 'atlas-atlas' });
  });

  it('assumes extra mitigations with --mitigate', async () => {
    const base = JSON.parse((await run('threats', 'analyze', example('public-inference-api'), '--attacker', 'compiler-vendor', '--format', 'json')).out) as { minimal_mitigations: string[]; objectives: { reachable: boolean }[] };
    const cut = await run('threats', 'analyze', example('public-inference-api'), '--attacker', 'compiler-vendor', '--format', 'json', ...base.minimal_mitigations.flatMap((m) => ['--mitigate', m]));
    const after = JSON.parse(cut.out) as { objectives: { reachable: boolean }[] };
    expect(base.objectives.some((o) => o.reachable)).toBe(true);
    expect(after.objectives.every((o) => !o.reachable)).toBe(true);
  });

  it('exits 2 on usage errors and 1 on bad input, with a clear message', async () => {
    const badAttacker = await run('threats', 'analyze', example('hardened'), '--attacker', 'hacker');
    expect(badAttacker.code).toBe(2);
    expect(badAttacker.err).toContain('--attacker must be one of api-client, co-tenant');
    const file = join(tmp, 'bad.yaml');
    writeFileSync(file, 'name: bad\ndataset: iris\nmodel: m.yaml\nparties:\n  - { id: me, role: data-owner }\n  - { id: q, role: quantum-cloud, trust: untrusted, devices: [ibm_fez] }\nworkflow: { S1: me, S2: me, S3: me, S4: q, S5: me, S6: me }\nmitigations: [QML.M0042]\n');
    const badMitigation = await run('threats', 'analyze', file);
    expect(badMitigation.code).toBe(1);
    expect(badMitigation.err).toContain('at mitigations[0]: unknown mitigation "QML.M0042"');
    expect(badMitigation.err).toContain(`${file}:8:15`);
    writeFileSync(file, 'name: bad\nparties: [\n');
    expect((await run('threats', 'analyze', file)).code).toBe(1);
    expect((await run('threats', 'analyze', join(tmp, 'missing.yaml'))).err).toContain('cannot read deployment file');
  });
});

describe('qmlsec threats matrix and show', () => {
  it('prints the matrix in every format', async () => {
    const kb = builtinKnowledgeBase();
    const md = await run('threats', 'matrix');
    expect(md.out).toContain('## AI Model Access (AML.TA0000)');
    const json = JSON.parse((await run('threats', 'matrix', '--format', 'json')).out) as { techniques: unknown[] };
    expect(json.techniques).toHaveLength(kb.techniques.length);
    const atlas = parseYamlText((await run('threats', 'matrix', '--format', 'atlas-yaml')).out) as { matrices: { techniques: unknown[] }[] };
    expect(atlas.matrices[0]?.techniques).toHaveLength(kb.techniques.length);
    const stix = JSON.parse((await run('threats', 'matrix', '--format', 'stix')).out) as { type: string };
    expect(stix.type).toBe('bundle');
    const layer = JSON.parse((await run('threats', 'matrix', '--format', 'navigator', '--id-space', 'atlas')).out) as { techniques: { techniqueID: string }[] };
    expect(layer.techniques.every((t) => t.techniqueID.startsWith('AML.T'))).toBe(true);
    expect((await run('threats', 'matrix', '--format', 'csv')).code).toBe(2);
  });

  it('shows a technique with its references and a mitigation', async () => {
    const t = await run('threats', 'show', 'QML.T0035');
    expect(t.out).toContain('# QML.T0035 Capture power traces of the control electronics');
    expect(t.out).toContain('https://arxiv.org/abs/2304.03315');
    const m = await run('threats', 'show', 'qml.m0005', '--format', 'json');
    expect(JSON.parse(m.out)).toMatchObject({ kind: 'mitigation', id: 'QML.M0005', blocks: ['QML.T0032'] });
    const missing = await run('threats', 'show', 'QML.T0999');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('similar IDs: QML.T0001');
  });

  it.skipIf(!HAVE_ATLAS)('shows ATLAS entries when given the ATLAS data file', async () => {
    const r = await run('threats', 'show', 'AML.T0024.002', '--atlas', join(ATLAS_DIR, 'ATLAS.yaml'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('# AML.T0024.002 Extract AI Model');
    expect(r.out).toContain('QML techniques with this analogue: QML.T0047');
  });
});
