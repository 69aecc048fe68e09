/**
 * Results of lab runs, in the format of `results.json`:
 * `{"scenarios": [{"id", "techniques", "attacker", "status", "metrics": {name: {mean, ci95,
 * n}}, "defenses": [{"id", "mitigations", "metrics", "cost"}], "series": [...]}]}` — means
 * with 95 % confidence intervals over seeds. A scenario that stopped part-way records what
 * it measured and why it stopped.
 */
import type { Summary } from './stats.js';

export interface SummaryJson {
  readonly mean: number;
  readonly ci95: readonly [number, number];
  readonly n: number;
}

export interface SeriesSummary {
  readonly series: string;
  readonly x: number;
  readonly mean: number;
  readonly ci95: readonly [number, number];
  readonly n: number;
}

export interface DefenseResult {
  readonly id: string;
  readonly mitigations: readonly string[];
  readonly description: string;
  readonly metrics: Readonly<Record<string, SummaryJson>>;
  readonly cost: Readonly<Record<string, SummaryJson>>;
}

export interface ScenarioResult {
  readonly id: string;
  readonly title: string;
  readonly techniques: readonly string[];
  readonly attacker: string;
  readonly anchor?: { readonly source: string; readonly claim: string };
  /** `complete`, or `partial` when some seeds failed (see `errors`), or `failed`. */
  readonly status: 'complete' | 'partial' | 'failed';
  readonly seeds: readonly number[];
  readonly metrics: Readonly<Record<string, SummaryJson>>;
  readonly defenses: readonly DefenseResult[];
  readonly series: readonly SeriesSummary[];
  readonly notes: Readonly<Record<string, string | number>>;
  readonly errors: readonly { readonly seed: number; readonly message: string }[];
  /** Mean impact score per technique (0..1), for the Navigator layer. */
  readonly impact: Readonly<Record<string, number>>;
  readonly seconds: number;
}

export interface LabResults {
  readonly generated: string;
  readonly qmlsec: string;
  readonly scenarios: readonly ScenarioResult[];
}

export function summaryJson(s: Summary): SummaryJson {
  return { mean: s.mean, ci95: [s.ci95[0], s.ci95[1]], n: s.n };
}
