/**
 * Numbers and parameter expressions as the exporters write them: every written number reads
 * back to the same double (shortest round-trip decimal, or a multiple of pi when that is the
 * exact same double), and affine parameters read back to the same {@link Param}.
 */
import type { Param, ParamSource } from '../param.js';

const PI_DENOMINATORS = [1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 128, 256, 512, 1024];
const MAX_PI_NUMERATOR = 4096;

/**
 * `n*pi/d` when the importer's evaluation of that text, `(n * pi) / d`, is exactly `a` (> 0).
 */
function piMultiple(a: number): string | undefined {
  for (const d of PI_DENOMINATORS) {
    const n = Math.round((a * d) / Math.PI);
    if (n < 1 || n > MAX_PI_NUMERATOR) continue;
    if ((n * Math.PI) / d !== a) continue;
    const num = n === 1 ? 'pi' : `${n}*pi`;
    return d === 1 ? num : `${num}/${d}`;
  }
  return undefined;
}

/** A real number as OpenQASM text that evaluates back to exactly `v`. */
export function formatReal(v: number): string {
  if (!Number.isFinite(v)) throw new RangeError(`cannot write the non-finite number ${v}`);
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0';
  const pi = piMultiple(Math.abs(v));
  if (pi) return v < 0 ? `-${pi}` : pi;
  const s = String(v);
  const e = s.indexOf('e');
  // OpenQASM 2 reals need a decimal point before the exponent ("1.0e-07", not "1e-7").
  if (e >= 0 && !s.slice(0, e).includes('.')) return `${s.slice(0, e)}.0${s.slice(e)}`;
  return s;
}

/** The OpenQASM 3 input variable of an input feature (`x_3`) or weight (`w_0`). */
export function inputName(source: ParamSource, index: number): string {
  return `${source}_${index}`;
}

/**
 * A parameter: a number, or (OpenQASM 3) an affine expression such as `0.5*w_3 + x_1 - 0.2`,
 * with bilinear terms written as products (`2*w_0*x_3`).
 */
export function formatParam(p: Param): string {
  if (p.isConstant) return formatReal(p.constant);
  const parts: string[] = [];
  for (const t of p.terms) {
    const name = inputName(t.source, t.index) + (t.factor ? `*${inputName(t.factor.source, t.factor.index)}` : '');
    if (t.coeff === 1) parts.push(name);
    else if (t.coeff === -1) parts.push(`-${name}`);
    else parts.push(`${formatReal(t.coeff)}*${name}`);
  }
  if (p.constant !== 0) parts.push(formatReal(p.constant));
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i] as string;
    out += part.startsWith('-') ? ` - ${part.slice(1)}` : ` + ${part}`;
  }
  return out;
}
