import { describe, expect, it } from 'vitest';
import { chartGroups, trapezoidAuc, splitSeriesName } from '../../src/report/charts.js';
import { s1, s2, s3, s4 } from './fixtures.js';

describe('series → charts', () => {
  it('splits "<chart>: <line>" names', () => {
    expect(splitSeriesName('agreement: no defense')).toEqual({ chart: 'agreement', line: 'no defense' });
    expect(splitSeriesName('agreement')).toEqual({ chart: '', line: 'agreement' });
    expect(splitSeriesName(': x')).toEqual({ chart: '', line: ': x' });
  });

  it('groups a budget sweep into one log-x chart with the axis titles of the notes', () => {
    const [g, ...rest] = chartGroups(s1());
    expect(rest).toHaveLength(0);
    expect(g).toMatchObject({ key: 'agreement', kind: 'curve', xTitle: 'query budget', yTitle: 'agreement with the victim', xScale: 'log' });
    expect(g?.lines.map((l) => l.label)).toEqual(['no defense', 'rate-limit']);
    expect(g?.lines[0]?.points.map((p) => p.x)).toEqual([10, 30, 100, 300, 1000]);
  });

  it('keeps a linear x for an ε sweep that starts at 0', () => {
    expect(chartGroups(s2()).map((g) => [g.key, g.xScale, g.xTitle, g.yTitle])).toEqual([['accuracy', 'linear', 'ε (L∞ perturbation)', 'accuracy']]);
    expect(chartGroups(s3())).toEqual([]);
  });

  it('recognises ROC charts and computes the area under each line', () => {
    const [g] = chartGroups(s4());
    expect(g?.kind).toBe('roc');
    expect(g?.xTitle).toBe('false-positive rate');
    const [fingerprint, shots] = g?.lines ?? [];
    // trapezoids of y = x² on x = 0, ¼, ½, ¾, 1: ¼ · (0/2 + 1/16 + 1/4 + 9/16 + 1/2) = 11/32
    expect(shots?.auc).toBeCloseTo(11 / 32, 12);
    expect(fingerprint?.auc).toBeGreaterThan(0.6);
  });

  it('closes ROC curves at (0,0) and (1,1)', () => {
    expect(trapezoidAuc([{ x: 0.5, y: 0.5 }])).toBeCloseTo(0.5, 12);
    expect(trapezoidAuc([{ x: 0, y: 1 }])).toBeCloseTo(1, 12);
    expect(trapezoidAuc([])).toBeCloseTo(0.5, 12);
    expect(trapezoidAuc([{ x: 1, y: 0 }, { x: 0, y: 0 }])).toBe(0);
  });

  it('skips points without a finite mean (a series no seed measured)', () => {
    const r = { ...s2(), series: [{ series: 'a', x: 1, mean: Number.NaN, ci95: [Number.NaN, Number.NaN] as const, n: 0 }] };
    expect(chartGroups(r)).toEqual([]);
  });
});
