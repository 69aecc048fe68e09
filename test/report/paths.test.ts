import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDeployment } from '../../src/deploy/load.js';
import { pathsSection, PATHS_PER_OBJECTIVE } from '../../src/report/section-paths.js';
import { analyzeDeployment, type ThreatAnalysis } from '../../src/threat/analyze.js';
import { builtinKnowledgeBase } from '../../src/threat/kb/index.js';
import { labResults, s1 } from './fixtures.js';
import { findAll, hasClass, parseXml, textOf, type XmlElement } from './xml.js';

const kb = builtinKnowledgeBase();
let analysis: ThreatAnalysis;
let section: XmlElement;

beforeAll(() => {
  const file = join(import.meta.dirname, '../../examples/deployments/public-inference-api.yaml');
  const deployment = loadDeployment({ file }, { knownMitigations: new Set(kb.mitigations.map((m) => m.id)) });
  analysis = analyzeDeployment(kb, deployment, { attackers: ['api-client', 'quantum-cloud-insider'] });
  section = parseXml(pathsSection([analysis], kb, labResults([s1()])).markup);
});

describe('attack paths section', () => {
  it('shows each reachable objective with its highest-scoring technique chains, named', () => {
    const api = analysis.attackers.find((a) => a.attacker === 'api-client');
    const reached = api?.objectives.filter((o) => o.reachable) ?? [];
    expect(reached.length).toBeGreaterThan(0);
    const shown = reached.reduce((n, o) => n + Math.min(PATHS_PER_OBJECTIVE, o.paths.length), 0);
    const insider = analysis.attackers.find((a) => a.attacker === 'quantum-cloud-insider');
    const insiderShown = insider?.objectives.reduce((n, o) => n + Math.min(PATHS_PER_OBJECTIVE, o.paths.length), 0) ?? 0;
    const items = findAll(section, (e) => e.name === 'li' && hasClass(e, 'path'));
    expect(items).toHaveLength(shown + insiderShown);
    const best = reached[0]?.paths[0];
    const first = textOf(items[0] as XmlElement);
    for (const s of best?.steps ?? []) expect(first).toContain(`${s.technique} ${s.name}`);
    expect(first).toContain(`score ${best?.score}`);
  });

  it('highlights the steps the lab executed and only those', () => {
    const executed = new Set(s1().techniques);
    const steps = findAll(section, (e) => e.name === 'span' && hasClass(e, 'step'));
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) {
      const id = textOf(step).split(' ')[0] as string;
      expect(hasClass(step, 'executed'), id).toBe(executed.has(id));
    }
    expect(steps.some((s) => hasClass(s, 'executed'))).toBe(true);
  });

  it('names the fewest mitigations that cut the paths and includes the Mermaid graph', () => {
    const text = textOf(section);
    const cut = analysis.attackers.find((a) => a.attacker === 'api-client')?.cut.mitigations ?? [];
    expect(cut.length).toBeGreaterThan(0);
    for (const m of cut) expect(text).toContain(`${m} ${kb.mitigationById.get(m)?.name}`);
    const pre = findAll(section, (e) => e.name === 'pre').map(textOf);
    expect(pre[0]?.startsWith('flowchart LR')).toBe(true);
  });
});
