/**
 * The lab report: one self-contained HTML page (inline CSS, charts as inline SVG rendered on
 * the server, no scripts, no network) and `writeReport`, which writes it next to
 * results.json and the per-scenario Navigator layers.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../core/errors.js';
import { writeLabResults } from '../lab/lab-run.js';
import { builtinKnowledgeBase } from '../threat/kb/index.js';
import { formatSeconds } from './format.js';
import { el, fragment, raw, type Html } from './html.js';
import type { ReportInput } from './input.js';
import { matrixSection } from './section-matrix.js';
import { pathsSection } from './section-paths.js';
import { scenarioAnchor, scenarioSection } from './section-scenario.js';
import { circuitsSection, trainingSection } from './section-training.js';
import { REPORT_CSS } from './style.js';
import { summaryRow } from './summary-table.js';

/** Name of the report file `writeReport` writes. */
export const REPORT_FILE = 'report.html';

function summarySection(input: ReportInput): Html {
  const rows = input.results.scenarios.map((r) => ({ r, row: summaryRow(r) }));
  return el(
    'section',
    { id: 'summary' },
    el('h2', {}, 'Summary'),
    rows.length === 0
      ? el('p', {}, 'No scenario was run.')
      : el(
          'table',
          {},
          el('thead', {}, el('tr', {}, ['scenario', 'attacker', 'key attack metric (no defense)', 'best defense → what it leaves', 'status', 'time'].map((h) => el('th', {}, h)))),
          el(
            'tbody',
            {},
            rows.map(({ r, row }) =>
              el(
                'tr',
                {},
                el('td', {}, el('a', { href: `#${scenarioAnchor(r.id)}` }, r.title), el('br'), el('code', { class: 'muted' }, r.id)),
                el('td', {}, row.attacker),
                el('td', {}, row.attack),
                el('td', {}, row.defense),
                el('td', {}, el('span', { class: `badge ${r.status}` }, r.status), r.status === 'complete' ? undefined : fragment(el('br'), `${r.errors.length}/${r.seeds.length} seeds failed`)),
                el('td', { class: 'num' }, formatSeconds(r.seconds)),
              ),
            ),
          ),
        ),
    el('p', { class: 'muted' }, 'Values are means over seeds ± the half-width of the 95 % confidence interval (Student t).'),
  );
}

function filesSection(input: ReportInput): Html {
  const files = ['results.json', ...input.results.scenarios.map((r) => `${r.id}.navigator.json`)];
  return el(
    'section',
    { id: 'files' },
    el('h2', {}, 'Files'),
    el('p', {}, 'Written next to this report: the measured results (means with 95 % CIs) and one ATLAS Navigator layer per scenario, scored with the measured impact.'),
    el('ul', {}, files.map((f) => el('li', {}, el('a', { href: f }, f)))),
  );
}

function contents(input: ReportInput): Html {
  const items: [string, string][] = [['summary', 'Summary']];
  if (input.training) items.push(['training', 'The model under attack']);
  items.push(['matrix', 'Kill-chain matrix']);
  for (const r of input.results.scenarios) items.push([scenarioAnchor(r.id), r.title]);
  if (input.analyses && input.analyses.length > 0) items.push(['paths', 'Attack paths']);
  if (input.circuits && input.circuits.length > 0) items.push(['circuits', 'Circuits']);
  if (input.linkFiles !== false) items.push(['files', 'Files']);
  return el('nav', {}, el('strong', {}, 'Contents'), el('ol', {}, items.map(([id, label]) => el('li', {}, el('a', { href: `#${id}` }, label)))));
}

/** Renders the report as one self-contained HTML page. */
export async function renderReport(input: ReportInput): Promise<string> {
  const kb = input.kb ?? builtinKnowledgeBase();
  const title = input.title ?? 'qmlsec attack-lab report';
  const { results } = input;
  const scenarios: Html[] = [];
  for (const r of results.scenarios) scenarios.push(await scenarioSection(r, kb));
  const counts = ['complete', 'partial', 'failed'].map((s) => `${results.scenarios.filter((r) => r.status === s).length} ${s}`).join(', ');
  const body = el(
    'main',
    {},
    el('header', {}, el('h1', {}, title), el('p', { class: 'meta' }, `Generated ${results.generated} by qmlsec ${results.qmlsec} · knowledge base ${kb.version} · ${results.scenarios.length} scenario${results.scenarios.length === 1 ? '' : 's'} (${counts})`)),
    contents(input),
    summarySection(input),
    input.training ? trainingSection(input.training) : undefined,
    await matrixSection(kb, results),
    scenarios,
    input.analyses && input.analyses.length > 0 ? pathsSection(input.analyses, kb, results) : undefined,
    input.circuits && input.circuits.length > 0 ? circuitsSection(input.circuits) : undefined,
    input.linkFiles !== false ? filesSection(input) : undefined,
  );
  const head = el(
    'head',
    {},
    el('meta', { charset: 'utf-8' }),
    el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    el('title', {}, title),
    el('style', {}, raw(REPORT_CSS)),
  );
  return `<!DOCTYPE html>\n${el('html', { lang: 'en' }, head, el('body', {}, body)).markup}\n`;
}

/** Files written by {@link writeReport}. */
export interface ReportFiles {
  /** Path of report.html. */
  readonly html: string;
  /** Every file written (results.json, the Navigator layers, report.html). */
  readonly files: readonly string[];
}

/**
 * Writes results.json, one Navigator layer per scenario and report.html into `dir` (the
 * measurements first, so that they are kept even if rendering fails).
 */
export async function writeReport(dir: string, input: ReportInput): Promise<ReportFiles> {
  const files = [...writeLabResults(input.results, dir)];
  const html = await renderReport(input);
  const path = join(dir, REPORT_FILE);
  try {
    writeFileSync(path, html);
  } catch (err) {
    throw new InputError(`cannot write ${path}: ${(err as Error).message}`, 'FILE');
  }
  files.push(path);
  return { html: path, files };
}
