/** The catalogue of built-in data sets: `listDatasets()` and `loadDataset(name)`. */
import { NotFoundError, UsageError } from '../core/errors.js';
import type { Seed } from '../core/rng.js';
import type { Dataset } from './dataset.js';
import { makeCircles, makeMoons, makeXor } from './generators.js';
import { PLUS_MINUS_CLASSES, makePlusMinus } from './plus-minus.js';
import { SHIPPED_DATASETS, loadShippedDataset, type ShippedDatasetName } from './shipped.js';

/** Names accepted by {@link loadDataset}. */
export type BuiltinDatasetName = ShippedDatasetName | 'moons' | 'circles' | 'xor' | 'plus-minus';

/** One catalogue entry. For generated data sets `samples` is the default size. */
export interface DatasetInfo {
  readonly name: BuiltinDatasetName;
  readonly title: string;
  readonly kind: 'shipped' | 'generated';
  readonly samples: number;
  readonly features: number;
  readonly classes: readonly string[];
  readonly licence: string;
  readonly url?: string;
  readonly citation?: string;
}

/** Options for generated data sets (shipped ones take none). */
export interface LoadDatasetOptions {
  /** Number of samples to generate. */
  readonly nSamples?: number;
  /** Noise level: coordinate noise σ for moons/circles/xor, pixel noise σ for plus-minus. */
  readonly noise?: number;
  /** Seed (default 0). */
  readonly seed?: Seed;
}

const GENERATED: readonly DatasetInfo[] = [
  { name: 'moons', title: 'Two interleaving half circles', kind: 'generated', samples: 100, features: 2, classes: ['0', '1'], licence: 'generated' },
  { name: 'circles', title: 'Two concentric circles', kind: 'generated', samples: 100, features: 2, classes: ['0', '1'], licence: 'generated' },
  { name: 'xor', title: 'XOR quadrants', kind: 'generated', samples: 200, features: 2, classes: ['0', '1'], licence: 'generated' },
  {
    name: 'plus-minus',
    title: 'PlusMinus 16×16 images (−, +, ⊢, ⊣)',
    kind: 'generated',
    samples: 1000,
    features: 256,
    classes: [...PLUS_MINUS_CLASSES],
    licence: 'generated',
    url: 'https://arxiv.org/abs/2404.16154',
    citation: 'M. Wendlinger, K. Tscharke, P. Debus, arXiv:2404.16154 (2024)',
  },
];

/** Every built-in data set, shipped ones first. */
export function listDatasets(): DatasetInfo[] {
  const shipped: DatasetInfo[] = SHIPPED_DATASETS.map((s) => ({
    name: s.name,
    title: s.source.title,
    kind: 'shipped',
    samples: s.samples,
    features: s.features,
    classes: [...s.classNames],
    licence: s.source.licence,
    ...(s.source.url !== undefined ? { url: s.source.url } : {}),
    ...(s.source.citation !== undefined ? { citation: s.source.citation } : {}),
  }));
  return [...shipped, ...GENERATED.map((g) => ({ ...g, classes: [...g.classes] }))];
}

/**
 * Loads a built-in data set by name (a fresh copy each call). Generated ones accept
 * {@link LoadDatasetOptions}; use `makeMoons`, `makePlusMinus`, … directly for every option.
 */
export function loadDataset(name: string, options: LoadDatasetOptions = {}): Dataset {
  const info = listDatasets().find((d) => d.name === name);
  if (!info) {
    throw new NotFoundError(`no built-in data set "${name}"; available: ${listDatasets().map((d) => d.name).join(', ')}`);
  }
  if (info.kind === 'shipped') {
    const given = Object.keys(options).filter((k) => (options as Record<string, unknown>)[k] !== undefined);
    if (given.length > 0) throw new UsageError(`"${name}" is a fixed data set; option(s) ${given.join(', ')} apply only to generated ones`);
    return loadShippedDataset(info.name as ShippedDatasetName);
  }
  const seed = options.seed ?? 0;
  const nSamples = options.nSamples;
  switch (info.name) {
    case 'moons':
      return makeMoons({ ...(nSamples !== undefined ? { nSamples } : {}), noise: options.noise ?? 0, seed });
    case 'circles':
      return makeCircles({ ...(nSamples !== undefined ? { nSamples } : {}), noise: options.noise ?? 0, seed });
    case 'xor':
      return makeXor({ ...(nSamples !== undefined ? { nSamples } : {}), noise: options.noise ?? 0, seed });
    default:
      return makePlusMinus({ ...(nSamples !== undefined ? { nSamples } : {}), ...(options.noise !== undefined ? { noiseStd: options.noise } : {}), seed });
  }
}
