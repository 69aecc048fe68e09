import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/registry.js';
import { featureColumn } from '../../src/data/feature-matrix.js';
import { loadModelSpec } from '../../src/qml/spec.js';
import { IRIS_PUBLIC_STATS, IRIS_VICTIM_SPEC } from '../../src/lab/common/iris.js';
import { getScenario } from '../../src/lab/index.js';
import { builtinKnowledgeBase } from '../../src/threat/kb/index.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/iris.yaml', import.meta.url));

describe('what the Iris scenarios know', () => {
  it('embeds exactly the model spec of examples/iris.yaml', () => {
    expect(IRIS_VICTIM_SPEC).toEqual(loadModelSpec(EXAMPLE));
  });

  it('transcribes UCI\'s published summary statistics (checked against the shipped data)', () => {
    const iris = loadDataset('iris');
    IRIS_PUBLIC_STATS.forEach((s, j) => {
      const col = Array.from(featureColumn(iris.features, j));
      const mean = col.reduce((a, b) => a + b, 0) / col.length;
      const sd = Math.sqrt(col.reduce((a, b) => a + (b - mean) ** 2, 0) / (col.length - 1));
      expect(Math.min(...col), s.name).toBe(s.min);
      expect(Math.max(...col), s.name).toBe(s.max);
      expect(Math.abs(mean - s.mean), s.name).toBeLessThan(0.01); // published to 2 decimals
      expect(Math.abs(sd - s.sd), s.name).toBeLessThan(0.01);
    });
  });
});

describe('scenarios 1 and 2 in the knowledge base', () => {
  const kb = builtinKnowledgeBase();
  const qml = new Map(kb.techniques.map((t) => [t.id, t]));
  const atlas = new Set(kb.techniques.flatMap((t) => t.atlas));
  const mitigations = new Set(kb.mitigations.map((m) => m.id));

  for (const id of ['s1-model-extraction', 's2-adversarial-evasion']) {
    it(`${id}: every technique and mitigation exists, and the QML techniques it executes name it`, () => {
      const s = getScenario(id);
      expect(s.techniques.length).toBeGreaterThan(0);
      for (const t of s.techniques) {
        if (t.startsWith('QML.')) expect(qml.has(t), t).toBe(true);
        else expect(atlas.has(t), `${t} is no ATLAS analogue of any KB technique`).toBe(true);
      }
      for (const d of s.defenses) for (const m of d.mitigations) expect(mitigations.has(m), m).toBe(true);
      for (const t of s.techniques.filter((x) => x.startsWith('QML.'))) expect(qml.get(t)?.labAttack, t).toBe(id);
      // each QML technique is followed by its ATLAS analogue(s) in the chain
      s.techniques.forEach((t, i) => {
        const next = s.techniques[i + 1];
        if (t.startsWith('QML.') && next?.startsWith('AML.')) expect(qml.get(t)?.atlas).toContain(next);
      });
    });
  }
});
