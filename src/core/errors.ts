/**
 * Error types shared by every room. Each carries enough context (a field path, a source
 * location) for the CLI and the HTTP API to tell the user what is wrong and where, and an
 * exit code so that the CLI never has to guess.
 */

/** A position in a text source (1-based line and column). */
export interface SourceLocation {
  readonly file?: string;
  readonly line: number;
  readonly column: number;
}

/** Base class: every error qmlsec raises on purpose is one of these. */
export class QmlsecError extends Error {
  /** Stable machine-readable code, e.g. `QASM_SYNTAX`, `VALIDATION`. */
  readonly code: string;
  /** Process exit code the CLI uses: 2 for usage errors, 1 for bad input. */
  readonly exitCode: 1 | 2;

  constructor(code: string, message: string, exitCode: 1 | 2, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.exitCode = exitCode;
  }
}

/** The command line or API call itself is wrong (unknown option, missing argument). Exit 2. */
export class UsageError extends QmlsecError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('USAGE', message, 2, options);
  }
}

/** The input's contents are wrong (bad file, out-of-range value, wrong shape). Exit 1. */
export class InputError extends QmlsecError {
  constructor(message: string, code = 'INPUT', options?: { cause?: unknown }) {
    super(code, message, 1, options);
  }
}

/** A text source failed to parse; the message names line and column. */
export class ParseError extends InputError {
  readonly location: SourceLocation;

  constructor(message: string, location: SourceLocation, code = 'PARSE') {
    const where = `${location.file ? `${location.file}:` : ''}${location.line}:${location.column}`;
    super(`${where}: ${message}`, code);
    this.location = location;
  }
}

/** A structured value failed validation; `path` locates the offending field. */
export class ValidationError extends InputError {
  readonly path: readonly (string | number)[];
  readonly issues: readonly { path: readonly (string | number)[]; message: string }[];

  constructor(
    subject: string,
    issues: readonly { path: readonly (string | number)[]; message: string }[],
  ) {
    const lines = issues.map((i) => `  at ${formatPath(i.path)}: ${i.message}`);
    super(`invalid ${subject}:\n${lines.join('\n')}`, 'VALIDATION');
    this.issues = issues;
    this.path = issues[0]?.path ?? [];
  }
}

/** A request would need more memory or time than allowed; the message says how much. */
export class ResourceError extends InputError {
  constructor(message: string) {
    super(message, 'RESOURCE');
  }
}

/** Something named does not exist (device, model, technique); the message lists what does. */
export class NotFoundError extends InputError {
  constructor(message: string) {
    super(message, 'NOT_FOUND');
  }
}

/** Formats a field path as `a.b[2].c` (or `(root)` when empty). */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(root)';
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}
