/**
 * `gate` definitions: the header (name, formal parameters, formal qubits) and the body, a
 * list of gate calls on the formal qubits. Calls are resolved when the definition is read,
 * so a body can only use gates defined before it (which also rules out recursion).
 */
import type { SourceLocation } from '../../core/errors.js';
import { type Expr, parseExpression } from './expression.js';
import type { BodyStmt, GateEntry, MacroEntry } from './gate-entry.js';
import { describeToken, type Token, TokenStream } from './token-stream.js';

/** What the definition parser needs from its surroundings. */
export interface DefinitionContext {
  readonly version: 2 | 3;
  /** The entry a gate name means at this point of the program. */
  readonly resolve: (name: string) => GateEntry | undefined;
  /** Extra words for "unknown gate" messages (e.g. a missing include). */
  readonly unknownGateHint?: (name: string) => string;
}

const MODIFIERS: ReadonlySet<string> = new Set(['ctrl', 'negctrl', 'inv', 'pow']);

/** Throws when a gate call starts with an OpenQASM 3 modifier (`ctrl @`, `inv @`, `pow(2) @`). */
export function rejectModifier(ts: TokenStream, name: Token): void {
  if (MODIFIERS.has(name.text) && (ts.is('@') || ts.is('('))) {
    throw ts.error(name, `gate modifier '${name.text} @' is not supported; qmlsec imports calls of plain gates only`, 'QASM_UNSUPPORTED');
  }
}

/** Resolves a called gate name or throws "unknown gate" at its token. */
export function resolveGate(ts: TokenStream, ctx: DefinitionContext, name: Token): GateEntry {
  const entry = ctx.resolve(name.text);
  if (entry) return entry;
  const hint = ctx.unknownGateHint?.(name.text) ?? '';
  throw ts.error(name, `unknown gate '${name.text}'${hint}`, 'QASM_UNKNOWN_GATE');
}

/** Parses an optional `( e1, e2, ... )` after a gate name. */
export function parseParamList(ts: TokenStream, parse: () => Expr): Expr[] {
  if (!ts.accept('(')) return [];
  const params: Expr[] = [];
  if (ts.accept(')')) return params;
  do params.push(parse());
  while (ts.accept(','));
  ts.expect(')', 'after the gate parameters');
  return params;
}

/** Checks the number of parameters and qubits of a call against the gate. */
export function checkArity(ts: TokenStream, name: Token, entry: GateEntry, numParams: number, numQubits: number): void {
  if (numParams !== entry.numParams) {
    const names = entry.kind === 'library' ? entry.gate.paramNames : entry.paramNames;
    const list = names.length > 0 ? ` (${names.join(', ')})` : '';
    throw ts.error(name, `gate '${name.text}' takes ${plural(entry.numParams, 'parameter')}${list}, got ${numParams}`, 'QASM_ARITY');
  }
  if (numQubits !== entry.numQubits) {
    throw ts.error(name, `gate '${name.text}' acts on ${plural(entry.numQubits, 'qubit')}, got ${numQubits}`, 'QASM_ARITY');
  }
}

/** `1 qubit`, `2 qubits`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Parses a definition after the `gate` keyword. */
export function parseGateDefinition(ts: TokenStream, ctx: DefinitionContext): { entry: MacroEntry; nameToken: Token } {
  const nameToken = ts.expectId('a gate name after \'gate\'');
  const paramNames: string[] = [];
  if (ts.accept('(')) {
    if (!ts.is(')')) {
      do {
        const p = ts.expectId('a parameter name');
        if (ts.is(':')) throw ts.error(ts.peek(), 'typed gate parameters are not supported; write plain names', 'QASM_UNSUPPORTED');
        if (paramNames.includes(p.text)) throw ts.error(p, `parameter '${p.text}' is declared twice in gate '${nameToken.text}'`, 'QASM_REDECLARED');
        paramNames.push(p.text);
      } while (ts.accept(','));
    }
    ts.expect(')', 'after the parameter names');
  }
  const qubitNames: string[] = [];
  do {
    const q = ts.expectId(`a qubit name in the definition of gate '${nameToken.text}'`);
    if (qubitNames.includes(q.text)) throw ts.error(q, `qubit '${q.text}' is declared twice in gate '${nameToken.text}'`, 'QASM_REDECLARED');
    qubitNames.push(q.text);
  } while (ts.accept(','));
  const body = parseGateBody(ts, ctx, nameToken.text, paramNames, qubitNames);
  const entry: MacroEntry = {
    kind: 'macro',
    name: nameToken.text,
    paramNames,
    qubitNames,
    body,
    numParams: paramNames.length,
    numQubits: qubitNames.length,
    loc: ts.loc(nameToken),
  };
  return { entry, nameToken };
}

/** Parses `{ ... }` of a gate whose formals are `paramNames` and `qubitNames`. */
export function parseGateBody(ts: TokenStream, ctx: DefinitionContext, gateName: string, paramNames: readonly string[], qubitNames: readonly string[]): BodyStmt[] {
  ts.expect('{', `to open the body of gate '${gateName}'`);
  const where = `the definition of gate '${gateName}'`;
  const expr = (): Expr =>
    parseExpression(ts, {
      version: ctx.version,
      where,
      resolve: (name, _token, loc) => {
        const index = paramNames.indexOf(name);
        return index < 0 ? undefined : { kind: 'param', index, name, loc };
      },
    });
  const qubitArgs = (): number[] => {
    const out: number[] = [];
    do {
      const q = ts.expectId(() => `a qubit of gate '${gateName}'`);
      const index = qubitNames.indexOf(q.text);
      if (index < 0) throw ts.error(q, `'${q.text}' is not a qubit of gate '${gateName}' (its qubits: ${qubitNames.join(', ')})`, 'QASM_UNDECLARED');
      if (ts.is('[')) throw ts.error(ts.peek(), `gate qubits are single qubits; '${q.text}' cannot be indexed inside the body of '${gateName}'`);
      out.push(index);
    } while (ts.accept(','));
    return out;
  };
  const body: BodyStmt[] = [];
  while (!ts.accept('}')) {
    const t = ts.peek();
    if (t.kind !== 'id') throw ts.error(t, `expected a gate call or '}' in the body of gate '${gateName}', found ${describeToken(t)}`);
    if (t.text === 'barrier') {
      ts.next();
      body.push({ kind: 'barrier', qubits: unique(qubitArgs()) });
      ts.expect(';', 'after barrier');
      continue;
    }
    if (t.text === 'gphase' && ctx.version === 3) {
      ts.next();
      ts.expect('(', "after 'gphase'");
      const e = expr();
      ts.expect(')', 'after the gphase angle');
      ts.expect(';', 'after gphase');
      body.push({ kind: 'gphase', expr: e, loc: ts.loc(t) });
      continue;
    }
    if (['measure', 'reset', 'if', 'gate', 'opaque', 'qreg', 'creg', 'qubit', 'bit'].includes(t.text)) {
      throw ts.error(t, `'${t.text}' is not allowed inside the body of gate '${gateName}'`);
    }
    ts.next();
    rejectModifier(ts, t);
    if (t.text === gateName) throw ts.error(t, `gate '${gateName}' cannot call itself`, 'QASM_UNKNOWN_GATE');
    const entry = resolveGate(ts, ctx, t);
    const params = parseParamList(ts, expr);
    const qubits = qubitArgs();
    ts.expect(';', () => `after the call of '${t.text}'`);
    checkArity(ts, t, entry, params.length, qubits.length);
    const dup = qubits.find((q, i) => qubits.indexOf(q) !== i);
    if (dup !== undefined) throw ts.error(t, `gate '${t.text}' uses qubit '${qubitNames[dup]}' twice`, 'QASM_DUPLICATE_QUBIT');
    body.push({ kind: 'call', entry, params, qubits, loc: ts.loc(t) });
  }
  return body;
}

function unique(xs: number[]): number[] {
  return [...new Set(xs)];
}

/**
 * Parses a body written as text (`cx q0, q1; rz(theta) q1;`) over the formal parameters
 * `paramNames` and qubits `q0, q1, ...` — the form of the library's `qasmDefinition`s and of
 * the built-in include definitions.
 */
export function parseDefinitionText(
  text: string,
  name: string,
  paramNames: readonly string[],
  numQubits: number,
  ctx: DefinitionContext,
  loc?: SourceLocation,
): MacroEntry {
  const qubitNames = Array.from({ length: numQubits }, (_, i) => `q${i}`);
  const ts = new TokenStream(`{ ${text} }`, `<definition of ${name}>`);
  const body = parseGateBody(ts, ctx, name, paramNames, qubitNames);
  if (!ts.atEnd) throw ts.error(ts.peek(), `unexpected ${describeToken(ts.peek())} after the body of gate '${name}'`);
  return { kind: 'macro', name, paramNames, qubitNames, body, numParams: paramNames.length, numQubits, ...(loc ? { loc } : {}) };
}
