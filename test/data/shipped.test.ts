/**
 * The shipped real data sets against published facts: UCI / scikit-learn row and class counts,
 * the first rows, and the summary statistics printed in scikit-learn's dataset descriptions
 * (Wine: min, max, mean, SD; Breast Cancer: min and max of every feature).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError, NotFoundError, UsageError } from '../../src/core/errors.js';
import { featureColumn, featureRow } from '../../src/data/feature-matrix.js';
import { classCounts } from '../../src/data/labels.js';
import { listDatasets, loadDataset } from '../../src/data/registry.js';
import { datasetFromShippedText } from '../../src/data/shipped.js';

const shippedText = (file: string) => readFileSync(new URL(`../../datasets/${file}`, import.meta.url), 'utf8');

function stats(values: Float64Array) {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  return { min: Math.min(...values), max: Math.max(...values), mean, sd };
}

/** Half a unit in the last printed digit of `printed` (the rounding of a table entry). */
function halfUnit(printed: string): number {
  const decimals = printed.includes('.') ? (printed.split('.')[1] as string).length : 0;
  return 0.5 * 10 ** -decimals + 1e-12;
}

describe('Iris', () => {
  const iris = loadDataset('iris');

  it('has 150 rows, 4 features and 50 of each species', () => {
    expect(iris.features.rows).toBe(150);
    expect(iris.features.cols).toBe(4);
    expect(iris.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(classCounts(iris.labels, 3)).toEqual([50, 50, 50]);
  });

  it('has the first row and the two rows corrected to Fisher\'s paper (35 and 38)', () => {
    expect(Array.from(featureRow(iris.features, 0))).toEqual([5.1, 3.5, 1.4, 0.2]);
    expect(Array.from(featureRow(iris.features, 34))).toEqual([4.9, 3.1, 1.5, 0.2]);
    expect(Array.from(featureRow(iris.features, 37))).toEqual([4.9, 3.6, 1.4, 0.1]);
    expect(Array.from(featureRow(iris.features, 149))).toEqual([5.9, 3.0, 5.1, 1.8]);
  });
});

describe('Wine', () => {
  const wine = loadDataset('wine');

  it('has 178 rows, 13 features and classes 59/71/48', () => {
    expect(wine.features.rows).toBe(178);
    expect(wine.features.cols).toBe(13);
    expect(classCounts(wine.labels, 3)).toEqual([59, 71, 48]);
    expect(wine.featureNames[12]).toBe('proline');
  });

  it('has the first and last rows of the UCI file', () => {
    expect(Array.from(featureRow(wine.features, 0))).toEqual([14.23, 1.71, 2.43, 15.6, 127, 2.8, 3.06, 0.28, 2.29, 5.64, 1.04, 3.92, 1065]);
    expect(wine.labels[0]).toBe(0);
    expect(Array.from(featureRow(wine.features, 177))).toEqual([14.13, 4.1, 2.74, 24.5, 96, 2.05, 0.76, 0.56, 1.35, 9.2, 0.61, 1.6, 560]);
    expect(wine.labels[177]).toBe(2);
  });

  it('matches the summary statistics of the dataset description', () => {
    // [min, max, mean, SD] as printed in scikit-learn's wine_data.rst (means are truncated there).
    const table: [string, string, string, string][] = [
      ['11.0', '14.8', '13.0', '0.8'],
      ['0.74', '5.80', '2.34', '1.12'],
      ['1.36', '3.23', '2.36', '0.27'],
      ['10.6', '30.0', '19.5', '3.3'],
      ['70.0', '162.0', '99.7', '14.3'],
      ['0.98', '3.88', '2.29', '0.63'],
      ['0.34', '5.08', '2.03', '1.00'],
      ['0.13', '0.66', '0.36', '0.12'],
      ['0.41', '3.58', '1.59', '0.57'],
      ['1.3', '13.0', '5.1', '2.3'],
      ['0.48', '1.71', '0.96', '0.23'],
      ['1.27', '4.00', '2.61', '0.71'],
      ['278', '1680', '746', '315'],
    ];
    table.forEach(([min, max, mean, sd], j) => {
      const s = stats(featureColumn(wine.features, j));
      expect(Math.abs(s.min - Number(min)), `min of column ${j}`).toBeLessThanOrEqual(halfUnit(min));
      expect(Math.abs(s.max - Number(max)), `max of column ${j}`).toBeLessThanOrEqual(halfUnit(max));
      expect(Math.abs(s.mean - Number(mean)), `mean of column ${j}`).toBeLessThan(2 * halfUnit(mean));
      expect(Math.abs(s.sd - Number(sd)), `SD of column ${j}`).toBeLessThanOrEqual(halfUnit(sd));
    });
  });
});

describe('Breast Cancer Wisconsin (diagnostic)', () => {
  const bc = loadDataset('breast-cancer');

  it('has 569 rows, 30 features, 212 malignant and 357 benign', () => {
    expect(bc.features.rows).toBe(569);
    expect(bc.features.cols).toBe(30);
    expect(bc.classNames).toEqual(['malignant', 'benign']);
    expect(classCounts(bc.labels, 2)).toEqual([212, 357]);
  });

  it('has the first row of the UCI file (ID 842302, malignant)', () => {
    expect(Array.from(featureRow(bc.features, 0)).slice(0, 4)).toEqual([17.99, 10.38, 122.8, 1001]);
    expect(featureRow(bc.features, 0)[29]).toBe(0.1189);
    expect(bc.labels[0]).toBe(0);
  });

  it('matches the min and max of every feature in the dataset description', () => {
    const table: [string, string][] = [
      ['6.981', '28.11'], ['9.71', '39.28'], ['43.79', '188.5'], ['143.5', '2501.0'], ['0.053', '0.163'],
      ['0.019', '0.345'], ['0.0', '0.427'], ['0.0', '0.201'], ['0.106', '0.304'], ['0.05', '0.097'],
      ['0.112', '2.873'], ['0.36', '4.885'], ['0.757', '21.98'], ['6.802', '542.2'], ['0.002', '0.031'],
      ['0.002', '0.135'], ['0.0', '0.396'], ['0.0', '0.053'], ['0.008', '0.079'], ['0.001', '0.03'],
      ['7.93', '36.04'], ['12.02', '49.54'], ['50.41', '251.2'], ['185.2', '4254.0'], ['0.071', '0.223'],
      ['0.027', '1.058'], ['0.0', '1.252'], ['0.0', '0.291'], ['0.156', '0.664'], ['0.055', '0.208'],
    ];
    table.forEach(([min, max], j) => {
      const s = stats(featureColumn(bc.features, j));
      // The description rounds to three decimals.
      expect(Math.abs(s.min - Number(min)), `min of column ${j}`).toBeLessThanOrEqual(0.0005 + 1e-12);
      expect(Math.abs(s.max - Number(max)), `max of column ${j}`).toBeLessThanOrEqual(0.0005 + 1e-12);
    });
  });
});

describe('Digits 8×8', () => {
  const digits = loadDataset('digits');

  it('has 1797 images of 64 pixels in 0..16 and the published class counts', () => {
    expect(digits.features.rows).toBe(1797);
    expect(digits.features.cols).toBe(64);
    expect(classCounts(digits.labels, 10)).toEqual([178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
    expect(digits.features.data.every((v) => Number.isInteger(v) && v >= 0 && v <= 16)).toBe(true);
  });

  it('has the first image (a zero) of the UCI test set', () => {
    expect(Array.from(featureRow(digits.features, 0))).toEqual([
      0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0, 0, 3, 15, 2, 0, 11, 8, 0, 0, 4, 12, 0, 0, 8, 8, 0, 0, 5, 8, 0, 0, 9, 8, 0, 0, 4, 11, 0, 1, 12, 7, 0, 0, 2, 14, 5, 10, 12, 0, 0, 0, 0, 6, 13, 10, 0, 0, 0,
    ]);
    expect(digits.labels[0]).toBe(0);
    expect(Array.from(digits.labels.subarray(0, 10))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('damaged shipped files', () => {
  it('reports a broken value with its file, line and column', () => {
    const text = shippedText('wine.csv').replace('14.23,1.71', '14.23,1.7x1');
    expect(() => datasetFromShippedText('wine', text)).toThrow('shipped data file datasets/wine.csv is damaged: datasets/wine.csv:3:7: row 0, column "malic_acid": "1.7x1" is not a number');
  });

  it('reports a broken Digits line with its column', () => {
    const lines = shippedText('digits-8x8.txt').split('\n');
    lines[2] = `${(lines[2] as string).slice(0, 10)}z${(lines[2] as string).slice(11)}`;
    expect(() => datasetFromShippedText('digits', lines.join('\n'))).toThrow(/datasets\/digits-8x8\.txt:3:11: digits image: character "z" is not a pixel value 0-9a-g/);
  });

  it('reports missing rows and changed classes', () => {
    const lines = shippedText('breast-cancer.csv').split('\n');
    const truncated = lines.slice(0, -5).join('\n');
    expect(() => datasetFromShippedText('breast-cancer', truncated)).toThrow(/datasets\/breast-cancer\.csv is damaged: 565 rows, expected 569; class counts/);
  });

  it('detects a plausible but altered value through the checksum', () => {
    const text = shippedText('wine.csv').replace('14.23,1.71', '14.23,1.72');
    const err = (() => {
      try {
        datasetFromShippedText('wine', text);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).code).toBe('DATASET_CORRUPT');
    expect((err as InputError).message).toMatch(/datasets\/wine\.csv differs from the shipped copy/);
  });

  it('accepts CRLF line ends (a Windows checkout)', () => {
    const ds = datasetFromShippedText('wine', shippedText('wine.csv').replace(/\n/g, '\r\n'));
    expect(ds.features.rows).toBe(178);
  });
});

describe('catalogue', () => {
  it('lists shipped and generated data sets with provenance', () => {
    const names = listDatasets().map((d) => d.name);
    expect(names).toEqual(['iris', 'wine', 'breast-cancer', 'digits', 'moons', 'circles', 'xor', 'plus-minus']);
    for (const info of listDatasets().filter((d) => d.kind === 'shipped')) {
      expect(info.licence).toBe('CC BY 4.0');
      expect(info.url).toMatch(/^https:\/\/archive\.ics\.uci\.edu\//);
      const ds = loadDataset(info.name);
      expect([ds.features.rows, ds.features.cols]).toEqual([info.samples, info.features]);
    }
  });

  it('names the valid data sets for an unknown name and rejects options for fixed ones', () => {
    expect(() => loadDataset('mnist')).toThrow(NotFoundError);
    expect(() => loadDataset('mnist')).toThrow(/no built-in data set "mnist"; available: iris, wine, breast-cancer, digits, moons, circles, xor, plus-minus/);
    expect(() => loadDataset('iris', { seed: 3 })).toThrow(UsageError);
  });

  it('returns independent copies', () => {
    const a = loadDataset('iris');
    a.features.data[0] = 99;
    expect(loadDataset('iris').features.data[0]).toBe(5.1);
  });
});
