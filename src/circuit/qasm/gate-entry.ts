/**
 * What a gate name means while parsing: a gate of qmlsec's library (emitted as one operation)
 * or a macro (a `gate` definition, expanded at each call), and the scope that maps names to
 * them. Macros capture the entries their bodies call when they are defined, so a later
 * definition of the same name does not change an earlier gate's meaning.
 */
import { ParseError, type SourceLocation } from '../../core/errors.js';
import type { GateDef } from '../gate-def.js';
import type { Expr } from './expression.js';

/** A name that stands for one library gate. */
export interface LibraryEntry {
  readonly kind: 'library';
  readonly name: string;
  readonly gate: GateDef;
  readonly numParams: number;
  readonly numQubits: number;
}

/** One statement of a gate body; qubits are positions among the gate's formal qubits. */
export type BodyStmt =
  | { readonly kind: 'call'; readonly entry: GateEntry; readonly params: readonly Expr[]; readonly qubits: readonly number[]; readonly loc: SourceLocation }
  | { readonly kind: 'barrier'; readonly qubits: readonly number[] }
  | { readonly kind: 'gphase'; readonly expr: Expr; readonly loc: SourceLocation };

/** A gate defined by a body of other gates. */
export interface MacroEntry {
  readonly kind: 'macro';
  readonly name: string;
  readonly paramNames: readonly string[];
  readonly qubitNames: readonly string[];
  readonly body: readonly BodyStmt[];
  readonly numParams: number;
  readonly numQubits: number;
  readonly loc?: SourceLocation;
}

/** What a gate name stands for. */
export type GateEntry = LibraryEntry | MacroEntry;

/** Where a name in the scope came from. */
export type EntryOrigin = { readonly kind: 'builtin' } | { readonly kind: 'include'; readonly file: string } | { readonly kind: 'user'; readonly loc: SourceLocation };

interface Scoped {
  readonly entry: GateEntry;
  readonly origin: EntryOrigin;
}

/** Makes a library entry for `gate` under the QASM name `name`. */
export function libraryEntry(name: string, gate: GateDef): LibraryEntry {
  return { kind: 'library', name, gate, numParams: gate.numParams, numQubits: gate.numQubits };
}

/** The gates visible at a point of a program. */
export class GateScope {
  private readonly entries = new Map<string, Scoped>();

  get(name: string): GateEntry | undefined {
    return this.entries.get(name)?.entry;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The language's own gates (`U`, `CX`): they cannot be redefined. */
  defineBuiltin(entry: GateEntry): void {
    this.entries.set(entry.name, { entry, origin: { kind: 'builtin' } });
  }

  /**
   * The gates of a standard include. They do not replace a gate the program defined itself
   * before the include; a program may redefine them afterwards (old benchmark files define
   * `cu`, which later versions of qelib1.inc added).
   */
  include(entries: ReadonlyMap<string, GateEntry>, file: string): void {
    for (const [name, entry] of entries) {
      const existing = this.entries.get(name);
      if (existing && existing.origin.kind !== 'include') continue;
      this.entries.set(name, { entry, origin: { kind: 'include', file } });
    }
  }

  /** A `gate` definition of the program; redefining a built-in or a program gate is an error. */
  defineUser(entry: GateEntry, loc: SourceLocation, nameLoc: SourceLocation): void {
    const existing = this.entries.get(entry.name);
    if (existing?.origin.kind === 'builtin') throw new ParseError(`cannot redefine the built-in gate '${entry.name}'`, nameLoc, 'QASM_REDECLARED');
    if (existing?.origin.kind === 'user') {
      const at = existing.origin.loc;
      throw new ParseError(`gate '${entry.name}' is already defined at ${at.line}:${at.column}`, nameLoc, 'QASM_REDECLARED');
    }
    this.entries.set(entry.name, { entry, origin: { kind: 'user', loc } });
  }
}
