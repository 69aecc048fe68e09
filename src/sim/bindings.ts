/**
 * Bindings: the (input features, weights) pairs one circuit template is run with. A batch
 * has B bindings; weights are either shared by all of them (the usual QML case) or one
 * vector per binding.
 */
import { InputError } from '../core/errors.js';
import type { Circuit } from '../circuit/circuit.js';

/** What a batch binds the template's `x[i]` and `w[j]` to. */
export interface Bindings {
  /** One row of input features per binding (omit when the circuit reads no `x[i]`). */
  readonly inputs?: readonly ArrayLike<number>[];
  /** Trainable weights: one vector shared by every binding, or one vector per binding. */
  readonly weights?: ArrayLike<number> | readonly ArrayLike<number>[];
}

/** Bindings checked and packed into flat arrays. */
export interface PackedBindings {
  readonly batch: number;
  /** B × numInputs, row-major (empty when the circuit reads no inputs). */
  readonly inputs: Float64Array;
  readonly numInputs: number;
  /** numWeights (shared) or B × numWeights (per binding), row-major. */
  readonly weights: Float64Array;
  readonly numWeights: number;
  readonly weightsShared: boolean;
}

function isRowList(v: ArrayLike<number> | readonly ArrayLike<number>[]): v is readonly ArrayLike<number>[] {
  return v.length > 0 && typeof (v as ArrayLike<unknown>)[0] === 'object';
}

/** Validates and packs bindings for `circuit`; errors name the offending row and column. */
export function packBindings(circuit: Circuit, bindings: Bindings = {}, maxBatch = 1_000_000): PackedBindings {
  const nx = circuit.numInputs;
  const nw = circuit.numWeights;
  const rows = bindings.inputs;
  const wIn = bindings.weights;
  const perBindingWeights = wIn !== undefined && isRowList(wIn);
  let batch = 1;
  if (rows !== undefined) batch = rows.length;
  else if (perBindingWeights) batch = (wIn as readonly ArrayLike<number>[]).length;
  if (rows !== undefined && perBindingWeights && (wIn as readonly ArrayLike<number>[]).length !== rows.length) {
    throw new InputError(`got ${rows.length} input rows but ${(wIn as readonly ArrayLike<number>[]).length} weight rows; they must match`, 'SHAPE');
  }
  if (batch === 0) throw new InputError('a batch needs at least one binding (inputs is empty)', 'SHAPE');
  if (batch > maxBatch) throw new InputError(`batch of ${batch} bindings exceeds the limit of ${maxBatch}`, 'SHAPE');
  if (nx > 0 && rows === undefined) throw new InputError(`the circuit reads ${nx} input feature(s) x[0..${nx - 1}] but no inputs were given`, 'SHAPE');
  const inputs = new Float64Array(batch * nx);
  if (rows !== undefined && nx > 0) {
    rows.forEach((row, r) => {
      if (row.length < nx) throw new InputError(`input row ${r} has ${row.length} feature(s); the circuit reads ${nx}`, 'SHAPE');
      for (let j = 0; j < nx; j++) {
        const v = row[j] as number;
        if (typeof v !== 'number' || !Number.isFinite(v)) throw new InputError(`input row ${r}, feature ${j} must be a finite number, got ${String(v)}`, 'NOT_FINITE');
        inputs[r * nx + j] = v;
      }
    });
  }
  if (nw > 0 && wIn === undefined) throw new InputError(`the circuit reads ${nw} weight(s) w[0..${nw - 1}] but no weights were given`, 'SHAPE');
  let weights: Float64Array;
  if (perBindingWeights) {
    const wr = wIn as readonly ArrayLike<number>[];
    weights = new Float64Array(batch * nw);
    wr.forEach((row, r) => {
      if (row.length < nw) throw new InputError(`weight row ${r} has ${row.length} value(s); the circuit reads ${nw}`, 'SHAPE');
      for (let j = 0; j < nw; j++) {
        const v = row[j] as number;
        if (typeof v !== 'number' || !Number.isFinite(v)) throw new InputError(`weight row ${r}, entry ${j} must be a finite number, got ${String(v)}`, 'NOT_FINITE');
        weights[r * nw + j] = v;
      }
    });
  } else {
    const wv = (wIn ?? []) as ArrayLike<number>;
    if (wv.length < nw) throw new InputError(`got ${wv.length} weight(s); the circuit reads ${nw}`, 'SHAPE');
    weights = new Float64Array(nw);
    for (let j = 0; j < nw; j++) {
      const v = wv[j] as number;
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new InputError(`weight ${j} must be a finite number, got ${String(v)}`, 'NOT_FINITE');
      weights[j] = v;
    }
  }
  return { batch, inputs, numInputs: nx, weights, numWeights: nw, weightsShared: !perBindingWeights };
}
