/**
 * The OpenQASM lexer and the token stream the recursive-descent parser reads. One lexer
 * serves both versions: it knows every punctuation mark either version uses, so that the
 * parser (not the lexer) can say "not supported in OpenQASM 2" with the right location.
 */
import { ParseError, type SourceLocation } from '../../core/errors.js';

/** What a token is; punctuation carries its text (`;`, `->`, `==`, ...). */
export type TokenKind = 'id' | 'int' | 'real' | 'string' | 'punct' | 'eof';

/** One token with its 1-based source position. */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

const TWO_CHAR_LIST = ['->', '==', '!=', '**', '<=', '>=', '&&', '||', '<<', '>>', '++', '+=', '-=', '*=', '/='];
const ONE_CHAR_LIST = [';', ',', '(', ')', '[', ']', '{', '}', '+', '-', '*', '/', '^', '=', '@', ':', '<', '>', '!', '%', '&', '|', '~', '.'];
/** Two-character punctuation by first and second character code. */
const TWO_CHAR = new Map<number, Map<number, string>>();
for (const p of TWO_CHAR_LIST) {
  const inner = TWO_CHAR.get(p.charCodeAt(0)) ?? new Map<number, string>();
  inner.set(p.charCodeAt(1), p);
  TWO_CHAR.set(p.charCodeAt(0), inner);
}
const ONE_CHAR = new Map(ONE_CHAR_LIST.map((p) => [p.charCodeAt(0), p]));

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAsciiIdStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isAsciiIdPart = (c: number): boolean => isAsciiIdStart(c) || isDigit(c);
const UNICODE_ID_START = /[\p{L}]/u;
const UNICODE_ID_PART = /[\p{L}\p{N}]/u;

/** Produces the tokens of one source text on demand (so that no token array is kept). */
export class Lexer {
  private i = 0;
  private line = 1;
  private lineStart = 0;
  private readonly n: number;

  constructor(
    private readonly text: string,
    private readonly file?: string,
  ) {
    this.n = text.length;
  }

  private fail(message: string, at: number, atLine = this.line, atLineStart = this.lineStart): never {
    throw new ParseError(message, loc(this.file, atLine, at - atLineStart + 1), 'QASM_SYNTAX');
  }

  /** The next token; at the end, an `eof` token (again on every further call). */
  next(): Token {
    const text = this.text;
    const n = this.n;
    for (;;) {
      let i = this.i;
      if (i >= n) return { kind: 'eof', text: '', line: this.line, column: i - this.lineStart + 1 };
      const c = text.charCodeAt(i);
      if (c === 10) {
        this.i = i + 1;
        this.line++;
        this.lineStart = i + 1;
        continue;
      }
      if (c === 32 || c === 9 || c === 13 || c === 12 || c === 0xfeff) {
        this.i = i + 1;
        continue;
      }
      const line = this.line;
      const column = i - this.lineStart + 1;
      const c2 = text.charCodeAt(i + 1);
      if (c === 47 && c2 === 47) {
        while (i < n && text.charCodeAt(i) !== 10) i++;
        this.i = i;
        continue;
      }
      if (c === 47 && c2 === 42) {
        const startLine = this.line;
        const startLineStart = this.lineStart;
        const start = i;
        i += 2;
        while (i < n && !(text.charCodeAt(i) === 42 && text.charCodeAt(i + 1) === 47)) {
          if (text.charCodeAt(i) === 10) {
            this.line++;
            this.lineStart = i + 1;
          }
          i++;
        }
        if (i >= n) this.fail('unterminated /* comment', start, startLine, startLineStart);
        this.i = i + 2;
        continue;
      }
      if (isDigit(c) || (c === 46 && isDigit(c2))) return this.number(i, line, column);
      if (isAsciiIdStart(c) || (c > 127 && UNICODE_ID_START.test(text[i] as string))) {
        const start = i;
        i++;
        while (i < n) {
          const d = text.charCodeAt(i);
          if (isAsciiIdPart(d) || (d > 127 && UNICODE_ID_PART.test(text[i] as string))) i++;
          else break;
        }
        this.i = i;
        return { kind: 'id', text: text.slice(start, i), line, column };
      }
      if (c === 34 || c === 39) {
        const start = i;
        i++;
        while (i < n && text.charCodeAt(i) !== c && text.charCodeAt(i) !== 10) i++;
        if (text.charCodeAt(i) !== c) this.fail('unterminated string', start);
        this.i = i + 1;
        return { kind: 'string', text: text.slice(start + 1, i), line, column };
      }
      // The commonest marks first, without map lookups.
      if (c === 59 || c === 44 || c === 91 || c === 93 || c === 40 || c === 41) {
        this.i = i + 1;
        return { kind: 'punct', text: text[i] as string, line, column };
      }
      const two = TWO_CHAR.get(c)?.get(c2);
      if (two) {
        this.i = i + 2;
        return { kind: 'punct', text: two, line, column };
      }
      const one = ONE_CHAR.get(c);
      if (one) {
        this.i = i + 1;
        return { kind: 'punct', text: one, line, column };
      }
      if (c === 35) this.fail("'#' (pragma or directive) is not supported", i);
      if (c === 36) this.fail("physical qubits ('$n') are not supported; declare a qubit register instead", i);
      this.fail(`unexpected character '${String.fromCodePoint(text.codePointAt(i) as number)}'`, i);
    }
  }

  private number(start: number, line: number, column: number): Token {
    const text = this.text;
    let i = start;
    let real = false;
    while (isDigit(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) === 46) {
      real = true;
      i++;
      while (isDigit(text.charCodeAt(i))) i++;
    }
    const e = text.charCodeAt(i);
    if (e === 101 || e === 69) {
      let j = i + 1;
      const sign = text.charCodeAt(j);
      if (sign === 43 || sign === 45) j++;
      if (!isDigit(text.charCodeAt(j))) this.fail(`malformed number '${text.slice(start, j)}': the exponent has no digits`, start);
      while (isDigit(text.charCodeAt(j))) j++;
      i = j;
      real = true;
    }
    if (isAsciiIdStart(text.charCodeAt(i))) this.fail(`malformed number '${text.slice(start, i + 1)}'`, start);
    this.i = i;
    return { kind: real ? 'real' : 'int', text: text.slice(start, i), line, column };
  }
}

/** Splits `text` into tokens (the last one is `eof`); throws a ParseError at the first bad character. */
export function tokenize(text: string, file?: string): Token[] {
  const lexer = new Lexer(text, file);
  const tokens: Token[] = [];
  for (;;) {
    const t = lexer.next();
    tokens.push(t);
    if (t.kind === 'eof') return tokens;
  }
}

function loc(file: string | undefined, line: number, column: number): SourceLocation {
  return file === undefined ? { line, column } : { file, line, column };
}

/** Words for an error message, or a function that makes them (only called on error). */
export type Described = string | (() => string);

function describe(d: Described): string {
  return typeof d === 'string' ? d : d();
}

/** How a token reads in an error message. */
export function describeToken(t: Token): string {
  if (t.kind === 'eof') return 'end of file';
  if (t.kind === 'string') return `"${t.text}"`;
  return `'${t.text}'`;
}

/** A cursor over the tokens of one source text, lexing as it goes. */
export class TokenStream {
  private readonly lexer: Lexer;
  private buffer: Token[] = [];
  private head = 0;

  constructor(
    text: string,
    readonly file?: string,
  ) {
    this.lexer = new Lexer(text, file);
  }

  /** The token `k` positions ahead (0 = the next one); the end-of-file token repeats. */
  peek(k = 0): Token {
    while (this.buffer.length - this.head <= k) this.buffer.push(this.lexer.next());
    return this.buffer[this.head + k] as Token;
  }

  next(): Token {
    const t = this.peek();
    if (t.kind === 'eof') return t;
    this.head++;
    if (this.head > 256) {
      this.buffer = this.buffer.slice(this.head);
      this.head = 0;
    }
    return t;
  }

  get atEnd(): boolean {
    return this.peek().kind === 'eof';
  }

  /** True when the next token is the punctuation or identifier `text`. */
  is(text: string, k = 0): boolean {
    const t = this.peek(k);
    return (t.kind === 'punct' || t.kind === 'id') && t.text === text;
  }

  /** Consumes the next token if it is `text`. */
  accept(text: string): boolean {
    if (!this.is(text)) return false;
    this.next();
    return true;
  }

  /** Consumes `text` or throws "expected `text` <context>, found ...". */
  expect(text: string, context: Described = ''): Token {
    const t = this.peek();
    if (!this.is(text)) {
      const ctx = describe(context);
      throw this.error(t, `expected '${text}'${ctx ? ` ${ctx}` : ''}, found ${describeToken(t)}`);
    }
    return this.next();
  }

  /** Consumes an identifier; `what` names it in the error message. */
  expectId(what: Described): Token {
    const t = this.peek();
    if (t.kind !== 'id') throw this.error(t, `expected ${describe(what)}, found ${describeToken(t)}`);
    return this.next();
  }

  /** Consumes a non-negative integer literal. */
  expectInt(what: Described): { value: number; token: Token } {
    const t = this.peek();
    if (t.kind !== 'int') throw this.error(t, `expected ${describe(what)} (a non-negative integer), found ${describeToken(t)}`);
    this.next();
    const value = Number(t.text);
    if (!Number.isSafeInteger(value)) throw this.error(t, `${describe(what)} ${t.text} is too large`);
    return { value, token: t };
  }

  /** The source location of a token. */
  loc(t: Token): SourceLocation {
    return loc(this.file, t.line, t.column);
  }

  /** A ParseError located at `t`. */
  error(t: Token, message: string, code = 'QASM_SYNTAX'): ParseError {
    return new ParseError(message, this.loc(t), code);
  }
}
