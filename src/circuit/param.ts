/**
 * Gate parameters as affine expressions over input features `x[i]` and trainable weights
 * `w[j]`: `c + Σ a_k·x[i_k] + Σ b_k·w[j_k]`, optionally with bilinear terms `a·w[j]·x[i]`
 * (data re-uploading scaled by trainable weights). A QNN is then one circuit template bound
 * to many (x, w) pairs, and gradients flow to both through the coefficients.
 */
import { InputError } from '../core/errors.js';

/** Where a term's value comes from: an input feature or a trainable weight. */
export type ParamSource = 'x' | 'w';

/** A reference to one input feature or weight. */
export interface ParamRef {
  readonly source: ParamSource;
  readonly index: number;
}

/** One term `coeff * source[index]`, times `factor` when present (a bilinear term). */
export interface ParamTerm extends ParamRef {
  readonly coeff: number;
  readonly factor?: ParamRef;
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

  /** General constructor; merges repeated terms and drops zero coefficients. */
  static affine(constant: number, terms: readonly ParamTerm[]): Param {
    if (!Number.isFinite(constant)) throw new InputError(`gate parameter must be finite, got ${constant}`, 'NOT_FINITE');
    const merged = new Map<string, ParamTerm>();
    for (const t of terms) {
      checkIndex(t.index, t.source);
      if (t.factor) checkIndex(t.factor.index, t.factor.source);
      if (!Number.isFinite(t.coeff)) throw new InputError(`coefficient of ${t.source}[${t.index}] must be finite, got ${t.coeff}`, 'NOT_FINITE');
      const norm = normaliseTerm(t);
      const key = termKey(norm);
      const prev = merged.get(key);
      merged.set(key, { ...norm, coeff: (prev?.coeff ?? 0) + norm.coeff });
    }
    const kept = [...merged.values()].filter((t) => t.coeff !== 0);
    kept.sort((a, b) => (termKey(a) < termKey(b) ? -1 : termKey(a) > termKey(b) ? 1 : 0));
    return new Param(constant, kept);
  }

  /** The bilinear term `coeff · a · b` (e.g. `w[j]·x[i]` for trainable input scaling). */
  static bilinear(a: ParamRef, b: ParamRef, coeff = 1): Param {
    return Param.affine(0, [{ source: a.source, index: a.index, coeff, factor: { source: b.source, index: b.index } }]);
  }

  /**
   * The product of two expressions, as long as the result is at most bilinear (no term may be
   * multiplied by another term that is already a product).
   */
  times(other: ParamLike): Param {
    const o = Param.from(other);
    const terms: ParamTerm[] = [];
    for (const t of this.terms) terms.push({ ...t, coeff: t.coeff * o.constant });
    for (const t of o.terms) terms.push({ ...t, coeff: t.coeff * this.constant });
    for (const a of this.terms) {
      for (const b of o.terms) {
        if (a.factor || b.factor) throw new InputError(`cannot multiply ${this.toString()} by ${o.toString()}: parameters are at most bilinear`, 'UNSUPPORTED');
        terms.push({ source: a.source, index: a.index, coeff: a.coeff * b.coeff, factor: { source: b.source, index: b.index } });
      }
    }
    return Param.affine(this.constant * o.constant, terms);
  }

  get isConstant(): boolean {
    return this.terms.length === 0;
  }

  /** True when some term reads an input feature. */
  get dependsOnInputs(): boolean {
    return this.terms.some((t) => t.source === 'x' || t.factor?.source === 'x');
  }

  /** True when some term reads a trainable weight. */
  get dependsOnWeights(): boolean {
    return this.terms.some((t) => t.source === 'w' || t.factor?.source === 'w');
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
    const read = (r: ParamRef): number => {
      const src = r.source === 'x' ? x : w;
      if (src === undefined || r.index >= src.length) {
        throw new InputError(`parameter needs ${r.source}[${r.index}] but only ${src?.length ?? 0} ${r.source === 'x' ? 'input features' : 'weights'} were given`, 'SHAPE');
      }
      return src[r.index] as number;
    };
    let v = this.constant;
    for (const t of this.terms) v += t.coeff * read(t) * (t.factor ? read(t.factor) : 1);
    return v;
  }

  /** Structural equality (same constant and terms). */
  equals(other: Param): boolean {
    if (this.constant !== other.constant || this.terms.length !== other.terms.length) return false;
    return this.terms.every((t, i) => {
      const o = other.terms[i] as ParamTerm;
      return termKey(t) === termKey(o) && t.coeff === o.coeff;
    });
  }

  /** Text form such as `0.5*w[3] + x[1] + 0.2` (for people; OpenQASM 3 export writes `x_1`). */
  toString(): string {
    const parts: string[] = [];
    for (const t of this.terms) {
      const name = `${t.source}[${t.index}]${t.factor ? `*${t.factor.source}[${t.factor.index}]` : ''}`;
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

/** Puts a bilinear term's two references in a canonical order (x before w, then by index). */
function normaliseTerm(t: ParamTerm): ParamTerm {
  if (!t.factor) return { source: t.source, index: t.index, coeff: t.coeff };
  const a = refKey(t);
  const b = refKey(t.factor);
  return a <= b
    ? { source: t.source, index: t.index, coeff: t.coeff, factor: { source: t.factor.source, index: t.factor.index } }
    : { source: t.factor.source, index: t.factor.index, coeff: t.coeff, factor: { source: t.source, index: t.index } };
}

function refKey(r: ParamRef): string {
  return `${r.source === 'x' ? 0 : 1}${String(r.index).padStart(9, '0')}`;
}

function termKey(t: ParamTerm): string {
  return t.factor ? `${refKey(t)}*${refKey(t.factor)}` : refKey(t);
}

function checkIndex(index: number, source: string): void {
  if (!Number.isInteger(index) || index < 0) throw new InputError(`${source} index must be a non-negative integer, got ${index}`, 'SHAPE');
}

/** Shortest decimal form that reads back to the same double. */
export function formatNumber(v: number): string {
  return String(v);
}
