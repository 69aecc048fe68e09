/**
 * How attack paths are scored. A path's score is
 *
 *     score = likelihood × impact,   likelihood = Π over its techniques of  m(t) · s(t) · h(t)
 *
 * - m(t), maturity: realized 1.0, demonstrated 0.8, feasible 0.5 — how sure we are the step
 *   works in practice;
 * - s(t), stealth: detectability low 1.0, medium 0.85, high 0.7 — the chance the step goes
 *   unnoticed long enough to matter;
 * - h(t), hindrance: 0.5 for every mitigation in effect that hinders the step;
 * - the product over the steps penalises long paths: every extra step can fail or be noticed;
 * - impact: the highest impact, on the objective's C/I/A dimension, of the techniques that
 *   reach the objective: high 1.0, medium 0.7, low 0.4 (none 0.1).
 *
 * Scores lie in (0, 1]; 1 means a single realized, stealthy, unhindered step with high impact.
 * The path search ranks candidate plans by the additive cost −ln(m·s·h), which orders them by
 * likelihood.
 */
import type { CiaDimension, Detectability, ImpactLevel, Maturity, Technique } from './model.js';

/** Weight of each maturity level. */
export const MATURITY_WEIGHT: Readonly<Record<Maturity, number>> = { realized: 1, demonstrated: 0.8, feasible: 0.5 };
/** Weight of each detectability level (probability of staying unnoticed). */
export const STEALTH_WEIGHT: Readonly<Record<Detectability, number>> = { low: 1, medium: 0.85, high: 0.7 };
/** Weight of each impact level. */
export const IMPACT_WEIGHT: Readonly<Record<ImpactLevel, number>> = { high: 1, medium: 0.7, low: 0.4, none: 0.1 };
/** Factor applied per hindering mitigation. */
export const HINDRANCE_FACTOR = 0.5;

/** Likelihood factor of one technique given how many active mitigations hinder it. */
export function stepLikelihood(t: Technique, hindrances: number): number {
  return MATURITY_WEIGHT[t.maturity] * STEALTH_WEIGHT[t.detectability] * HINDRANCE_FACTOR ** hindrances;
}

/** Additive search cost of one technique (−ln of its likelihood factor). */
export function stepCost(t: Technique, hindrances: number): number {
  return -Math.log(stepLikelihood(t, hindrances));
}

/** Impact weight of `t` on `dimension`. */
export function impactOn(t: Technique, dimension: CiaDimension): number {
  return IMPACT_WEIGHT[t.impact[dimension]];
}

/** Rounds a score for output (4 decimals). */
export function roundScore(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
