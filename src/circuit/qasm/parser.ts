/**
 * The statement-level recursive-descent parser for OpenQASM 2.0 and the straight-line subset
 * of OpenQASM 3. It reads statements one by one and appends their operations to a
 * {@link ProgramBuilder}; gate calls are expanded to library gates as they are read.
 */
import type { Circuit } from '../circuit.js';
import { findGate } from '../gates.js';
import type { Condition } from '../operation.js';
import { Param } from '../param.js';
import { type Arg, argText, broadcast, parseArg, parseArgList } from './arguments.js';
import { builtinGates, qelib1Gates, STANDARD_INCLUDE, stdgatesGates, unknownGateHint } from './builtin-gates.js';
import { evaluate } from './evaluate.js';
import { definesLibraryGate, expandGate } from './expand.js';
import { type Expr, type ExpressionSyntax, parseExpression } from './expression.js';
import { checkArity, type DefinitionContext, parseGateDefinition, parseParamList, rejectModifier, resolveGate } from './gate-definition.js';
import { GateScope, libraryEntry } from './gate-entry.js';
import { ProgramBuilder } from './program.js';
import { describeToken, type Token, TokenStream } from './token-stream.js';

/** Reads the text of an included file, or returns undefined when it does not know the name. */
export type IncludeResolver = (path: string) => string | undefined;

/** OpenQASM 3 statements qmlsec does not import, with the name of the construct. */
const UNSUPPORTED_V3: ReadonlyMap<string, string> = new Map(Object.entries({
  for: 'for loops',
  while: 'while loops',
  def: 'subroutines (def)',
  extern: 'extern functions',
  return: 'return',
  break: 'break',
  continue: 'continue',
  end: 'end',
  let: 'aliases (let)',
  const: 'constants (const)',
  int: 'classical variables (int)',
  uint: 'classical variables (uint)',
  float: 'classical variables (float)',
  angle: 'classical variables (angle)',
  bool: 'classical variables (bool)',
  complex: 'classical variables (complex)',
  duration: 'timing (duration)',
  stretch: 'timing (stretch)',
  array: 'arrays',
  box: 'box',
  delay: 'delay',
  defcal: 'pulse calibrations (defcal)',
  cal: 'pulse calibrations (cal)',
  defcalgrammar: 'pulse calibrations (defcalgrammar)',
  switch: 'switch',
  output: 'output variables',
  else: 'else',
}));

const V3_ONLY: ReadonlySet<string> = new Set(['qubit', 'bit', 'input', 'gphase', ...UNSUPPORTED_V3.keys()]);

/** Input variables of exported templates: x_<i> are features, w_<j> weights. */
const INPUT_NAME = /^([xw])_(0|[1-9][0-9]*)$/;

/** Largest feature or weight index an input variable may name. */
const MAX_INPUT_INDEX = 1_000_000;

const NO_ARGS: readonly never[] = [];

/** Deepest chain of non-standard includes. */
const MAX_INCLUDE_DEPTH = 16;

/**
 * Parses one program (and its includes) into a circuit. Create one per program: it holds the
 * gate scope, the registers and the operations read so far.
 */
export class ProgramParser {
  private readonly scope = new GateScope();
  private readonly program = new ProgramBuilder();
  private readonly inputs = new Map<string, { value: Param; token: Token }>();
  private readonly includeStack: string[] = [];
  private readonly definitions: DefinitionContext;
  private readonly expressionSyntax: ExpressionSyntax;
  private includedStandard = false;

  constructor(
    private readonly version: 2 | 3,
    private readonly includeResolver?: IncludeResolver,
    /** OpenQASM 3 makes the header optional; OpenQASM 2 requires it unless the caller inferred the version. */
    private readonly headerRequired = version === 2,
  ) {
    for (const g of builtinGates(version)) this.scope.defineBuiltin(g);
    this.definitions = {
      version,
      resolve: (name) => this.scope.get(name),
      unknownGateHint: (name) => unknownGateHint(name, version, this.includedStandard),
    };
    this.expressionSyntax = {
      version,
      where: 'a gate parameter',
      resolve: (name, _t, loc) => {
        const input = this.inputs.get(name);
        return input ? { kind: 'input', name, value: input.value, loc } : undefined;
      },
    };
  }

  /** Parses a whole program: the header (required in OpenQASM 2), then statements. */
  parseProgram(ts: TokenStream): void {
    if (ts.is('OPENQASM')) this.header(ts);
    else if (this.headerRequired) throw ts.error(ts.peek(), `expected the header 'OPENQASM 2.0;', found ${describeToken(ts.peek())}`);
    while (!ts.atEnd) this.statement(ts);
  }

  /** The circuit read so far. */
  build(name: string): Circuit {
    return this.program.build(name);
  }

  private header(ts: TokenStream): void {
    ts.next();
    const v = ts.peek();
    if (v.kind !== 'int' && v.kind !== 'real') throw ts.error(v, `expected a version number after OPENQASM, found ${describeToken(v)}`);
    ts.next();
    const major = Number.parseInt(v.text, 10);
    if (major === 2 && !/^2(\.0*)?$/.test(v.text)) throw ts.error(v, `unsupported OpenQASM version ${v.text}; version 2 means 2.0`, 'QASM_VERSION');
    if (major !== this.version) {
      throw ts.error(v, `this is an OpenQASM ${v.text} program, but OpenQASM ${this.version} was requested (parseQasm detects the version)`, 'QASM_VERSION');
    }
    ts.expect(';', 'after the OPENQASM version');
  }

  private statement(ts: TokenStream): void {
    const t = ts.peek();
    if (t.kind !== 'id') throw ts.error(t, `expected a statement, found ${describeToken(t)}`);
    if (this.version === 2 && V3_ONLY.has(t.text) && !this.scope.has(t.text)) {
      throw ts.error(t, `'${t.text}' is OpenQASM 3 syntax, but this program is OpenQASM 2`, 'QASM_UNSUPPORTED');
    }
    const unsupported = this.version === 3 ? UNSUPPORTED_V3.get(t.text) : undefined;
    if (unsupported) {
      throw ts.error(t, `unsupported OpenQASM 3 feature: ${unsupported} ('${t.text}'); qmlsec imports straight-line circuits only`, 'QASM_UNSUPPORTED');
    }
    switch (t.text) {
      case 'OPENQASM':
        throw ts.error(t, 'the OPENQASM header must be the first statement');
      case 'include':
        return this.include(ts);
      case 'qreg':
      case 'creg':
        return this.registerDeclaration(ts);
      case 'qubit':
      case 'bit':
        return this.typedDeclaration(ts);
      case 'input':
        return this.inputDeclaration(ts);
      case 'gate':
        return this.gateDefinition(ts);
      case 'opaque': {
        ts.next();
        const name = ts.peek();
        throw ts.error(name.kind === 'id' ? name : t, `opaque gate '${name.text}' is not supported: qmlsec needs a 'gate' definition (a body) for every gate`, 'QASM_OPAQUE');
      }
      case 'if':
        return this.ifStatement(ts);
      case 'barrier':
        return this.barrier(ts);
      case 'gphase':
        return this.globalPhase(ts);
      default:
        return this.operation(ts, undefined);
    }
  }

  /** A statement that may stand under an `if`: gate call, measure, reset. */
  private operation(ts: TokenStream, condition: Condition | undefined): void {
    const t = ts.peek();
    if (t.kind !== 'id') throw ts.error(t, `expected a gate call, measure or reset, found ${describeToken(t)}`);
    switch (t.text) {
      case 'measure':
        return this.measure(ts, condition);
      case 'reset':
        return this.reset(ts, condition);
      case 'barrier':
      case 'if':
      case 'gate':
      case 'opaque':
      case 'qreg':
      case 'creg':
        throw ts.error(t, `'${t.text}' cannot be conditioned by 'if'`, 'QASM_UNSUPPORTED');
      default: {
        const reg = this.program.register(t.text);
        if (reg?.kind === 'bit' && (ts.is('=', 1) || ts.is('[', 1))) {
          if (this.version === 2) throw ts.error(t, `assignment to '${t.text}' is OpenQASM 3 syntax; OpenQASM 2 writes 'measure q -> ${t.text};'`, 'QASM_UNSUPPORTED');
          return this.measureAssignment(ts, condition);
        }
        return this.gateCall(ts, condition);
      }
    }
  }

  // ---- declarations

  private include(ts: TokenStream): void {
    const t = ts.next();
    const pathTok = ts.peek();
    if (pathTok.kind !== 'string') throw ts.error(pathTok, `expected a file name in quotes after 'include', found ${describeToken(pathTok)}`);
    ts.next();
    ts.expect(';', 'after the include file name');
    const path = pathTok.text;
    if (path === STANDARD_INCLUDE[this.version]) {
      this.scope.include(this.version === 2 ? qelib1Gates() : stdgatesGates(), path);
      this.includedStandard = true;
      return;
    }
    const text = this.includeResolver?.(path);
    if (text === undefined) {
      const other = STANDARD_INCLUDE[this.version === 2 ? 3 : 2];
      const hint =
        path === other
          ? `'${other}' is the OpenQASM ${this.version === 2 ? 3 : 2} library; OpenQASM ${this.version} programs include "${STANDARD_INCLUDE[this.version]}"`
          : `only "${STANDARD_INCLUDE[this.version]}" is built in; pass an includeResolver to read other files`;
      throw ts.error(pathTok, `cannot include "${path}": ${hint}`, 'QASM_INCLUDE');
    }
    if (this.includeStack.includes(path)) throw ts.error(pathTok, `include cycle: ${[...this.includeStack, path].join(' -> ')}`, 'QASM_INCLUDE');
    if (this.includeStack.length >= MAX_INCLUDE_DEPTH) throw ts.error(t, `includes are nested more than ${MAX_INCLUDE_DEPTH} deep`, 'QASM_INCLUDE');
    this.includeStack.push(path);
    try {
      const inner = new TokenStream(text, path);
      if (inner.is('OPENQASM')) this.header(inner);
      while (!inner.atEnd) this.statement(inner);
    } finally {
      this.includeStack.pop();
    }
  }

  private registerDeclaration(ts: TokenStream): void {
    const kw = ts.next();
    const name = ts.expectId(`a register name after '${kw.text}'`);
    ts.expect('[', `after the register name '${name.text}'`);
    const { value, token } = ts.expectInt('the register size');
    ts.expect(']', 'after the register size');
    ts.expect(';', 'after the register declaration');
    this.declare(ts, kw.text === 'qreg' ? 'qubit' : 'bit', name, value, token);
  }

  /** `qubit q;`, `qubit[5] q;`, `bit c;`, `bit[3] c;` */
  private typedDeclaration(ts: TokenStream): void {
    const kw = ts.next();
    let size = 1;
    let sizeTok = kw;
    if (ts.accept('[')) {
      const r = ts.expectInt('the register size');
      size = r.value;
      sizeTok = r.token;
      ts.expect(']', 'after the register size');
    }
    const name = ts.expectId(`a name after '${kw.text}'`);
    if (sizeTok === kw && ts.accept('[')) {
      // The early OpenQASM 3 form `qubit q[4];`.
      const r = ts.expectInt('the register size');
      size = r.value;
      sizeTok = r.token;
      ts.expect(']', 'after the register size');
    }
    if (ts.is('=')) throw ts.error(ts.peek(), `initialising '${name.text}' in its declaration is not supported; declare it, then assign 'measure'`, 'QASM_UNSUPPORTED');
    ts.expect(';', 'after the declaration');
    this.declare(ts, kw.text === 'qubit' ? 'qubit' : 'bit', name, size, sizeTok);
  }

  private declare(ts: TokenStream, kind: 'qubit' | 'bit', name: Token, size: number, sizeTok: Token): void {
    const input = this.inputs.get(name.text);
    if (input) throw ts.error(name, `'${name.text}' is already declared at ${input.token.line}:${input.token.column}`, 'QASM_REDECLARED');
    this.program.declare(kind, name.text, size, ts.loc(name), ts.loc(sizeTok));
  }

  /** `input float[64] x_0;` — a template parameter, mapped to qmlsec's x[i] or w[j]. */
  private inputDeclaration(ts: TokenStream): void {
    ts.next();
    const type = ts.expectId('a type after \'input\'');
    if (type.text !== 'float' && type.text !== 'angle') {
      throw ts.error(type, `input variables of type '${type.text}' are not supported; gate parameters are 'input float[64]' or 'input angle'`, 'QASM_UNSUPPORTED');
    }
    if (ts.accept('[')) {
      ts.expectInt('the type width');
      ts.expect(']', 'after the type width');
    }
    const name = ts.expectId('the input variable name');
    ts.expect(';', 'after the input declaration');
    const m = INPUT_NAME.exec(name.text);
    if (!m) {
      throw ts.error(name, `input '${name.text}' must be named x_<i> (input feature i) or w_<j> (weight j), the names qmlsec maps to its parameters`, 'QASM_UNSUPPORTED');
    }
    const existing = this.inputs.get(name.text) ?? this.program.register(name.text);
    if (existing) throw ts.error(name, `'${name.text}' is already declared`, 'QASM_REDECLARED');
    const index = Number(m[2]);
    if (index > MAX_INPUT_INDEX) throw ts.error(name, `input index ${m[2]} is too large (at most ${MAX_INPUT_INDEX})`, 'QASM_RANGE');
    this.inputs.set(name.text, { value: m[1] === 'x' ? Param.input(index) : Param.weight(index), token: name });
  }

  private gateDefinition(ts: TokenStream): void {
    const kw = ts.next();
    const { entry, nameToken } = parseGateDefinition(ts, this.definitions);
    // A definition of a gate the library has (as exporters write them) becomes that gate.
    const lib = findGate(entry.name);
    const final = lib && definesLibraryGate(entry, lib) ? libraryEntry(entry.name, lib) : entry;
    this.scope.defineUser(final, ts.loc(kw), ts.loc(nameToken));
  }

  // ---- operations

  private expression(ts: TokenStream): Expr {
    return parseExpression(ts, this.expressionSyntax);
  }

  private gateCall(ts: TokenStream, condition: Condition | undefined): void {
    const name = ts.next();
    if (this.version === 3) rejectModifier(ts, name);
    const entry = resolveGate(ts, this.definitions, name);
    const paramExprs = parseParamList(ts, () => this.expression(ts));
    const args = parseArgList(ts, this.program, this.version, 'qubit');
    ts.expect(';', () => `after the call of '${name.text}'`);
    checkArity(ts, name, entry, paramExprs.length, args.length);
    const values = paramExprs.map((e) => evaluate(e, NO_ARGS));
    const loc = ts.loc(name);
    const sink = this.program.sink(condition, loc);
    const site = entry.kind === 'macro' ? { name: name.text, loc } : undefined;
    for (const qubits of broadcast(ts, args, () => `gate '${name.text}'`)) {
      for (let i = 1; i < qubits.length; i++) {
        const q = qubits[i] as number;
        if (qubits.indexOf(q) < i) throw ts.error(name, `gate '${name.text}' uses qubit ${this.program.qubitName(q)} twice`, 'QASM_DUPLICATE_QUBIT');
      }
      if (entry.kind === 'library') sink.gate(entry.gate, qubits, values);
      else expandGate(entry, values, qubits, sink, site);
    }
  }

  /** `measure q -> c;` (both versions; registers broadcast). */
  private measure(ts: TokenStream, condition: Condition | undefined): void {
    const t = ts.next();
    const q = parseArg(ts, this.program, this.version, 'qubit');
    if (!ts.is('->')) {
      if (this.version === 3 && ts.is(';')) throw ts.error(t, "a measurement without a target bit is not supported; write 'c = measure q;'", 'QASM_UNSUPPORTED');
      ts.expect('->', 'after the measured qubit');
    }
    ts.next();
    const c = parseArg(ts, this.program, this.version, 'bit');
    ts.expect(';', 'after the measurement');
    this.emitMeasure(ts, q, c, condition);
  }

  /** OpenQASM 3: `c = measure q;`, `c[0] = measure q[0];` */
  private measureAssignment(ts: TokenStream, condition: Condition | undefined): void {
    const c = parseArg(ts, this.program, this.version, 'bit');
    ts.expect('=', `after '${argText(c)}'`);
    const m = ts.peek();
    if (!ts.is('measure')) throw ts.error(m, `only 'measure' can be assigned to '${argText(c)}'; classical computation is not supported`, 'QASM_UNSUPPORTED');
    ts.next();
    const q = parseArg(ts, this.program, this.version, 'qubit');
    ts.expect(';', 'after the measurement');
    this.emitMeasure(ts, q, c, condition);
  }

  private emitMeasure(ts: TokenStream, q: Arg, c: Arg, condition: Condition | undefined): void {
    if (q.indices.length !== c.indices.length) {
      throw ts.error(c.token, `measure: '${argText(q)}' has ${q.indices.length} qubit(s) but '${argText(c)}' has ${c.indices.length} bit(s)`, 'QASM_ARITY');
    }
    q.indices.forEach((qubit, i) => this.program.measure(qubit, c.indices[i] as number, condition));
  }

  private reset(ts: TokenStream, condition: Condition | undefined): void {
    ts.next();
    const q = parseArg(ts, this.program, this.version, 'qubit');
    ts.expect(';', 'after reset');
    for (const qubit of q.indices) this.program.reset(qubit, condition);
  }

  private barrier(ts: TokenStream): void {
    ts.next();
    if (this.version === 3 && ts.accept(';')) {
      this.program.barrier(this.program.allQubits());
      return;
    }
    const args = parseArgList(ts, this.program, this.version, 'qubit');
    ts.expect(';', 'after the barrier');
    const seen = new Set<number>();
    const qubits: number[] = [];
    for (const a of args) {
      for (const q of a.indices) {
        if (seen.has(q)) continue;
        seen.add(q);
        qubits.push(q);
      }
    }
    this.program.barrier(qubits);
  }

  /** OpenQASM 3 `gphase(θ);` at top level: adds θ to the circuit's global phase. */
  private globalPhase(ts: TokenStream): void {
    const t = ts.next();
    ts.expect('(', "after 'gphase'");
    const e = this.expression(ts);
    ts.expect(')', 'after the gphase angle');
    if (!ts.is(';')) throw ts.error(ts.peek(), 'gphase on qubits (a controlled phase) is not supported; write gphase(θ);', 'QASM_UNSUPPORTED');
    ts.next();
    const v = evaluate(e, []);
    if (typeof v !== 'number') throw ts.error(t, 'a global phase that depends on inputs or weights is not supported', 'QASM_UNSUPPORTED');
    this.program.addGlobalPhase(v);
  }

  /** `if (c == n) op;` and, in OpenQASM 3, `if (c[i] == n) op;` and `if (...) { ops }`. */
  private ifStatement(ts: TokenStream): void {
    const t = ts.next();
    ts.expect('(', "after 'if'");
    const cast = this.version === 3 && (ts.is('int') || ts.is('uint')) && (ts.is('[', 1) || ts.is('(', 1));
    if (cast) {
      // `int[4](c) == 1` reads the register as an unsigned integer, which is what '==' does anyway.
      ts.next();
      if (ts.accept('[')) {
        ts.expectInt('the integer width');
        ts.expect(']', 'after the integer width');
      }
      ts.expect('(', 'to open the cast');
    }
    const c = parseArg(ts, this.program, this.version, 'bit');
    if (cast) ts.expect(')', 'to close the cast');
    if (this.version === 2 && c.scalar) throw ts.error(c.token, `OpenQASM 2 conditions test a whole register: write 'if (${c.reg.name} == n)'`, 'QASM_UNSUPPORTED');
    if (c.indices.length > 53) throw ts.error(c.token, `conditions on registers wider than 53 bits are not supported ('${argText(c)}' has ${c.indices.length})`, 'QASM_UNSUPPORTED');
    if (!ts.is('==')) {
      throw ts.error(ts.peek(), `expected '==' in the condition, found ${describeToken(ts.peek())} (only 'register == integer' conditions are supported)`, ts.is(')') || ts.is('!=') || ts.is('<') || ts.is('>') ? 'QASM_UNSUPPORTED' : 'QASM_SYNTAX');
    }
    ts.next();
    const { value, token } = ts.expectInt('the value the register is compared with');
    ts.expect(')', 'after the condition');
    if (value >= 2 ** c.indices.length) {
      throw ts.error(token, `condition value ${value} does not fit in '${argText(c)}' (${c.indices.length} bit(s), largest value ${2 ** c.indices.length - 1})`, 'QASM_CONDITION');
    }
    const condition: Condition = { clbits: c.indices, value };
    if (this.version === 3 && ts.accept('{')) {
      while (!ts.accept('}')) {
        if (ts.atEnd) throw ts.error(ts.peek(), `missing '}' to close the 'if' at ${t.line}:${t.column}`);
        this.operation(ts, condition);
      }
    } else {
      this.operation(ts, condition);
    }
    if (this.version === 3 && ts.is('else')) throw ts.error(ts.peek(), "unsupported OpenQASM 3 feature: else ('else'); qmlsec imports straight-line circuits only", 'QASM_UNSUPPORTED');
  }
}
