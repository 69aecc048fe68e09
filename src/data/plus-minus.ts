/**
 * The PlusMinus images of Wendlinger, Tscharke & Debus, "A Comparative Analysis of Adversarial
 * Robustness for Quantum and Classical Machine Learning Models" (arXiv:2404.16154), as published
 * in PennyLane Datasets (`other/plus-minus`): 16×16 grey images of four symbols, class 0 `−`,
 * 1 `+`, 2 `⊢` (right half-plus), 3 `⊣` (left half-plus), balanced, pixels in [0, 1], varied by
 * random rotations of up to 10° and Gaussian noise.
 *
 * The published description fixes the classes, image size, rotation range, noise kind and pixel
 * range; it does not give the stroke geometry or the noise level, so those are parameters here
 * with documented defaults (arm half-length 11/32 of the side, stroke width 1/8 of the side,
 * noise σ = 0.1). Strokes are anti-aliased by 4×4 supersampling, noise is added afterwards and
 * the result clipped to [0, 1].
 */
import { UsageError } from '../core/errors.js';
import { createDataset, type Dataset } from './dataset.js';
import { common } from './generators.js';
import type { Seed } from '../core/rng.js';

/** Class names in PennyLane's label order. */
export const PLUS_MINUS_CLASSES = ['−', '+', '⊢', '⊣'] as const;

/** Options of {@link makePlusMinus}. */
export interface PlusMinusOptions {
  /** Number of images (default 1000, as the published training set); class of image i is i mod 4 before shuffling. */
  readonly nSamples?: number;
  /** Side of the square image in pixels (default 16). */
  readonly size?: number;
  /** Rotations are uniform in ±maxRotationDeg degrees (default 10). */
  readonly maxRotationDeg?: number;
  /** Standard deviation of the additive Gaussian pixel noise (default 0.1). */
  readonly noiseStd?: number;
  /** Half-length of each bar in pixels (default 11/32 of the side: 5.5 at 16). */
  readonly armLength?: number;
  /** Stroke width in pixels (default 1/8 of the side: 2 at 16). */
  readonly strokeWidth?: number;
  /** Symbol centre shifted uniformly by up to ±jitter pixels in x and y (default 0: centred). */
  readonly jitter?: number;
  /** Seed (default 0). */
  readonly seed?: Seed;
  /** Shuffle the rows (default true). */
  readonly shuffle?: boolean;
}

const SUPERSAMPLE = 4;

/** Generates PlusMinus images as a Dataset of size² pixel features (row-major, top row first). */
export function makePlusMinus(options: PlusMinusOptions = {}): Dataset {
  const { n, rng, shuffle } = common({ ...options, noise: 0 }, 1000, 4, 'makePlusMinus');
  const size = options.size ?? 16;
  if (!Number.isInteger(size) || size < 4 || size > 256) throw new UsageError(`makePlusMinus: size must be an integer in 4..256, got ${size}`);
  const maxRot = checkRange(options.maxRotationDeg ?? 10, 0, 180, 'maxRotationDeg');
  const noiseStd = checkRange(options.noiseStd ?? 0.1, 0, 10, 'noiseStd');
  const arm = checkRange(options.armLength ?? (size * 11) / 32, 0.5, size, 'armLength');
  const width = checkRange(options.strokeWidth ?? size / 8, 0.25, size, 'strokeWidth');
  const jitter = checkRange(options.jitter ?? 0, 0, size / 2, 'jitter');

  const classes = Array.from({ length: n }, (_, i) => i % 4);
  const order = shuffle ? rng.permutation(n).map((i) => classes[i] as number) : classes;
  const pixels = size * size;
  const data = new Float64Array(n * pixels);
  const labels = Int32Array.from(order);
  const centre = (size - 1) / 2;
  for (let s = 0; s < n; s++) {
    const theta = (rng.uniform(-maxRot, maxRot) * Math.PI) / 180;
    const cx = centre + (jitter > 0 ? rng.uniform(-jitter, jitter) : 0);
    const cy = centre + (jitter > 0 ? rng.uniform(-jitter, jitter) : 0);
    renderSymbol(data, s * pixels, size, order[s] as number, { theta, cx, cy, arm, width });
    for (let k = s * pixels; k < (s + 1) * pixels; k++) {
      const v = (data[k] as number) + (noiseStd > 0 ? rng.normal(0, noiseStd) : 0);
      data[k] = v < 0 ? 0 : v > 1 ? 1 : v;
    }
  }
  return createDataset({
    name: 'plus-minus',
    features: { rows: n, cols: pixels, data },
    labels,
    featureNames: Array.from({ length: pixels }, (_, k) => `pixel_${Math.floor(k / size)}_${k % size}`),
    classNames: [...PLUS_MINUS_CLASSES],
    source: {
      title: 'PlusMinus (Wendlinger, Tscharke & Debus, arXiv:2404.16154)',
      url: 'https://arxiv.org/abs/2404.16154',
      citation: 'M. Wendlinger, K. Tscharke, P. Debus, "A Comparative Analysis of Adversarial Robustness for Quantum and Classical Machine Learning Models", arXiv:2404.16154 (2024)',
      licence: 'generated',
      notes: `makePlusMinus(nSamples=${n}, size=${size}, maxRotationDeg=${maxRot}, noiseStd=${noiseStd}, armLength=${arm}, strokeWidth=${width}, jitter=${jitter}, seed=${String(options.seed ?? 0)})`,
    },
  });
}

interface Geometry {
  readonly theta: number;
  readonly cx: number;
  readonly cy: number;
  readonly arm: number;
  readonly width: number;
}

/** Draws symbol `cls` into `out[offset…]` as coverage fractions in [0, 1]. */
function renderSymbol(out: Float64Array, offset: number, size: number, cls: number, g: Geometry): void {
  const cos = Math.cos(g.theta);
  const sin = Math.sin(g.theta);
  const half = g.width / 2;
  const horizontalFrom = cls === 2 ? 0 : -g.arm; // ⊢ keeps only the right arm
  const horizontalTo = cls === 3 ? 0 : g.arm; // ⊣ keeps only the left arm
  const hasVertical = cls !== 0;
  const step = 1 / SUPERSAMPLE;
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      let hits = 0;
      for (let a = 0; a < SUPERSAMPLE; a++) {
        for (let b = 0; b < SUPERSAMPLE; b++) {
          const dx = c - 0.5 + (b + 0.5) * step - g.cx;
          const dy = r - 0.5 + (a + 0.5) * step - g.cy;
          // Coordinates in the symbol's own (unrotated) frame.
          const u = cos * dx + sin * dy;
          const v = -sin * dx + cos * dy;
          const onHorizontal = Math.abs(v) <= half && u >= horizontalFrom && u <= horizontalTo;
          const onVertical = hasVertical && Math.abs(u) <= half && Math.abs(v) <= g.arm;
          if (onHorizontal || onVertical) hits++;
        }
      }
      out[offset + r * size + c] = hits / (SUPERSAMPLE * SUPERSAMPLE);
    }
  }
}

function checkRange(value: number, min: number, max: number, name: string): number {
  if (!Number.isFinite(value) || value < min || value > max) throw new UsageError(`makePlusMinus: ${name} must be in [${min}, ${max}], got ${value}`);
  return value;
}
