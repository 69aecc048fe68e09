/** Seeded shuffling, train/test splits (stratified by default) and k-fold cross-validation. */
import { UsageError } from '../core/errors.js';
import { Rng, type Seed } from '../core/rng.js';
import { subsetDataset, type Dataset } from './dataset.js';

/** A train/test partition of a data set, with the row indices each part came from. */
export interface Split {
  readonly train: Dataset;
  readonly test: Dataset;
  readonly trainIndices: Int32Array;
  readonly testIndices: Int32Array;
}

/** Options of {@link trainTestSplit}. */
export interface SplitOptions {
  /** Fraction in (0, 1) (test rows = ⌈fraction · n⌉) or a row count ≥ 1 (default 0.25). */
  readonly testSize?: number;
  /** Seed (default 0). */
  readonly seed?: Seed;
  /** Keep class proportions in both parts (default true). */
  readonly stratify?: boolean;
  /** Shuffle before splitting (default true; stratifying requires it). */
  readonly shuffle?: boolean;
}

/** Options of {@link kFold}. */
export interface KFoldOptions {
  /** Number of folds, at least 2 (default 5). */
  readonly k?: number;
  /** Seed (default 0). */
  readonly seed?: Seed;
  /** Give every fold (nearly) the same class proportions (default true). */
  readonly stratify?: boolean;
  /** Shuffle before folding (default true). */
  readonly shuffle?: boolean;
}

/** The rows of `ds` in a seeded random order. */
export function shuffleDataset(ds: Dataset, seed: Seed = 0): Dataset {
  return subsetDataset(ds, new Rng(seed).permutation(ds.features.rows));
}

/**
 * Splits `ds` into train and test parts. Stratified splits give each class ⌊share⌋ or ⌈share⌉
 * test rows, where share = testRows · classCount / n (largest remainders get the extra rows),
 * so each part's class proportions are within one row of the whole's.
 */
export function trainTestSplit(ds: Dataset, options: SplitOptions = {}): Split {
  const n = ds.features.rows;
  const nTest = testCount(options.testSize ?? 0.25, n);
  const stratify = options.stratify ?? true;
  const shuffle = options.shuffle ?? true;
  if (stratify && !shuffle) throw new UsageError('trainTestSplit: a stratified split needs shuffle: true (or pass stratify: false)');
  const rng = new Rng(options.seed ?? 0);
  let test: number[];
  let train: number[];
  if (!stratify) {
    const order = shuffle ? rng.permutation(n) : Array.from({ length: n }, (_, i) => i);
    if (shuffle) {
      test = order.slice(0, nTest);
      train = order.slice(nTest);
    } else {
      train = order.slice(0, n - nTest);
      test = order.slice(n - nTest);
    }
  } else {
    const byClass = rowsByClass(ds);
    const k = byClass.filter((rows) => rows.length > 0).length;
    byClass.forEach((rows, c) => {
      if (rows.length === 1) {
        throw new UsageError(`trainTestSplit: class "${ds.classNames[c]}" has only 1 sample; a stratified split needs at least 2 per class (or pass stratify: false)`);
      }
    });
    if (nTest < k || n - nTest < k) {
      throw new UsageError(`trainTestSplit: with ${k} classes a stratified split needs at least ${k} rows in each part; got ${n - nTest} train and ${nTest} test`);
    }
    const quotas = apportion(nTest, byClass.map((rows) => rows.length));
    test = [];
    train = [];
    byClass.forEach((rows, c) => {
      const shuffled = rng.shuffle([...rows]);
      const q = quotas[c] as number;
      test.push(...shuffled.slice(0, q));
      train.push(...shuffled.slice(q));
    });
    rng.shuffle(test);
    rng.shuffle(train);
  }
  const trainIndices = Int32Array.from(train);
  const testIndices = Int32Array.from(test);
  return {
    train: subsetDataset(ds, trainIndices, `${ds.name}/train`),
    test: subsetDataset(ds, testIndices, `${ds.name}/test`),
    trainIndices,
    testIndices,
  };
}

/**
 * k-fold cross-validation: every row is in exactly one fold's test part. Fold sizes differ by at
 * most one; stratified folds also hold each class's rows to within one of an equal share.
 */
export function kFold(ds: Dataset, options: KFoldOptions = {}): Split[] {
  const n = ds.features.rows;
  const k = options.k ?? 5;
  if (!Number.isInteger(k) || k < 2 || k > n) throw new UsageError(`kFold: k must be an integer in 2..${n} (the number of rows), got ${k}`);
  const shuffle = options.shuffle ?? true;
  const stratify = options.stratify ?? true;
  const rng = new Rng(options.seed ?? 0);
  const foldOf = new Int32Array(n);
  if (stratify) {
    let next = 0;
    for (const rows of rowsByClass(ds)) {
      const ordered = shuffle ? rng.shuffle([...rows]) : rows;
      for (const i of ordered) {
        foldOf[i] = next;
        next = (next + 1) % k;
      }
    }
  } else {
    const order = shuffle ? rng.permutation(n) : Array.from({ length: n }, (_, i) => i);
    const base = Math.floor(n / k);
    const extra = n % k;
    let pos = 0;
    for (let f = 0; f < k; f++) {
      const size = base + (f < extra ? 1 : 0);
      for (let j = 0; j < size; j++) foldOf[order[pos++] as number] = f;
    }
  }
  const folds: Split[] = [];
  for (let f = 0; f < k; f++) {
    const test: number[] = [];
    const train: number[] = [];
    for (let i = 0; i < n; i++) (foldOf[i] === f ? test : train).push(i);
    const trainIndices = Int32Array.from(train);
    const testIndices = Int32Array.from(test);
    folds.push({
      train: subsetDataset(ds, trainIndices, `${ds.name}/fold${f}/train`),
      test: subsetDataset(ds, testIndices, `${ds.name}/fold${f}/test`),
      trainIndices,
      testIndices,
    });
  }
  return folds;
}

function testCount(testSize: number, n: number): number {
  let nTest: number;
  if (testSize > 0 && testSize < 1) nTest = Math.ceil(testSize * n);
  else if (Number.isInteger(testSize) && testSize >= 1) nTest = testSize;
  else throw new UsageError(`testSize must be a fraction in (0, 1) or a whole number of rows ≥ 1, got ${testSize}`);
  if (nTest >= n) throw new UsageError(`testSize ${testSize} leaves no training rows (the data set has ${n} rows)`);
  return nTest;
}

function rowsByClass(ds: Dataset): number[][] {
  const byClass: number[][] = ds.classNames.map(() => []);
  ds.labels.forEach((y, i) => (byClass[y] as number[]).push(i));
  return byClass;
}

/** Largest-remainder apportionment of `total` over groups proportional to `sizes`. */
function apportion(total: number, sizes: readonly number[]): number[] {
  const n = sizes.reduce((a, b) => a + b, 0);
  const exact = sizes.map((s) => (total * s) / n);
  const quotas = exact.map(Math.floor);
  let left = total - quotas.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((e, c) => ({ c, r: e - Math.floor(e) }))
    .sort((a, b) => b.r - a.r || (sizes[b.c] as number) - (sizes[a.c] as number) || a.c - b.c);
  for (const { c } of byRemainder) {
    if (left === 0) break;
    quotas[c] = (quotas[c] as number) + 1;
    left--;
  }
  // Every class keeps at least one row on each side; move rows to the classes that are furthest
  // below (or above) their exact share to restore the total.
  const lo = sizes.map((s) => (s >= 2 ? 1 : 0));
  const hi = sizes.map((s) => (s >= 2 ? s - 1 : s));
  let diff = 0;
  quotas.forEach((q, c) => {
    const clamped = Math.min(Math.max(q, lo[c] as number), hi[c] as number);
    diff += q - clamped;
    quotas[c] = clamped;
  });
  while (diff !== 0) {
    let best = -1;
    let bestGap = -Infinity;
    quotas.forEach((q, c) => {
      const gap = diff > 0 ? (exact[c] as number) - q : q - (exact[c] as number);
      const room = diff > 0 ? q < (hi[c] as number) : q > (lo[c] as number);
      if (room && gap > bestGap) {
        best = c;
        bestGap = gap;
      }
    });
    if (best < 0) break;
    quotas[best] = (quotas[best] as number) + Math.sign(diff);
    diff -= Math.sign(diff);
  }
  return quotas;
}
