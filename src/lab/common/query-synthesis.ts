/**
 * How the extraction attacker chooses its queries: Jacobian-based dataset augmentation
 * (Papernot et al., "Practical Black-Box Attacks against Machine Learning", AsiaCCS 2017).
 * Without any training data, the attacker starts from a small seed set drawn from the
 * published per-feature statistics (independent normals with the public mean and SD, clipped
 * to the public range), has it labelled by the API, trains a working substitute on everything
 * answered so far, and doubles the set: every answered x gets a sibling
 * x + λ_ρ · range ⊙ sign(∂p_y/∂x) with y the API's label, λ_ρ = λ · (−1)^⌊ρ/τ⌋ (Papernot's
 * periodic step size), clipped to the public range. Rounds repeat until the query budget is
 * spent or the service refuses. The stream's prefixes are exactly what a smaller budget buys,
 * so one harvest serves a whole budget sweep.
 */
import { InputError } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';
import { simulatorExecutor } from '../../qml/runner.js';
import { train } from '../../qml/trainer.js';
import type { ApiAnswer, HarvestResult, StopReason } from './api-client.js';
import { hybridClassifier } from './classifier.js';
import type { PublicFeatureStats } from './iris.js';
import { substituteModel, type SubstituteSettings } from './substitutes.js';

/** Settings of the augmentation. */
export interface JbdaSettings {
  /** Size of the seed set drawn from the public statistics. */
  readonly seedSize: number;
  /** Step λ as a fraction of each feature's public range. */
  readonly lambda: number;
  /** Rounds between sign flips of λ (Papernot's τ). */
  readonly tau: number;
  /** Epochs the working substitute trains per round (warm-started). */
  readonly workingEpochs: number;
}

/** Something that answers rows (the API client, possibly with a monitor in between). */
export type Oracle = (rows: number[][]) => Promise<HarvestResult>;

/** The harvested transfer set. */
export interface HarvestedSet {
  readonly queries: number[][];
  readonly answers: ApiAnswer[];
  /** Rows the service refused (the attacker stopped there). */
  readonly refused: number;
  readonly stoppedBy?: StopReason;
  readonly requests: number;
  readonly rounds: number;
}

function seedSet(stats: readonly PublicFeatureStats[], count: number, rng: Rng): number[][] {
  return Array.from({ length: count }, () => stats.map((s) => Math.min(s.max, Math.max(s.min, rng.normal(s.mean, s.sd)))));
}

/** Spends up to `budget` queries on Jacobian-augmented synthetic inputs. */
export async function harvestWithJbda(oracle: Oracle, budget: number, stats: readonly PublicFeatureStats[], substitute: SubstituteSettings, settings: JbdaSettings, rng: Rng): Promise<HarvestedSet> {
  if (!Number.isInteger(budget) || budget < 1) throw new InputError(`the query budget must be a positive whole number of queries, got ${budget}`, 'BUDGET');
  const d = stats.length;
  const queries: number[][] = [];
  const answers: ApiAnswer[] = [];
  const executor = simulatorExecutor('statevector');
  const working = substituteModel(substitute, `${rng.nextUint32()}:working`);
  let pending = seedSet(stats, Math.min(settings.seedSize, budget), rng);
  let requests = 0;
  let rounds = 0;
  let refused = 0;
  let stoppedBy: StopReason | undefined;
  while (pending.length > 0) {
    const r = await oracle(pending);
    requests += r.requests;
    queries.push(...pending.slice(0, r.answers.length));
    answers.push(...r.answers);
    if (r.stoppedBy) {
      stoppedBy = r.stoppedBy;
      refused = budget - queries.length;
      break;
    }
    if (queries.length >= budget) break;
    const labels = Int32Array.from(answers, (a) => a.label);
    await train(working, working.features(queries), labels, {
      executor, epochs: settings.workingEpochs, batchSize: substitute.batchSize, optimizer: { kind: 'adam', lr: substitute.learningRate }, seed: rounds,
    });
    const g = hybridClassifier(working, executor).inputGradient(queries, labels);
    const lambda = settings.lambda * (Math.floor(rounds / settings.tau) % 2 === 0 ? 1 : -1);
    const siblings = queries.map((x, b) =>
      x.map((v, j) => {
        const s = stats[j] as PublicFeatureStats;
        return Math.min(s.max, Math.max(s.min, v - lambda * (s.max - s.min) * Math.sign(g.gradient[b * d + j] as number)));
      }),
    );
    pending = siblings.slice(0, budget - queries.length);
    rounds++;
  }
  return { queries, answers, refused, ...(stoppedBy ? { stoppedBy } : {}), requests, rounds };
}
