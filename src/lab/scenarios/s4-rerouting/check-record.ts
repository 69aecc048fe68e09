/** What every verification check (fingerprint probe, trap job) records about itself and costs. */
import type { JobResult } from '../../../cloud/job.js';

/** The fields shared by {@link ./fingerprint-client.ts ProbeRecord} and {@link ./trap-client.ts TrapRecord}. */
export interface CheckRecord {
  /** Jobs submitted through the client before this check. */
  readonly afterJob: number;
  readonly device: string;
  readonly alarm: boolean;
  readonly cost_usd: number;
  readonly billable_s: number;
  readonly shots: number;
  /** Virtual time the check's result arrived. */
  readonly finished_at_s: number;
  /** How long after the checked job's result the verdict arrived (NaN for a check on its own). */
  readonly verification_delay_s: number;
  /** Client wall-clock time spent predicting the check's outcome, milliseconds. */
  readonly predict_ms: number;
}

/** The cost and timing fields of a check submitted as `result`. */
export function checkCost(result: JobResult, jobFinishedAt: number, predictMs: number): Pick<CheckRecord, 'cost_usd' | 'billable_s' | 'shots' | 'finished_at_s' | 'verification_delay_s' | 'predict_ms'> {
  const m = result.metadata;
  return {
    cost_usd: m.cost_usd, billable_s: m.billable_s, shots: m.shots * m.circuits,
    finished_at_s: m.finished_at_s, verification_delay_s: m.finished_at_s - jobFinishedAt, predict_ms: predictMs,
  };
}
