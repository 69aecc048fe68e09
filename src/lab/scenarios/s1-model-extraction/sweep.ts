/**
 * Scoring substitutes against the victim: agreement (the fraction of held-out inputs from the
 * data distribution on which substitute and victim — evaluated exactly, without shot noise —
 * predict the same class) and accuracy on the 150 real Iris rows (none of which the attacker
 * ever saw). A sweep trains both substitutes on each budget's prefix of one harvest.
 */
import { accuracyOf, agreementOf, type DifferentiableClassifier } from '../../common/classifier.js';
import { trainSubstitutes, type ExtractionPlan } from '../../common/extraction.js';
import type { HarvestedSet } from '../../common/query-synthesis.js';

/** How close a substitute comes. */
export interface SubstituteScores {
  readonly agreement: number;
  readonly accuracy: number;
}

/** One budget of a sweep. */
export interface SweepPoint {
  readonly budget: number;
  /** Answered queries actually used (less than the budget when the service refused). */
  readonly used: number;
  readonly naive: SubstituteScores;
  readonly ensemble: SubstituteScores;
  /** Circuit batches spent training both substitutes. */
  readonly trainingEvaluations: number;
}

/** Scores classifiers against the victim. */
export interface Scorer {
  score(clf: DifferentiableClassifier): SubstituteScores;
}

/** A scorer over held-out inputs (agreement) and labelled real rows (accuracy). */
export function scorer(victim: DifferentiableClassifier, heldOut: readonly (readonly number[])[], realRows: readonly (readonly number[])[], realLabels: ArrayLike<number>): Scorer {
  return { score: (clf) => ({ agreement: agreementOf(clf, victim, heldOut), accuracy: accuracyOf(clf, realRows, realLabels) }) };
}

/** Trains and scores both substitutes at every budget (capped by what was answered). */
export async function sweepBudgets(plan: ExtractionPlan, harvest: HarvestedSet, budgets: readonly number[], seed: string, s: Scorer, onBudget?: (i: number) => void): Promise<SweepPoint[]> {
  const out: SweepPoint[] = [];
  for (let i = 0; i < budgets.length; i++) {
    const budget = budgets[i] as number;
    const t = await trainSubstitutes(plan, harvest, budget, `${seed}:${budget}`);
    out.push({ budget, used: t.used, naive: s.score(t.naive.classifier), ensemble: s.score(t.ensemble.classifier), trainingEvaluations: t.naive.evaluations + t.ensemble.evaluations });
    onBudget?.(i);
  }
  return out;
}
