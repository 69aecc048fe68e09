/**
 * CSV import for a user's own data: one row per sample, numeric feature columns and one label
 * column. Every problem is reported with its line and column and the column's name.
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { InputError, NotFoundError, ParseError } from '../core/errors.js';
import { splitCsvRecords, type CsvField, type CsvRecord } from './csv-records.js';
import { createDataset, type Dataset, type DatasetSource } from './dataset.js';
import type { FeatureMatrix } from './feature-matrix.js';

/** Options of {@link readCsv} and {@link readCsvFile}. */
export interface CsvOptions {
  /** Dataset name (default: the file's base name, or `csv`). */
  readonly name?: string;
  /** File name used in error messages (readCsvFile sets it). */
  readonly file?: string;
  /** Field delimiter, one character (default `,`). */
  readonly delimiter?: string;
  /** Whether the first record holds column names (default true). Without one, columns are `col0…`. */
  readonly header?: boolean;
  /** The label column: a name or a 0-based index; negative counts from the end (default -1, the last). */
  readonly labelColumn?: string | number;
  /** Feature columns by name or index, in this order (default: every column except the label). */
  readonly featureColumns?: readonly (string | number)[];
  /**
   * The class list, fixing the label order; a label not in it is an error. Without it the classes
   * are the distinct labels, sorted numerically when all are numbers, otherwise by code point.
   */
  readonly classes?: readonly string[];
  /** Lines starting with this prefix are skipped (default: none). */
  readonly comment?: string;
  /** Provenance to attach (default: the file, licence `user data`). */
  readonly source?: DatasetSource;
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(?:nan|inf|infinity)$/i;

/** Parses CSV text into a Dataset; see {@link CsvOptions}. */
export function readCsv(text: string, options: CsvOptions = {}): Dataset {
  const file = options.file;
  const at = (line: number, column: number) => ({ ...(file !== undefined ? { file } : {}), line, column });
  const records = splitCsvRecords(text, {
    delimiter: options.delimiter ?? ',',
    ...(options.comment !== undefined ? { comment: options.comment } : {}),
    ...(file !== undefined ? { file } : {}),
  });
  const hasHeader = options.header ?? true;
  if (records.length === 0) throw new ParseError('the file holds no records', at(1, 1), 'CSV_EMPTY');
  const headerRecord = hasHeader ? (records[0] as CsvRecord) : undefined;
  const width = (records[0] as CsvRecord).fields.length;
  const columnNames = headerRecord
    ? headerRecord.fields.map((f) => f.value.trim())
    : Array.from({ length: width }, (_, j) => `col${j}`);
  if (headerRecord) checkHeader(headerRecord, at);
  if (width < 2) {
    throw new ParseError(`need at least one feature column and a label column, found ${width} column`, at((records[0] as CsvRecord).line, 1), 'CSV_SHAPE');
  }

  const labelIndex = resolveColumn(options.labelColumn ?? -1, columnNames, 'labelColumn');
  const featureIndices = options.featureColumns
    ? options.featureColumns.map((c, k) => resolveColumn(c, columnNames, `featureColumns[${k}]`))
    : columnNames.map((_, j) => j).filter((j) => j !== labelIndex);
  if (featureIndices.length === 0) throw new InputError('featureColumns is empty: select at least one feature column', 'CSV_OPTIONS');
  if (featureIndices.includes(labelIndex)) {
    throw new InputError(`column "${columnNames[labelIndex]}" cannot be both the label and a feature`, 'CSV_OPTIONS');
  }
  const repeated = featureIndices.find((j, k) => featureIndices.indexOf(j) !== k);
  if (repeated !== undefined) throw new InputError(`featureColumns lists column "${columnNames[repeated]}" twice`, 'CSV_OPTIONS');

  const body = hasHeader ? records.slice(1) : records;
  if (body.length === 0) throw new ParseError('the file has a header but no data rows', at((records[0] as CsvRecord).line + 1, 1), 'CSV_EMPTY');
  const nf = featureIndices.length;
  const data = new Float64Array(body.length * nf);
  const rawLabels: string[] = new Array<string>(body.length);
  const labelFields: CsvField[] = new Array<CsvField>(body.length);
  body.forEach((record, r) => {
    if (record.fields.length !== width) {
      const last = record.fields[record.fields.length - 1] as CsvField;
      throw new ParseError(
        `row ${r} has ${record.fields.length} fields, expected ${width}${hasHeader ? ' (as many as the header)' : ' (as many as the first row)'}`,
        at(record.line, record.fields.length > width ? (record.fields[width] as CsvField).column : last.column),
        'CSV_RAGGED',
      );
    }
    for (let k = 0; k < nf; k++) {
      const j = featureIndices[k] as number;
      data[r * nf + k] = parseNumber(record.fields[j] as CsvField, r, columnNames[j] as string, at);
    }
    const labelField = record.fields[labelIndex] as CsvField;
    const label = labelField.value.trim();
    if (label === '') throw new ParseError(`row ${r}, column "${columnNames[labelIndex]}": missing label`, at(labelField.line, labelField.column), 'CSV_LABEL');
    rawLabels[r] = label;
    labelFields[r] = labelField;
  });

  const classNames = options.classes ? [...options.classes] : inferClasses(rawLabels);
  const classIndex = new Map(classNames.map((c, i) => [c, i] as const));
  if (classIndex.size !== classNames.length) throw new InputError('classes lists a class twice', 'CSV_OPTIONS');
  const labels = new Int32Array(body.length);
  rawLabels.forEach((label, r) => {
    const y = classIndex.get(label);
    if (y === undefined) {
      const f = labelFields[r] as CsvField;
      throw new ParseError(
        `row ${r}, column "${columnNames[labelIndex]}": label "${label}" is not one of the classes ${classNames.map((c) => `"${c}"`).join(', ')}`,
        at(f.line, f.column),
        'CSV_LABEL',
      );
    }
    labels[r] = y;
  });

  const name = options.name ?? (file !== undefined ? basename(file, extname(file)) : 'csv');
  return createDataset({
    name,
    features: { rows: body.length, cols: nf, data },
    labels,
    featureNames: featureIndices.map((j) => columnNames[j] as string),
    classNames,
    source: options.source ?? { title: name, licence: 'user data', ...(file !== undefined ? { notes: `read from ${file}` } : {}) },
  });
}

/** Reads a CSV file (UTF-8) into a Dataset; errors name the file, line and column. */
export function readCsvFile(path: string, options: CsvOptions = {}): Dataset {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new NotFoundError(`CSV file not found: ${path}`);
    throw new InputError(`cannot read CSV file ${path}: ${(err as Error).message}`, 'CSV_READ');
  }
  return readCsv(text, { ...options, file: options.file ?? path });
}

function parseNumber(
  field: CsvField,
  row: number,
  column: string,
  at: (line: number, column: number) => { line: number; column: number },
): number {
  const token = field.value.trim();
  const where = `row ${row}, column "${column}"`;
  if (token === '') throw new ParseError(`${where}: missing value`, at(field.line, field.column), 'CSV_MISSING');
  if (NON_FINITE.test(token)) throw new ParseError(`${where}: "${token}" is not a finite number (NaN and Infinity are not allowed)`, at(field.line, field.column), 'CSV_NOT_FINITE');
  if (!DECIMAL.test(token)) throw new ParseError(`${where}: "${token}" is not a number`, at(field.line, field.column), 'CSV_NOT_NUMBER');
  const v = Number(token);
  if (!Number.isFinite(v)) throw new ParseError(`${where}: "${token}" overflows to ${v}`, at(field.line, field.column), 'CSV_NOT_FINITE');
  return v;
}

function checkHeader(header: CsvRecord, at: (line: number, column: number) => { line: number; column: number }): void {
  const seen = new Map<string, number>();
  header.fields.forEach((f, j) => {
    const name = f.value.trim();
    if (name === '') throw new ParseError(`header column ${j} has no name`, at(f.line, f.column), 'CSV_HEADER');
    const first = seen.get(name);
    if (first !== undefined) throw new ParseError(`header column ${j} "${name}" repeats column ${first}`, at(f.line, f.column), 'CSV_HEADER');
    seen.set(name, j);
  });
}

function resolveColumn(column: string | number, names: readonly string[], option: string): number {
  if (typeof column === 'number') {
    if (!Number.isInteger(column) || column >= names.length || column < -names.length) {
      throw new InputError(`${option} ${column} is out of range: the file has ${names.length} columns (0..${names.length - 1}, or -1 for the last)`, 'CSV_OPTIONS');
    }
    return column < 0 ? names.length + column : column;
  }
  const j = names.indexOf(column);
  if (j < 0) throw new NotFoundError(`${option} "${column}" is not a column; columns are ${names.map((c) => `"${c}"`).join(', ')}`);
  return j;
}

function inferClasses(labels: readonly string[]): string[] {
  const distinct = [...new Set(labels)];
  if (distinct.every((l) => DECIMAL.test(l))) return distinct.sort((a, b) => Number(a) - Number(b));
  return distinct.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Options of {@link readFeatureCsv}. */
export interface FeatureCsvOptions {
  readonly file?: string;
  readonly delimiter?: string;
  /** Whether the first record is a header (default: detected — any non-numeric field). */
  readonly header?: boolean;
  /**
   * Columns to read, by name (needs a header); default every column. When some names are
   * missing but the file has exactly `expectedFeatures` columns, they are taken by position.
   */
  readonly featureNames?: readonly string[];
  /** The number of features the reader of these rows expects (checked, with the location). */
  readonly expectedFeatures?: number;
}

/**
 * Reads rows of features without labels (for prediction). With `featureNames` and a header,
 * the named columns are taken in that order and other columns (a label, an id) are ignored.
 */
export function readFeatureCsv(text: string, options: FeatureCsvOptions = {}): { features: FeatureMatrix; columns: string[] } {
  const file = options.file;
  const at = (line: number, column: number) => ({ ...(file !== undefined ? { file } : {}), line, column });
  const records = splitCsvRecords(text, { delimiter: options.delimiter ?? ',', ...(file !== undefined ? { file } : {}) });
  if (records.length === 0) throw new ParseError('the file holds no records', at(1, 1), 'CSV_EMPTY');
  const first = records[0] as CsvRecord;
  const hasHeader = options.header ?? first.fields.some((f) => f.value.trim() !== '' && !Number.isFinite(Number(f.value.trim())));
  const width = first.fields.length;
  const names = hasHeader ? first.fields.map((f) => f.value.trim()) : Array.from({ length: width }, (_, j) => `col${j}`);
  let indices = names.map((_, j) => j);
  const byName = options.featureNames && hasHeader && options.featureNames.every((n) => names.includes(n));
  const positional = options.expectedFeatures !== undefined && width === options.expectedFeatures;
  if (options.featureNames && hasHeader && (byName || !positional)) {
    indices = options.featureNames.map((n) => {
      const j = names.indexOf(n);
      if (j < 0) throw new ParseError(`the header has no column "${n}" (the model's features are ${options.featureNames?.join(', ')})`, at(first.line, 1), 'CSV_COLUMN');
      return j;
    });
  }
  if (options.expectedFeatures !== undefined && indices.length !== options.expectedFeatures) {
    throw new ParseError(`rows have ${indices.length} feature column(s); the model takes ${options.expectedFeatures}`, at(first.line, 1), 'CSV_SHAPE');
  }
  const body = hasHeader ? records.slice(1) : records;
  if (body.length === 0) throw new ParseError('the file has no data rows', at(first.line + 1, 1), 'CSV_EMPTY');
  const nf = indices.length;
  const data = new Float64Array(body.length * nf);
  body.forEach((record, r) => {
    if (record.fields.length !== width) {
      throw new ParseError(`row ${r} has ${record.fields.length} fields, expected ${width}`, at(record.line, 1), 'CSV_RAGGED');
    }
    indices.forEach((j, k) => {
      data[r * nf + k] = parseNumber(record.fields[j] as CsvField, r, names[j] as string, at);
    });
  });
  return { features: { rows: body.length, cols: nf, data }, columns: indices.map((j) => names[j] as string) };
}
