/**
 * One scenario's section: status (errors shown, never hidden), the technique chain with its
 * measured impact, anchor (published claim vs what we measured), charts, the attack-vs-
 * defenses table and each defense's cost.
 */
import type { ScenarioResult, SummaryJson } from '../lab/results.js';
import type { KnowledgeBase } from '../threat/knowledge-base.js';
import { chartGroups } from './charts.js';
import { curveSpec } from './chart-specs.js';
import { formatNumber, formatSeconds, formatSummary } from './format.js';
import { anchorId, el, fragment, raw, type Html } from './html.js';
import { keyMetric } from './key-metric.js';
import { vegaLiteToSvg } from './vega-svg.js';

/** Notes that steer the report (chart axes, key metric) rather than describe the run. */
const REPORT_NOTE = /^(chart_(x|y|kind)(:.*)?|key_metric|key_metric_goal)$/;

/** The id of a scenario's section. */
export function scenarioAnchor(id: string): string {
  return anchorId('scenario', id);
}

function summaryCell(s: SummaryJson | undefined): Html {
  return el('td', { class: 'num', title: s ? `n = ${s.n}; 95 % CI [${formatNumber(s.ci95[0])}, ${formatNumber(s.ci95[1])}]` : undefined }, formatSummary(s));
}

function statusBlock(r: ScenarioResult): Html | undefined {
  if (r.errors.length === 0 && r.status === 'complete') return undefined;
  const headline =
    r.status === 'failed'
      ? `Failed: no seed completed (${r.errors.length} of ${r.seeds.length} seeds failed). Nothing below was measured.`
      : `Partial result: ${r.errors.length} of ${r.seeds.length} seeds failed; the numbers below come from the other ${r.seeds.length - r.errors.length}.`;
  return el(
    'div',
    { class: `errors ${r.status}` },
    el('strong', {}, headline),
    el('ul', {}, r.errors.map((e) => el('li', {}, `seed ${e.seed}: `, el('code', {}, e.message)))),
  );
}

function chain(r: ScenarioResult, kb: KnowledgeBase): Html {
  return el(
    'ol',
    { class: 'chain' },
    r.techniques.map((t) => {
      const tech = kb.techniqueById.get(t);
      const tactics = tech?.tactics.map((id) => kb.tacticById.get(id)?.name ?? id).join(', ');
      const impact = r.impact[t];
      return el(
        'li',
        {},
        el('code', {}, t),
        ' ',
        tech?.name ?? '(not a QML technique of the knowledge base)',
        tactics ? el('span', { class: 'muted' }, ` — ${tactics}`) : undefined,
        el('span', { class: 'muted' }, ` — measured impact ${impact !== undefined && Number.isFinite(impact) ? formatNumber(impact) : '—'}`),
      );
    }),
  );
}

function anchorBlock(r: ScenarioResult): Html | undefined {
  if (!r.anchor) return undefined;
  const key = keyMetric(r);
  return el(
    'div',
    { class: 'anchor' },
    el('div', {}, el('div', { class: 'label' }, 'Anchor — published claim'), el('p', {}, r.anchor.claim), el('p', { class: 'muted' }, `Source: ${r.anchor.source}`)),
    el(
      'div',
      {},
      el('div', { class: 'label' }, 'Measured here by qmlsec'),
      key
        ? el('p', {}, el('code', {}, key.name), ` = ${formatSummary(key.value)} `, el('span', { class: 'muted' }, `(mean ± 95 % CI half-width over ${key.value.n} seed${key.value.n === 1 ? '' : 's'}, no defense)`))
        : el('p', {}, 'Nothing was measured.'),
      el('p', { class: 'muted' }, 'See the table and charts below for every metric.'),
    ),
  );
}

function metricsTable(r: ScenarioResult): Html {
  const names = [...Object.keys(r.metrics)];
  for (const d of r.defenses) for (const k of Object.keys(d.metrics)) if (!names.includes(k)) names.push(k);
  if (names.length === 0) return el('p', { class: 'muted' }, 'No attack metric was measured.');
  const key = keyMetric(r)?.name;
  return el(
    'table',
    { class: 'metrics' },
    el('thead', {}, el('tr', {}, el('th', {}, 'metric'), el('th', {}, 'no defense'), r.defenses.map((d) => el('th', {}, `with ${d.id}`)))),
    el(
      'tbody',
      {},
      names.map((n) => el('tr', { class: n === key ? 'key' : undefined }, el('td', {}, el('code', {}, n)), summaryCell(r.metrics[n]), r.defenses.map((d) => summaryCell(d.metrics[n])))),
    ),
  );
}

function costTable(r: ScenarioResult, kb: KnowledgeBase): Html | undefined {
  if (r.defenses.length === 0) return undefined;
  return el(
    'table',
    { class: 'costs' },
    el('thead', {}, el('tr', {}, el('th', {}, 'defense'), el('th', {}, 'mitigations'), el('th', {}, 'what it does'), el('th', {}, 'measured cost'))),
    el(
      'tbody',
      {},
      r.defenses.map((d) =>
        el(
          'tr',
          {},
          el('td', {}, el('code', {}, d.id)),
          el('td', {}, d.mitigations.map((m, i) => fragment(i > 0 ? el('br') : undefined, el('code', {}, m), ` ${kb.mitigationById.get(m)?.name ?? ''}`))),
          el('td', {}, d.description),
          el(
            'td',
            {},
            Object.keys(d.cost).length === 0
              ? el('span', { class: 'muted' }, 'not measured')
              : Object.entries(d.cost).map(([k, v], i) => fragment(i > 0 ? el('br') : undefined, el('code', {}, k), ` = ${formatSummary(v)}`)),
          ),
        ),
      ),
    ),
  );
}

function notesBlock(r: ScenarioResult): Html | undefined {
  const notes = Object.entries(r.notes).filter(([k]) => !REPORT_NOTE.test(k));
  if (notes.length === 0) return undefined;
  return fragment(el('h4', {}, 'Notes'), el('dl', { class: 'facts' }, notes.map(([k, v]) => fragment(el('dt', {}, k), el('dd', {}, typeof v === 'number' ? formatNumber(v) : v)))));
}

/** Renders the charts of a scenario (one per chart group) as figures with inline SVG. */
export async function scenarioCharts(r: ScenarioResult): Promise<Html[]> {
  const out: Html[] = [];
  for (const g of chartGroups(r)) {
    const svg = await vegaLiteToSvg(curveSpec(g), g.title);
    const caption = g.kind === 'roc' ? 'ROC curve; dashed: chance. Bands: 95 % CI over seeds.' : 'Mean over seeds; bands: 95 % CI.';
    out.push(el('figure', { class: `chart ${g.kind}`, 'data-chart': g.key || 'main' }, raw(svg), el('figcaption', {}, caption)));
  }
  return out;
}

/** The section of one scenario. */
export async function scenarioSection(r: ScenarioResult, kb: KnowledgeBase): Promise<Html> {
  const attacker = kb.profiles.find((p) => p.id === r.attacker)?.name ?? r.attacker;
  const charts = await scenarioCharts(r);
  const costs = costTable(r, kb);
  return el(
    'section',
    { id: scenarioAnchor(r.id), class: 'scenario' },
    el('h2', {}, r.title, ' ', el('span', { class: `badge ${r.status}` }, r.status)),
    el('p', { class: 'meta' }, el('code', {}, r.id), ` · attacker: ${attacker} (${r.attacker}) · ${r.seeds.length} seed${r.seeds.length === 1 ? '' : 's'} · ${formatSeconds(r.seconds)}`),
    statusBlock(r),
    el('h4', {}, 'Kill-chain path executed'),
    chain(r, kb),
    anchorBlock(r),
    charts.length > 0 ? fragment(el('h4', {}, 'Charts'), el('div', { class: 'charts' }, charts)) : undefined,
    el('h4', {}, 'What the attacker gets, without and with each defense'),
    metricsTable(r),
    costs ? fragment(el('h4', {}, 'What each defense costs'), costs) : undefined,
    notesBlock(r),
  );
}
