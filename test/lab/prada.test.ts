import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { PradaDetector } from '../../src/lab/common/prada.js';

function naturalStream(n: number, d: number, rng: Rng): number[][] {
  return Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal(0, 1)));
}

describe('PRADA', () => {
  it('stays quiet on i.i.d. natural queries in high dimension (normal minimum distances)', () => {
    const det = new PradaDetector({ delta: 0.9 });
    for (const x of naturalStream(400, 50, new Rng(1))) det.observe(x, 0);
    expect(det.detectedAt).toBeUndefined();
    expect(det.smallestW).toBeGreaterThan(0.9);
    expect(det.queries).toBe(400);
  });

  it('flags a synthetic stream of perturbed copies, and only when a test runs', () => {
    const rng = new Rng(2);
    const bases = naturalStream(20, 50, rng);
    const det = new PradaDetector({ delta: 0.9 });
    for (let i = 0; i < 300; i++) {
      const base = bases[i % bases.length] as number[];
      det.observe(base.map((v) => v + rng.normal(0, 0.01)), 0);
    }
    const at = det.detectedAt as number;
    expect(at).toBeDefined();
    // More than 100 distances are needed, and tests run before queries 1, 11, 21, …
    expect(at).toBeGreaterThan(100);
    expect((at - 1) % 10).toBe(0);
  });

  it('does not test before it has more than 100 distances', () => {
    const det = new PradaDetector({ delta: 1 });
    const rng = new Rng(3);
    for (let i = 0; i < 101; i++) expect(det.observe([rng.normal(0, 1)], 0).flagged).toBe(false);
    expect(Number.isFinite(det.smallestW)).toBe(false);
  });

  it('validates δ', () => {
    expect(() => new PradaDetector({ delta: 0 })).toThrow(/δ/);
    expect(() => new PradaDetector({ delta: 1.5 })).toThrow(/δ/);
  });
});
