import { beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/report/report.js';
import { labResults, s1, s2, s3, s4 } from './fixtures.js';
import { findAll, hasClass, parseXml, textOf, type XmlElement } from './xml.js';

let html = '';
let doc: XmlElement;

function section(id: string): XmlElement {
  const found = findAll(doc, (e) => e.name === 'section' && e.attributes['id'] === id);
  expect(found, `section #${id}`).toHaveLength(1);
  return found[0] as XmlElement;
}

beforeAll(async () => {
  html = await renderReport({ results: labResults() });
  doc = parseXml(html);
});

describe('renderReport', () => {
  it('writes a well-formed document whose every SVG parses on its own', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(doc.name).toBe('html');
    const svgs = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    // one heat map + S1 (1 chart) + S2 (1) + S4 (1)
    expect(svgs).toHaveLength(4);
    for (const svg of svgs) expect(parseXml(svg).name).toBe('svg');
  });

  it('is self-contained: no scripts, no external resources', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\ssrc=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/@import|@font-face/i);
    expect(html).not.toMatch(/url\((?!#)/i);
    const hrefs = findAll(doc, (e) => 'href' in e.attributes || 'xlink:href' in e.attributes).map((e) => e.attributes['href'] ?? e.attributes['xlink:href'] ?? '');
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(h, h).toMatch(/^(#|[\w.-]+\.json$)/);
  });

  it('escapes scenario titles, messages and series names', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const r = { ...s2(), title: evil, errors: [{ seed: 2, message: '</code><script>alert(2)</script>' }], series: [{ series: `${evil}: a&b`, x: 1, mean: 1, ci95: [1, 1] as const, n: 1 }] };
    const out = await renderReport({ results: labResults([r]) });
    expect(out).not.toContain('<img');
    expect(out).not.toContain('<script');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('&lt;/code&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    const parsed = parseXml(out);
    const h2 = findAll(parsed, (e) => e.name === 'h2' && textOf(e).startsWith('<img'));
    expect(h2).toHaveLength(1);
  });

  it('shows a partial scenario with its failed seed and message', () => {
    const s = section('scenario-s2-adversarial-evasion');
    const box = findAll(s, (e) => hasClass(e, 'errors'));
    expect(box).toHaveLength(1);
    const text = textOf(box[0] as XmlElement);
    expect(text).toContain('1 of 3 seeds failed');
    expect(text).toContain('seed 2: gradient query refused: quota of 500 exhausted');
    expect(findAll(s, (e) => hasClass(e, 'badge') && textOf(e) === 'partial')).toHaveLength(1);
  });

  it('shows a failed scenario with every error and says nothing was measured', () => {
    const text = textOf(section('scenario-s3-untrusted-provider'));
    expect(text).toContain('Failed: no seed completed (2 of 2 seeds failed)');
    expect(text.match(/device profile "ibm_nowhere" not found/g)).toHaveLength(2);
    expect(text).toContain('No attack metric was measured.');
  });

  it('draws one chart per series-carrying scenario, of the right kind', () => {
    const charts = (id: string) => findAll(section(`scenario-${id}`), (e) => e.name === 'figure' && hasClass(e, 'chart'));
    expect(charts('s1-model-extraction').map((f) => f.attributes['data-chart'])).toEqual(['agreement']);
    expect(charts('s2-adversarial-evasion').map((f) => f.attributes['class'])).toEqual(['chart curve']);
    expect(charts('s3-untrusted-provider')).toHaveLength(0);
    expect(charts('s4-rerouting').map((f) => f.attributes['class'])).toEqual(['chart roc']);
    // the S1 chart has the axis titles the scenario's notes ask for, and one legend entry per line
    const s1Text = textOf(charts('s1-model-extraction')[0] as XmlElement);
    expect(s1Text).toContain('query budget');
    expect(s1Text).toContain('agreement with the victim');
    expect(s1Text).toContain('no defense');
    expect(s1Text).toContain('rate-limit');
    // ROC legend carries the trapezoid AUC of y = √x and y = x² on x = 0, ¼, ½, ¾, 1
    const rocText = textOf(charts('s4-rerouting')[0] as XmlElement);
    const sqrtAuc = (0.25 / 2) * (0 + 2 * (Math.sqrt(0.25) + Math.sqrt(0.5) + Math.sqrt(0.75)) + 1);
    expect(rocText).toContain(`fingerprint (AUC ${sqrtAuc.toPrecision(3)})`);
    expect(rocText).toContain('shot statistics (AUC 0.344)');
  });

  it('tabulates each metric without and with each defense, and each defense cost', () => {
    const s = section('scenario-s1-model-extraction');
    const [metrics, costs] = findAll(s, (e) => e.name === 'table');
    const rows = findAll(metrics as XmlElement, (e) => e.name === 'tr').map((tr) => findAll(tr, (e) => e.name === 'td' || e.name === 'th').map(textOf));
    expect(rows[0]).toEqual(['metric', 'no defense', 'with rate-limit', 'with label-only']);
    expect(rows[1]).toEqual(['agreement_at_max_budget', '0.997 ± 0.020', '0.710 ± 0.040', '0.830 ± 0.030']);
    expect(rows[2]).toEqual(['queries_used', '1000 ± 0', '200 ± 0', '—']);
    const costText = textOf(costs as XmlElement);
    expect(costText).toContain('AML.M0004 Restrict Number of AI Model Queries');
    expect(costText).toContain('honest_queries_refused_pct = 1.50 ± 0.50');
    expect(textOf(section('scenario-s3-untrusted-provider'))).toContain('not measured');
  });

  it('labels the anchor as the published claim next to what was measured', () => {
    const box = findAll(section('scenario-s1-model-extraction'), (e) => hasClass(e, 'anchor'))[0] as XmlElement;
    const [claim, measured] = box.children as XmlElement[];
    expect(textOf(claim as XmlElement)).toMatch(/^Anchor — published claimA clone reaches 90 % agreement/);
    expect(textOf(claim as XmlElement)).toContain('Source: Example et al. 2024, Table 2');
    expect(textOf(measured as XmlElement)).toMatch(/^Measured here by qmlsecagreement_at_max_budget = 0\.997 ± 0\.020/);
  });

  it('links every scenario from the summary and lists the written files', () => {
    const summaryLinks = findAll(section('summary'), (e) => e.name === 'a').map((a) => a.attributes['href']);
    expect(summaryLinks).toEqual([s1(), s2(), s3(), s4()].map((r) => `#scenario-${r.id}`));
    const files = findAll(section('files'), (e) => e.name === 'a').map((a) => a.attributes['href']);
    expect(files).toEqual(['results.json', ...[s1(), s2(), s3(), s4()].map((r) => `${r.id}.navigator.json`)]);
  });

  it('renders the optional training and circuit sections, escaped', async () => {
    const out = await renderReport({
      results: labResults([s1()]),
      training: {
        model: 'VQC <4 qubits>',
        dataset: 'iris',
        device: 'fake_brisbane',
        accuracy: 0.9333,
        seconds: 41.2,
        costUsd: 1.234,
        ledger: { source: 'recorded', records: [
          { step: 'S3', from: 'owner', to: 'qpu', asset: 'trained-weights', time: 1 },
          { step: 'I2', from: 'owner', to: 'qpu', asset: 'trained-weights', time: 2 },
          { step: 'I2', from: 'owner', to: 'qpu', asset: 'inference-features', time: 3 },
        ] },
      },
      circuits: [{ title: 'ansatz', text: 'q0: ─RY(θ0)─■─\nq1: ─RY(θ1)─X─ & <done>' }],
    });
    const d = parseXml(out);
    const training = textOf(findAll(d, (e) => e.attributes['id'] === 'training')[0] as XmlElement);
    expect(training).toContain('VQC <4 qubits>');
    expect(training).toContain('0.933');
    expect(training).toContain('$1.23');
    expect(training).toContain('qpuinference-features, trained-weights3');
    const pre = findAll(d, (e) => e.name === 'pre').map(textOf);
    expect(pre).toContain('q0: ─RY(θ0)─■─\nq1: ─RY(θ1)─X─ & <done>');
  });

  it('renders results read back from results.json, where NaN became null', async () => {
    const nan = { mean: Number.NaN, ci95: [Number.NaN, Number.NaN] as const, n: 0 };
    const r = { ...s1(), metrics: { ...s1().metrics, never_measured: nan }, impact: { 'QML.T0011': Number.NaN } };
    const fromJson = JSON.parse(JSON.stringify(labResults([r]))) as ReturnType<typeof labResults>;
    expect(fromJson.scenarios[0]?.metrics['never_measured']?.mean).toBeNull();
    const d = parseXml(await renderReport({ results: fromJson }));
    const row = findAll(d, (e) => e.name === 'tr' && textOf(e).startsWith('never_measured'))[0] as XmlElement;
    expect(findAll(row, (e) => e.name === 'td').map(textOf)).toEqual(['never_measured', '—', '—', '—']);
  });
});
