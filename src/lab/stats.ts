/** Summary statistics over seeds: mean and a 95 % confidence interval (Student t). */

/** Two-sided 95 % Student-t critical values for 1..30 degrees of freedom. */
const T95 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

export interface Summary {
  readonly mean: number;
  /** 95 % confidence interval of the mean; [mean, mean] for a single seed. */
  readonly ci95: readonly [number, number];
  readonly n: number;
  readonly values: readonly number[];
}

export function tCritical95(df: number): number {
  if (df < 1) return Number.NaN;
  return df <= 30 ? (T95[df - 1] as number) : 1.96;
}

/** Mean and t-based 95 % CI of the finite values (NaN-free). */
export function summarize(values: readonly number[]): Summary {
  const v = values.filter((x) => Number.isFinite(x));
  const n = v.length;
  if (n === 0) return { mean: Number.NaN, ci95: [Number.NaN, Number.NaN], n: 0, values: [] };
  const mean = v.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { mean, ci95: [mean, mean], n, values: v };
  const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  const half = (tCritical95(n - 1) * sd) / Math.sqrt(n);
  return { mean, ci95: [mean - half, mean + half], n, values: v };
}
