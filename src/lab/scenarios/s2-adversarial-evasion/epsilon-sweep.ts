/**
 * Accuracy under attack across an ε sweep: clean (ε = 0), white-box FGSM and PGD against the
 * model itself, and — when a source model is given — transfer: PGD crafted on the source and
 * evaluated on the target.
 */
import { fgsm, pgd, type PerturbationBox, type PgdOptions } from '../../common/adversarial.js';
import { accuracyOf, type DifferentiableClassifier } from '../../common/classifier.js';
import type { SeriesPoint } from '../../scenario.js';

/** Accuracies at one ε. */
export interface EpsilonPoint {
  readonly epsilon: number;
  readonly fgsm: number;
  readonly pgd: number;
  readonly transfer?: number;
}

/** A sweep's points and the row executions its gradients cost. */
export interface EpsilonSweep {
  readonly clean: number;
  readonly points: readonly EpsilonPoint[];
  readonly executions: number;
}

/** What to attack and how. */
export interface SweepTarget {
  readonly model: DifferentiableClassifier;
  readonly rows: readonly (readonly number[])[];
  readonly labels: ArrayLike<number>;
  readonly epsilons: readonly number[];
  readonly pgd: (epsilon: number) => PgdOptions;
  readonly box: PerturbationBox;
  /** Transfer source (adversarial rows crafted on it with the same PGD). */
  readonly source?: DifferentiableClassifier;
  /** Skip FGSM (only PGD, e.g. to re-evaluate a hardened model). */
  readonly pgdOnly?: boolean;
}

/** Runs the sweep. */
export function epsilonSweep(t: SweepTarget): EpsilonSweep {
  let executions = 0;
  const points = t.epsilons.map((epsilon): EpsilonPoint => {
    const f = t.pgdOnly ? undefined : fgsm(t.model, t.rows, t.labels, epsilon, t.box);
    const p = pgd(t.model, t.rows, t.labels, t.pgd(epsilon), t.box);
    const s = t.source ? pgd(t.source, t.rows, t.labels, t.pgd(epsilon), t.box) : undefined;
    executions += (f?.executions ?? 0) + p.executions + (s?.executions ?? 0);
    return {
      epsilon,
      fgsm: f ? accuracyOf(t.model, f.rows, t.labels) : Number.NaN,
      pgd: accuracyOf(t.model, p.rows, t.labels),
      ...(s ? { transfer: accuracyOf(t.model, s.rows, t.labels) } : {}),
    };
  });
  return { clean: accuracyOf(t.model, t.rows, t.labels), points, executions };
}

const LINE = { fgsm: 'FGSM', pgd: 'PGD', transfer: 'transfer' } as const;

/**
 * One chart's lines (`"<chart>: FGSM<suffix>"`, `…: PGD<suffix>`, `…: transfer<suffix>`), each
 * starting at the clean accuracy (ε = 0).
 */
export function sweepSeries(chart: string, s: EpsilonSweep, suffix = ''): SeriesPoint[] {
  const out: SeriesPoint[] = [];
  const kinds = (['fgsm', 'pgd', 'transfer'] as const).filter((k) => s.points.some((p) => Number.isFinite(p[k] ?? Number.NaN)));
  for (const k of kinds) {
    const series = `${chart}: ${LINE[k]}${suffix}`;
    out.push({ series, x: 0, y: s.clean });
    for (const p of s.points) out.push({ series, x: p.epsilon, y: p[k] as number });
  }
  return out;
}

/** The point at ε (which the sweep contains). */
export function at(s: EpsilonSweep, epsilon: number): EpsilonPoint {
  const p = s.points.find((q) => q.epsilon === epsilon);
  if (!p) throw new RangeError(`the sweep has no point at ε = ${epsilon}`);
  return p;
}
