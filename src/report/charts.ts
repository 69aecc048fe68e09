/**
 * From a scenario's series summaries to charts. Conventions (documented in the README, used
 * by the scenarios):
 * - A series named `"<chart>: <line>"` is drawn as line `<line>` of chart `<chart>`; series
 *   without `": "` share the scenario's unnamed chart.
 * - Axis titles come from the scenario's notes: `chart_x` / `chart_y` for all its charts,
 *   `chart_x:<chart>` / `chart_y:<chart>` for one chart.
 * - A chart is a ROC curve (x = false-positive rate, y = true-positive rate, diagonal, AUC per
 *   line) when its name or a line's name contains the word "ROC", or when the note
 *   `chart_kind:<chart>` (or `chart_kind`) is `roc`.
 * - x is drawn on a log scale when every x is positive and they span two decades or more.
 */
import type { ScenarioResult, SeriesSummary } from '../lab/results.js';

/** One line of a chart: the summaries of one series, sorted by x, finite means only. */
export interface ChartLine {
  readonly label: string;
  readonly series: string;
  readonly points: readonly SeriesSummary[];
  /** Area under a ROC line (trapezoid rule, from (0,0) to (1,1)); ROC charts only. */
  readonly auc?: number;
}

/** A chart of a scenario. */
export interface ChartGroup {
  /** The chart's name from the series names (`''` for the unnamed chart). */
  readonly key: string;
  readonly kind: 'curve' | 'roc';
  readonly title: string;
  readonly xTitle: string;
  readonly yTitle: string;
  readonly xScale: 'linear' | 'log';
  readonly lines: readonly ChartLine[];
}

const SEPARATOR = ': ';
const ROC = /\broc\b/i;

/** Splits a series name into its chart and line names. */
export function splitSeriesName(name: string): { readonly chart: string; readonly line: string } {
  const i = name.indexOf(SEPARATOR);
  if (i <= 0) return { chart: '', line: name };
  return { chart: name.slice(0, i), line: name.slice(i + SEPARATOR.length) };
}

/**
 * Area under a ROC curve by the trapezoid rule over the points sorted by x, closed with
 * (0, 0) and (1, 1) when the curve does not reach them.
 */
export function trapezoidAuc(points: readonly { readonly x: number; readonly y: number }[]): number {
  const pts = [...points].filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)).sort((a, b) => a.x - b.x || a.y - b.y);
  if (pts.length === 0 || (pts[0] as { x: number }).x > 0) pts.unshift({ x: 0, y: 0 });
  if ((pts[pts.length - 1] as { x: number }).x < 1) pts.push({ x: 1, y: 1 });
  let area = 0;
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1] as { x: number; y: number };
    const b = pts[i] as { x: number; y: number };
    area += ((b.x - a.x) * (a.y + b.y)) / 2;
  }
  return area;
}

function note(result: ScenarioResult, key: string, chart: string): string | undefined {
  const v = result.notes[`${key}:${chart}`] ?? result.notes[key];
  return v === undefined ? undefined : String(v);
}

function xScaleOf(lines: readonly ChartLine[]): 'linear' | 'log' {
  const xs = lines.flatMap((l) => l.points.map((p) => p.x));
  if (xs.length < 2 || xs.some((x) => !(x > 0))) return 'linear';
  return Math.max(...xs) / Math.min(...xs) >= 100 ? 'log' : 'linear';
}

/** The charts of a scenario, in order of first appearance of their series. */
export function chartGroups(result: ScenarioResult): ChartGroup[] {
  const byChart = new Map<string, Map<string, SeriesSummary[]>>();
  for (const p of result.series) {
    if (!Number.isFinite(p.mean) || !Number.isFinite(p.x)) continue;
    const { chart, line } = splitSeriesName(p.series);
    const lines = byChart.get(chart) ?? new Map<string, SeriesSummary[]>();
    byChart.set(chart, lines);
    lines.set(line, [...(lines.get(line) ?? []), p]);
  }
  const groups: ChartGroup[] = [];
  for (const [key, lineMap] of byChart) {
    const roc = ROC.test(key) || [...lineMap.keys()].some((l) => ROC.test(l)) || note(result, 'chart_kind', key) === 'roc';
    const lines: ChartLine[] = [...lineMap].map(([label, pts]) => {
      const points = [...pts].sort((a, b) => a.x - b.x);
      const series = points[0]?.series ?? label;
      return roc ? { label, series, points, auc: trapezoidAuc(points.map((p) => ({ x: p.x, y: p.mean }))) } : { label, series, points };
    });
    const xTitle = note(result, 'chart_x', key) ?? (roc ? 'false-positive rate' : 'x');
    const yTitle = note(result, 'chart_y', key) ?? (roc ? 'true-positive rate' : key || 'measured value');
    const title = key ? `${result.title}: ${key}` : result.title;
    groups.push({ key, kind: roc ? 'roc' : 'curve', title, xTitle, yTitle, xScale: roc ? 'linear' : xScaleOf(lines), lines });
  }
  return groups;
}
