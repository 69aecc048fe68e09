/**
 * Evaluation of parameter expressions. A value is a number or, in OpenQASM 3 programs with
 * `input` variables, an affine {@link Param} over qmlsec's inputs x[i] and weights w[j].
 * Anything that would leave the affine world (x_0 * x_1, sin(x_0)) or produce a non-finite
 * number is an error located at the offending sub-expression.
 */
import { InputError, ParseError, type SourceLocation } from '../../core/errors.js';
import { Param } from '../param.js';
import type { BinaryOp, Expr, FunctionName } from './expression.js';

/** A number, or a Param that reads at least one input or weight. */
export type Value = number | Param;

const FUNCTIONS: Readonly<Record<FunctionName, (v: number) => number>> = {
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  exp: Math.exp,
  ln: Math.log,
  log: Math.log,
  sqrt: Math.sqrt,
  arcsin: Math.asin,
  arccos: Math.acos,
  arctan: Math.atan,
};

/**
 * Evaluates `e`; `args` are the values of the enclosing gate's formal parameters and
 * `context` (e.g. "while expanding gate 'foo' called at 3:1") is appended to error messages.
 */
export function evaluate(e: Expr, args: readonly Value[], context = ''): Value {
  switch (e.kind) {
    case 'num':
    case 'const':
      return e.value;
    case 'param':
      return args[e.index] as Value;
    case 'input':
      return e.value;
    case 'neg': {
      const v = evaluate(e.arg, args, context);
      return typeof v === 'number' ? -v : v.neg();
    }
    case 'call': {
      const v = evaluate(e.arg, args, context);
      if (typeof v !== 'number') throw nonAffine(`${e.fn}() of an input-dependent value`, e.loc, context);
      return finite(FUNCTIONS[e.fn](v), e.loc, context, () => `${e.fn}(${v})`);
    }
    case 'bin': {
      const l = evaluate(e.left, args, context);
      const r = evaluate(e.right, args, context);
      if (typeof l === 'number' && typeof r === 'number') return binaryNumber(e.op, l, r, e.loc, context);
      try {
        return binaryAffine(e.op, l, r, e.loc, context);
      } catch (err) {
        if (err instanceof InputError && !(err instanceof ParseError)) throw new ParseError(`${err.message}${context}`, e.loc, 'QASM_NOT_FINITE');
        throw err;
      }
    }
  }
}

function binaryNumber(op: BinaryOp, l: number, r: number, loc: SourceLocation, context: string): number {
  switch (op) {
    case '+':
      return finite(l + r, loc, context, () => `${l} + ${r}`);
    case '-':
      return finite(l - r, loc, context, () => `${l} - ${r}`);
    case '*':
      return finite(l * r, loc, context, () => `${l} * ${r}`);
    case '/':
      if (r === 0) throw new ParseError(`division by zero (${l} / 0)${context}`, loc, 'QASM_NOT_FINITE');
      return finite(l / r, loc, context, () => `${l} / ${r}`);
    case '^':
      return finite(l ** r, loc, context, () => `${l} ^ ${r}`);
  }
}

function binaryAffine(op: BinaryOp, l: Value, r: Value, loc: SourceLocation, context: string): Value {
  switch (op) {
    case '+':
      return normalize(Param.from(l).add(r));
    case '-':
      return normalize(Param.from(l).sub(r));
    case '*':
      if (typeof l === 'number') return normalize((r as Param).mul(l));
      if (typeof r === 'number') return normalize(l.mul(r));
      try {
        return normalize(l.times(r));
      } catch {
        throw nonAffine('a product of more than two input-dependent values', loc, context);
      }
    case '/': {
      if (typeof r !== 'number') throw nonAffine('a division by an input-dependent value', loc, context);
      if (r === 0) throw new ParseError(`division by zero${context}`, loc, 'QASM_NOT_FINITE');
      const p = l as Param;
      const constant = finite(p.constant / r, loc, context, () => `${p.constant} / ${r}`);
      const terms = p.terms.map((t) => ({ ...t, coeff: finite(t.coeff / r, loc, context, () => `${t.coeff} / ${r}`) }));
      return normalize(Param.affine(constant, terms));
    }
    case '^':
      throw nonAffine('a power of an input-dependent value', loc, context);
  }
}

/** A Param without terms becomes its constant. */
function normalize(p: Param): Value {
  return p.isConstant ? p.constant : p;
}

function finite(v: number, loc: SourceLocation, context: string, describe: () => string): number {
  if (Number.isFinite(v)) return v;
  throw new ParseError(`expression is not a finite number: ${describe()} = ${v}${context}`, loc, 'QASM_NOT_FINITE');
}

function nonAffine(what: string, loc: SourceLocation, context: string): ParseError {
  return new ParseError(`gate parameters must be affine or bilinear in the inputs (c + a·x_i + b·w_j + d·w_j·x_i); this is ${what}${context}`, loc, 'QASM_UNSUPPORTED');
}

/** The value as a Param (numbers become constants). */
export function toParam(v: Value): Param {
  return typeof v === 'number' ? Param.constant(v) : v;
}
