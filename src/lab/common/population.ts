/**
 * A generative stand-in for "the real data distribution": one multivariate normal per class,
 * fitted (mean and full covariance) to a data set, with class frequencies as in the data.
 * Honest API clients draw their queries from it, and held-out agreement between a substitute
 * and its victim is measured on it — an unlimited supply of fresh, realistic, continuous inputs
 * (resampling the 150 Iris rows would repeat exact duplicates, which no real client sends).
 */
import { InputError } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';
import type { Dataset } from '../../data/dataset.js';

interface ClassGaussian {
  readonly mean: Float64Array;
  /** Lower Cholesky factor of the covariance, d × d row-major. */
  readonly chol: Float64Array;
  readonly weight: number;
}

/** Rows and their generating class. */
export interface PopulationSample {
  readonly rows: number[][];
  readonly labels: Int32Array;
}

function cholesky(a: Float64Array, d: number, what: string): Float64Array {
  const l = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * d + j] as number;
      for (let k = 0; k < j; k++) s -= (l[i * d + k] as number) * (l[j * d + k] as number);
      if (i === j) {
        if (!(s > 0)) throw new InputError(`${what}: the covariance is not positive definite (a feature is constant within the class)`, 'POPULATION');
        l[i * d + i] = Math.sqrt(s);
      } else l[i * d + j] = s / (l[j * d + j] as number);
    }
  }
  return l;
}

/** Class-conditional Gaussian model of a data set. */
export class GaussianPopulation {
  readonly dimension: number;
  private readonly classes: readonly ClassGaussian[];

  private constructor(dimension: number, classes: readonly ClassGaussian[]) {
    this.dimension = dimension;
    this.classes = classes;
  }

  /** Fits one Gaussian per class of `ds` (needs more rows than features in every class). */
  static fit(ds: Dataset): GaussianPopulation {
    const d = ds.features.cols;
    const n = ds.features.rows;
    const classes: ClassGaussian[] = [];
    ds.classNames.forEach((name, c) => {
      const rows: number[] = [];
      for (let i = 0; i < n; i++) if (ds.labels[i] === c) rows.push(i);
      if (rows.length <= d) throw new InputError(`class "${name}" of ${ds.name} has ${rows.length} row(s); fitting a ${d}-dimensional Gaussian needs more than ${d}`, 'POPULATION');
      const mean = new Float64Array(d);
      for (const i of rows) for (let j = 0; j < d; j++) mean[j] = (mean[j] as number) + (ds.features.data[i * d + j] as number) / rows.length;
      const cov = new Float64Array(d * d);
      for (const i of rows) {
        for (let a = 0; a < d; a++) {
          const da = (ds.features.data[i * d + a] as number) - (mean[a] as number);
          for (let b = 0; b < d; b++) cov[a * d + b] = (cov[a * d + b] as number) + (da * ((ds.features.data[i * d + b] as number) - (mean[b] as number))) / (rows.length - 1);
        }
      }
      classes.push({ mean, chol: cholesky(cov, d, `class "${name}" of ${ds.name}`), weight: rows.length / n });
    });
    return new GaussianPopulation(d, classes);
  }

  /**
   * Squared Mahalanobis distance of `x` to the nearest class Gaussian, min_c ‖L_c⁻¹(x − μ_c)‖²:
   * how far a query lies from every cluster of the data.
   */
  nearestMahalanobis2(x: ArrayLike<number>): number {
    const d = this.dimension;
    if (x.length !== d) throw new InputError(`a ${d}-feature population cannot score a row of ${x.length} features`, 'SHAPE');
    let best = Number.POSITIVE_INFINITY;
    const y = new Float64Array(d);
    for (const g of this.classes) {
      let s = 0;
      for (let i = 0; i < d; i++) {
        let v = (x[i] as number) - (g.mean[i] as number);
        for (let k = 0; k < i; k++) v -= (g.chol[i * d + k] as number) * (y[k] as number);
        y[i] = v / (g.chol[i * d + i] as number);
        s += (y[i] as number) ** 2;
      }
      best = Math.min(best, s);
    }
    return best;
  }

  /** Draws `count` rows (class by the data's frequencies, then x = μ_c + L_c z). */
  sample(count: number, rng: Rng): PopulationSample {
    const d = this.dimension;
    const rows: number[][] = [];
    const labels = new Int32Array(count);
    for (let s = 0; s < count; s++) {
      let u = rng.random();
      let c = 0;
      while (c < this.classes.length - 1 && u >= (this.classes[c] as ClassGaussian).weight) {
        u -= (this.classes[c] as ClassGaussian).weight;
        c++;
      }
      const g = this.classes[c] as ClassGaussian;
      const z = Array.from({ length: d }, () => rng.normal(0, 1));
      const x = new Array<number>(d);
      for (let i = 0; i < d; i++) {
        let v = g.mean[i] as number;
        for (let k = 0; k <= i; k++) v += (g.chol[i * d + k] as number) * (z[k] as number);
        x[i] = v;
      }
      rows.push(x);
      labels[s] = c;
    }
    return { rows, labels };
  }
}
