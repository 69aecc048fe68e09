import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { registerScenario } from '../../src/lab/registry.js';
import type { Scenario } from '../../src/lab/scenario.js';
import { writeReport } from '../../src/report/report.js';
import { runCli } from '../cli/run-cli.js';
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
    const r = await runCli(['lab', 'run', double.id, '--seeds', '2', '--out', out]);
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
    const r = await runCli(['lab', 'run', double.id, '--seeds', '1', '--out', out, '--deployment', deployment]);
    expect(r.code).toBe(0);
    const doc = parseXml(readFileSync(join(out, 'report.html'), 'utf8'));
    const paths = findAll(doc, (e) => e.name === 'section' && e.attributes['id'] === 'paths');
    expect(paths).toHaveLength(1);
    const attackers = findAll(paths[0]!, (e) => e.name === 'h4').map((h) => h.children.join(''));
    expect(attackers).toEqual(['API client (api-client)']);
  });
});
