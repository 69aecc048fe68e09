/**
 * The compact text format of the shipped Digits file: one 8×8 image per line, its 64 pixel
 * values (0..16, row-major) written as base-17 digits `0-9a-g`, a space, then the digit label.
 * Lines starting with `#` are comments.
 */
import { ParseError } from '../core/errors.js';

const PIXELS = 64;
const ALPHABET = '0123456789abcdefg';

/** Decoded Digits images: `pixels` is n × 64 row-major, `labels[i]` in 0..9. */
export interface DigitsTable {
  readonly pixels: Float64Array;
  readonly labels: Int32Array;
}

/** Parses the Digits text; errors name file, line and column of the offending character. */
export function parseDigitsText(text: string, file?: string): DigitsTable {
  const at = (line: number, column: number) => ({ ...(file !== undefined ? { file } : {}), line, column });
  const lines = text.split(/\r?\n/);
  const pixels: number[] = [];
  const labels: number[] = [];
  lines.forEach((raw, k) => {
    const lineNo = k + 1;
    if (raw === '' || raw.startsWith('#')) return;
    const m = /^([0-9a-g]{64}) ([0-9])$/.exec(raw);
    if (!m) {
      let col = 0;
      while (col < PIXELS && col < raw.length && ALPHABET.includes(raw[col] as string)) col++;
      if (col < PIXELS) {
        const what = col < raw.length ? `character ${JSON.stringify(raw[col])} is not a pixel value 0-9a-g` : `the line ends after ${col} of 64 pixels`;
        throw new ParseError(`digits image: ${what}`, at(lineNo, col + 1), 'DIGITS_FORMAT');
      }
      throw new ParseError('digits image: expected a space and one label digit 0-9 after the 64 pixels', at(lineNo, PIXELS + 1), 'DIGITS_FORMAT');
    }
    const code = m[1] as string;
    for (let j = 0; j < PIXELS; j++) pixels.push(ALPHABET.indexOf(code[j] as string));
    labels.push(Number(m[2]));
  });
  return { pixels: Float64Array.from(pixels), labels: Int32Array.from(labels) };
}

/** Writes images in the same format (the inverse of {@link parseDigitsText}, without comments). */
export function formatDigitsText(pixels: ArrayLike<number>, labels: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < labels.length; i++) {
    let line = '';
    for (let j = 0; j < PIXELS; j++) {
      const v = pixels[i * PIXELS + j] as number;
      if (!Number.isInteger(v) || v < 0 || v > 16) throw new RangeError(`pixel [${i}][${j}] = ${v} is not an integer in 0..16`);
      line += ALPHABET[v];
    }
    out += `${line} ${labels[i]}\n`;
  }
  return out;
}
