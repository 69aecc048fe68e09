/**
 * Scenario 3 — the untrusted quantum provider. An insider of the quantum cloud that transpiles
 * and runs a customer's circuits keeps every job (white-box access) and, from the circuits
 * alone: infers the encoding from transpilation artifacts, recovers the PQC architecture and the
 * trained weights, harvests the training features bound into the state preparation, infers their
 * labels with the stolen model, and trains a clone. Measured over a population of victim designs
 * (encoding inference, architecture recovery) and on a victim trained through the live pipeline,
 * without and with three defenses: client-side circuit obfuscation, label masking, and splitting
 * jobs across two quantum clouds — each with its measured cost.
 */
import { InputError } from '../../../core/errors.js';
import type { Deployment } from '../../../deploy/deployment.js';
import { targetForDevice } from '../../../transpile/target-from-device.js';
import type { Metrics, Scenario, ScenarioContext, ScenarioRun } from '../../scenario.js';
import { attackChain, type ChainOptions } from './attack-chain.js';
import { lossCircuitVariant, maskingDefense, obfuscationDefense, splittingDefense, type RunSetting } from './defenses.js';
import { EncodingInspector } from './encoding-inference.js';
import { derangement, type LabelMask } from './label-masking.js';
import { inspectPopulation } from './population.js';
import { defaultVictimDeployment, insiderCloud, trainVictim } from './victim.js';
import { designPopulation, ENCODING_FAMILIES } from './victims.js';

/** The scenario id. */
export const S3_ID = 's3-untrusted-provider';

/**
 * The kill-chain path, in order: white-box access → encoding and weights → data harvest → labels
 * (inferred, or read off loss circuits) → clone.
 */
export const S3_TECHNIQUES = ['QML.T0012', 'QML.T0023', 'QML.T0025', 'QML.T0026', 'QML.T0027', 'QML.T0028', 'QML.T0029', 'QML.T0043'] as const;

/** ATLAS analogues of the path's techniques (from the knowledge base). */
export const S3_ATLAS = 'AML.T0044 full model access → AML.T0014 discover model family → AML.T0035 collect artifacts → AML.T0005.000 train proxy via gathered artifacts';

/** How much the insider and the victim do in one run. */
export interface S3Budget {
  /** Victim designs whose circuits the insider inspects. */
  readonly victims: number;
  /** The insider's own labelled reference designs (at least one per encoding family). */
  readonly references: number;
  /** Population designs also matched functionally (the slow, adaptive architecture match). */
  readonly functional: number;
  /** Epochs of the clone's training. */
  readonly cloneEpochs: number;
  /** Training rows of the victim. */
  readonly trainingRows: number;
  /** Victim epochs (default: the deployment's). */
  readonly epochs?: number;
  readonly simulation: 'ideal' | 'noisy';
}

/** The budget of a quick (demo) or full run. */
export function s3Budget(quick: boolean): S3Budget {
  return quick
    ? { victims: 36, references: 48, functional: 4, cloneEpochs: 40, trainingRows: 60, epochs: 10, simulation: 'ideal' }
    : { victims: 90, references: 90, functional: 12, cloneEpochs: 40, trainingRows: 60, epochs: 8, simulation: 'noisy' };
}

function checkBudget(b: S3Budget): void {
  const positive = (name: keyof S3Budget, min: number) => {
    const v = b[name] as number;
    if (!Number.isInteger(v) || v < min) throw new InputError(`scenario ${S3_ID}: budget.${name} must be an integer ≥ ${min}, got ${v}`, 'BUDGET');
  };
  positive('victims', 1);
  positive('references', ENCODING_FAMILIES.length);
  positive('functional', 0);
  positive('cloneEpochs', 1);
  positive('trainingRows', 2);
  if (b.epochs !== undefined) positive('epochs', 1);
}

/** Runs one seed with an explicit budget (the scenario's `run` uses {@link s3Budget}). */
export async function runUntrustedProvider(ctx: ScenarioContext, budget: S3Budget): Promise<ScenarioRun> {
  checkBudget(budget);
  const progress = (f: number, m: string) => ctx.progress?.(f, m);
  const seed = ctx.seed;
  const deployment: Deployment = ctx.deployment ?? defaultVictimDeployment(ctx.quick ?? false);
  const insider = insiderCloud(deployment);
  const device = insider.devices[0];
  if (device === undefined) throw new InputError(`quantum cloud "${insider.id}" of deployment "${deployment.name}" offers no device`, 'DEPLOYMENT');
  const target = targetForDevice(device);
  const level = deployment.transpiler.optimizationLevel ?? 1;

  progress(0, 'insider fits its encoding classifier');
  const inspector = new EncodingInspector(target, { references: budget.references, level, seed });
  const adaptive = new EncodingInspector(target, { references: budget.references, level, seed, adaptive: true });
  progress(0.1, 'inspecting the victim population');
  const designs = designPopulation(budget.victims, `victims:${seed}`);
  const secret = `client-secret:${seed}`;
  const population = { designs, device, provider: insider.id, inspector, functional: budget.functional, seed };
  const clean = await inspectPopulation(population);
  const hidden = await inspectPopulation({ ...population, adaptiveInspector: adaptive, obfuscationSecret: secret });

  progress(0.25, 'training the victim through the pipeline');
  const victim = { seed, insider: insider.id, simulation: budget.simulation, trainingRows: budget.trainingRows, ...(budget.epochs !== undefined ? { epochs: budget.epochs } : {}) };
  const chain: ChainOptions = { inspector, seed, cloneEpochs: budget.cloneEpochs, functional: true };
  const base = await trainVictim(deployment, victim);
  const baseChain = attackChain(base.curious.records, base.truth, chain);
  const setting: RunSetting = { deployment, victim, chain, inspector, secret, base, baseChain };

  progress(0.45, 'defense: circuit obfuscation');
  const obfuscation = await obfuscationDefense(setting, clean, hidden);
  progress(0.6, 'workflow variant: a fidelity loss that binds the labels into the circuits');
  const mask: LabelMask = { permutation: derangement(base.result.model.classes.length, `${seed}:label-mask`), negate: false };
  const loss = await lossCircuitVariant(setting, mask.permutation);
  progress(0.7, 'defense: label masking');
  const masking = await maskingDefense(setting, mask, loss);
  progress(0.85, 'defense: splitting jobs across two quantum clouds');
  const splitting = await splittingDefense(setting, insider);
  progress(1, 'done');

  const headKind = base.result.model.head.kind;
  return {
    attack: { ...clean.metrics, ...baseChain.metrics, ...loss.plain },
    defenses: {
      obfuscation,
      'label-masking': { metrics: masking.metrics, cost: masking.cost },
      'job-splitting': splitting,
    },
    series: [...clean.series, ...hidden.series, ...baseChain.series, ...masking.series],
    notes: {
      deployment: deployment.name,
      insider: insider.id,
      device,
      victim_design: JSON.stringify(base.truth.config),
      victim_simulation: budget.simulation,
      atlas_analogues: S3_ATLAS,
      label_route: 'labels never reach the quantum cloud (classical loss); the insider predicts them with the stolen model (prune 20 %, fix by 5-NN), votes over the optimisation trace, or clusters the harvested features',
      ...(headKind === 'none' ? {} : { label_masking: `the victim's ${headKind} head already keeps the classes from the provider: only the fidelity-loss variant is masked` }),
      loss_circuit_variant: 'a fidelity loss binds each label as RX(π·bit) on the readout wires; the insider reads the bits off the bindings (always on the ideal simulator)',
      obfuscation_layer: 'transient input-dependent rotation + CNOT block and its inverse after the encoding, dummy diagonal gates before the Z readout, re-expressed encoding rotations',
    },
  };
}

function clamp01(v: number | undefined): number {
  return v === undefined || !Number.isFinite(v) ? 0 : Math.min(1, Math.max(0, v));
}

/** The scenario object registered with the lab. */
export const untrustedProviderScenario: Scenario = {
  id: S3_ID,
  title: 'Untrusted quantum provider: encoding, weights, training data and labels from the circuits alone',
  description: 'An insider of the quantum cloud keeps every job it transpiles and runs, infers the encoding from transpilation artifacts, recovers the ansatz and the trained weights, harvests the features bound into the state preparation, predicts their labels with the stolen model and trains a clone; defended by circuit obfuscation, label masking and splitting jobs across two clouds.',
  techniques: S3_TECHNIQUES,
  attacker: 'quantum-cloud-insider',
  anchor: {
    source: 'Upadhyay & Ghosh, arXiv 2407.14687 (Quantum Data Breach) and arXiv 2502.01486 (Quantum Quandaries)',
    claim: '≈90 % of labels recovered and a clone near the original accuracy; label masking cuts label recovery by ≈70 %; the encoding is inferred 95 % of the time, 42 % with an obfuscation layer costing 8.5 % depth on a 5-layer QNN',
  },
  defenses: [
    { id: 'obfuscation', mitigations: ['QML.M0001'], description: 'Client-side obfuscation of logical circuits: a transient input-dependent rotation + CNOT block and its inverse after the encoding, dummy diagonal gates before the readout, re-expressed encoding rotations (outputs unchanged)' },
    { id: 'label-masking', mitigations: ['QML.M0012'], description: 'The loss party scores class c with ⟨Z_π(c)⟩ for a secret derangement π of the outputs (modified cost function), so the provider\'s reading of the outputs names the wrong class' },
    { id: 'job-splitting', mitigations: ['QML.M0010'], description: 'Each binding goes to one of two quantum clouds (the second trusted) by a keyed hash of its features, so a sample always goes to the same cloud' },
  ],
  checkDeployment(deployment: Deployment): void {
    insiderCloud(deployment);
  },
  impact(m: Metrics): ReadonlyMap<string, number> {
    return new Map([
      ['QML.T0012', clamp01(m['jobs_seen_fraction'])],
      ['QML.T0023', clamp01(m['encoding_inference_accuracy'])],
      ['QML.T0025', clamp01(m['architecture_recovery_rate'])],
      ['QML.T0026', clamp01(m['weights_recovered_fraction'])],
      ['QML.T0027', clamp01(m['training_data_harvested_fraction'])],
      ['QML.T0028', clamp01(m['label_recovery_rate'])],
      ['QML.T0029', clamp01(m['label_recovery_rate_loss_circuit'])],
      ['QML.T0043', clamp01(m['clone_to_victim_accuracy_ratio'])],
    ]);
  },
  run(ctx: ScenarioContext): Promise<ScenarioRun> {
    return runUntrustedProvider(ctx, s3Budget(ctx.quick ?? false));
  },
};
