import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { createDataset } from '../../src/data/dataset.js';
import { calibrateOodCusum, OodCusumDetector, type OodCusumConfig } from '../../src/lab/common/ood-cusum.js';
import { GaussianPopulation } from '../../src/lab/common/population.js';

// Two 1-D classes: rows ±1 around 0 and around 10; sample variance (4 · 1²)/3 = 4/3 each.
const data = createDataset({ name: 'two-blobs', features: [[-1], [1], [-1], [1], [9], [11], [9], [11]], labels: [0, 0, 0, 0, 1, 1, 1, 1], classNames: ['a', 'b'] });

describe('GaussianPopulation', () => {
  const pop = GaussianPopulation.fit(data);

  it('scores the squared Mahalanobis distance to the nearest class', () => {
    expect(pop.nearestMahalanobis2([2])).toBeCloseTo(4 / (4 / 3), 12); // 3, to class a
    expect(pop.nearestMahalanobis2([9])).toBeCloseTo(1 / (4 / 3), 12); // 0.75, to class b
    expect(() => pop.nearestMahalanobis2([1, 2])).toThrow(/1-feature/);
  });

  it('samples the fitted mixture (mean 5, variance 4/3 + 25)', () => {
    const s = pop.sample(20_000, new Rng(5));
    const xs = s.rows.map((r) => r[0] as number);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
    expect(mean).toBeCloseTo(5, 1);
    expect(variance).toBeGreaterThan(25.3);
    expect(variance).toBeLessThan(27.4);
    // each row's class is the Gaussian it came from
    const far = s.rows.filter((r, i) => Math.abs((r[0] as number) - (s.labels[i] === 0 ? 0 : 10)) > 8).length;
    expect(far).toBe(0);
  });

  it('refuses a class with no more rows than features', () => {
    const thin = createDataset({ name: 'thin', features: [[0, 1], [1, 0], [5, 5], [6, 5], [5, 6]], labels: [0, 0, 1, 1, 1], classNames: ['a', 'b'] });
    expect(() => GaussianPopulation.fit(thin)).toThrow(/class "a".*2 row/);
  });
});

describe('OodCusumDetector', () => {
  const reference = GaussianPopulation.fit(data);
  // p0 = 0.2, p1 = 0.8: +ln 4 per mark, −ln 4 otherwise; h = ln 10⁴ ≈ 9.21 needs 7 marks in a row.
  const config: OodCusumConfig = { reference, oodThreshold: 4, p0: 0.2, p1: 0.8, h: Math.log(1e4) };

  it('alarms after 7 consecutive out-of-distribution queries (6 ln 4 < ln 10⁴ < 7 ln 4)', () => {
    const d = new OodCusumDetector(config);
    for (let i = 0; i < 6; i++) d.observe([5]); // (5 − 0)²/(4/3) = 18.75 > 4
    expect(d.detectedAt).toBeUndefined();
    d.observe([5]);
    expect(d.detectedAt).toBe(7);
    expect(d.oodRate).toBe(1);
  });

  it('never drops below zero, so natural queries do not bank credit', () => {
    const d = new OodCusumDetector(config);
    for (let i = 0; i < 50; i++) d.observe([0.5]);
    for (let i = 0; i < 7; i++) d.observe([5]);
    expect(d.detectedAt).toBe(57);
  });

  it('stays quiet when marks alternate with natural queries', () => {
    const d = new OodCusumDetector(config);
    for (let i = 0; i < 200; i++) d.observe([i % 2 === 0 ? 5 : 0]);
    expect(d.detectedAt).toBeUndefined();
    expect(d.oodRate).toBe(0.5);
  });

  it('calibrates the mark threshold on the training rows and validates its rates', () => {
    const rows = [[-1], [1], [-1], [1], [9], [11], [9], [11]];
    // every training row scores 0.75: the quantile is 0.75
    expect(calibrateOodCusum(reference, rows).oodThreshold).toBeCloseTo(0.75, 12);
    expect(() => calibrateOodCusum(reference, rows, { p0: 0.9, p1: 0.5 })).toThrow(/p0 < p1/);
    expect(() => calibrateOodCusum(reference, [])).toThrow(/training rows/);
  });
});
