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

/** Parses JSON text; syntax errors become a ParseError (with the position when Node gives one). */
export function parseJson(text: string, file?: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const m = /position (\d+)/.exec(message);
    let line = 1;
    let column = 1;
    if (m) {
      const pos = Number(m[1]);
      for (let i = 0; i < pos && i < text.length; i++) {
        if (text[i] === '\n') {
          line++;
          column = 1;
        } else column++;
      }
    }
    throw new ParseError(`JSON syntax error: ${message}`, { ...(file !== undefined ? { file } : {}), line, column }, 'JSON_SYNTAX');
  }
}
