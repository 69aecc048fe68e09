import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { registerScenario } from '../../src/lab/registry.js';
import type { Scenario } from '../../src/lab/scenario.js';
import { writeReport } from '../../src/report/report.js';
import { runCli } from '../cli/run-cli.js';
import { preparedDataDir } from '../store/helpers/stores.js';
import { labResults, s1, s2 } from './fixtures.js';
import { findAll, parseXml } from './xml.js';

const tmp = mkdtempSync(join(tmpdir(), 'qmlsec-report-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A scenario whose numbers are functions of the seed (a test double of a real attack). */
const double: Scenario = {
  id: 'test-report-double',
  title: 'Report test double',
  description: 'metrics = functions of the seed',
  techniques: ['QML.T0011', 'QML.T0047'],
  attacker: 'api-client',
  defenses: [{ id: 'quota', mitigations: ['AML.M0004'], description: 'halves agreement' }],
  impact: (m) => new Map([['QML.T0047', (m['agreement'] as number) / 10]]),
  async run({ seed }) {
    return {
      attack: { agreement: seed },
      defenses: { quota: { metrics: { agreement: seed / 2 }, cost: { refused: 10 * seed } } },
      series: [{ series: 'agreement: attack', x: 10, y: seed }, { series: 'agreement: attack', x: 100, y: 2 * seed }],
    };
  },
};

describe('writeReport', () => {
  it('writes results.json, one Navigator layer per scenario and report.html', async () => {
    const dir = join(tmp, 'direct');
    const written = await writeReport(dir, { results: labResults([s1(), s2()]) });
    expect(written.html).toBe(join(dir, 'report.html'));
    expect(written.files).toEqual(['results.json', 's1-model-extraction.navigator.json', 's2-adversarial-evasion.navigator.json', 'report.html'].map((f) => join(dir, f)));
    for (const f of written.files) expect(existsSync(f)).toBe(true);
    expect(parseXml(readFileSync(written.html, 'utf8')).name).toBe('html');
  });

  it('refuses a directory it cannot create, naming it', async () => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, 'x');
    const target = join(file, 'sub');
    await expect(writeReport(target, { results: labResults([s1()]) })).rejects.toThrow(InputError);
    await expect(writeReport(target, { results: labResults([s1()]) })).rejects.toThrow(target);
  });
});

describe('qmlsec lab run', () => {
  registerScenario(double);

  it('writes report.html next to results.json and prints the summary and the path', async () => {
    const out = join(tmp, 'cli');
    const r = await runCli(['lab', 'run', double.id, '--seeds', '2', '--out', out, '--no-store']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // seeds 1 and 2: agreement 1.5 ± t(1)·sd/√2 = 12.706 · (1/√2)/√2 = 6.353; quota leaves half
    expect(r.stdout).toMatch(/test-report-double\s+api-client\s+agreement = 1\.5 ± 6\.4\s+quota → 0\.8 ± 3\.2\s+complete/);
    expect(r.stdout).toContain(`report: ${join(out, 'report.html')}`);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const doc = parseXml(html);
    expect(findAll(doc, (e) => e.name === 'figure' && e.attributes['data-chart'] === 'agreement')).toHaveLength(1);
    expect(existsSync(join(out, 'results.json'))).toBe(true);
    expect(existsSync(join(out, `${double.id}.navigator.json`))).toBe(true);
    expect(html).not.toContain('id="paths"');
  });

  it('adds the attack paths of the scenario attackers when given a deployment', async () => {
    const out = join(tmp, 'cli-deployment');
    const deployment = join(import.meta.dirname, '../../examples/deployments/public-inference-api.yaml');
    const r = await runCli(['lab', 'run', double.id, '--seeds', '1', '--out', out, '--deployment', deployment, '--no-store']);
    expect(r.code).toBe(0);
    const doc = parseXml(readFileSync(join(out, 'report.html'), 'utf8'));
    const paths = findAll(doc, (e) => e.name === 'section' && e.attributes['id'] === 'paths');
    expect(paths).toHaveLength(1);
    const attackers = findAll(paths[0]!, (e) => e.name === 'h4').map((h) => h.children.join(''));
    expect(attackers).toEqual(['API client (api-client)']);
  });
});

describe('qmlsec lab run records results; lab history lists them', () => {
  let dataDir: string;
  const savedDbUrl = process.env['DATABASE_URL'];
  beforeAll(async () => {
    dataDir = await preparedDataDir();
    delete process.env['DATABASE_URL']; // these tests exercise --data-dir
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    if (savedDbUrl !== undefined) process.env['DATABASE_URL'] = savedDbUrl;
  });

  it('stores one row per scenario under lab:<id> with the seeds and the full result', async () => {
    const out = join(tmp, 'cli-store');
    const r = await runCli(['lab', 'run', double.id, '--seeds', '3', '--out', out, '--data-dir', dataDir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`recorded 1 result(s) in the store (experiment_results: lab:${double.id})`);

    const listed = await runCli(['lab', 'history', double.id, '--data-dir', dataDir, '--format', 'json']);
    expect(listed.code).toBe(0);
    const rows = JSON.parse(listed.stdout) as { experiment: string; params: { seeds: number[]; quick: boolean }; metrics: { id: string; status: string } }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.experiment).toBe(`lab:${double.id}`);
    expect(rows[0]!.params.seeds).toEqual([1, 2, 3]);
    expect(rows[0]!.params.quick).toBe(false);
    expect(rows[0]!.metrics).toMatchObject({ id: double.id, status: 'complete' });

    // seeds 1..3: agreement mean 2, sd 1, t(2) = 4.303 → half-width 4.303/√3 = 2.48
    const text = await runCli(['lab', 'history', '--data-dir', dataDir]);
    expect(text.stdout).toMatch(new RegExp(`${double.id}\\s+agreement = 2\\.0 ± 2\\.5\\s+quota → 1\\.0 ± 1\\.2\\s+complete`));
    const none = await runCli(['lab', 'history', 's9-unknown', '--data-dir', dataDir]);
    expect(none.stdout).toContain('no lab results recorded for "s9-unknown"');
  });

  it('rejects an unknown output format, naming it', async () => {
    const r = await runCli(['lab', 'history', '--format', 'xml', '--data-dir', dataDir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format');
  });
});
