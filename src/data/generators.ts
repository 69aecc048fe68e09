/**
 * Seeded generators of the classic 2-D toy problems: two moons and concentric circles (same
 * construction as scikit-learn's `make_moons` / `make_circles`) and XOR quadrants.
 */
import { UsageError } from '../core/errors.js';
import { Rng, type Seed } from '../core/rng.js';
import { createDataset, type Dataset } from './dataset.js';

/** Options shared by the 2-D generators. */
export interface GeneratorOptions {
  /** Number of points (default 100 for moons and circles, 200 for XOR). */
  readonly nSamples?: number;
  /** Standard deviation of Gaussian noise added to each coordinate (default 0). */
  readonly noise?: number;
  /** Seed of the generator (default 0). */
  readonly seed?: Seed;
  /** Shuffle the rows (default true); otherwise class 0 comes first. */
  readonly shuffle?: boolean;
}

/** Options of {@link makeCircles}: `factor` is the inner radius relative to the outer one. */
export interface CirclesOptions extends GeneratorOptions {
  /** Inner circle radius / outer radius, in (0, 1) (default 0.8). */
  readonly factor?: number;
}

/**
 * Two interleaving half circles: class 0 is (cos t, sin t), class 1 is (1 − cos t, 0.5 − sin t)
 * for t evenly spaced in [0, π]; ⌊n/2⌋ points in class 0.
 */
export function makeMoons(options: GeneratorOptions = {}): Dataset {
  const { n, noise, rng, shuffle } = common(options, 100, 2, 'makeMoons');
  const nOut = Math.floor(n / 2);
  const nIn = n - nOut;
  const xs: number[] = [];
  const ys: number[] = [];
  linspace(0, Math.PI, nOut, true).forEach((t) => xs.push(Math.cos(t), Math.sin(t)));
  linspace(0, Math.PI, nIn, true).forEach((t) => xs.push(1 - Math.cos(t), 1 - Math.sin(t) - 0.5));
  for (let i = 0; i < n; i++) ys.push(i < nOut ? 0 : 1);
  return finish('moons', xs, ys, { noise, rng, shuffle }, `makeMoons(nSamples=${n}, noise=${noise}, seed=${String(options.seed ?? 0)})`);
}

/**
 * A large circle (class 0, radius 1) around a small one (class 1, radius `factor`), points
 * evenly spaced in angle, ⌊n/2⌋ on the outer circle.
 */
export function makeCircles(options: CirclesOptions = {}): Dataset {
  const { n, noise, rng, shuffle } = common(options, 100, 2, 'makeCircles');
  const factor = options.factor ?? 0.8;
  if (!(factor > 0 && factor < 1)) throw new UsageError(`makeCircles: factor must be in (0, 1), got ${factor}`);
  const nOut = Math.floor(n / 2);
  const nIn = n - nOut;
  const xs: number[] = [];
  const ys: number[] = [];
  linspace(0, 2 * Math.PI, nOut, false).forEach((t) => xs.push(Math.cos(t), Math.sin(t)));
  linspace(0, 2 * Math.PI, nIn, false).forEach((t) => xs.push(factor * Math.cos(t), factor * Math.sin(t)));
  for (let i = 0; i < n; i++) ys.push(i < nOut ? 0 : 1);
  return finish('circles', xs, ys, { noise, rng, shuffle }, `makeCircles(nSamples=${n}, noise=${noise}, factor=${factor}, seed=${String(options.seed ?? 0)})`);
}

/**
 * XOR: points uniform in the four quadrants of [−1, 1]², the same number in each (sample i in
 * quadrant i mod 4); label 1 when the coordinates have opposite signs. Noise is added after
 * labelling, so noisy points may cross the axes.
 */
export function makeXor(options: GeneratorOptions = {}): Dataset {
  const { n, noise, rng, shuffle } = common(options, 200, 4, 'makeXor');
  const xs: number[] = [];
  const ys: number[] = [];
  const signs = [
    [1, 1],
    [-1, -1],
    [-1, 1],
    [1, -1],
  ] as const;
  const order = Array.from({ length: n }, (_, i) => i % 4).sort((a, b) => a - b);
  for (const q of order) {
    const [sx, sy] = signs[q] as readonly [number, number];
    // 1 − random() is in (0, 1], so no point lies on an axis.
    xs.push(sx * (1 - rng.random()), sy * (1 - rng.random()));
    ys.push(q < 2 ? 0 : 1);
  }
  return finish('xor', xs, ys, { noise, rng, shuffle }, `makeXor(nSamples=${n}, noise=${noise}, seed=${String(options.seed ?? 0)})`);
}

/** n evenly spaced values from a to b, including b when `endpoint` (numpy's linspace). */
export function linspace(a: number, b: number, n: number, endpoint: boolean): number[] {
  if (n <= 0) return [];
  if (n === 1) return [a];
  const step = (b - a) / (endpoint ? n - 1 : n);
  return Array.from({ length: n }, (_, i) => a + i * step);
}

/** Validated common generator options. */
export interface CommonGeneratorSettings {
  readonly n: number;
  readonly noise: number;
  readonly rng: Rng;
  readonly shuffle: boolean;
}

/** Checks nSamples / noise / seed and builds the Rng; `what` names the caller in errors. */
export function common(options: GeneratorOptions, defaultN: number, minN: number, what: string): CommonGeneratorSettings {
  const n = options.nSamples ?? defaultN;
  if (!Number.isInteger(n) || n < minN || n > 10_000_000) throw new UsageError(`${what}: nSamples must be an integer in ${minN}..10000000, got ${n}`);
  const noise = options.noise ?? 0;
  if (!Number.isFinite(noise) || noise < 0) throw new UsageError(`${what}: noise must be a finite number ≥ 0, got ${noise}`);
  return { n, noise, rng: new Rng(options.seed ?? 0), shuffle: options.shuffle ?? true };
}

function finish(
  name: string,
  xs: number[],
  ys: number[],
  { noise, rng, shuffle }: { noise: number; rng: Rng; shuffle: boolean },
  recipe: string,
): Dataset {
  const n = ys.length;
  const order = shuffle ? rng.permutation(n) : Array.from({ length: n }, (_, i) => i);
  const data = new Float64Array(2 * n);
  const labels = new Int32Array(n);
  order.forEach((src, dst) => {
    data[2 * dst] = xs[2 * src] as number;
    data[2 * dst + 1] = xs[2 * src + 1] as number;
    labels[dst] = ys[src] as number;
  });
  if (noise > 0) for (let k = 0; k < data.length; k++) data[k] = (data[k] as number) + rng.normal(0, noise);
  return createDataset({
    name,
    features: { rows: n, cols: 2, data },
    labels,
    featureNames: ['x0', 'x1'],
    classNames: ['0', '1'],
    source: { title: name, licence: 'generated', notes: recipe },
  });
}
