import { describe, expect, it } from 'vitest';
import { anchorId, el, escapeHtml, fragment, raw } from '../../src/report/html.js';
import { formatNumber, formatSeconds, formatSummary } from '../../src/report/format.js';
import { uniquifySvgIds } from '../../src/report/vega-svg.js';
import { parseXml, textOf } from './xml.js';

describe('HTML builders', () => {
  it('escapes text and attribute values, and keeps markup fragments as they are', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const out = el('p', { title: 'a"b', hidden: true, lang: false }, 'x < y', el('b', {}, '&'), raw('<i>ok</i>'), null, 3);
    expect(out.markup).toBe('<p title="a&quot;b" hidden="hidden">x &lt; y<b>&amp;</b><i>ok</i>3</p>');
    expect(el('br').markup).toBe('<br/>');
    expect(fragment('a', ['b', el('i', {}, 'c')]).markup).toBe('ab<i>c</i>');
  });

  it('replaces control characters XML forbids', () => {
    const out = el('p', {}, 'bell\u0007 tab\t').markup;
    expect(out).toBe('<p>bell\uFFFD tab\t</p>');
    expect(textOf(parseXml(out))).toBe('bell\uFFFD tab\t');
  });

  it('makes fragment ids from any text', () => {
    expect(anchorId('scenario', 'S1 Model-Extraction!')).toBe('scenario-s1-model-extraction');
    expect(anchorId('scenario', '<>')).toBe('scenario-x');
  });
});

describe('the XML checker used by these tests', () => {
  it('accepts well-formed markup and rejects the usual mistakes', () => {
    expect(parseXml('<!DOCTYPE html>\n<a x="1"><b/>t &amp; &#955; &#x3bb;</a>').children).toHaveLength(2);
    for (const bad of ['<a><b></a></b>', '<a x=1></a>', '<a>&nbsp;</a>', '<a>x & y</a>', '<a x="1" x="2"></a>', '<a>', '<a></a><b></b>', '<a x="<"></a>']) {
      expect(() => parseXml(bad), bad).toThrow();
    }
  });
});

describe('uniquifySvgIds', () => {
  it('prefixes ids and every reference to them, and nothing else', () => {
    const svg = '<svg><defs><clipPath id="clip1"><rect/></clipPath></defs><g clip-path="url(#clip1)" fill="url(#other)"><use href="#clip1"/></g></svg>';
    expect(uniquifySvgIds(svg, 'p-')).toBe('<svg><defs><clipPath id="p-clip1"><rect/></clipPath></defs><g clip-path="url(#p-clip1)" fill="url(#other)"><use href="#p-clip1"/></g></svg>');
    // the default prefix depends on the content: equal input, equal output; different charts differ
    expect(uniquifySvgIds(svg)).toBe(uniquifySvgIds(svg));
    expect(uniquifySvgIds(svg)).not.toBe(uniquifySvgIds(svg.replace('<rect/>', '<rect width="1"/>')).replace('width="1"', ''));
  });
});

describe('number formatting', () => {
  it('shows mean ± half-width to two significant digits of the half-width', () => {
    expect(formatSummary({ mean: 0.99663, ci95: [0.97663, 1.01663], n: 3 })).toBe('0.997 ± 0.020');
    expect(formatSummary({ mean: 12, ci95: [9, 15], n: 3 })).toBe('12.0 ± 3.0');
    expect(formatSummary({ mean: 1234.5, ci95: [984.5, 1484.5], n: 5 })).toBe('1235 ± 250');
    expect(formatSummary({ mean: 200, ci95: [200, 200], n: 3 })).toBe('200 ± 0');
    expect(formatSummary({ mean: 0.5, ci95: [0.5, 0.5], n: 1 })).toBe('0.5');
    expect(formatSummary({ mean: Number.NaN, ci95: [Number.NaN, Number.NaN], n: 0 })).toBe('—');
    expect(formatSummary(undefined)).toBe('—');
  });

  it('formats plain numbers and durations', () => {
    expect([0, 3, 0.123456, 12.345, 1234.5, 1e-5, Number.NaN].map(formatNumber)).toEqual(['0', '3', '0.123', '12.3', '1235', '1.00e-5', '—']);
    expect([12.34, 179.6, 3600].map(formatSeconds)).toEqual(['12.3 s', '3 min 00 s', '60 min 00 s']);
  });
});
