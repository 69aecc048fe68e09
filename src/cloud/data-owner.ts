/**
 * The data owner: holds the raw data and the labels, decides the train/validation/test split
 * (seeded and stratified, exactly as `trainFromSpec` does), and owns the account at the quantum
 * providers — other parties that submit jobs do so with its credentials.
 */
import type { Dataset } from '../data/dataset.js';
import { trainTestSplit } from '../data/split.js';
import type { ModelSpec } from '../qml/spec-schema.js';

/** The owner's split of its data. */
export interface OwnerSplit {
  readonly train: Dataset;
  readonly validation?: Dataset;
  readonly test: Dataset;
}

/** The data owner (see the module comment). */
export class DataOwner {
  constructor(readonly id: string, readonly dataset: Dataset) {}

  /** The split a spec asks for (`split`, `training.validation_split`), with `seed` as default seed. */
  split(spec: ModelSpec, seed: number, trainingRows?: number): OwnerSplit {
    const s = trainTestSplit(this.dataset, { testSize: spec.split?.test_size ?? 0.3, seed: spec.split?.seed ?? seed, stratify: spec.split?.stratify ?? true });
    let train = s.train;
    let validation: Dataset | undefined;
    if (spec.training.validation_split) {
      const v = trainTestSplit(train, { testSize: spec.training.validation_split, seed: `${seed}:validation`, stratify: true });
      train = v.train;
      validation = v.test;
    }
    if (trainingRows !== undefined && trainingRows < train.labels.length) {
      const keep = trainTestSplit(train, { testSize: train.labels.length - trainingRows, seed: `${seed}:rows`, stratify: false });
      train = keep.train;
    }
    return { train, ...(validation ? { validation } : {}), test: s.test };
  }
}
