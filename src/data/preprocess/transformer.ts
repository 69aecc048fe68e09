/**
 * The `Transformer` contract shared by scalers, PCA, LDA and pipelines (scikit-learn's
 * fit / transform / inverse_transform), plus the base class that does the shape and finiteness
 * checks once so that each transformer only writes its per-row arithmetic.
 */
import { InputError, UsageError } from '../../core/errors.js';
import { featureMatrix, toFeatureMatrix, type FeatureInput, type FeatureMatrix } from '../feature-matrix.js';
import type { TransformerKind, TransformerState } from './state.js';

/**
 * A fit-then-apply preprocessing step. `transformRow` is the cheap path for serving one request:
 * with an `out` buffer it allocates nothing.
 */
export interface Transformer {
  readonly kind: TransformerKind;
  /** Whether `fit` (or loading a fitted state) has happened. */
  readonly isFitted: boolean;
  /** Features expected by transform (undefined until fitted). */
  readonly nFeaturesIn: number | undefined;
  /** Features produced by transform (undefined until fitted). */
  readonly nFeaturesOut: number | undefined;
  /** Learns the parameters from `x` (and labels `y`, which LDA requires); returns `this`. */
  fit(x: FeatureInput, y?: ArrayLike<number>): this;
  /** Applies the fitted transformation to every row. */
  transform(x: FeatureInput): FeatureMatrix;
  /** `fit(x, y)` then `transform(x)`. */
  fitTransform(x: FeatureInput, y?: ArrayLike<number>): FeatureMatrix;
  /** Transforms one row into `out` (allocated when omitted) and returns it. */
  transformRow(row: ArrayLike<number>, out?: Float64Array): Float64Array;
  /** Maps transformed rows back to the input space, where the transformation has an inverse. */
  inverseTransform?(x: FeatureInput): FeatureMatrix;
  /** The serialisable state; `transformerFromJSON` restores it. */
  toJSON(): TransformerState;
}

/** Shape, fitted-ness and finiteness checks shared by the concrete transformers. */
export abstract class BaseTransformer implements Transformer {
  abstract readonly kind: TransformerKind;
  abstract get nFeaturesIn(): number | undefined;
  abstract get nFeaturesOut(): number | undefined;
  abstract toJSON(): TransformerState;

  /** Learns parameters from a checked matrix. */
  protected abstract fitMatrix(x: FeatureMatrix, y: Int32Array | undefined): void;
  /** Writes the transform of `src[srcOff…srcOff+nIn)` to `out[outOff…outOff+nOut)`. */
  protected abstract applyRow(src: ArrayLike<number>, srcOff: number, out: Float64Array, outOff: number): void;

  /** Minimum number of rows `fit` accepts. */
  protected readonly minFitRows: number = 1;

  get isFitted(): boolean {
    return this.nFeaturesIn !== undefined;
  }

  fit(x: FeatureInput, y?: ArrayLike<number>): this {
    const m = toFeatureMatrix(x, 'x');
    if (m.rows < this.minFitRows) throw new InputError(`${this.kind}: fit needs at least ${this.minFitRows} rows, got ${m.rows}`, 'SHAPE');
    if (m.cols < 1) throw new InputError(`${this.kind}: fit needs at least one feature column`, 'SHAPE');
    this.fitMatrix(m, y === undefined ? undefined : checkLabels(y, m.rows));
    return this;
  }

  transform(x: FeatureInput): FeatureMatrix {
    const nIn = this.requireFitted('transform');
    const m = toFeatureMatrix(x, 'x');
    this.checkColumns(m.cols, nIn);
    const nOut = this.nFeaturesOut as number;
    const out = featureMatrix(m.rows, nOut);
    for (let i = 0; i < m.rows; i++) this.applyRow(m.data, i * nIn, out.data, i * nOut);
    return out;
  }

  fitTransform(x: FeatureInput, y?: ArrayLike<number>): FeatureMatrix {
    const m = toFeatureMatrix(x, 'x');
    return this.fit(m, y).transform(m);
  }

  transformRow(row: ArrayLike<number>, out?: Float64Array): Float64Array {
    const nIn = this.requireFitted('transformRow');
    checkRow(row, nIn, this.kind);
    const nOut = this.nFeaturesOut as number;
    const target = out ?? new Float64Array(nOut);
    if (target.length !== nOut) throw new InputError(`${this.kind}: output buffer has ${target.length} entries, expected ${nOut}`, 'SHAPE');
    this.applyRow(row, 0, target, 0);
    return target;
  }

  /** Applies `invertRow` to every row of `x` (for transformers that have an inverse). */
  protected inverseWith(x: FeatureInput, invertRow: (src: ArrayLike<number>, srcOff: number, out: Float64Array, outOff: number) => void): FeatureMatrix {
    const nIn = this.requireFitted('inverseTransform');
    const nOut = this.nFeaturesOut as number;
    const m = toFeatureMatrix(x, 'x');
    if (m.cols !== nOut) throw new InputError(`${this.kind}: inverseTransform expects ${nOut} features (the transform's output), got ${m.cols}`, 'SHAPE');
    const out = featureMatrix(m.rows, nIn);
    for (let i = 0; i < m.rows; i++) invertRow(m.data, i * nOut, out.data, i * nIn);
    return out;
  }

  /** Returns nFeaturesIn, or throws a UsageError naming `op` when not fitted. */
  protected requireFitted(op: string): number {
    const n = this.nFeaturesIn;
    if (n === undefined) throw new UsageError(`${this.kind}: ${op} called before fit`);
    return n;
  }

  private checkColumns(cols: number, nIn: number): void {
    if (cols !== nIn) throw new InputError(`${this.kind} was fitted on ${nIn} features, but x has ${cols}`, 'SHAPE');
  }
}

/** Checks a single row's length and finiteness; errors name the offending index. */
export function checkRow(row: ArrayLike<number>, nIn: number, who: string): void {
  if (row === null || typeof row !== 'object' || typeof row.length !== 'number') throw new InputError(`${who}: a row must be an array of numbers`, 'SHAPE');
  if (row.length !== nIn) throw new InputError(`${who}: row has ${row.length} values, expected ${nIn}`, 'SHAPE');
  for (let j = 0; j < nIn; j++) {
    const v = row[j];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new InputError(`${who}: row[${j}] must be a finite number, got ${String(v)}`, 'NOT_FINITE');
  }
}

/** Checks labels: one per row, non-negative integers. */
export function checkLabels(y: ArrayLike<number>, rows: number): Int32Array {
  if (y.length !== rows) throw new InputError(`y has ${y.length} labels but x has ${rows} rows`, 'SHAPE');
  const out = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const v = y[i] as number;
    if (!Number.isInteger(v) || v < 0) throw new InputError(`y[${i}] = ${v} is not a class index (a non-negative integer)`, 'LABEL');
    out[i] = v;
  }
  return out;
}
