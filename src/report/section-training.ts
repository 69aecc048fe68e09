/** The trained model, what training cost, and who received which asset (exposure ledger). */
import type { ExposureLedger } from '../deploy/ledger.js';
import { formatNumber, formatSeconds } from './format.js';
import { el, fragment, type Html } from './html.js';
import type { CircuitDiagram, TrainingSummary } from './input.js';

/** Per receiving party: the assets it received and how many messages carried them. */
export function exposureByParty(ledger: ExposureLedger): { party: string; assets: string[]; messages: number }[] {
  const out = new Map<string, { assets: Set<string>; messages: number }>();
  for (const r of ledger.records) {
    const e = out.get(r.to) ?? { assets: new Set<string>(), messages: 0 };
    out.set(r.to, e);
    e.assets.add(r.asset);
    e.messages++;
  }
  return [...out].map(([party, e]) => ({ party, assets: [...e.assets].sort(), messages: e.messages }));
}

/** The training section. */
export function trainingSection(t: TrainingSummary): Html {
  const facts: [string, string][] = [
    ['model', t.model],
    ...(t.dataset !== undefined ? [['dataset', t.dataset] as [string, string]] : []),
    ['device', t.device],
    ['test accuracy', formatNumber(t.accuracy)],
    ['training time', formatSeconds(t.seconds)],
    ['quantum provider charges', `$${t.costUsd.toFixed(2)}`],
  ];
  const exposure = t.ledger ? exposureByParty(t.ledger) : [];
  return el(
    'section',
    { id: 'training' },
    el('h2', {}, 'The model under attack'),
    el('dl', { class: 'facts' }, facts.map(([k, v]) => fragment(el('dt', {}, k), el('dd', {}, v)))),
    t.ledger
      ? fragment(
          el('h4', {}, `Exposure ledger (${t.ledger.source ?? 'recorded'}, ${t.ledger.records.length} messages across trust boundaries)`),
          el(
            'table',
            {},
            el('thead', {}, el('tr', {}, el('th', {}, 'party'), el('th', {}, 'received'), el('th', {}, 'messages'))),
            el('tbody', {}, exposure.map((e) => el('tr', {}, el('td', {}, el('code', {}, e.party)), el('td', {}, e.assets.join(', ')), el('td', { class: 'num' }, e.messages)))),
          ),
        )
      : undefined,
  );
}

/** The circuit diagrams section (text art in `<pre>`). */
export function circuitsSection(circuits: readonly CircuitDiagram[]): Html {
  return el('section', { id: 'circuits' }, el('h2', {}, 'Circuits'), circuits.map((c) => fragment(el('h3', {}, c.title), el('pre', {}, c.text))));
}
