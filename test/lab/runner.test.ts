import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/lab/runner.js';
import type { Scenario } from '../../src/lab/scenario.js';
import { summarize, tCritical95 } from '../../src/lab/stats.js';
import { scenarioLayer } from '../../src/lab/navigator.js';
import { builtinKnowledgeBase } from '../../src/threat/kb/index.js';

/** A scenario whose metrics are known functions of the seed (a test double of a real attack). */
function arithmeticScenario(failOn?: number): Scenario {
  return {
    id: 'test-arithmetic', title: 'arithmetic', description: 'metrics = functions of the seed',
    techniques: ['QML.T0001'], attacker: 'api-client',
    defenses: [{ id: 'quota', mitigations: ['AML.M0004'], description: 'halves success' }],
    impact: (m) => new Map([['QML.T0001', (m['success'] as number) / 10]]),
    async run({ seed }) {
      if (seed === failOn) throw new Error(`seed ${seed} broke`);
      return {
        attack: { success: seed },
        defenses: { quota: { metrics: { success: seed / 2 }, cost: { queries: 100 * seed } } },
        series: [{ series: 'curve', x: 1, y: seed }, { series: 'curve', x: 2, y: 2 * seed }],
      };
    },
  };
}

describe('lab statistics', () => {
  it('gives the t-based 95 % interval of the mean', () => {
    const s = summarize([1, 2, 3]);
    expect(s.mean).toBe(2);
    // sd = 1, half width = t(2) · 1/√3
    expect(s.ci95[1] - s.mean).toBeCloseTo(4.303 / Math.sqrt(3), 12);
    expect(tCritical95(100)).toBe(1.96);
  });
});

describe('runScenario', () => {
  it('aggregates attack, defense, cost and series over seeds', async () => {
    const r = await runScenario(arithmeticScenario(), { seeds: [1, 2, 3] });
    expect(r.status).toBe('complete');
    expect(r.metrics['success']?.mean).toBe(2);
    expect(r.defenses[0]?.metrics['success']?.mean).toBe(1);
    expect(r.defenses[0]?.cost['queries']?.mean).toBe(200);
    expect(r.series.find((p) => p.x === 2)?.mean).toBe(4);
    expect(r.impact['QML.T0001']).toBeCloseTo(0.2, 12);
  });

  it('records a failing seed and reports partial results instead of hiding it', async () => {
    const r = await runScenario(arithmeticScenario(2), { seeds: [1, 2, 3] });
    expect(r.status).toBe('partial');
    expect(r.errors).toEqual([{ seed: 2, message: 'seed 2 broke' }]);
    expect(r.metrics['success']?.mean).toBe(2);
    expect(r.metrics['success']?.n).toBe(2);
  });

  it('makes a Navigator layer with the measured scores', async () => {
    const r = await runScenario(arithmeticScenario(), { seeds: [1] });
    const layer = scenarioLayer(builtinKnowledgeBase(), r);
    expect(layer.versions.layer).toBe('4.5');
    expect(layer.techniques.find((t) => t.techniqueID === 'QML.T0001')?.score).toBe(10);
  });
});
