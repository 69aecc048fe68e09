/**
 * Parameter expressions: the syntax tree, a precedence-climbing parser and a printer that
 * writes a tree back so that it re-parses to the same tree (and so to the same floating-point
 * value).
 *
 * Precedence, loosest first: `+ -` (left), `* /` (left), unary `-`, power (right; `^` in
 * OpenQASM 2, `**` in OpenQASM 3). So `-2^2` is -4 and `2^-1` is 0.5, as in Python.
 */
import type { SourceLocation } from '../../core/errors.js';
import type { Param } from '../param.js';
import { describeToken, type Token, type TokenStream } from './token-stream.js';

/** A named mathematical constant. */
export type ConstantName = 'pi' | 'tau' | 'euler';

/** The functions expressions may call. */
export type FunctionName = 'sin' | 'cos' | 'tan' | 'exp' | 'ln' | 'sqrt' | 'arcsin' | 'arccos' | 'arctan' | 'log';

/** Binary operators; `^` stands for the power operator of either version. */
export type BinaryOp = '+' | '-' | '*' | '/' | '^';

/** An expression node; every node carries the location of its first token. */
export type Expr =
  | { readonly kind: 'num'; readonly value: number; readonly loc: SourceLocation }
  | { readonly kind: 'const'; readonly name: ConstantName; readonly value: number; readonly loc: SourceLocation }
  /** A formal parameter of the enclosing gate definition, by position. */
  | { readonly kind: 'param'; readonly index: number; readonly name: string; readonly loc: SourceLocation }
  /** An OpenQASM 3 `input` variable, already mapped to qmlsec's x[i] / w[j]. */
  | { readonly kind: 'input'; readonly name: string; readonly value: Param; readonly loc: SourceLocation }
  | { readonly kind: 'neg'; readonly arg: Expr; readonly loc: SourceLocation }
  | { readonly kind: 'bin'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr; readonly loc: SourceLocation }
  | { readonly kind: 'call'; readonly fn: FunctionName; readonly arg: Expr; readonly loc: SourceLocation };

const CONSTANTS: ReadonlyMap<string, { name: ConstantName; value: number; v3Only: boolean }> = new Map(Object.entries({
  pi: { name: 'pi', value: Math.PI, v3Only: false },
  π: { name: 'pi', value: Math.PI, v3Only: true },
  tau: { name: 'tau', value: 2 * Math.PI, v3Only: true },
  τ: { name: 'tau', value: 2 * Math.PI, v3Only: true },
  euler: { name: 'euler', value: Math.E, v3Only: true },
  ℇ: { name: 'euler', value: Math.E, v3Only: true },
}) as [string, { name: ConstantName; value: number; v3Only: boolean }][]);

const FUNCTIONS_V2: ReadonlySet<string> = new Set(['sin', 'cos', 'tan', 'exp', 'ln', 'sqrt']);
const FUNCTIONS_V3: ReadonlySet<string> = new Set([...FUNCTIONS_V2, 'arcsin', 'arccos', 'arctan', 'log']);

/**
 * Turns an identifier inside an expression into a node (a gate's formal parameter or an
 * input variable), or returns undefined when the name means nothing here.
 */
export type IdentifierResolver = (name: string, token: Token, loc: SourceLocation) => Expr | undefined;

/** Options of {@link parseExpression}. */
export interface ExpressionSyntax {
  readonly version: 2 | 3;
  readonly resolve: IdentifierResolver;
  /** Names the place, for "unknown identifier 'x' in <where>". */
  readonly where: string;
}

/** Parses one expression from the stream. */
export function parseExpression(ts: TokenStream, syntax: ExpressionSyntax): Expr {
  return parseSum(ts, syntax);
}

function parseSum(ts: TokenStream, s: ExpressionSyntax): Expr {
  let left = parseProduct(ts, s);
  while (ts.is('+') || ts.is('-')) {
    const op = ts.next().text as '+' | '-';
    const right = parseProduct(ts, s);
    left = { kind: 'bin', op, left, right, loc: left.loc };
  }
  return left;
}

function parseProduct(ts: TokenStream, s: ExpressionSyntax): Expr {
  let left = parseUnary(ts, s);
  while (ts.is('*') || ts.is('/')) {
    const op = ts.next().text as '*' | '/';
    const right = parseUnary(ts, s);
    left = { kind: 'bin', op, left, right, loc: left.loc };
  }
  return left;
}

function parseUnary(ts: TokenStream, s: ExpressionSyntax): Expr {
  if (ts.is('-')) {
    const t = ts.next();
    return { kind: 'neg', arg: parseUnary(ts, s), loc: ts.loc(t) };
  }
  if (ts.is('+') && s.version === 3) {
    ts.next();
    return parseUnary(ts, s);
  }
  return parsePower(ts, s);
}

function parsePower(ts: TokenStream, s: ExpressionSyntax): Expr {
  const base = parsePrimary(ts, s);
  const powerOp = s.version === 2 ? '^' : '**';
  if (ts.is(powerOp)) {
    ts.next();
    const exponent = parseUnary(ts, s);
    return { kind: 'bin', op: '^', left: base, right: exponent, loc: base.loc };
  }
  if (s.version === 3 && ts.is('^')) throw ts.error(ts.peek(), "'^' is bitwise XOR in OpenQASM 3, which gate parameters do not support; write powers as '**'", 'QASM_UNSUPPORTED');
  if (s.version === 2 && ts.is('**')) throw ts.error(ts.peek(), "OpenQASM 2 writes powers as '^', not '**'");
  return base;
}

function parsePrimary(ts: TokenStream, s: ExpressionSyntax): Expr {
  const t = ts.peek();
  const loc = ts.loc(t);
  if (t.kind === 'int' || t.kind === 'real') {
    ts.next();
    const value = Number(t.text);
    if (!Number.isFinite(value)) throw ts.error(t, `number ${t.text} is too large for a double`, 'QASM_NOT_FINITE');
    return { kind: 'num', value, loc };
  }
  if (t.kind === 'punct' && t.text === '(') {
    ts.next();
    const inner = parseSum(ts, s);
    ts.expect(')', 'to close the parenthesis');
    return inner;
  }
  if (t.kind === 'id') {
    ts.next();
    const functions = s.version === 2 ? FUNCTIONS_V2 : FUNCTIONS_V3;
    if (functions.has(t.text) && ts.is('(')) {
      ts.next();
      const arg = parseSum(ts, s);
      ts.expect(')', `to close the call of ${t.text}`);
      return { kind: 'call', fn: t.text as FunctionName, arg, loc };
    }
    const resolved = s.resolve(t.text, t, loc);
    if (resolved) return resolved;
    const constant = CONSTANTS.get(t.text);
    if (constant && (s.version === 3 || !constant.v3Only)) return { kind: 'const', name: constant.name, value: constant.value, loc };
    throw ts.error(t, `unknown identifier '${t.text}' in ${s.where}`, 'QASM_UNDECLARED');
  }
  throw ts.error(t, `expected an expression, found ${describeToken(t)}`);
}

// ---- printing

const LEVEL_SUM = 1;
const LEVEL_PRODUCT = 2;
const LEVEL_UNARY = 3;
const LEVEL_POWER = 4;
const LEVEL_ATOM = 5;

function level(e: Expr): number {
  switch (e.kind) {
    case 'bin':
      return e.op === '+' || e.op === '-' ? LEVEL_SUM : e.op === '^' ? LEVEL_POWER : LEVEL_PRODUCT;
    case 'neg':
      return LEVEL_UNARY;
    default:
      return LEVEL_ATOM;
  }
}

/** How the printer writes leaves. */
export interface PrintStyle {
  readonly version: 2 | 3;
  readonly number: (value: number) => string;
  readonly param: (index: number, name: string) => string;
  readonly input: (value: Param, name: string) => string;
}

/**
 * Writes an expression with the fewest parentheses that keep its tree: a left operand needs
 * at least its operator's level, a right operand strictly more (so `a - (b - c)` keeps its
 * parentheses and `(a + b) + c` loses them).
 */
export function printExpr(e: Expr, style: PrintStyle): string {
  const wrap = (child: Expr, minLevel: number): string => {
    const text = printExpr(child, style);
    return level(child) >= minLevel ? text : `(${text})`;
  };
  switch (e.kind) {
    case 'num': {
      const text = style.number(e.value);
      return text.startsWith('-') ? `(${text})` : text;
    }
    case 'const':
      return e.name;
    case 'param':
      return style.param(e.index, e.name);
    case 'input':
      return style.input(e.value, e.name);
    case 'neg':
      return `-${wrap(e.arg, LEVEL_UNARY)}`;
    case 'call':
      return `${e.fn}(${printExpr(e.arg, style)})`;
    case 'bin': {
      const l = level(e);
      if (e.op === '^') return `${wrap(e.left, LEVEL_ATOM)}${style.version === 2 ? '^' : '**'}${wrap(e.right, LEVEL_UNARY)}`;
      const sep = l === LEVEL_SUM ? ` ${e.op} ` : e.op;
      return `${wrap(e.left, l)}${sep}${wrap(e.right, l + 1)}`;
    }
  }
}
