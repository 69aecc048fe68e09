/**
 * Scenario 2's knobs. Iris perturbations are measured in units of each feature's public
 * standard deviation (ε = 0.5 moves each feature by at most half its SD); PlusMinus
 * perturbations in pixel units on [0, 1], with the anchor's PGD (ε = 0.1, step 0.01, 10
 * iterations; the sweep keeps step = ε/10). The anchor model trains on 200 images in both
 * modes, as the PennyLane demo does (the full run tests on 200 images, as the paper); trained
 * on 400 images for 15 epochs, our PCA-based rendition came out markedly more robust (PGD
 * accuracy 0.42 ± 0.58 over 3 seeds instead of ≈ 0.1).
 */
import { InputError } from '../../../core/errors.js';

/** The qmlsec rendition of Wendlinger et al.'s re-uploading classifier, and its training. */
export interface AnchorModelBudget {
  /** PlusMinus images generated (train + test). */
  readonly samples: number;
  readonly testFraction: number;
  /** Principal components of the pixels fed to the dense angle encoding (≤ 16 on 8 qubits). */
  readonly components: number;
  /** StronglyEntanglingLayers, each preceded by a re-upload of the encoding. */
  readonly layers: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
}

/** The numbers of one run. */
export interface EvasionBudget {
  /** Iris ε sweep (in public SDs), ascending, > 0. */
  readonly irisEpsilons: readonly number[];
  /** The Iris ε of the headline metrics and of adversarial training (one of `irisEpsilons`). */
  readonly irisReferenceEpsilon: number;
  readonly irisPgdIterations: number;
  /** Queries the transfer attacker spends extracting its substitute (scenario 1's attack). */
  readonly transferBudget: number;
  readonly irisAdversarialEpochs: number;
  readonly anchor: AnchorModelBudget;
  /** PlusMinus ε sweep (pixels), ascending, > 0; must contain the anchor's 0.1. */
  readonly pixelEpsilons: readonly number[];
  readonly anchorAdversarialEpochs: number;
  /** Shots per prediction request of the served Iris victim when no deployment says otherwise. */
  readonly shots: number;
}

/** Chart names (the report groups series named `"<chart>: <line>"`). */
export const S2_CHARTS = { iris: 'Iris accuracy vs ε', anchor: 'PlusMinus accuracy vs ε' } as const;

/** Suffix of the lines measured on the adversarially trained models. */
export const HARDENED = ', adversarially trained';

/** The anchor's attack (Wendlinger et al.; PennyLane's adversarial-attacks demo). */
export const ANCHOR_PGD = { epsilon: 0.1, step: 0.01, iterations: 10 } as const;

/** Budgets of the quick (demo, tests) and full runs. */
export const EVASION_BUDGETS: Readonly<Record<'quick' | 'full', EvasionBudget>> = {
  quick: {
    irisEpsilons: [0.1, 0.25, 0.5, 1], irisReferenceEpsilon: 0.5, irisPgdIterations: 10, transferBudget: 500, irisAdversarialEpochs: 10,
    anchor: { samples: 300, testFraction: 1 / 3, components: 16, layers: 4, epochs: 10, batchSize: 20, learningRate: 0.05 },
    pixelEpsilons: [0.05, 0.1], anchorAdversarialEpochs: 4, shots: 200,
  },
  full: {
    irisEpsilons: [0.05, 0.1, 0.25, 0.5, 0.75, 1], irisReferenceEpsilon: 0.5, irisPgdIterations: 10, transferBudget: 1000, irisAdversarialEpochs: 20,
    anchor: { samples: 400, testFraction: 0.5, components: 16, layers: 4, epochs: 10, batchSize: 20, learningRate: 0.05 },
    pixelEpsilons: [0.02, 0.05, 0.1, 0.15, 0.2], anchorAdversarialEpochs: 8, shots: 200,
  },
};

function positiveInt(v: number, what: string): void {
  if (!Number.isInteger(v) || v < 1) throw new InputError(`evasion budget "${what}" must be a positive whole number, got ${v}`, 'BUDGET');
}

function epsilons(list: readonly number[], what: string): void {
  if (list.length === 0) throw new InputError(`the ${what} ε sweep needs at least one ε`, 'BUDGET');
  list.forEach((e, i) => {
    if (!(e > 0) || !Number.isFinite(e)) throw new InputError(`${what} ε ${i + 1} must be a finite number > 0 (ε = 0, the clean accuracy, is always reported), got ${e}`, 'BUDGET');
    if (i > 0 && e <= (list[i - 1] as number)) throw new InputError(`the ${what} ε sweep must ascend, got ${list.join(', ')}`, 'BUDGET');
  });
}

/** Throws an InputError naming the first bad number of `b`. */
export function checkEvasionBudget(b: EvasionBudget): void {
  epsilons(b.irisEpsilons, 'Iris');
  epsilons(b.pixelEpsilons, 'PlusMinus');
  if (!b.irisEpsilons.includes(b.irisReferenceEpsilon)) throw new InputError(`the Iris reference ε ${b.irisReferenceEpsilon} must be one of the sweep's (${b.irisEpsilons.join(', ')})`, 'BUDGET');
  if (!b.pixelEpsilons.includes(ANCHOR_PGD.epsilon)) throw new InputError(`the PlusMinus ε sweep must contain the anchor's ε = ${ANCHOR_PGD.epsilon}, got ${b.pixelEpsilons.join(', ')}`, 'BUDGET');
  positiveInt(b.irisPgdIterations, 'irisPgdIterations');
  positiveInt(b.transferBudget, 'transferBudget');
  positiveInt(b.irisAdversarialEpochs, 'irisAdversarialEpochs');
  positiveInt(b.anchorAdversarialEpochs, 'anchorAdversarialEpochs');
  positiveInt(b.shots, 'shots');
  const a = b.anchor;
  for (const k of ['samples', 'components', 'layers', 'epochs', 'batchSize'] as const) positiveInt(a[k], `anchor.${k}`);
  if (a.components > 16) throw new InputError(`the dense angle encoding holds at most 16 features on 8 qubits, got anchor.components = ${a.components}`, 'BUDGET');
  if (!(a.testFraction > 0 && a.testFraction < 1)) throw new InputError(`anchor.testFraction must lie in (0, 1), got ${a.testFraction}`, 'BUDGET');
  if (!(a.learningRate > 0)) throw new InputError(`anchor.learningRate must be positive, got ${a.learningRate}`, 'BUDGET');
}
