/**
 * What the lab knows about its Iris victim: the model spec it trains (the same as
 * `examples/iris.yaml`, embedded so the lab runs from an installed package, where `examples/`
 * is not shipped; a test keeps the two equal), and the public facts an outside attacker may
 * use — the four features and the summary statistics the UCI repository publishes with the
 * data set (`iris.names`, "Summary Statistics": min, max, mean, SD per attribute).
 */
import type { ModelSpec } from '../../qml/spec-schema.js';

/** The 4-qubit hybrid Iris classifier of `examples/iris.yaml`. */
export const IRIS_VICTIM_SPEC: ModelSpec = {
  name: 'iris',
  description: '4-qubit hybrid QNN on UCI Iris',
  dataset: 'iris',
  split: { test_size: 0.3, seed: 42, stratify: true },
  preprocess: [{ kind: 'standard' }, { kind: 'minmax', range: [0, 'pi'] }],
  model: {
    qubits: 4,
    encoder: { kind: 'angle', rotation: 'Y' },
    ansatz: { kind: 'strongly_entangling', layers: 2 },
    measurement: { kind: 'z' },
    head: 'linear',
  },
  training: { epochs: 40, batch_size: 16, optimizer: { kind: 'adam', lr: 0.05 }, loss: 'cross_entropy', seed: 1 },
};

/** Published per-feature statistics of one input feature. */
export interface PublicFeatureStats {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  readonly sd: number;
}

/**
 * UCI Machine Learning Repository, Iris, `iris.names` §"Summary Statistics" (Fisher 1936;
 * donated by M. Marshall 1988), in cm. These are the attacker's only knowledge of the inputs.
 */
export const IRIS_PUBLIC_STATS: readonly PublicFeatureStats[] = [
  { name: 'sepal length', min: 4.3, max: 7.9, mean: 5.84, sd: 0.83 },
  { name: 'sepal width', min: 2.0, max: 4.4, mean: 3.05, sd: 0.43 },
  { name: 'petal length', min: 1.0, max: 6.9, mean: 3.76, sd: 1.76 },
  { name: 'petal width', min: 0.1, max: 2.5, mean: 1.2, sd: 0.76 },
];
