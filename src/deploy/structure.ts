/**
 * Structural validation with readable messages for union-typed fields. zod reports a failed
 * union as a bare "Invalid input"; this helper picks the branch whose shape matched the value
 * (the one whose errors are not a type mismatch at the union's own path) and reports that
 * branch's issues, so `model.qubits: expected number` is shown instead of `model: Invalid input`.
 */
import type { z } from 'zod';
import { ValidationError } from '../core/errors.js';

/** One validation problem: where (field path) and what. */
export interface FieldIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

type RawIssue = z.core.$ZodIssue;

function toPath(path: readonly PropertyKey[]): (string | number)[] {
  return path.map((p) => (typeof p === 'symbol' ? String(p) : p));
}

function describe(issue: RawIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return issue.message;
}

function flatten(issue: RawIssue, prefix: readonly (string | number)[]): FieldIssue[] {
  const path = [...prefix, ...toPath(issue.path)];
  if (issue.code === 'invalid_union' && 'errors' in issue && issue.errors.length > 0) {
    const branches = issue.errors as RawIssue[][];
    const matching = branches.filter((b) => !b.every((e) => e.code === 'invalid_type' && e.path.length === 0));
    if (matching.length > 0) {
      // The branch with the fewest problems is the one the author most likely meant.
      const best = matching.reduce((a, b) => (b.length < a.length ? b : a));
      return best.flatMap((e) => flatten(e, path));
    }
    const expected = branches
      .map((b) => b[0])
      .filter((e): e is RawIssue => e !== undefined && e.code === 'invalid_type' && 'expected' in e)
      .map((e) => (e as { expected: string }).expected);
    return [{ path, message: `expected ${[...new Set(expected)].join(' or ')}` }];
  }
  return [{ path, message: describe(issue) }];
}

/** Validates `value` against `schema`; throws a ValidationError naming every bad field. */
export function validateStructure<S extends z.ZodType>(schema: S, value: unknown, subject: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationError(subject, structureIssues(result.error.issues));
}

/** Flattens zod issues (including union failures) into field issues. */
export function structureIssues(issues: readonly RawIssue[]): FieldIssue[] {
  return issues.flatMap((i) => flatten(i, []));
}
