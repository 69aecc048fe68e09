import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadDeployment } from '../../src/deploy/load.js';
import { analyzeDeployment } from '../../src/threat/analyze.js';
import { generateKnowledgeBase } from '../../src/threat/synthetic.js';
import { EXAMPLES, blockedBy, replayPath } from './helpers.js';

describe('synthetic knowledge bases', () => {
  it('are valid, seeded and reproducible', () => {
    const a = generateKnowledgeBase({ techniques: 200, seed: 5 });
    const b = generateKnowledgeBase({ techniques: 200, seed: 5 });
    const c = generateKnowledgeBase({ techniques: 200, seed: 6 });
    expect(a.techniques).toHaveLength(200);
    expect(JSON.stringify(a.techniques)).toBe(JSON.stringify(b.techniques));
    expect(JSON.stringify(a.techniques)).not.toBe(JSON.stringify(c.techniques));
    const blocked = new Set(a.mitigations.flatMap((m) => m.blocks));
    expect(blocked.size).toBe(200); // every technique can be blocked by some mitigation
  });

  it('yield valid paths and valid cuts at scale', () => {
    const kb = generateKnowledgeBase({ techniques: 400, seed: 11 });
    const d = loadDeployment({ file: join(EXAMPLES, 'public-inference-api.yaml') });
    const analysis = analyzeDeployment(kb, d, { attackers: ['api-client', 'quantum-cloud-insider'], maxPaths: 4 });
    let checked = 0;
    for (const attacker of analysis.attackers) {
      for (const o of attacker.objectives) {
        for (const p of o.paths) {
          expect(replayPath(kb, attacker, o.id, p, blockedBy(kb, analysis.mitigationsInEffect))).toEqual([]);
          checked++;
        }
      }
      expect(attacker.cut.lowerBound).toBeLessThanOrEqual(attacker.cut.mitigations.length);
      const after = analyzeDeployment(kb, d, { attackers: [attacker.attacker], extraMitigations: attacker.cut.mitigations, skipCut: true }).attackers[0];
      for (const o of after?.objectives ?? []) expect(o.reachable).toBe(attacker.cut.uncuttableObjectives.includes(o.id));
    }
    expect(checked).toBeGreaterThan(10);
  });
});
