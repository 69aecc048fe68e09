import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { normalQuantile, shapiroWilkW } from '../../src/lab/common/shapiro-wilk.js';

describe('normalQuantile', () => {
  it('inverts the standard normal CDF', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5); // the familiar 1.96
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
    expect(normalQuantile(0.3)).toBeCloseTo(-normalQuantile(0.7), 12);
    expect(() => normalQuantile(1)).toThrow(InputError);
  });
});

describe('shapiroWilkW', () => {
  it('is exact for n = 3: a = (−√½, 0, √½)', () => {
    // [1, 2, 4]: (√½·3)² / Σ(x − 7/3)² = 4.5 / (42/9) = 27/28
    expect(shapiroWilkW([1, 2, 4])).toBeCloseTo(27 / 28, 12);
    expect(shapiroWilkW([5, 5.5, 6])).toBeCloseTo(1, 12); // equally spaced: perfectly "normal"
  });

  it('reproduces Shapiro & Wilk\'s (1965) worked example: weights of 11 men, W = 0.79', () => {
    expect(shapiroWilkW([148, 154, 158, 160, 161, 162, 166, 170, 182, 195, 236])).toBeCloseTo(0.79, 2);
  });

  it('is near 1 for normal scores and invariant to order, shift and scale', () => {
    const n = 200;
    const scores = Array.from({ length: n }, (_, i) => normalQuantile((i + 1 - 0.375) / (n + 0.25)));
    const w = shapiroWilkW(scores);
    expect(w).toBeGreaterThan(0.995);
    expect(shapiroWilkW(scores.map((x) => 3 * x - 7).reverse())).toBeCloseTo(w, 12);
    const skewed = scores.map((x) => Math.exp(x)); // log-normal
    expect(shapiroWilkW(skewed)).toBeLessThan(0.85);
  });

  it('refuses samples it cannot test', () => {
    expect(() => shapiroWilkW([1, 2])).toThrow(/3 to 5000/);
    expect(() => shapiroWilkW([2, 2, 2, 2])).toThrow(/all equal/);
    expect(() => shapiroWilkW([1, Number.NaN, 3])).toThrow(/finite/);
  });
});
