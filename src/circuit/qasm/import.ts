/** Entry points of the OpenQASM importer. */
import type { Circuit } from '../circuit.js';
import { type IncludeResolver, ProgramParser } from './parser.js';
import { describeToken, TokenStream } from './token-stream.js';

/** Options of the OpenQASM importers. */
export interface QasmParseOptions {
  /** File name shown in error messages (`file:line:column: ...`) and used for the circuit name. */
  readonly file?: string;
  /**
   * Reads `include "name";` for files other than the built-in `qelib1.inc` (OpenQASM 2) and
   * `stdgates.inc` (OpenQASM 3); return undefined for names it does not know.
   */
  readonly includeResolver?: IncludeResolver;
  /** Name of the resulting circuit (default: the file's base name, or "circuit"). */
  readonly name?: string;
}

export type { IncludeResolver } from './parser.js';

/**
 * Parses an OpenQASM 2.0 or 3 program, choosing the version from its `OPENQASM` header.
 * Without a header (some published benchmark files omit it; OpenQASM 3 makes it optional) the first
 * statement decides when it belongs to one version only: `include "qelib1.inc"`, `qreg` or
 * `creg` mean OpenQASM 2; `include "stdgates.inc"`, `qubit`, `bit` or `input` mean 3.
 * Throws a ParseError (`file:line:column: message`) for malformed programs, unknown or opaque
 * gates, wrong arity, out-of-range qubits, non-finite parameters and unsupported constructs.
 */
export function parseQasm(text: string, options: QasmParseOptions = {}): Circuit {
  const ts = new TokenStream(text, options.file);
  if (!ts.is('OPENQASM')) {
    const inferred = versionFromFirstStatement(ts);
    if (inferred === undefined) throw ts.error(ts.peek(), `expected an 'OPENQASM 2.0;' or 'OPENQASM 3.0;' header, found ${describeToken(ts.peek())}`, 'QASM_VERSION');
    return run(ts, inferred, options, false);
  }
  const v = ts.peek(1);
  const major = v.kind === 'int' || v.kind === 'real' ? Number.parseInt(v.text, 10) : Number.NaN;
  if (major !== 2 && major !== 3) throw ts.error(v, `unsupported OpenQASM version ${describeToken(v)}; qmlsec reads versions 2 and 3`, 'QASM_VERSION');
  return run(ts, major, options);
}

/** Parses an OpenQASM 2.0 program (the `OPENQASM 2.0;` header is required). */
export function parseQasm2(text: string, options: QasmParseOptions = {}): Circuit {
  return run(new TokenStream(text, options.file), 2, options);
}

/**
 * Parses an OpenQASM 3 program (header optional): straight-line circuits with qubit/bit
 * registers, gate definitions, measure, reset, barrier, `if (c == n)`, `gphase`, and
 * `input float[64] x_i; / w_j;` parameters, which become qmlsec's inputs and weights.
 */
export function parseQasm3(text: string, options: QasmParseOptions = {}): Circuit {
  return run(new TokenStream(text, options.file), 3, options);
}

function run(ts: TokenStream, version: 2 | 3, options: QasmParseOptions, headerRequired = version === 2): Circuit {
  const parser = new ProgramParser(version, options.includeResolver, headerRequired);
  parser.parseProgram(ts);
  return parser.build(options.name ?? circuitName(options.file));
}

/** The version a header-less program's first statement implies, if only one version has it. */
function versionFromFirstStatement(ts: TokenStream): 2 | 3 | undefined {
  if (ts.is('qreg') || ts.is('creg')) return 2;
  if (ts.is('qubit') || ts.is('bit') || ts.is('input')) return 3;
  if (ts.is('include')) {
    const file = ts.peek(1);
    if (file.kind === 'string' && file.text === 'qelib1.inc') return 2;
    if (file.kind === 'string' && file.text === 'stdgates.inc') return 3;
  }
  return undefined;
}

function circuitName(file: string | undefined): string {
  if (!file) return 'circuit';
  const base = file.split(/[\\/]/).pop() ?? file;
  const stem = base.replace(/\.(qasm|qasm2|qasm3|inc)$/i, '');
  return stem || 'circuit';
}
