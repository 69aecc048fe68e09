/** The knobs of one run of scenario 4, and their checks. */
import { InputError } from '../../../core/errors.js';

/** The knobs of one run. */
export interface ReroutingBudget {
  /** Inference requests served to measure accuracy, latency and cost. */
  readonly requests: number;
  /** Test rows per request. */
  readonly batch: number;
  /** Detection trials per class (honest, rerouted) for each ROC curve. */
  readonly trials: number;
  /** Shots of each fingerprint probe and each trap. */
  readonly checkShots: number;
  /** Victim jobs in each detection stream. */
  readonly streamJobs: number;
  /** Test rows per request of the detection streams. */
  readonly streamBatch: number;
  /** The fingerprinting client probes after every `fingerprintPeriod`-th job. */
  readonly fingerprintPeriod: number;
  /** Probability that a job is followed by a trap job. */
  readonly trapRate: number;
  /** Fraction of the victim's jobs the insider reroutes in the detection streams. */
  readonly streamRerouteFraction: number;
  /** Shot counts of the AUC-versus-shots sweep (half the trials each). */
  readonly sweepShots: readonly number[];
}

/** Budgets of the quick (demo, tests) and the full run. */
export const REROUTING_BUDGETS: Readonly<Record<'quick' | 'full', ReroutingBudget>> = {
  quick: { requests: 3, batch: 15, trials: 40, checkShots: 2000, streamJobs: 20, streamBatch: 5, fingerprintPeriod: 5, trapRate: 0.2, streamRerouteFraction: 0.5, sweepShots: [16, 64, 256] },
  full: { requests: 6, batch: 15, trials: 120, checkShots: 2000, streamJobs: 40, streamBatch: 5, fingerprintPeriod: 5, trapRate: 0.2, streamRerouteFraction: 0.5, sweepShots: [16, 32, 64, 128, 256, 512] },
};

/** Throws a clear error naming the first knob of `b` that is out of range. */
export function checkBudget(b: ReroutingBudget): void {
  const counts: readonly ('requests' | 'batch' | 'checkShots' | 'streamJobs' | 'streamBatch' | 'fingerprintPeriod')[] = ['requests', 'batch', 'checkShots', 'streamJobs', 'streamBatch', 'fingerprintPeriod'];
  for (const k of counts) {
    const v = b[k];
    if (!Number.isInteger(v) || v < 1) throw new InputError(`rerouting budget "${k}" must be a positive whole number, got ${v}`, 'BUDGET');
  }
  if (!Number.isInteger(b.trials) || b.trials < 2) throw new InputError(`rerouting budget "trials" must be a whole number ≥ 2 (an ROC needs two runs per class), got ${b.trials}`, 'BUDGET');
  for (const k of ['trapRate', 'streamRerouteFraction'] as const) {
    if (!(b[k] > 0 && b[k] <= 1)) throw new InputError(`rerouting budget "${k}" must lie in (0, 1], got ${b[k]}`, 'BUDGET');
  }
  b.sweepShots.forEach((v, i) => {
    if (!Number.isInteger(v) || v < 1) throw new InputError(`rerouting budget "sweepShots[${i}]" must be a positive whole number of shots, got ${v}`, 'BUDGET');
  });
}
