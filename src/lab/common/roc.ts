/**
 * Detection statistics for defenses that raise an alarm when a score exceeds a threshold:
 * the ROC curve of scores measured on honest runs (negatives) against scores measured under
 * attack (positives), its area (AUC, the Mann–Whitney probability that an attacked run scores
 * higher than an honest one, ties counting one half), the true-positive rate at a given
 * false-positive rate, and the threshold that achieves it.
 */
import { InputError } from '../../core/errors.js';

/** One operating point: alarm when score > threshold. */
export interface RocPoint {
  readonly threshold: number;
  /** Fraction of honest runs that raise the alarm. */
  readonly fpr: number;
  /** Fraction of attacked runs that raise the alarm. */
  readonly tpr: number;
}

function checkScores(scores: readonly number[], what: string): void {
  if (scores.length === 0) throw new InputError(`ROC analysis needs at least one ${what} score`, 'ROC');
  scores.forEach((s, i) => {
    if (!Number.isFinite(s)) throw new InputError(`${what} score ${i} is ${s}; scores must be finite numbers`, 'ROC');
  });
}

/**
 * The ROC curve from (0, 0) to (1, 1): one point per distinct score, with the alarm raised
 * when the score is strictly greater than the threshold.
 */
export function rocCurve(honest: readonly number[], attacked: readonly number[]): RocPoint[] {
  checkScores(honest, 'honest');
  checkScores(attacked, 'attacked');
  const thresholds = [...new Set([...honest, ...attacked])].sort((a, b) => b - a);
  const rate = (scores: readonly number[], t: number) => scores.filter((s) => s > t).length / scores.length;
  const points: RocPoint[] = [{ threshold: Number.POSITIVE_INFINITY, fpr: 0, tpr: 0 }];
  for (const t of thresholds) points.push({ threshold: t, fpr: rate(honest, t), tpr: rate(attacked, t) });
  points.push({ threshold: Number.NEGATIVE_INFINITY, fpr: 1, tpr: 1 });
  return points;
}

/** Area under the ROC curve = P(attacked score > honest score) + ½ P(equal). */
export function rocAuc(honest: readonly number[], attacked: readonly number[]): number {
  checkScores(honest, 'honest');
  checkScores(attacked, 'attacked');
  let wins = 0;
  for (const a of attacked) for (const h of honest) wins += a > h ? 1 : a === h ? 0.5 : 0;
  return wins / (honest.length * attacked.length);
}

/**
 * The lowest threshold whose false-positive rate on the honest scores is at most `fpr`
 * (alarm when score > threshold): the largest honest score once the top ⌊fpr·n⌋ are allowed
 * to raise false alarms.
 */
export function thresholdAtFpr(honest: readonly number[], fpr: number): number {
  checkScores(honest, 'honest');
  if (!(fpr >= 0 && fpr <= 1)) throw new InputError(`a false-positive rate must lie in [0, 1], got ${fpr}`, 'ROC');
  const sorted = [...honest].sort((a, b) => b - a);
  const allowed = Math.floor(fpr * sorted.length + 1e-9);
  if (allowed >= sorted.length) return Number.NEGATIVE_INFINITY;
  return sorted[allowed] as number;
}

/** True-positive rate at the threshold {@link thresholdAtFpr} picks for `fpr`. */
export function tprAtFpr(honest: readonly number[], attacked: readonly number[], fpr: number): number {
  checkScores(attacked, 'attacked');
  const t = thresholdAtFpr(honest, fpr);
  return attacked.filter((s) => s > t).length / attacked.length;
}

/**
 * The ROC curve resampled at fixed false-positive rates (the highest TPR reachable at each),
 * so that curves of different seeds can be averaged point by point in a chart.
 */
export function rocAtFprGrid(honest: readonly number[], attacked: readonly number[], grid: readonly number[]): { fpr: number; tpr: number }[] {
  const curve = rocCurve(honest, attacked);
  return grid.map((f) => ({ fpr: f, tpr: Math.max(...curve.filter((p) => p.fpr <= f + 1e-12).map((p) => p.tpr)) }));
}
