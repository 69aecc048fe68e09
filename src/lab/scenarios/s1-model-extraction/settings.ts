/**
 * Scenario 1's knobs: the query budgets of the sweep, the attacker's budget when it faces a
 * defense, the honest traffic the defenses are charged against, and how the victim is served
 * — by default (no deployment) full probabilities with 200 shots per request; a deployment's
 * `serving` section (returns, rounding, quota) and `execution.shots` take precedence.
 */
import { InputError } from '../../../core/errors.js';
import type { Deployment } from '../../../deploy/deployment.js';
import type { HonestWorkload } from '../../common/honest-traffic.js';
import type { OutputPolicy } from '../../common/output-policy.js';

/** The numbers of one run. */
export interface ExtractionBudget {
  /** Query budgets of the sweep, ascending (the largest is the attacker's plan). */
  readonly budgets: readonly number[];
  /** The attacker's budget against each defense. */
  readonly defenseBudget: number;
  /** Sweep the budgets (up to `defenseBudget`) under every defense, not only the largest. */
  readonly defenseSweep: boolean;
  /** Rows per API request (attacker). */
  readonly batchSize: number;
  /** Held-out inputs from the data distribution on which agreement is measured. */
  readonly heldOut: number;
  readonly honest: HonestWorkload;
  /** Per-key query quota of the quota defense. */
  readonly quota: number;
  /** Honest streams the operator calibrates PRADA's δ on. */
  readonly calibrationStreams: number;
  /** Decimals of the rounded-probabilities defense. */
  readonly roundingDigits: number;
  /** Shots per prediction request when no deployment says otherwise. */
  readonly shots: number;
}

const HONEST_QUICK: HonestWorkload = { clients: 6, medianQueries: 150, sigma: 0.6, minQueries: 20, maxQueries: 600, batchSize: 25 };

/** Budgets of the quick (demo, tests) and full runs. */
export const EXTRACTION_BUDGETS: Readonly<Record<'quick' | 'full', ExtractionBudget>> = {
  quick: { budgets: [100, 300, 1000], defenseBudget: 1000, defenseSweep: false, batchSize: 25, heldOut: 500, honest: HONEST_QUICK, quota: 500, calibrationStreams: 6, roundingDigits: 1, shots: 200 },
  full: {
    budgets: [100, 250, 500, 1000, 2500, 5000], defenseBudget: 2500, defenseSweep: true, batchSize: 25, heldOut: 1000,
    honest: { ...HONEST_QUICK, clients: 20, maxQueries: 1000 }, quota: 500, calibrationStreams: 20, roundingDigits: 1, shots: 200,
  },
};

/** Throws an InputError naming the first bad number of `b`. */
export function checkExtractionBudget(b: ExtractionBudget): void {
  if (b.budgets.length === 0) throw new InputError('the extraction sweep needs at least one query budget', 'BUDGET');
  b.budgets.forEach((q, i) => {
    if (!Number.isInteger(q) || q < 1) throw new InputError(`query budget ${i + 1} of the sweep must be a positive whole number of queries, got ${q}`, 'BUDGET');
    if (i > 0 && q <= (b.budgets[i - 1] as number)) throw new InputError(`the sweep's query budgets must ascend, got ${b.budgets.join(', ')}`, 'BUDGET');
  });
  const ints: (keyof ExtractionBudget)[] = ['defenseBudget', 'batchSize', 'heldOut', 'quota', 'calibrationStreams', 'shots'];
  for (const k of ints) {
    const v = b[k] as number;
    if (!Number.isInteger(v) || v < 1) throw new InputError(`extraction budget "${k}" must be a positive whole number, got ${v}`, 'BUDGET');
  }
  if (!Number.isInteger(b.roundingDigits) || b.roundingDigits < 0 || b.roundingDigits > 12) throw new InputError(`rounding digits must be a whole number in 0..12, got ${b.roundingDigits}`, 'BUDGET');
}

/** How the victim is served in the undefended run. */
export interface ServingSetup {
  readonly shots: number;
  readonly output: OutputPolicy;
  /** The attacker key's quota (the deployment's per-key quota), or null. */
  readonly quota: number | null;
}

/** The undefended serving: the deployment's, or full probabilities with `defaultShots` shots. */
export function servingSetup(deployment: Deployment | undefined, defaultShots: number): ServingSetup {
  const s = deployment?.serving;
  const output: OutputPolicy = !s || s.returns === 'probabilities'
    ? { kind: 'probabilities' }
    : s.returns === 'label' ? { kind: 'label' } : { kind: 'rounded', digits: s.roundingDigits ?? 2 };
  return { shots: deployment?.execution.shots ?? defaultShots, output, quota: s?.quota?.perKey ?? null };
}

/** A note on what a given deployment changed (its serving and shots; never the victim model). */
export function deploymentNote(deployment: Deployment | undefined): Record<string, string> {
  if (!deployment) return {};
  const ds = deployment.dataset.kind === 'builtin' ? deployment.dataset.name : `CSV ${deployment.dataset.path}`;
  return { deployment: `${deployment.name}: its serving section and execution.shots apply; its model and dataset (${ds}) do not — the victim is the lab's Iris QNN` };
}
