import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NotFoundError, ParseError } from '../../src/core/errors.js';
import { readCsv, readCsvFile } from '../../src/data/csv.js';

function parseError(fn: () => unknown): ParseError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ParseError) return err;
    throw err;
  }
  throw new Error('expected a ParseError');
}

describe('readCsv', () => {
  it('reads features and labels, the label column last by default', () => {
    const ds = readCsv('a,b,species\n1,2.5,cat\n3,-4e-1,dog\n5,6,cat\n', { name: 'pets' });
    expect(ds.name).toBe('pets');
    expect(ds.featureNames).toEqual(['a', 'b']);
    expect(ds.classNames).toEqual(['cat', 'dog']);
    expect(Array.from(ds.features.data)).toEqual([1, 2.5, 3, -0.4, 5, 6]);
    expect(Array.from(ds.labels)).toEqual([0, 1, 0]);
  });

  it('handles quoting, CRLF, a BOM, comments, blank lines and a named label column', () => {
    const text = '\ufeff# a comment\r\n"label","x, with comma","say ""hi"""\r\n\r\nb,1,2\r\na,3,4\r\n';
    const ds = readCsv(text, { labelColumn: 'label', comment: '#' });
    expect(ds.featureNames).toEqual(['x, with comma', 'say "hi"']);
    expect(ds.classNames).toEqual(['a', 'b']);
    expect(Array.from(ds.labels)).toEqual([1, 0]);
    expect(Array.from(ds.features.data)).toEqual([1, 2, 3, 4]);
  });

  it('orders numeric labels numerically and honours a given class list', () => {
    const ds = readCsv('x,y\n0,10\n1,9\n2,10\n', {});
    expect(ds.classNames).toEqual(['9', '10']);
    const fixed = readCsv('x,y\n0,b\n1,a\n', { classes: ['b', 'a', 'c'] });
    expect(Array.from(fixed.labels)).toEqual([0, 1]);
    expect(fixed.classNames).toEqual(['b', 'a', 'c']);
  });

  it('works without a header and with another delimiter', () => {
    const ds = readCsv('1;2;0\n3;4;1\n', { header: false, delimiter: ';' });
    expect(ds.featureNames).toEqual(['col0', 'col1']);
    expect(Array.from(ds.features.data)).toEqual([1, 2, 3, 4]);
  });

  it('selects feature columns in the given order', () => {
    const ds = readCsv('a,b,c,y\n1,2,3,0\n', { featureColumns: ['c', 0] });
    expect(ds.featureNames).toEqual(['c', 'a']);
    expect(Array.from(ds.features.data)).toEqual([3, 1]);
  });

  it('reports NaN, Inf, non-numbers and missing values with line, column and column name', () => {
    const nan = parseError(() => readCsv('a,b,y\n1,2,0\n3,NaN,1\n', { file: 'data.csv' }));
    expect(nan.message).toBe('data.csv:3:3: row 1, column "b": "NaN" is not a finite number (NaN and Infinity are not allowed)');
    expect(nan.location).toEqual({ file: 'data.csv', line: 3, column: 3 });
    expect(parseError(() => readCsv('a,b,y\n-inf,2,0\n')).message).toMatch(/^2:1: row 0, column "a": "-inf" is not a finite number/);
    expect(parseError(() => readCsv('a,b,y\n1e999,2,0\n')).message).toMatch(/^2:1: row 0, column "a": "1e999" overflows to Infinity/);
    expect(parseError(() => readCsv('a,b,y\n1,2x,0\n')).message).toBe('2:3: row 0, column "b": "2x" is not a number');
    expect(parseError(() => readCsv('a,b,y\n1,,0\n')).message).toBe('2:3: row 0, column "b": missing value');
    expect(parseError(() => readCsv('a,b,y\n1,2,\n')).message).toBe('2:5: row 0, column "y": missing label');
  });

  it('reports ragged rows', () => {
    expect(parseError(() => readCsv('a,b,y\n1,2,0\n3,4\n')).message).toBe('3:3: row 1 has 2 fields, expected 3 (as many as the header)');
    expect(parseError(() => readCsv('a,b,y\n1,2,0,9\n')).message).toBe('2:7: row 0 has 4 fields, expected 3 (as many as the header)');
  });

  it('reports labels outside the class list', () => {
    const err = parseError(() => readCsv('x,species\n1,setosa\n2,setosaa\n', { classes: ['setosa', 'versicolor'] }));
    expect(err.message).toBe('3:3: row 1, column "species": label "setosaa" is not one of the classes "setosa", "versicolor"');
  });

  it('reports broken quoting, bad headers, empty input and unknown columns', () => {
    expect(parseError(() => readCsv('a,y\n"1,0\n')).message).toBe('2:1: unterminated quoted field');
    expect(parseError(() => readCsv('a,y\n"1"x,0\n')).message).toMatch(/^2:4: unexpected "x" after a closing quote/);
    expect(parseError(() => readCsv('a,y\n1"2,0\n')).message).toMatch(/^2:2: a quote inside an unquoted field/);
    expect(parseError(() => readCsv('a,a,y\n1,2,0\n')).message).toBe('1:3: header column 1 "a" repeats column 0');
    expect(parseError(() => readCsv('a,,y\n1,2,0\n')).message).toBe('1:3: header column 1 has no name');
    expect(parseError(() => readCsv('')).message).toBe('1:1: the file holds no records');
    expect(parseError(() => readCsv('a,y\n')).message).toBe('2:1: the file has a header but no data rows');
    expect(() => readCsv('a,y\n1,0\n', { labelColumn: 'label' })).toThrow(NotFoundError);
    expect(() => readCsv('a,y\n1,0\n', { labelColumn: 'label' })).toThrow(/labelColumn "label" is not a column; columns are "a", "y"/);
    expect(() => readCsv('a,y\n1,0\n', { labelColumn: 5 })).toThrow(/labelColumn 5 is out of range/);
  });
});

describe('readCsvFile', () => {
  it('reads a file and names it in errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qmlsec-csv-'));
    try {
      const good = join(dir, 'flowers.csv');
      writeFileSync(good, 'x,y\n1,a\n2,b\n');
      const ds = readCsvFile(good);
      expect(ds.name).toBe('flowers');
      expect(ds.features.rows).toBe(2);
      const bad = join(dir, 'bad.csv');
      writeFileSync(bad, 'x,y\n1,a\noops,b\n');
      expect(() => readCsvFile(bad)).toThrow(`${bad}:3:1: row 1, column "x": "oops" is not a number`);
      expect(() => readCsvFile(join(dir, 'missing.csv'))).toThrow(NotFoundError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
