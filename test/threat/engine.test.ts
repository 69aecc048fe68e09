import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileKnowledgeBase } from '../../src/threat/graph.js';
import { minimalCut } from '../../src/threat/cut.js';
import { analyzeDeployment } from '../../src/threat/analyze.js';
import { loadDeployment } from '../../src/deploy/load.js';
import { smallKb, tech } from './helpers.js';

// A hand-checkable knowledge base:
//   A: acc:inference-api -> obs:api-io              (realized, low)      AI Model Access
//   B: obs:api-io -> cap:proxy-model                 (demonstrated, low)  Attack Staging
//   C: (nothing) -> know:model-family                (feasible, low)      Reconnaissance
//   D: know:model-family -> cap:surrogate-model      (feasible, medium)   Attack Staging
//   E: proxy | surrogate -> cap:adversarial-input    (demonstrated, low)  Attack Staging
//   F: adversarial + acc:inference-api -> targeted   (demonstrated, medium) Impact
//   G: cap:proxy-model -> obj:model-ip-stolen        (realized, low)      Exfiltration
// Mitigations: M1 blocks A, M2 blocks C, M3 blocks E, M4 blocks B and D (high cost), M5 hinders F.
const TOKENS = ['obs:api-io', 'cap:proxy-model', 'know:model-family', 'cap:surrogate-model', 'cap:adversarial-input'];
const KB = smallKb(
  TOKENS,
  [
    tech(1, { tactics: ['AML.TA0000'], prerequisites: ['acc:inference-api'], effects: ['obs:api-io'] }),
    tech(2, { prerequisites: ['obs:api-io'], effects: ['cap:proxy-model'], maturity: 'demonstrated' }),
    tech(3, { tactics: ['AML.TA0002'], prerequisites: [], effects: ['know:model-family'], maturity: 'feasible' }),
    tech(4, { prerequisites: ['know:model-family'], effects: ['cap:surrogate-model'], maturity: 'feasible', detectability: 'medium' }),
    tech(5, { prerequisites: [['cap:proxy-model', 'cap:surrogate-model']], effects: ['cap:adversarial-input'], maturity: 'demonstrated' }),
    tech(6, { tactics: ['AML.TA0011'], prerequisites: ['cap:adversarial-input', 'acc:inference-api'], effects: ['obj:targeted-misclassification'], maturity: 'demonstrated', detectability: 'medium' }),
    tech(7, { tactics: ['AML.TA0010'], prerequisites: ['cap:proxy-model'], effects: ['obj:model-ip-stolen'] }),
  ],
  [
    { id: 'QML.M0001', name: 'M1', description: 'blocks the query technique A', category: 'technical-ml', blocks: ['QML.T0001'], hinders: [], cost: { level: 'low', note: 'n' }, references: [] },
    { id: 'QML.M0002', name: 'M2', description: 'blocks the reconnaissance C', category: 'policy', blocks: ['QML.T0003'], hinders: [], cost: { level: 'low', note: 'n' }, references: [] },
    { id: 'QML.M0003', name: 'M3', description: 'blocks the adversarial crafting E', category: 'technical-ml', blocks: ['QML.T0005'], hinders: [], cost: { level: 'medium', note: 'n' }, references: [] },
    { id: 'QML.M0004', name: 'M4', description: 'blocks both model-building steps', category: 'technical-ml', blocks: ['QML.T0002', 'QML.T0004'], hinders: [], cost: { level: 'high', note: 'n' }, references: [] },
    { id: 'QML.M0005', name: 'M5', description: 'hinders the evasion step F', category: 'technical-ml', blocks: [], hinders: ['QML.T0006'], cost: { level: 'low', note: 'n' }, references: [] },
  ],
);

const DEPLOYMENT = (mitigations: string[] = []) =>
  loadDeployment({
    text: `name: api
dataset: iris
model: m.yaml
parties:
  - { id: me, role: data-owner }
  - { id: q, role: quantum-cloud, trust: trusted, devices: [ibm_fez] }
  - { id: c, role: api-client }
workflow: { S1: me, S2: me, S3: me, S4: q, S5: me, S6: me, I1: me, I2: me }
serving: { publicApi: true, returns: probabilities }
mitigations: [${mitigations.join(', ')}]
`,
  });

describe('forward chaining', () => {
  it('derives exactly the hand-computed closure', () => {
    const g = compileKnowledgeBase(KB);
    const start = ['acc:inference-api'].map((t) => g.token(t));
    const r = g.chain(start, g.enabledMask('api-client'));
    const reached = g.tokens.filter((_, i) => r.reached[i] === 1).sort();
    expect(reached).toEqual(['acc:inference-api', 'cap:adversarial-input', 'cap:proxy-model', 'cap:surrogate-model', 'know:model-family', 'obj:model-ip-stolen', 'obj:targeted-misclassification', 'obs:api-io']);
    expect(r.order.map((t) => g.techniques[t]?.id)).toHaveLength(7);
  });

  it('respects disabled techniques and attacker positions', () => {
    const g = compileKnowledgeBase(KB);
    const start = [g.token('acc:inference-api')];
    const noA = g.chain(start, g.enabledMask('api-client', new Set([0])));
    expect(noA.reached[g.token('obj:model-ip-stolen')]).toBe(0);
    expect(noA.reached[g.token('obj:targeted-misclassification')]).toBe(1); // via C, D, E, F
    const other = g.chain(start, g.enabledMask('co-tenant'));
    expect(other.order).toHaveLength(0);
  });
});

describe('paths and scores', () => {
  it('finds both derivations of the targeted misclassification with hand-computed scores', () => {
    const a = analyzeDeployment(KB, DEPLOYMENT(), { attackers: ['api-client'] }).attackers[0];
    const targeted = a?.objectives.find((o) => o.id === 'targeted-misclassification');
    expect(targeted?.paths.map((p) => p.techniques)).toEqual([
      ['QML.T0001', 'QML.T0002', 'QML.T0005', 'QML.T0006'],
      ['QML.T0003', 'QML.T0004', 'QML.T0005', 'QML.T0006'],
    ]);
    // 1 · 0.8 · 0.8 · (0.8·0.85) = 0.4352 and 0.5 · (0.5·0.85) · 0.8 · 0.68 = 0.1156; impact high = 1.
    expect(targeted?.paths.map((p) => p.score)).toEqual([0.4352, 0.1156]);
    const ip = a?.objectives.find((o) => o.id === 'steal-model-ip');
    expect(ip?.paths.map((p) => [p.techniques, p.score])).toEqual([[['QML.T0001', 'QML.T0002', 'QML.T0007'], 0.8]]);
    expect(a?.objectives.find((o) => o.id === 'deny-service')?.reachable).toBe(false);
  });

  it('halves a step hindered by a mitigation and drops blocked techniques', () => {
    const hindered = analyzeDeployment(KB, DEPLOYMENT(['QML.M0005']), { attackers: ['api-client'] }).attackers[0];
    expect(hindered?.objectives.find((o) => o.id === 'targeted-misclassification')?.paths[0]?.score).toBe(0.2176);
    expect(hindered?.objectives.find((o) => o.id === 'targeted-misclassification')?.paths[0]?.steps[3]?.hinderedBy).toEqual(['QML.M0005']);
    const blocked = analyzeDeployment(KB, DEPLOYMENT(['QML.M0001']), { attackers: ['api-client'] }).attackers[0];
    expect(blocked?.objectives.find((o) => o.id === 'steal-model-ip')?.reachable).toBe(false);
    expect(blocked?.objectives.find((o) => o.id === 'targeted-misclassification')?.paths.map((p) => p.techniques[0])).toEqual(['QML.T0003']);
  });

  it('reports the start tokens a path relies on and explains every step', () => {
    const a = analyzeDeployment(KB, DEPLOYMENT(), { attackers: ['api-client'] }).attackers[0];
    const p = a?.objectives.find((o) => o.id === 'targeted-misclassification')?.paths[0];
    expect(p?.startTokens).toEqual(['acc:inference-api']);
    expect(p?.steps.map((s) => s.needs)).toEqual([['acc:inference-api'], ['obs:api-io'], ['cap:proxy-model'], ['cap:adversarial-input', 'acc:inference-api']]);
    expect(p?.explanation).toContain('1. QML.T0001 Technique 1 (AI Model Access): needs acc:inference-api');
  });
});

describe('minimal mitigations', () => {
  it('finds the single cut that hits both derivations and the IP theft', () => {
    const a = analyzeDeployment(KB, DEPLOYMENT(), { attackers: ['api-client'] }).attackers[0];
    // Cuts of size 1: M4 (blocks B and D) is the only one hitting every path of both objectives.
    expect(a?.cut.mitigations).toEqual(['QML.M0004']);
    expect(a?.cut.exact).toBe(true);
    const targetedOnly = analyzeDeployment(KB, DEPLOYMENT(), { attackers: ['api-client'], objectives: ['targeted-misclassification'] }).attackers[0];
    // Both M3 and M4 cut it alone; M3 is cheaper.
    expect(targetedOnly?.cut.mitigations).toEqual(['QML.M0003']);
  });

  it('matches brute force on random knowledge bases', () => {
    const TOK = ['know:model-family', 'cap:proxy-model', 'cap:surrogate-model', 'cap:adversarial-input', 'obs:api-io'];
    const GOALS = ['obj:model-ip-stolen', 'obj:targeted-misclassification'];
    const arb = fc.record({
      techs: fc.array(
        fc.record({
          pre: fc.array(fc.array(fc.integer({ min: 0, max: TOK.length }), { minLength: 1, maxLength: 2 }), { maxLength: 2 }),
          eff: fc.integer({ min: 0, max: TOK.length + GOALS.length - 1 }),
        }),
        { minLength: 3, maxLength: 9 },
      ),
      mits: fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
    });
    fc.assert(
      fc.property(arb, ({ techs, mits }) => {
        const tokenOf = (i: number) => (i === TOK.length ? 'acc:inference-api' : (TOK[i] as string));
        const effectOf = (i: number) => (i < TOK.length ? (TOK[i] as string) : (GOALS[i - TOK.length] as string));
        const kb = smallKb(
          TOK,
          techs.map((t, i) =>
            tech(i + 1, {
              prerequisites: t.pre.map((c) => {
                const lits = [...new Set(c.map(tokenOf))];
                return lits.length === 1 ? (lits[0] as string) : lits;
              }),
              effects: [effectOf(t.eff)],
            }),
          ),
          mits.map((m, i) => ({
            id: `QML.M${String(i + 1).padStart(4, '0')}`,
            name: `M${i}`,
            description: 'random mitigation for the property test',
            category: 'technical-ml' as const,
            blocks: [...new Set(m.map((x) => `QML.T${String((x % techs.length) + 1).padStart(4, '0')}`))],
            hinders: [],
            cost: { level: 'low' as const, note: 'n' },
            references: [],
          })),
        );
        const g = compileKnowledgeBase(kb);
        const attacker = { start: [g.token('acc:inference-api')], enabled: g.enabledMask('api-client') };
        const goals = GOALS.map((x) => [g.token(x)]);
        const cut = minimalCut(g, [attacker], goals, kb.mitigations);
        // Brute force over every subset.
        const reach = (sel: number[]) => {
          const mask = Uint8Array.from(attacker.enabled);
          for (const mi of sel) for (const id of kb.mitigations[mi]?.blocks ?? []) mask[g.techniqueIndex.get(id) as number] = 0;
          const r = g.chain(attacker.start, mask);
          return goals.map((gs) => gs.some((t) => r.reached[t] === 1));
        };
        const n = kb.mitigations.length;
        const all = Array.from({ length: n }, (_, i) => i);
        const before = reach([]);
        const after = reach(all);
        const targets = before.map((b, i) => b && !after[i]);
        expect([...cut.uncuttable].sort((a, b) => a - b)).toEqual(before.map((b, i) => (b && after[i] ? i : -1)).filter((i) => i >= 0));
        let best = Infinity;
        for (let mask = 0; mask < 1 << n; mask++) {
          const sel = all.filter((i) => mask & (1 << i));
          const r = reach(sel);
          if (targets.every((t, i) => !t || !r[i])) best = Math.min(best, sel.length);
        }
        expect(cut.exact).toBe(true);
        expect(cut.mitigations.length).toBe(best);
        const chosen = cut.mitigations.map((id) => kb.mitigations.findIndex((m) => m.id === id));
        const r = reach(chosen);
        expect(targets.every((t, i) => !t || !r[i])).toBe(true);
        // Without search budget: still a valid cut, and the proven bound is sound.
        const quick = minimalCut(g, [attacker], goals, kb.mitigations, { maxNodes: 1 });
        const rq = reach(quick.mitigations.map((id) => kb.mitigations.findIndex((m) => m.id === id)));
        expect(targets.every((t, i) => !t || !rq[i])).toBe(true);
        if (best !== Infinity) {
          expect(quick.lowerBound).toBeLessThanOrEqual(best);
          expect(quick.mitigations.length).toBeGreaterThanOrEqual(best);
          if (quick.exact) expect(quick.mitigations.length).toBe(best);
        }
      }),
      { numRuns: 150, seed: 20250701 },
    );
  });

  it('proves minimality from the packing bound even without search budget', () => {
    const g = compileKnowledgeBase(KB);
    const attacker = { start: [g.token('acc:inference-api')], enabled: g.enabledMask('api-client') };
    const goals = [[g.token('obj:targeted-misclassification')], [g.token('obj:model-ip-stolen')]];
    const cut = minimalCut(g, [attacker], goals, KB.mitigations, { maxNodes: 1 });
    // Greedy finds {M4}; one derivation needs at least one mitigation, so size 1 is minimal.
    expect(cut.mitigations).toEqual(['QML.M0004']);
    expect(cut.lowerBound).toBe(1);
    expect(cut.exact).toBe(true);
    const mask = Uint8Array.from(attacker.enabled);
    for (const id of cut.mitigations) for (const t of KB.mitigationById.get(id)?.blocks ?? []) mask[g.techniqueIndex.get(t) as number] = 0;
    const r = g.chain(attacker.start, mask);
    expect(goals.every((gs) => gs.every((t) => r.reached[t] === 0))).toBe(true);
  });
});
