/**
 * The numeric table every data-room function works on: a dense row-major `Float64Array` with
 * its shape. Row `i` is `data.subarray(i * cols, (i + 1) * cols)`, so a row can be handed to a
 * circuit binding or a transformer without copying.
 */
import { InputError } from '../core/errors.js';

/** A dense rows × cols matrix of finite doubles, stored row-major in `data`. */
export interface FeatureMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** What the public functions accept as features: a FeatureMatrix or an array of equal-length rows. */
export type FeatureInput = FeatureMatrix | readonly (readonly number[])[];

/** Allocates a rows × cols matrix, zero-filled unless `data` (length rows·cols) is given. */
export function featureMatrix(rows: number, cols: number, data?: Float64Array): FeatureMatrix {
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0) {
    throw new InputError(`matrix shape must be non-negative integers, got ${rows} × ${cols}`, 'SHAPE');
  }
  if (data !== undefined && data.length !== rows * cols) {
    throw new InputError(`matrix data has ${data.length} values, expected ${rows} × ${cols} = ${rows * cols}`, 'SHAPE');
  }
  return { rows, cols, data: data ?? new Float64Array(rows * cols) };
}

/** True when `value` is a FeatureMatrix (as opposed to an array of rows). */
export function isFeatureMatrix(value: FeatureInput): value is FeatureMatrix {
  return !Array.isArray(value) && (value as FeatureMatrix).data instanceof Float64Array;
}

/**
 * Converts and checks features: the result is rectangular and every value finite. Errors name
 * the row and column (`what[3][1] is NaN`). A FeatureMatrix is checked and returned as is.
 */
export function toFeatureMatrix(input: FeatureInput, what = 'features'): FeatureMatrix {
  if (isFeatureMatrix(input)) {
    if (input.data.length !== input.rows * input.cols) {
      throw new InputError(`${what}: data has ${input.data.length} values, expected ${input.rows} × ${input.cols}`, 'SHAPE');
    }
    assertMatrixFinite(input, what);
    return input;
  }
  if (!Array.isArray(input)) throw new InputError(`${what} must be a FeatureMatrix or an array of rows`, 'SHAPE');
  const rows = input.length;
  const cols = rows === 0 ? 0 : (input[0]?.length ?? 0);
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const row = input[i];
    if (!Array.isArray(row)) throw new InputError(`${what}[${i}] must be an array of numbers`, 'SHAPE');
    if (row.length !== cols) {
      throw new InputError(`${what}[${i}] has ${row.length} values, expected ${cols} (the length of ${what}[0])`, 'SHAPE');
    }
    for (let j = 0; j < cols; j++) {
      const v = row[j];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new InputError(`${what}[${i}][${j}] must be a finite number, got ${describe(v)}`, 'NOT_FINITE');
      }
      data[i * cols + j] = v;
    }
  }
  return { rows, cols, data };
}

/** Throws an InputError naming the first non-finite entry as `what[row][col]`. */
export function assertMatrixFinite(m: FeatureMatrix, what = 'features'): void {
  const { data, cols } = m;
  for (let k = 0; k < data.length; k++) {
    const v = data[k] as number;
    if (!Number.isFinite(v)) {
      const i = cols === 0 ? 0 : Math.floor(k / cols);
      throw new InputError(`${what}[${i}][${k - i * cols}] must be a finite number, got ${v}`, 'NOT_FINITE');
    }
  }
}

/** Row `i` as a view into the matrix (no copy). */
export function featureRow(m: FeatureMatrix, i: number): Float64Array {
  if (!Number.isInteger(i) || i < 0 || i >= m.rows) throw new InputError(`row ${i} is out of range [0, ${m.rows})`, 'RANGE');
  return m.data.subarray(i * m.cols, (i + 1) * m.cols);
}

/** The matrix as plain nested arrays (for JSON output or interop). */
export function featureRows(m: FeatureMatrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}

/** Column `j` copied into a new array. */
export function featureColumn(m: FeatureMatrix, j: number): Float64Array {
  if (!Number.isInteger(j) || j < 0 || j >= m.cols) throw new InputError(`column ${j} is out of range [0, ${m.cols})`, 'RANGE');
  const out = new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) out[i] = m.data[i * m.cols + j] as number;
  return out;
}

/** The rows listed in `indices`, copied in that order. */
export function selectRows(m: FeatureMatrix, indices: ArrayLike<number>): FeatureMatrix {
  const out = new Float64Array(indices.length * m.cols);
  for (let r = 0; r < indices.length; r++) {
    const i = indices[r] as number;
    if (!Number.isInteger(i) || i < 0 || i >= m.rows) throw new InputError(`row index ${i} is out of range [0, ${m.rows})`, 'RANGE');
    out.set(m.data.subarray(i * m.cols, (i + 1) * m.cols), r * m.cols);
  }
  return { rows: indices.length, cols: m.cols, data: out };
}

function describe(v: unknown): string {
  if (typeof v === 'number') return String(v);
  if (v === undefined) return 'nothing';
  return `${typeof v} ${JSON.stringify(v)}`;
}
