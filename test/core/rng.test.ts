import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { ValidationError, formatPath } from '../../src/core/errors.js';
import { parseYaml, validate } from '../../src/core/schema.js';
import { z } from 'zod';

describe('Rng', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const sa = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(sa);
  });

  it('produces uniform doubles with the right mean and variance', () => {
    const r = new Rng(1);
    const n = 200_000;
    let s = 0;
    let s2 = 0;
    let lo = 1;
    let hi = 0;
    for (let i = 0; i < n; i++) {
      const v = r.random();
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
      s += v;
      s2 += v * v;
    }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
    const mean = s / n;
    // mean 1/2 ± 5σ with σ = sqrt(1/12 / n)
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(s2 / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });

  it('produces standard normals', () => {
    const r = new Rng('normal');
    const n = 100_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const v = r.normal();
      s += v;
      s2 += v * v;
    }
    expect(Math.abs(s / n)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.02);
  });

  it('shuffles into a permutation', () => {
    const p = new Rng(3).permutation(50);
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});

describe('validation helpers', () => {
  it('reports field paths', () => {
    const schema = z.object({ parties: z.array(z.object({ trust: z.enum(['trusted', 'untrusted']) }).strict()) }).strict();
    try {
      validate(schema, { parties: [{ trust: 'trusted' }, { trust: 'maybe' }] }, 'deployment');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).message).toContain('parties[1].trust');
    }
    expect(formatPath(['a', 0, 'b'])).toBe('a[0].b');
  });

  it('reports YAML syntax errors with line and column', () => {
    expect(() => parseYaml('a: 1\nb: [1, 2\n', 'x.yaml')).toThrow(/x\.yaml:3:1: YAML syntax error: Flow sequence/);
  });
});
