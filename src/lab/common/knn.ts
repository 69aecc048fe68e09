/**
 * A k-nearest-neighbour classifier on standardised features (each feature centred and divided
 * by its standard deviation on the training set), majority vote with ties broken by the nearest
 * neighbour. Small, deterministic, and needs no training loop — the kind of classifier an
 * attacker fits on a few hundred fingerprints.
 */
import { InputError } from '../../core/errors.js';

/** A fitted k-NN classifier. */
export class KnnClassifier {
  private readonly mean: Float64Array;
  private readonly scale: Float64Array;
  private readonly rows: Float64Array[];

  /** Fits on `features` (one row per example) and integer `labels`. */
  constructor(features: readonly ArrayLike<number>[], private readonly labels: readonly number[], readonly k = 3) {
    if (features.length === 0) throw new InputError('a k-NN classifier needs at least one training example', 'SHAPE');
    if (features.length !== labels.length) throw new InputError(`${features.length} feature rows but ${labels.length} labels`, 'SHAPE');
    if (!Number.isInteger(k) || k < 1) throw new InputError(`k must be a positive integer, got ${k}`, 'SHAPE');
    const d = (features[0] as ArrayLike<number>).length;
    features.forEach((r, i) => {
      if (r.length !== d) throw new InputError(`feature row ${i} has ${r.length} values; the first has ${d}`, 'SHAPE');
    });
    this.mean = new Float64Array(d);
    this.scale = new Float64Array(d);
    for (const r of features) for (let j = 0; j < d; j++) this.mean[j] = (this.mean[j] as number) + (r[j] as number) / features.length;
    for (const r of features) for (let j = 0; j < d; j++) this.scale[j] = (this.scale[j] as number) + ((r[j] as number) - (this.mean[j] as number)) ** 2 / features.length;
    for (let j = 0; j < d; j++) this.scale[j] = Math.sqrt(this.scale[j] as number) || 1;
    this.rows = features.map((r) => this.standardise(r));
  }

  private standardise(r: ArrayLike<number>): Float64Array {
    const out = new Float64Array(this.mean.length);
    for (let j = 0; j < out.length; j++) out[j] = ((r[j] as number) - (this.mean[j] as number)) / (this.scale[j] as number);
    return out;
  }

  /** The predicted label of one feature row. */
  predict(row: ArrayLike<number>): number {
    if (row.length !== this.mean.length) throw new InputError(`the classifier takes ${this.mean.length} features, got ${row.length}`, 'SHAPE');
    const z = this.standardise(row);
    const dist = this.rows.map((r, i) => {
      let s = 0;
      for (let j = 0; j < z.length; j++) s += ((r[j] as number) - (z[j] as number)) ** 2;
      return { i, s };
    });
    dist.sort((a, b) => a.s - b.s || a.i - b.i);
    const votes = new Map<number, number>();
    const near = dist.slice(0, Math.min(this.k, dist.length));
    for (const { i } of near) votes.set(this.labels[i] as number, (votes.get(this.labels[i] as number) ?? 0) + 1);
    const top = Math.max(...votes.values());
    for (const { i } of near) if (votes.get(this.labels[i] as number) === top) return this.labels[i] as number;
    return this.labels[(near[0] as { i: number }).i] as number;
  }
}
