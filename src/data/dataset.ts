/**
 * The `Dataset` value: a feature matrix, integer class labels, names for both, and where the data
 * came from. Everything in the data room produces or consumes one of these.
 */
import { InputError } from '../core/errors.js';
import { selectRows, toFeatureMatrix, type FeatureInput, type FeatureMatrix } from './feature-matrix.js';

/** Provenance of a data set: what it is, where it comes from, under which licence. */
export interface DatasetSource {
  /** Human-readable title, e.g. `UCI Wine`. */
  readonly title: string;
  /** Where the original lives. */
  readonly url?: string;
  /** How to cite it. */
  readonly citation?: string;
  /** Licence of the data, e.g. `CC BY 4.0`; `generated` for synthetic data. */
  readonly licence: string;
  /** How this copy was produced, generator parameters, or anything else worth knowing. */
  readonly notes?: string;
}

/**
 * A labelled data set. `features` is rows × features (row-major Float64Array), `labels[i]` is
 * the index into `classNames` of row i's class.
 */
export interface Dataset {
  readonly name: string;
  readonly features: FeatureMatrix;
  readonly labels: Int32Array;
  readonly featureNames: readonly string[];
  readonly classNames: readonly string[];
  readonly source: DatasetSource;
}

/** What {@link createDataset} takes; names default to `x0…` and `0…k-1`. */
export interface DatasetInit {
  readonly name: string;
  readonly features: FeatureInput;
  readonly labels: ArrayLike<number>;
  readonly featureNames?: readonly string[];
  readonly classNames?: readonly string[];
  readonly source?: DatasetSource;
}

/** Builds a Dataset, checking shapes, finiteness, label range and name uniqueness. */
export function createDataset(init: DatasetInit): Dataset {
  const features = toFeatureMatrix(init.features, `${init.name}.features`);
  const n = features.rows;
  if (init.labels.length !== n) {
    throw new InputError(`${init.name}: ${n} feature rows but ${init.labels.length} labels`, 'SHAPE');
  }
  const featureNames = init.featureNames ?? Array.from({ length: features.cols }, (_, j) => `x${j}`);
  if (featureNames.length !== features.cols) {
    throw new InputError(`${init.name}: ${features.cols} feature columns but ${featureNames.length} feature names`, 'SHAPE');
  }
  assertUnique(featureNames, `${init.name}.featureNames`);
  let maxLabel = -1;
  for (let i = 0; i < n; i++) maxLabel = Math.max(maxLabel, init.labels[i] as number);
  const classNames = init.classNames ?? Array.from({ length: Math.max(0, maxLabel + 1) }, (_, c) => String(c));
  assertUnique(classNames, `${init.name}.classNames`);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const y = init.labels[i] as number;
    if (!Number.isInteger(y) || y < 0 || y >= classNames.length) {
      throw new InputError(
        `${init.name}.labels[${i}] = ${y} is not a class index: expected an integer in 0..${classNames.length - 1} (${preview(classNames)})`,
        'LABEL',
      );
    }
    labels[i] = y;
  }
  return {
    name: init.name,
    features,
    labels,
    featureNames: [...featureNames],
    classNames: [...classNames],
    source: init.source ?? { title: init.name, licence: 'unspecified' },
  };
}

/** The rows of `ds` listed in `indices` (copied, in that order) as a new Dataset. */
export function subsetDataset(ds: Dataset, indices: ArrayLike<number>, name = ds.name): Dataset {
  const features = selectRows(ds.features, indices);
  const labels = new Int32Array(indices.length);
  for (let r = 0; r < indices.length; r++) labels[r] = ds.labels[indices[r] as number] as number;
  return { ...ds, name, features, labels };
}

/** Number of rows (samples) in `ds`. */
export function datasetSize(ds: Dataset): number {
  return ds.features.rows;
}

function assertUnique(names: readonly string[], what: string): void {
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    if (typeof name !== 'string' || name === '') throw new InputError(`${what}[${i}] must be a non-empty string`, 'NAME');
    const first = seen.get(name);
    if (first !== undefined) throw new InputError(`${what}[${i}] "${name}" repeats entry ${first}`, 'NAME');
    seen.set(name, i);
  });
}

function preview(names: readonly string[]): string {
  const shown = names.slice(0, 10).join(', ');
  return names.length > 10 ? `${shown}, …` : shown;
}
