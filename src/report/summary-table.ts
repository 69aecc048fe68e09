/**
 * The plain-text summary the demo and `qmlsec lab run` print: one row per scenario with its
 * attacker, key attack metric, the best defense and what it leaves, and its status.
 */
import type { LabResults, ScenarioResult } from '../lab/results.js';
import { formatSummary } from './format.js';
import { bestDefense, keyMetric } from './key-metric.js';

/** One row of the summary (also used by the HTML report). */
export interface SummaryRow {
  readonly scenario: string;
  readonly attacker: string;
  /** `name = mean ± half-width`, or `—`. */
  readonly attack: string;
  /** `defense → mean ± half-width` of the key metric, or `—`. */
  readonly defense: string;
  /** `complete`, `partial (1/3 seeds failed)`, `failed (…)`. */
  readonly status: string;
}

/** Status with the number of failed seeds. */
export function statusText(r: ScenarioResult): string {
  if (r.status === 'complete') return 'complete';
  return `${r.status} (${r.errors.length}/${r.seeds.length} seeds failed)`;
}

/** The summary row of a scenario. */
export function summaryRow(r: ScenarioResult): SummaryRow {
  const key = keyMetric(r);
  const best = bestDefense(r, key);
  const goal = key?.attackerWants === 'min' ? ' (attacker wants it low)' : '';
  return {
    scenario: r.id,
    attacker: r.attacker,
    attack: key ? `${key.name} = ${formatSummary(key.value)}${goal}` : '—',
    defense: best ? `${best.defense.id} → ${formatSummary(best.value)}` : '—',
    status: statusText(r),
  };
}

const HEADERS: Readonly<Record<keyof SummaryRow, string>> = {
  scenario: 'scenario',
  attacker: 'attacker',
  attack: 'key attack metric (no defense)',
  defense: 'best defense → what it leaves',
  status: 'status',
};

/** The summary table as aligned plain text (one header line, a rule, one line per scenario). */
export function summaryTable(results: LabResults): string {
  const columns = Object.keys(HEADERS) as (keyof SummaryRow)[];
  const rows = results.scenarios.map(summaryRow);
  const width = (c: keyof SummaryRow) => Math.max(HEADERS[c].length, ...rows.map((r) => r[c].length));
  const widths = columns.map(width);
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] as number))).join('  ').trimEnd();
  const out = [line(columns.map((c) => HEADERS[c])), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const r of rows) out.push(line(columns.map((c) => r[c])));
  if (rows.length === 0) out.push('(no scenarios were run)');
  return `${out.join('\n')}\n`;
}
