/**
 * Qubit and bit arguments of statements: a whole register (`q`), one element (`q[2]`) and,
 * in OpenQASM 3, negative indices (`q[-1]`) and inclusive ranges (`q[0:3]`, `q[0:2:6]`).
 */
import type { ProgramBuilder, DeclaredRegister } from './program.js';
import { describeToken, type Token, type TokenStream } from './token-stream.js';

/** The bits an argument names; `scalar` when it names exactly one element by index. */
export interface Arg {
  readonly reg: DeclaredRegister;
  /** Indices within the circuit (register offset applied). */
  readonly indices: readonly number[];
  readonly scalar: boolean;
  readonly token: Token;
  /** How a range was written (`q[0:3]`); absent for a register or one element. */
  readonly range?: string;
}

/** The argument as written, for messages: `q`, `q[2]` or `q[0:3]`. */
export function argText(a: Arg): string {
  if (a.scalar) return `${a.reg.name}[${(a.indices[0] as number) - a.reg.offset}]`;
  return a.range ?? a.reg.name;
}

/** Parses one argument that must name a register of `kind`. */
export function parseArg(ts: TokenStream, program: ProgramBuilder, version: 2 | 3, kind: 'qubit' | 'bit'): Arg {
  const what = kind === 'qubit' ? 'a qubit argument' : 'a classical bit argument';
  const token = ts.expectId(what);
  const reg = program.register(token.text);
  if (!reg) throw ts.error(token, `undeclared ${kind === 'qubit' ? 'quantum' : 'classical'} register '${token.text}'`, 'QASM_UNDECLARED');
  if (reg.kind !== kind) {
    throw ts.error(token, `'${token.text}' is a ${reg.kind === 'qubit' ? 'quantum' : 'classical'} register; ${what} is needed here`, 'QASM_UNDECLARED');
  }
  if (!ts.accept('[')) {
    return { reg, indices: range(reg.offset, reg.size), scalar: false, token };
  }
  if (version === 2) {
    const it = ts.peek();
    if (it.kind !== 'int') ts.expectInt(() => `an index into '${reg.name}'`);
    ts.next();
    const value = Number(it.text);
    checkIndex(ts, reg, value, it);
    ts.expect(']', 'after the index');
    return { reg, indices: [reg.offset + value], scalar: true, token };
  }
  return parseIndexV3(ts, reg, token);
}

function parseIndexV3(ts: TokenStream, reg: DeclaredRegister, token: Token): Arg {
  if (ts.is('{')) throw ts.error(ts.peek(), 'index sets ({...}) are not supported; use a range a:b', 'QASM_UNSUPPORTED');
  const parts: (number | undefined)[] = [];
  const partTokens: Token[] = [];
  for (;;) {
    partTokens.push(ts.peek());
    parts.push(ts.is(':') || ts.is(']') ? undefined : signedInt(ts, reg));
    if (!ts.accept(':')) break;
    if (parts.length === 3) throw ts.error(ts.peek(), 'a range has at most three parts (start:step:end)');
  }
  ts.expect(']', 'after the index');
  if (parts.length === 1) {
    const i = normalize(ts, reg, parts[0] as number, partTokens[0] as Token);
    return { reg, indices: [reg.offset + i], scalar: true, token };
  }
  const [startRaw, stepRaw, endRaw] = parts.length === 2 ? [parts[0], 1, parts[1]] : [parts[0], parts[1], parts[2]];
  const step = stepRaw ?? 1;
  if (step === 0) throw ts.error(partTokens[1] as Token, 'a range step cannot be 0', 'QASM_RANGE');
  const start = startRaw === undefined ? (step > 0 ? 0 : reg.size - 1) : normalize(ts, reg, startRaw, partTokens[0] as Token);
  const endTok = partTokens[partTokens.length - 1] as Token;
  const end = endRaw === undefined ? (step > 0 ? reg.size - 1 : 0) : normalize(ts, reg, endRaw, endTok);
  const indices: number[] = [];
  for (let i = start; step > 0 ? i <= end : i >= end; i += step) indices.push(reg.offset + i);
  if (indices.length === 0) throw ts.error(token, `the range selects no element of '${reg.name}'`, 'QASM_RANGE');
  return { reg, indices, scalar: false, token, range: `${reg.name}[${start}:${step === 1 ? '' : `${step}:`}${end}]` };
}

function signedInt(ts: TokenStream, reg: DeclaredRegister): number {
  const negative = ts.accept('-');
  const t = ts.peek();
  if (t.kind !== 'int') throw ts.error(t, `expected an integer index into '${reg.name}', found ${describeToken(t)}`);
  ts.next();
  const v = Number(t.text);
  return negative ? -v : v;
}

function normalize(ts: TokenStream, reg: DeclaredRegister, i: number, t: Token): number {
  const j = i < 0 ? reg.size + i : i;
  checkIndex(ts, reg, j, t, i);
  return j;
}

function checkIndex(ts: TokenStream, reg: DeclaredRegister, i: number, t: Token, written = i): void {
  if (i < 0 || i >= reg.size) {
    const what = reg.kind === 'qubit' ? 'qubit' : 'bit';
    throw ts.error(t, `${what} index ${written} is out of range for register '${reg.name}' of size ${reg.size}`, 'QASM_RANGE');
  }
}

function range(offset: number, size: number): number[] {
  return Array.from({ length: size }, (_, i) => offset + i);
}

/** Parses a comma-separated list of arguments of `kind`. */
export function parseArgList(ts: TokenStream, program: ProgramBuilder, version: 2 | 3, kind: 'qubit' | 'bit'): Arg[] {
  const args: Arg[] = [];
  do args.push(parseArg(ts, program, version, kind));
  while (ts.accept(','));
  return args;
}

/**
 * Broadcasts arguments as OpenQASM does: registers (and ranges) of one common length n give n
 * calls, single elements repeat. Throws at the first mismatched register.
 */
export function broadcast(ts: TokenStream, args: readonly Arg[], what: () => string): number[][] {
  if (args.every((a) => a.scalar)) return [args.map((a) => a.indices[0] as number)];
  let n = 1;
  let first: Arg | undefined;
  for (const a of args) {
    if (a.scalar) continue;
    if (!first) {
      first = a;
      n = a.indices.length;
    } else if (a.indices.length !== n) {
      throw ts.error(a.token, `${what()}: '${argText(a)}' has ${a.indices.length} elements but '${argText(first)}' has ${n}; registers of a broadcast must have equal sizes`, 'QASM_ARITY');
    }
  }
  const out: number[][] = [];
  for (let i = 0; i < n; i++) out.push(args.map((a) => (a.scalar ? (a.indices[0] as number) : (a.indices[i] as number))));
  return out;
}
