/**
 * The attack paths of the threat analysis, per attacker: ranked technique chains to each
 * objective (techniques the lab executed are highlighted), the fewest extra mitigations that
 * cut them, and the Mermaid source of the graph for those who want to draw it.
 */
import type { LabResults } from '../lab/results.js';
import type { AttackPath, AttackerAnalysis, ThreatAnalysis } from '../threat/analyze.js';
import type { KnowledgeBase } from '../threat/knowledge-base.js';
import { analysisToMermaid } from '../threat/render/graphs.js';
import { formatNumber } from './format.js';
import { el, fragment, type Html } from './html.js';

/** Paths shown per objective (the rest are counted). */
export const PATHS_PER_OBJECTIVE = 3;

function executedBy(results: LabResults): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of results.scenarios) for (const t of s.techniques) out.set(t, [...(out.get(t) ?? []), s.id]);
  return out;
}

function pathLine(p: AttackPath, executed: ReadonlyMap<string, readonly string[]>): Html {
  return el(
    'li',
    { class: 'path' },
    p.steps.map((s, i) => {
      const by = executed.get(s.technique);
      return fragment(
        i > 0 ? fragment(' ', el('span', { class: 'arrow' }, '→'), ' ') : undefined,
        el('span', { class: by ? 'step executed' : 'step', title: by ? `executed by lab scenario ${by.join(', ')}` : s.tactics.join(', ') }, el('code', {}, s.technique), ` ${s.name}`),
      );
    }),
    el('span', { class: 'muted' }, ` — score ${formatNumber(p.score)}`),
  );
}

function mitigationList(kb: KnowledgeBase, ids: readonly string[]): Html {
  return fragment(ids.map((m, i) => fragment(i > 0 ? ', ' : '', el('code', {}, m), ` ${kb.mitigationById.get(m)?.name ?? ''}`)));
}

function attackerBlock(a: AttackerAnalysis, kb: KnowledgeBase, executed: ReadonlyMap<string, readonly string[]>): Html {
  const heading = el('h4', {}, `${a.name} (${a.attacker})`);
  if (!a.applicable) return fragment(heading, el('p', { class: 'muted' }, `Not applicable: ${a.reason}.`));
  const reached = a.objectives.filter((o) => o.reachable && o.paths.length > 0);
  const unreached = a.objectives.filter((o) => !o.reachable);
  const cut = a.cut;
  return fragment(
    heading,
    el('p', { class: 'muted' }, `Position: ${a.reason}.`),
    reached.length === 0 ? el('p', {}, 'No analysed objective is reachable.') : undefined,
    reached.map((o) =>
      fragment(
        el('p', {}, el('strong', {}, o.name), ` — ${o.paths.length} path${o.paths.length === 1 ? '' : 's'}${o.paths.length > PATHS_PER_OBJECTIVE ? `, the ${PATHS_PER_OBJECTIVE} highest-scoring shown` : ''}:`),
        el('ol', { class: 'chain' }, o.paths.slice(0, PATHS_PER_OBJECTIVE).map((p) => pathLine(p, executed))),
      ),
    ),
    unreached.length > 0 ? el('p', { class: 'muted' }, `Not reachable: ${unreached.map((o) => o.name).join(', ')}.`) : undefined,
    cut.mitigations.length > 0
      ? el('p', {}, `Fewest extra mitigations that cut every path (${cut.exact ? 'proven minimum' : `found greedily; at least ${cut.lowerBound} needed`}): `, mitigationList(kb, cut.mitigations), '.')
      : undefined,
    cut.uncuttableObjectives.length > 0 ? el('p', {}, `No mitigation of the knowledge base cuts: ${cut.uncuttableObjectives.join(', ')}.`) : undefined,
  );
}

/** The attack-paths section (one block per analysed deployment and attacker). */
export function pathsSection(analyses: readonly ThreatAnalysis[], kb: KnowledgeBase, results: LabResults): Html {
  const executed = executedBy(results);
  return el(
    'section',
    { id: 'paths' },
    el('h2', {}, 'Attack paths of the threat analysis'),
    el('p', { class: 'muted' }, 'Technique chains the attack-graph engine derives from each attacker\'s starting position; highlighted steps were executed by the lab in this run. Score = likelihood × impact.'),
    analyses.map((an) =>
      fragment(
        el('h3', {}, `Deployment ${an.deployment}`),
        el('p', { class: 'muted' }, `Knowledge base ${an.kbVersion}; exposure ledger: ${an.ledgerSource}; mitigations in effect: ${an.mitigationsInEffect.join(', ') || 'none'}.`),
        an.attackers.map((a) => attackerBlock(a, kb, executed)),
        el('details', {}, el('summary', {}, 'Mermaid source of the attack graph'), el('pre', {}, analysisToMermaid(an))),
      ),
    ),
  );
}
