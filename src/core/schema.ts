/**
 * Validation of structured input (YAML and JSON files, API bodies) with zod, turning zod's
 * issues into a {@link ValidationError} whose message names each offending field's path.
 */
import { parse as parseYamlText, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { ParseError, ValidationError } from './errors.js';

/**
 * Validates `value` against `schema` and returns the parsed value, or throws a
 * ValidationError naming every offending field, e.g. `at parties[2].trust: Invalid option`.
 */
export function validate<S extends z.ZodType>(schema: S, value: unknown, subject: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: describeIssue(issue),
  }));
  throw new ValidationError(subject, issues);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}

/** Parses YAML text; syntax errors become a ParseError with line and column. */
export function parseYaml(text: string, file?: string): unknown {
  try {
    return parseYamlText(text, { prettyErrors: true, uniqueKeys: true });
  } catch (err) {
    if (err instanceof YAMLParseError) {
      const pos = err.linePos?.[0];
      throw new ParseError(`YAML syntax error: ${err.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`, {
        ...(file !== undefined ? { file } : {}),
        line: pos?.line ?? 1,
        column: pos?.col ?? 1,
      }, 'YAML_SYNTAX');
    }
    throw err;
  }
}

/** Parses JSON text; syntax errors become a ParseError with line and column. */
export function parseJson(text: string, file?: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const { line, column } = jsonErrorPosition(text, message);
    throw new ParseError(`JSON syntax error: ${message}`, { ...(file !== undefined ? { file } : {}), line, column }, 'JSON_SYNTAX');
  }
}

/**
 * Where a JSON.parse error is: from "position N" or "(line L column C)" in Node's message;
 * "Unexpected end" means the end of the text; otherwise the first place a strict scan of the
 * token stream fails.
 */
function jsonErrorPosition(text: string, message: string): { line: number; column: number } {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  const offset = pos ? Number(pos[1]) : /Unexpected end/.test(message) ? text.trimEnd().length : firstBadOffset(text);
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      column = 1;
    } else column++;
  }
  return { line, column };
}

/** Offset of the first character that cannot start or continue a JSON token. */
function firstBadOffset(text: string): number {
  const token = /\s+|"(?:[^"\\\u0000-\u001f]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null|[{}[\],:]/y;
  let i = 0;
  while (i < text.length) {
    token.lastIndex = i;
    const m = token.exec(text);
    if (!m || m[0].length === 0) return i;
    i += m[0].length;
  }
  return text.length;
}
