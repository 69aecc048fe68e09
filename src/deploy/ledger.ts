/**
 * The exposure ledger: one record per message that crosses a trust boundary — which party sent
 * which asset to which party, at which workflow step. The platform writes real ledgers while
 * it runs a deployment; {@link deriveLedger} predicts one statically; the threat engine reads
 * either to decide what each insider actually holds.
 *
 * File formats accepted by {@link loadLedger}: a JSON (or YAML) object `{ deployment?, source?,
 * records: [...] }`, a bare array of records, or JSON Lines (one record per line).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError, ParseError, ValidationError } from '../core/errors.js';
import type { Deployment } from './deployment.js';
import { parseYaml } from '../core/schema.js';
import { structureIssues, type FieldIssue } from './structure.js';
import { LEDGER_ASSETS, WORKFLOW_STEPS, type LedgerAsset, type WorkflowStep } from './vocabulary.js';

/** One message across a trust boundary. */
export interface ExposureRecord {
  readonly step: WorkflowStep;
  readonly from: string;
  readonly to: string;
  readonly asset: LedgerAsset;
  /** Wall-clock time (ISO 8601 string or epoch milliseconds) or a logical tick. */
  readonly time: string | number;
  readonly note?: string;
}

/** Where a ledger came from. */
export type LedgerSource = 'derived' | 'recorded';

/** A whole ledger. */
export interface ExposureLedger {
  readonly deployment?: string;
  readonly source?: LedgerSource;
  readonly records: readonly ExposureRecord[];
}

/** zod schema of one record (strict). */
export const ExposureRecordSchema = z.strictObject({
  step: z.enum(WORKFLOW_STEPS),
  from: z.string().min(1),
  to: z.string().min(1),
  asset: z.enum(LEDGER_ASSETS),
  time: z.union([z.string().min(1), z.number().nonnegative()]),
  note: z.string().optional(),
});

/** zod schema of a ledger file (strict). */
export const ExposureLedgerSchema = z.strictObject({
  deployment: z.string().min(1).optional(),
  source: z.enum(['derived', 'recorded']).optional(),
  records: z.array(ExposureRecordSchema),
});

function looksLikeJsonLines(text: string): boolean {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return lines.length > 1 && lines.every((l) => l.startsWith('{') && l.endsWith('}'));
}

function parseJsonLines(text: string, file?: string): unknown[] {
  const out: unknown[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      out.push(JSON.parse(line) as unknown);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new ParseError(`JSON Lines syntax error: ${reason}`, { ...(file !== undefined ? { file } : {}), line: i + 1, column: 1 }, 'JSON_SYNTAX');
    }
  });
  return out;
}

/** Validates a parsed ledger value (object or bare array of records). */
export function parseLedgerValue(value: unknown, file?: string): ExposureLedger {
  const subject = `exposure ledger${file ? ` ${file}` : ''}`;
  const wrapped = Array.isArray(value) ? { records: value } : value;
  const result = ExposureLedgerSchema.safeParse(wrapped);
  if (!result.success) throw new ValidationError(subject, structureIssues(result.error.issues));
  const { deployment, source, records } = result.data;
  return {
    ...(deployment !== undefined ? { deployment } : {}),
    ...(source !== undefined ? { source } : {}),
    records: records.map((r) => ({ ...r })),
  };
}

/** Loads a ledger from text (JSON, YAML or JSON Lines) or from a file path. */
export function loadLedger(source: { readonly text: string; readonly file?: string } | { readonly file: string }): ExposureLedger {
  let text: string;
  const file = source.file;
  if ('text' in source) text = source.text;
  else {
    try {
      text = readFileSync(source.file, 'utf8');
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new InputError(`cannot read ledger file ${source.file}: ${reason}`, 'FILE');
    }
  }
  const value = looksLikeJsonLines(text) ? parseJsonLines(text, file) : parseYaml(text, file);
  return parseLedgerValue(value, file);
}

/**
 * Checks a ledger against a deployment: every `from`/`to` must be a party of the deployment.
 * Returns the problems (empty when consistent); {@link assertLedgerMatches} throws instead.
 */
export function checkLedger(ledger: ExposureLedger, deployment: Deployment): FieldIssue[] {
  const ids = new Set(deployment.parties.map((p) => p.id));
  const valid = [...ids].join(', ');
  const issues: FieldIssue[] = [];
  if (ledger.deployment !== undefined && ledger.deployment !== deployment.name) {
    issues.push({ path: ['deployment'], message: `ledger is for deployment "${ledger.deployment}", not "${deployment.name}"` });
  }
  ledger.records.forEach((r, i) => {
    for (const field of ['from', 'to'] as const) {
      if (!ids.has(r[field])) issues.push({ path: ['records', i, field], message: `unknown party "${r[field]}" (valid: ${valid})` });
    }
  });
  return issues;
}

/** Throws a ValidationError when the ledger names parties the deployment does not have. */
export function assertLedgerMatches(ledger: ExposureLedger, deployment: Deployment, file?: string): void {
  const issues = checkLedger(ledger, deployment);
  if (issues.length > 0) throw new ValidationError(`exposure ledger${file ? ` ${file}` : ''}`, issues);
}

/** The set of assets party `partyId` received according to the ledger. */
export function assetsReceivedBy(ledger: ExposureLedger, partyId: string): ReadonlySet<LedgerAsset> {
  const out = new Set<LedgerAsset>();
  for (const r of ledger.records) if (r.to === partyId) out.add(r.asset);
  return out;
}
