/**
 * The anchor victim: Wendlinger, Tscharke & Debus (arXiv 2404.16154; PennyLane demo
 * "Adversarial attacks and robustness for quantum machine learning") classify 16×16 PlusMinus
 * images with an 8-qubit data re-uploading circuit — StronglyEntanglingLayers whose rotation
 * angles are w ⊙ x + b, the 256 pixels stacked three times over 32 layers × 8 qubits × 3
 * angles — reading ⟨Z⟩ of the first 4 qubits as the logits of the 4 classes.
 *
 * qmlsec's closest model: qmlsec re-uploads the same encoded features before every ansatz
 * layer, each scaled by its own trainable weight (w ⊙ x; the SEL rotations that follow play
 * the part of the bias b), and its angle encodings hold 1–2 features per qubit. So the pixels
 * are first projected on their 16 principal components (a linear map: pixel-space gradients
 * stay exact through `rawGradient`), min-max scaled to [0, π] without clipping, encoded two per
 * qubit (dense angle: RY then RZ), re-uploaded before each of L StronglyEntanglingLayers on
 * 8 qubits, and ⟨Z⟩ of qubits 0–3 are the class scores (no classical head).
 */
import { loadDataset } from '../../../data/registry.js';
import { trainTestSplit } from '../../../data/split.js';
import { datasetRows, trainFromSpec, type SpecRunResult } from '../../../qml/runner.js';
import type { ModelSpec } from '../../../qml/spec-schema.js';
import type { AnchorModelBudget } from './settings.js';

/** The anchor model's spec for one seed (images and split depend on the seed). */
export function anchorModelSpec(b: AnchorModelBudget, seed: number): ModelSpec {
  return {
    name: 'plus-minus-reupload',
    description: '8-qubit data re-uploading classifier of 16x16 PlusMinus images (after Wendlinger et al., arXiv 2404.16154)',
    dataset: { name: 'plus-minus', samples: b.samples, seed },
    split: { test_size: b.testFraction, seed, stratify: true },
    preprocess: [{ kind: 'pca', components: b.components }, { kind: 'minmax', range: [0, 'pi'] }],
    model: {
      qubits: 8,
      encoder: { kind: 'dense_angle', features: b.components },
      ansatz: { kind: 'strongly_entangling', layers: b.layers },
      measurement: { kind: 'z', wires: [0, 1, 2, 3] },
      head: 'none',
      reupload: { trainable_scaling: true },
    },
    training: { epochs: b.epochs, batch_size: b.batchSize, optimizer: { kind: 'adam', lr: b.learningRate }, loss: 'cross_entropy', seed },
  };
}

/** The trained anchor model with its training and test images. */
export interface AnchorVictim {
  readonly result: SpecRunResult;
  readonly train: { readonly rows: number[][]; readonly labels: Int32Array };
  readonly test: { readonly rows: number[][]; readonly labels: Int32Array };
}

/** Generates the images, trains the anchor model and returns its split (the one training used). */
export async function trainAnchorVictim(b: AnchorModelBudget, seed: number): Promise<AnchorVictim> {
  const spec = anchorModelSpec(b, seed);
  const result = await trainFromSpec(spec, { seed });
  const split = trainTestSplit(loadDataset('plus-minus', { nSamples: b.samples, seed }), { testSize: b.testFraction, seed, stratify: true });
  return {
    result,
    train: { rows: datasetRows(split.train), labels: split.train.labels },
    test: { rows: datasetRows(split.test), labels: split.test.labels },
  };
}
