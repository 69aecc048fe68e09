import { beforeAll, describe, expect, it } from 'vitest';
import { matrixSpec } from '../../src/report/chart-specs.js';
import { killChainMatrix } from '../../src/report/matrix.js';
import { vegaLiteToSvg } from '../../src/report/vega-svg.js';
import { builtinKnowledgeBase } from '../../src/threat/kb/index.js';
import { TACTICS } from '../../src/threat/kb/tactics.js';
import { labResults, s1, s2 } from './fixtures.js';
import { findAll, hasClass, parseXml, type XmlElement } from './xml.js';

const kb = builtinKnowledgeBase();

/** The x of a `translate(x,y)` transform. */
function translateX(e: XmlElement): number {
  const m = /translate\(([-\d.e]+),/.exec(e.attributes['transform'] ?? '');
  if (!m) throw new Error(`no translate in ${JSON.stringify(e.attributes)}`);
  return Number(m[1]);
}

describe('killChainMatrix', () => {
  it('has one column per ATLAS tactic, in ATLAS matrix order, and a cell per technique and tactic', () => {
    const m = killChainMatrix(kb, labResults());
    expect(m.tactics.map((t) => t.id)).toEqual(TACTICS.map((t) => t.id));
    expect(m.tactics[0]?.name).toBe('Reconnaissance');
    expect(m.tactics[15]?.name).toBe('Impact');
    const pairs = kb.techniques.reduce((n, t) => n + t.tactics.length, 0);
    expect(m.cells).toHaveLength(pairs);
  });

  it('colours what the lab executed by the highest impact measured, and marks failed ones unmeasured', () => {
    const m = killChainMatrix(kb, labResults());
    const cell = (id: string) => m.cells.find((c) => c.technique === id);
    // QML.T0011 is executed by S1 (impact 1) and S2 (impact 1)
    expect(cell('QML.T0011')).toMatchObject({ state: 'measured', impact: 1, scenarios: ['s1-model-extraction', 's2-adversarial-evasion'] });
    expect(cell('QML.T0042')).toMatchObject({ state: 'measured', impact: 0.5 });
    // S3 failed: its techniques were attempted but nothing was measured
    expect(cell('QML.T0026')).toMatchObject({ state: 'unmeasured', impact: null, scenarios: ['s3-untrusted-provider'] });
    expect(cell('QML.T0001')).toMatchObject({ state: 'not-executed', impact: null, scenarios: [] });
    // an ATLAS id is not a cell of the QML matrix but is still reported
    expect(m.outside.map((e) => [e.technique, e.impact])).toEqual([['AML.T0029', 0.3]]);
    const maxOf = killChainMatrix(kb, labResults([s1(), { ...s2(), impact: { 'QML.T0011': 0.25 } }, { ...s1(), id: 'again', impact: { 'QML.T0011': 0.75 } }]));
    expect(maxOf.cells.find((c) => c.technique === 'QML.T0011')?.impact).toBe(1);
  });
});

describe('the heat map', () => {
  let svg: XmlElement;
  beforeAll(async () => {
    svg = parseXml(await vegaLiteToSvg(matrixSpec(killChainMatrix(kb, labResults())), 'matrix'));
  });

  it('has one header column per ATLAS tactic, left to right in ATLAS order', () => {
    const header = findAll(svg, (e) => e.name === 'g' && hasClass(e, 'tactics_marks'))[0] as XmlElement;
    const texts = findAll(header, (e) => e.name === 'text');
    const columns = new Map<number, string>();
    for (const t of texts) columns.set(Math.round(translateX(t)), t.attributes['aria-label'] ?? '');
    const ordered = [...columns].sort((a, b) => a[0] - b[0]).map(([, label]) => label);
    expect(ordered).toEqual(TACTICS.map((t) => `${t.name} (${t.id})`));
  });

  it('draws a cell per technique and tactic, grey unless executed', () => {
    const rects = findAll(svg, (e) => e.name === 'path' && (e.attributes['aria-label'] ?? '').startsWith('QML.T'));
    expect(rects).toHaveLength(kb.techniques.reduce((n, t) => n + t.tactics.length, 0));
    const fill = (id: string) => rects.find((r) => r.attributes['aria-label']?.startsWith(`${id} `))?.attributes['fill'];
    expect(fill('QML.T0001')).toBe('#ececec');
    expect(fill('QML.T0026')).toBe('#9ecae1');
    const measured = [fill('QML.T0011'), fill('QML.T0057')];
    for (const f of measured) expect(f).not.toMatch(/^#(ececec|9ecae1)$/);
    // impact 1 and 0.12 sit at opposite ends of the colour scale
    expect(measured[0]).not.toBe(measured[1]);
  });
});
