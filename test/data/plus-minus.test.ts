import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { classCounts } from '../../src/data/labels.js';
import { makePlusMinus, PLUS_MINUS_CLASSES } from '../../src/data/plus-minus.js';

/** One image of each class, in label order, without rotation or noise. */
function cleanImages(extra: Parameters<typeof makePlusMinus>[0] = {}) {
  const ds = makePlusMinus({ nSamples: 4, shuffle: false, maxRotationDeg: 0, noiseStd: 0, ...extra });
  return [0, 1, 2, 3].map((s) => (r: number, c: number) => ds.features.data[s * 256 + r * 16 + c] as number);
}

describe('makePlusMinus', () => {
  it('makes balanced 16×16 images in [0, 1] with PennyLane\'s label order', () => {
    const ds = makePlusMinus({ nSamples: 200, seed: 1 });
    expect(ds.features.cols).toBe(256);
    expect(ds.classNames).toEqual(['−', '+', '⊢', '⊣']);
    expect(ds.classNames).toEqual([...PLUS_MINUS_CLASSES]);
    expect(classCounts(ds.labels, 4)).toEqual([50, 50, 50, 50]);
    expect(ds.features.data.every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  it('draws each symbol where hand geometry puts it (centre 7.5, arms 5.5, stroke 2)', () => {
    const [minus, plus, right, left] = cleanImages();
    for (const img of [minus, plus, right, left]) expect(img!(7, 7)).toBe(1); // the centre is always inked
    // Horizontal bar: x in [2, 13], rows 7 and 8 fully covered; pixel 2 and 13 half covered.
    expect(minus!(7, 3)).toBe(1);
    expect(minus!(8, 12)).toBe(1);
    expect(minus!(7, 2)).toBe(0.5);
    expect(minus!(7, 13)).toBe(0.5);
    expect(minus!(6, 7)).toBe(0);
    expect(minus!(3, 7)).toBe(0);
    // Plus adds the vertical bar.
    expect(plus!(3, 7)).toBe(1);
    expect(plus!(12, 8)).toBe(1);
    expect(plus!(7, 3)).toBe(1);
    // ⊢ keeps the right arm only, ⊣ the left arm only; both keep the vertical bar.
    expect(right!(7, 12)).toBe(1);
    expect(right!(7, 3)).toBe(0);
    expect(right!(3, 7)).toBe(1);
    expect(left!(7, 3)).toBe(1);
    expect(left!(7, 12)).toBe(0);
    expect(left!(12, 8)).toBe(1);
    // Ink totals: minus = 2·11 = 22 pixels; plus = 22 + 22 − 4 (overlap) = 40; half-plus = 22 + 2·5.5 − 2·1 = 31.
    const ink = (img: (r: number, c: number) => number) => {
      let s = 0;
      for (let r = 0; r < 16; r++) for (let c = 0; c < 16; c++) s += img(r, c);
      return s;
    };
    expect(ink(minus!)).toBeCloseTo(22, 12);
    expect(ink(plus!)).toBeCloseTo(40, 12);
    expect(ink(right!)).toBeCloseTo(31, 12);
    expect(ink(left!)).toBeCloseTo(31, 12);
  });

  it('rotates by at most maxRotationDeg, covering the range', () => {
    const ds = makePlusMinus({ nSamples: 400, seed: 2, noiseStd: 0 });
    const angles: number[] = [];
    for (let s = 0; s < ds.features.rows; s++) {
      if (ds.labels[s] !== 0) continue; // the minus bar's orientation is its rotation
      let m = 0, mx = 0, my = 0;
      for (let k = 0; k < 256; k++) {
        const v = ds.features.data[s * 256 + k] as number;
        m += v;
        mx += v * (k % 16);
        my += v * Math.floor(k / 16);
      }
      mx /= m;
      my /= m;
      let mu20 = 0, mu02 = 0, mu11 = 0;
      for (let k = 0; k < 256; k++) {
        const v = ds.features.data[s * 256 + k] as number;
        const dx = (k % 16) - mx;
        const dy = Math.floor(k / 16) - my;
        mu20 += v * dx * dx;
        mu02 += v * dy * dy;
        mu11 += v * dx * dy;
      }
      angles.push((0.5 * Math.atan2(2 * mu11, mu20 - mu02) * 180) / Math.PI);
    }
    expect(angles.length).toBe(100);
    const maxAbs = Math.max(...angles.map(Math.abs));
    expect(maxAbs).toBeLessThan(10.5); // pixelation blurs the measured angle slightly
    expect(maxAbs).toBeGreaterThan(8);
    expect(Math.min(...angles)).toBeLessThan(-5);
    expect(Math.max(...angles)).toBeGreaterThan(5);
  });

  it('adds Gaussian pixel noise of the requested σ before clipping to [0, 1]', () => {
    const sigma = 0.2;
    const [minus] = cleanImages();
    const ds = makePlusMinus({ nSamples: 400, seed: 3, maxRotationDeg: 0, noiseStd: sigma, shuffle: false });
    // On background pixels (clean value 0) the stored value is max(0, N(0, σ)), whose mean is σ/√(2π).
    let sum = 0;
    let count = 0;
    for (let s = 0; s < ds.features.rows; s += 4) {
      for (let r = 0; r < 16; r++) {
        for (let c = 0; c < 16; c++) {
          if (minus!(r, c) !== 0) continue;
          sum += ds.features.data[s * 256 + r * 16 + c] as number;
          count++;
        }
      }
    }
    const expected = sigma / Math.sqrt(2 * Math.PI);
    expect(Math.abs(sum / count - expected)).toBeLessThan(0.05 * expected);
  });

  it('is reproducible per seed and validates options', () => {
    expect(makePlusMinus({ nSamples: 8, seed: 9 }).features.data).toEqual(makePlusMinus({ nSamples: 8, seed: 9 }).features.data);
    expect(makePlusMinus({ nSamples: 8, seed: 9 }).features.data).not.toEqual(makePlusMinus({ nSamples: 8, seed: 10 }).features.data);
    expect(() => makePlusMinus({ size: 2 })).toThrow(UsageError);
    expect(() => makePlusMinus({ noiseStd: -0.1 })).toThrow(/noiseStd must be in \[0, 10\]/);
  });
});

describe('loadDataset("plus-minus")', () => {
  it('passes nSamples, noise (as the pixel σ) and seed through', async () => {
    const { loadDataset } = await import('../../src/data/registry.js');
    const viaRegistry = loadDataset('plus-minus', { nSamples: 8, noise: 0, seed: 2 });
    expect(viaRegistry.features.data).toEqual(makePlusMinus({ nSamples: 8, noiseStd: 0, seed: 2 }).features.data);
  });
});
