/**
 * The Shapiro–Wilk W statistic of normality, with the coefficients of Royston's approximation
 * (Royston 1992, "Approximating the Shapiro-Wilk W-test for non-normality", Statistics and
 * Computing 2:117–119; algorithm AS R94, 1995), valid for 3 ≤ n ≤ 5000. W is near 1 for a
 * normal sample and smaller the further the sample is from normal. PRADA (Juuti et al., EuroS&P
 * 2019) thresholds W of the stream of a client's minimum query distances.
 */
import { InputError } from '../../core/errors.js';

/** Largest sample Royston's approximation covers. */
export const SHAPIRO_WILK_MAX_N = 5000;

const C1 = [0, 0.221157, -0.147981, -2.07119, 4.434685, -2.706056];
const C2 = [0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633];

function poly(c: readonly number[], x: number): number {
  let r = 0;
  for (let i = c.length - 1; i >= 0; i--) r = r * x + (c[i] as number);
  return r;
}

/**
 * Inverse of the standard normal CDF (Acklam's rational approximation, relative error below
 * 1.2e-9 — far below what Royston's coefficients need).
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new InputError(`normal quantile needs 0 < p < 1, got ${p}`, 'DOMAIN');
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  const at = (k: readonly number[], i: number) => k[i] as number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((at(c, 0) * q + at(c, 1)) * q + at(c, 2)) * q + at(c, 3)) * q + at(c, 4)) * q + at(c, 5)) / ((((at(d, 0) * q + at(d, 1)) * q + at(d, 2)) * q + at(d, 3)) * q + 1);
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((at(a, 0) * r + at(a, 1)) * r + at(a, 2)) * r + at(a, 3)) * r + at(a, 4)) * r + at(a, 5)) * q) / (((((at(b, 0) * r + at(b, 1)) * r + at(b, 2)) * r + at(b, 3)) * r + at(b, 4)) * r + 1);
}

/** Royston's coefficients a_1..a_{⌊n/2⌋} for the upper half of the ordered sample. */
function coefficients(n: number): Float64Array {
  const half = Math.floor(n / 2);
  const a = new Float64Array(half);
  if (n === 3) {
    a[0] = Math.SQRT1_2;
    return a;
  }
  // m_i: expected normal order statistics of the lower half (negative), Blom's approximation.
  const m = new Float64Array(half);
  let summ2 = 0;
  for (let i = 0; i < half; i++) {
    m[i] = normalQuantile((i + 1 - 0.375) / (n + 0.25));
    summ2 += (m[i] as number) ** 2;
  }
  summ2 *= 2;
  const ssumm2 = Math.sqrt(summ2);
  const rsn = 1 / Math.sqrt(n);
  const m0 = m[0] as number;
  const a1 = poly(C1, rsn) - m0 / ssumm2;
  let first: number;
  let fac: number;
  if (n > 5) {
    const m1 = m[1] as number;
    const a2 = -m1 / ssumm2 + poly(C2, rsn);
    fac = Math.sqrt((summ2 - 2 * m0 * m0 - 2 * m1 * m1) / (1 - 2 * a1 * a1 - 2 * a2 * a2));
    a[1] = a2;
    first = 2;
  } else {
    fac = Math.sqrt((summ2 - 2 * m0 * m0) / (1 - 2 * a1 * a1));
    first = 1;
  }
  a[0] = a1;
  for (let i = first; i < half; i++) a[i] = -(m[i] as number) / fac;
  return a;
}

/**
 * W of `values` (3 ≤ n ≤ 5000, not all equal). Throws an InputError naming what is wrong
 * otherwise.
 */
export function shapiroWilkW(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 3 || n > SHAPIRO_WILK_MAX_N) throw new InputError(`the Shapiro–Wilk test needs 3 to ${SHAPIRO_WILK_MAX_N} values, got ${n}`, 'DOMAIN');
  const x = Float64Array.from(values as ArrayLike<number>);
  for (let i = 0; i < n; i++) if (!Number.isFinite(x[i] as number)) throw new InputError(`Shapiro–Wilk value ${i} is ${x[i]}; values must be finite`, 'NOT_FINITE');
  x.sort();
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i] as number;
  mean /= n;
  let ssq = 0;
  for (let i = 0; i < n; i++) ssq += ((x[i] as number) - mean) ** 2;
  if (!(ssq > 0)) throw new InputError('the Shapiro–Wilk test is undefined for values that are all equal', 'DOMAIN');
  const a = coefficients(n);
  let num = 0;
  for (let i = 0; i < a.length; i++) num += (a[i] as number) * ((x[n - 1 - i] as number) - (x[i] as number));
  return Math.min(1, (num * num) / ssq);
}
