export { renderReport, writeReport, REPORT_FILE, type ReportFiles } from './report.js';
export type { ReportInput, TrainingSummary, CircuitDiagram } from './input.js';
export { summaryTable, summaryRow, statusText, type SummaryRow } from './summary-table.js';
export { keyMetric, bestDefense, type KeyMetric, type BestDefense } from './key-metric.js';
export { chartGroups, splitSeriesName, trapezoidAuc, type ChartGroup, type ChartLine } from './charts.js';
export { killChainMatrix, executedTechniques, type KillChainMatrix, type MatrixCell, type CellState, type ExecutedTechnique } from './matrix.js';
export { vegaLiteToSvg } from './vega-svg.js';
export { escapeHtml } from './html.js';
export { formatSummary } from './format.js';
