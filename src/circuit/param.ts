/**
 * Gate parameters as affine expressions over input features `x[i]` and trainable weights
 * `w[j]`: `c + Σ a_k·x[i_k] + Σ b_k·w[j_k]`. A QNN is then one circuit template bound to many
 * (x, w) pairs, and gradients flow to both through the coefficients.
 */
import { InputError } from '../core/errors.js';

/** Where a term's value comes from: an input feature or a trainable weight. */
export type ParamSource = 'x' | 'w';

/** One term `coeff * source[index]`. */
export interface ParamTerm {
  readonly source: ParamSource;
  readonly index: number;
  readonly coeff: number;
}

/** An immutable affine parameter expression. */
export class Param {
  readonly constant: number;
  readonly terms: readonly ParamTerm[];

  private constructor(constant: number, terms: readonly ParamTerm[]) {
    this.constant = constant;
    this.terms = terms;
  }

  /** A constant angle. */
  static constant(value: number): Param {
    if (!Number.isFinite(value)) throw new InputError(`gate parameter must be finite, got ${value}`, 'NOT_FINITE');
    return new Param(value, []);
  }

  /** The input feature `x[index]`. */
  static input(index: number): Param {
    checkIndex(index, 'x');
    return new Param(0, [{ source: 'x', index, coeff: 1 }]);
  }

  /** The trainable weight `w[index]`. */
  static weight(index: number): Param {
    checkIndex(index, 'w');
    return new Param(0, [{ source: 'w', index, coeff: 1 }]);
  }

  /** Builds a Param from a number or returns the Param itself. */
  static from(value: ParamLike): Param {
    return value instanceof Param ? value : Param.constant(value);
  }

  /** General constructor; merges repeated sources and drops zero coefficients. */
  static affine(constant: number, terms: readonly ParamTerm[]): Param {
    if (!Number.isFinite(constant)) throw new InputError(`gate parameter must be finite, got ${constant}`, 'NOT_FINITE');
    const merged = new Map<string, ParamTerm>();
    for (const t of terms) {
      checkIndex(t.index, t.source);
      if (!Number.isFinite(t.coeff)) throw new InputError(`coefficient of ${t.source}[${t.index}] must be finite, got ${t.coeff}`, 'NOT_FINITE');
      const key = `${t.source}${t.index}`;
      const prev = merged.get(key);
      merged.set(key, { source: t.source, index: t.index, coeff: (prev?.coeff ?? 0) + t.coeff });
    }
    const kept = [...merged.values()].filter((t) => t.coeff !== 0);
    kept.sort((a, b) => (a.source === b.source ? a.index - b.index : a.source < b.source ? 1 : -1));
    return new Param(constant, kept);
  }

  get isConstant(): boolean {
    return this.terms.length === 0;
  }

  /** True when some term reads an input feature. */
  get dependsOnInputs(): boolean {
    return this.terms.some((t) => t.source === 'x');
  }

  /** True when some term reads a trainable weight. */
  get dependsOnWeights(): boolean {
    return this.terms.some((t) => t.source === 'w');
  }

  add(other: ParamLike): Param {
    const o = Param.from(other);
    return Param.affine(this.constant + o.constant, [...this.terms, ...o.terms]);
  }

  sub(other: ParamLike): Param {
    return this.add(Param.from(other).neg());
  }

  mul(k: number): Param {
    if (!Number.isFinite(k)) throw new InputError(`parameter scale factor must be finite, got ${k}`, 'NOT_FINITE');
    return Param.affine(this.constant * k, this.terms.map((t) => ({ ...t, coeff: t.coeff * k })));
  }

  neg(): Param {
    return this.mul(-1);
  }

  /** The value for features `x` and weights `w`. */
  evaluate(x?: ArrayLike<number>, w?: ArrayLike<number>): number {
    let v = this.constant;
    for (const t of this.terms) {
      const src = t.source === 'x' ? x : w;
      if (src === undefined || t.index >= src.length) {
        throw new InputError(`parameter needs ${t.source}[${t.index}] but only ${src?.length ?? 0} ${t.source === 'x' ? 'input features' : 'weights'} were given`, 'SHAPE');
      }
      v += t.coeff * (src[t.index] as number);
    }
    return v;
  }

  /** Structural equality (same constant and terms). */
  equals(other: Param): boolean {
    if (this.constant !== other.constant || this.terms.length !== other.terms.length) return false;
    return this.terms.every((t, i) => {
      const o = other.terms[i] as ParamTerm;
      return t.source === o.source && t.index === o.index && t.coeff === o.coeff;
    });
  }

  /** Text form such as `0.5*w[3] + x[1] + 0.2` (readable by the QASM importer as an expression). */
  toString(): string {
    const parts: string[] = [];
    for (const t of this.terms) {
      const name = `${t.source}[${t.index}]`;
      if (t.coeff === 1) parts.push(name);
      else if (t.coeff === -1) parts.push(`-${name}`);
      else parts.push(`${formatNumber(t.coeff)}*${name}`);
    }
    if (this.constant !== 0 || parts.length === 0) parts.push(formatNumber(this.constant));
    return parts.join(' + ').replace(/\+ -/g, '- ');
  }
}

/** A number or a Param. */
export type ParamLike = number | Param;

/** Shorthand for {@link Param.input}. */
export function x(index: number): Param {
  return Param.input(index);
}

/** Shorthand for {@link Param.weight}. */
export function w(index: number): Param {
  return Param.weight(index);
}

function checkIndex(index: number, source: string): void {
  if (!Number.isInteger(index) || index < 0) throw new InputError(`${source} index must be a non-negative integer, got ${index}`, 'SHAPE');
}

/** Shortest exact decimal form of a number (17 significant digits at most). */
export function formatNumber(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return String(v);
}
