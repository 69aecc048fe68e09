/**
 * vega-lite specs of the report's charts: sweep curves and ROC curves with 95 % CI bands, and
 * the kill-chain heat map. Data is always inline.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatNumber } from './format.js';
import type { ChartGroup } from './charts.js';
import type { KillChainMatrix } from './matrix.js';

const FONT = 'Helvetica, Arial, sans-serif';

const CONFIG = {
  font: FONT,
  view: { stroke: '#ccc' },
  axis: { labelFontSize: 11, titleFontSize: 12, gridColor: '#eee' },
  legend: { labelFontSize: 11, titleFontSize: 11, labelLimit: 420 },
  title: { fontSize: 13, anchor: 'start' as const },
};

/** The legend label of a line (ROC lines carry their AUC). */
export function lineLabel(line: { readonly label: string; readonly auc?: number }): string {
  return line.auc === undefined ? line.label : `${line.label} (AUC ${formatNumber(line.auc)})`;
}

/** A line chart of a chart group: mean per x with a 95 % CI band, one colour per line. */
export function curveSpec(group: ChartGroup): TopLevelSpec {
  const values = group.lines.flatMap((line) =>
    line.points.map((p) => ({
      line: lineLabel(line),
      x: p.x,
      mean: p.mean,
      lo: Number.isFinite(p.ci95[0]) ? p.ci95[0] : p.mean,
      hi: Number.isFinite(p.ci95[1]) ? p.ci95[1] : p.mean,
    })),
  );
  const roc = group.kind === 'roc';
  const unit = { domain: [0, 1] as number[] };
  const x = { field: 'x', type: 'quantitative' as const, title: group.xTitle, scale: roc ? unit : group.xScale === 'log' ? { type: 'log' as const } : { zero: false } };
  const y = { field: 'mean', type: 'quantitative' as const, title: group.yTitle, ...(roc ? { scale: unit } : { scale: { zero: false } }) };
  const scale = { domain: group.lines.map(lineLabel) };
  const legend = { orient: 'bottom' as const, direction: 'vertical' as const, symbolType: 'stroke', symbolOpacity: 1, symbolStrokeWidth: 3, symbolSize: 200 };
  const color = { field: 'line', type: 'nominal' as const, title: null, scale, legend };
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: group.title,
    description: group.title,
    width: roc ? 320 : 460,
    height: roc ? 320 : 260,
    data: { values },
    layer: [
      ...(roc
        ? [{ data: { values: [{ x: 0, mean: 0 }, { x: 1, mean: 1 }] }, mark: { type: 'line' as const, color: '#999', strokeDash: [4, 4] }, encoding: { x, y } }]
        : []),
      { mark: { type: 'area' as const, opacity: 0.18 }, encoding: { x, y: { field: 'lo', type: 'quantitative' as const }, y2: { field: 'hi' }, color } },
      { mark: { type: 'line' as const, point: true, strokeWidth: 2 }, encoding: { x, y, color } },
    ],
    config: CONFIG,
  };
  return spec as TopLevelSpec;
}

const CELL_W = 84;
const CELL_H = 20;
const HEADER_LINE = 12;
const HEADER_CHARS = 13;

/** Breaks a tactic name into header lines of at most ~13 characters (at spaces). */
export function headerLines(name: string): string[] {
  const lines: string[] = [];
  for (const word of name.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= HEADER_CHARS) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * The kill-chain heat map: a header with the tactic names (one column per tactic, ATLAS
 * order) above a grid of techniques coloured by measured impact.
 */
export function matrixSpec(matrix: KillChainMatrix): TopLevelSpec {
  const rows = Math.max(1, ...matrix.cells.map((c) => c.row + 1));
  const domain = matrix.tactics.map((t) => t.name);
  const width = CELL_W * matrix.tactics.length;
  const x = { field: 'tactic', type: 'ordinal' as const, title: null, axis: null, scale: { type: 'band' as const, domain, paddingInner: 0.06 } };
  const wrapped = matrix.tactics.map((t) => ({ tactic: t.name, id: t.id, lines: headerLines(t.name) }));
  const headerHeight = HEADER_LINE * Math.max(1, ...wrapped.map((w) => w.lines.length)) + 4;
  const header = wrapped.flatMap((w) =>
    w.lines.map((text, k) => ({ tactic: w.tactic, label: `${w.tactic} (${w.id})`, text, y: headerHeight - 2 - (w.lines.length - 1 - k) * HEADER_LINE })),
  );
  const cells = matrix.cells.map((c) => ({ tactic: c.tactic, row: c.row, technique: c.technique, impact: c.impact, state: c.state, label: `${c.technique} ${c.name}` }));
  const y = { field: 'row', type: 'ordinal' as const, title: null, axis: null, scale: { domain: Array.from({ length: rows }, (_, i) => i), paddingInner: 0.1 } };
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    description: 'Kill-chain matrix: techniques per ATLAS tactic, coloured by the impact the lab measured',
    spacing: 2,
    vconcat: [
      {
        name: 'tactics',
        width,
        height: headerHeight,
        data: { values: header },
        mark: { type: 'text' as const, fontSize: 10, fontWeight: 'bold' as const, baseline: 'bottom' as const },
        encoding: { x, y: { field: 'y', type: 'quantitative' as const, scale: null }, text: { field: 'text' }, description: { field: 'label' } },
      },
      {
        name: 'techniques',
        width,
        height: CELL_H * rows,
        data: { values: cells },
        layer: [
          {
            mark: { type: 'rect' as const, cornerRadius: 2, invalid: null },
            encoding: {
              x,
              y,
              color: {
                condition: [
                  { test: "datum.state === 'not-executed'", value: '#ececec' },
                  { test: "datum.state === 'unmeasured'", value: '#9ecae1' },
                ],
                field: 'impact',
                type: 'quantitative' as const,
                title: 'measured impact',
                scale: { domain: [0, 1], scheme: 'orangered' },
                legend: { orient: 'bottom' as const, direction: 'horizontal' as const, gradientLength: 240 },
              },
              description: { field: 'label' },
            },
          },
          {
            mark: { type: 'text' as const, fontSize: 10, aria: false },
            encoding: {
              x,
              y,
              text: { field: 'technique' },
              color: { condition: { test: "datum.state === 'measured' && datum.impact > 0.55", value: 'white' }, value: '#333' },
            },
          },
        ],
      },
    ],
    config: { ...CONFIG, view: { stroke: null } },
  };
  return spec as TopLevelSpec;
}
