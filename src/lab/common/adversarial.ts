/**
 * Gradient-based evasion under an L∞ budget: FGSM (Goodfellow et al. 2015), x' = x + ε·sign(∇ₓL),
 * and PGD (Madry et al. 2018) from the clean point without random start (as in Wendlinger et
 * al.'s experiments), δ ← clip_[−ε, ε](δ + α·sign(∇ₓL(x + δ))) for a number of iterations. The
 * budget may be scaled per feature (tabular data: ε in units of each feature's spread), and the
 * adversarial point is clipped to a valid box (pixels in [0, 1]).
 */
import { InputError } from '../../core/errors.js';
import type { DifferentiableClassifier } from './classifier.js';

/** Per-feature geometry of the perturbation. */
export interface PerturbationBox {
  /** ε is multiplied by scale[j] for feature j (default 1 for every feature). */
  readonly scale?: ArrayLike<number>;
  /** Valid range of every feature (default unbounded). */
  readonly lower?: number;
  readonly upper?: number;
}

/** Adversarial rows and the circuit executions (per input row) their gradients cost. */
export interface AttackResult {
  readonly rows: number[][];
  readonly executions: number;
}

/** PGD settings. */
export interface PgdOptions {
  readonly epsilon: number;
  /** Step size α (in the same units as ε). */
  readonly step: number;
  readonly iterations: number;
}

function check(eps: number, what: string): void {
  if (!(eps >= 0) || !Number.isFinite(eps)) throw new InputError(`${what} must be a finite number ≥ 0, got ${eps}`, 'ATTACK');
}

function clipBox(v: number, box: PerturbationBox): number {
  return Math.min(box.upper ?? Infinity, Math.max(box.lower ?? -Infinity, v));
}

/** FGSM: one signed-gradient step of size ε (per-feature scaled), clipped to the box. */
export function fgsm(clf: DifferentiableClassifier, rows: readonly (readonly number[])[], labels: ArrayLike<number>, epsilon: number, box: PerturbationBox = {}): AttackResult {
  check(epsilon, 'ε');
  if (rows.length === 0 || epsilon === 0) return { rows: rows.map((r) => [...r]), executions: 0 };
  const d = clf.numFeatures;
  const g = clf.inputGradient(rows, labels);
  const out = rows.map((r, b) => r.map((x, j) => clipBox(x + epsilon * ((box.scale?.[j] as number | undefined) ?? 1) * Math.sign(g.gradient[b * d + j] as number), box)));
  return { rows: out, executions: g.executions };
}

/** PGD without random start: iterated signed steps, projected onto the ε-ball and the box. */
export function pgd(clf: DifferentiableClassifier, rows: readonly (readonly number[])[], labels: ArrayLike<number>, o: PgdOptions, box: PerturbationBox = {}): AttackResult {
  check(o.epsilon, 'ε');
  check(o.step, 'the PGD step');
  if (!Number.isInteger(o.iterations) || o.iterations < 0) throw new InputError(`PGD iterations must be a non-negative integer, got ${o.iterations}`, 'ATTACK');
  const d = clf.numFeatures;
  let x = rows.map((r) => [...r]);
  if (rows.length === 0 || o.epsilon === 0) return { rows: x, executions: 0 };
  let executions = 0;
  for (let t = 0; t < o.iterations; t++) {
    const g = clf.inputGradient(x, labels);
    executions += g.executions;
    x = x.map((r, b) =>
      r.map((v, j) => {
        const s = (box.scale?.[j] as number | undefined) ?? 1;
        const x0 = (rows[b] as readonly number[])[j] as number;
        const moved = v + o.step * s * Math.sign(g.gradient[b * d + j] as number);
        const projected = Math.min(x0 + o.epsilon * s, Math.max(x0 - o.epsilon * s, moved));
        return clipBox(projected, box);
      }),
    );
  }
  return { rows: x, executions };
}
