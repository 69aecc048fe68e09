import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDigitsText, parseDigitsText } from '../../src/data/digits-format.js';

describe('Digits text format', () => {
  it('round-trips the shipped file exactly', () => {
    const text = readFileSync(new URL('../../datasets/digits-8x8.txt', import.meta.url), 'utf8');
    const table = parseDigitsText(text);
    const body = text.split('\n').filter((l) => l !== '' && !l.startsWith('#')).join('\n') + '\n';
    expect(formatDigitsText(table.pixels, table.labels)).toBe(body);
  });

  it('encodes 0..16 as base-17 digits 0-9a-g', () => {
    const pixels = Array.from({ length: 64 }, (_, j) => j % 17);
    const text = formatDigitsText(pixels, [7]);
    expect(text.slice(0, 17)).toBe('0123456789abcdefg');
    expect(text.endsWith(' 7\n')).toBe(true);
    expect(Array.from(parseDigitsText(text).pixels)).toEqual(pixels);
  });

  it('names the line and column of a short line or a bad label', () => {
    expect(() => parseDigitsText('# c\n0123\n', 'd.txt')).toThrow('d.txt:2:5: digits image: the line ends after 4 of 64 pixels');
    expect(() => parseDigitsText(`${'0'.repeat(64)} x\n`)).toThrow('1:65: digits image: expected a space and one label digit 0-9 after the 64 pixels');
  });
});
