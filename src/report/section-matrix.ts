/** The kill-chain matrix section: the heat map and the list of executed techniques. */
import type { LabResults } from '../lab/results.js';
import type { KnowledgeBase } from '../threat/knowledge-base.js';
import { matrixSpec } from './chart-specs.js';
import { formatNumber } from './format.js';
import { el, fragment, raw, type Html } from './html.js';
import { killChainMatrix } from './matrix.js';
import { scenarioAnchor } from './section-scenario.js';
import { vegaLiteToSvg } from './vega-svg.js';

/** The section with the heat map. */
export async function matrixSection(kb: KnowledgeBase, results: LabResults): Promise<Html> {
  const matrix = killChainMatrix(kb, results);
  const svg = await vegaLiteToSvg(matrixSpec(matrix), 'Kill-chain matrix coloured by measured impact');
  return el(
    'section',
    { id: 'matrix' },
    el('h2', {}, 'Kill-chain matrix: measured impact'),
    el(
      'p',
      { class: 'muted' },
      `Columns: the ${matrix.tactics.length} MITRE ATLAS tactics in matrix order; cells: the ${kb.techniques.length} QML techniques of knowledge base ${kb.version}. `,
      'Coloured: executed by the lab, by measured impact (0 = none, 1 = full; the highest over the scenarios that executed it). ',
      'Light blue: executed, impact not measured (e.g. the scenario failed). Grey: not executed by this run.',
    ),
    el('figure', { class: 'matrix', 'data-chart': 'kill-chain-matrix' }, raw(svg)),
    el('h4', {}, 'Executed techniques'),
    matrix.executed.length === 0
      ? el('p', {}, 'No technique was executed.')
      : el(
          'table',
          {},
          el('thead', {}, el('tr', {}, el('th', {}, 'technique'), el('th', {}, 'name'), el('th', {}, 'measured impact'), el('th', {}, 'scenarios'))),
          el(
            'tbody',
            {},
            matrix.executed.map((e) =>
              el(
                'tr',
                {},
                el('td', {}, el('code', {}, e.technique)),
                el('td', {}, e.name ?? (kb.techniqueById.has(e.technique) ? '' : 'outside the QML matrix')),
                el('td', { class: 'num' }, formatNumber(e.impact)),
                el('td', {}, e.scenarios.map((s, i) => fragment(i > 0 ? ', ' : '', el('a', { href: `#${scenarioAnchor(s)}` }, s)))),
              ),
            ),
          ),
        ),
    matrix.outside.length > 0
      ? el('p', { class: 'muted' }, `Not in the matrix above (not QML techniques of the knowledge base): ${matrix.outside.map((e) => e.technique).join(', ')}.`)
      : undefined,
  );
}
