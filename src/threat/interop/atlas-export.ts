/**
 * Exporting the knowledge base in ATLAS's own data format (the shape of `ATLAS.yaml`, checked
 * against ATLAS's `atlas_output_schema.json` in the tests), so tools that read ATLAS data can
 * read the QML kill chain. qmlsec-specific fields travel in an `x-qmlsec` object, which the
 * schema permits on techniques and mitigations.
 */
import { stringify } from 'yaml';
import type { KnowledgeBase } from '../knowledge-base.js';
import type { LiteratureReference } from '../model.js';

/** A reference in ATLAS's format. */
export interface AtlasReference {
  readonly title: string;
  readonly url: string | null;
}

/** Formats a reference as one citation line. */
export function formatCitation(r: LiteratureReference): string {
  const ids = [r.arxiv !== undefined ? `arXiv:${r.arxiv}` : '', r.doi !== undefined ? `doi:${r.doi}` : ''].filter((s) => s !== '').join(', ');
  return `${r.authors}. ${r.title}. ${r.venue}${r.year !== undefined ? `, ${r.year}` : ''}.${ids ? ` ${ids}.` : ''}`;
}

/** The best URL for a reference, or null. */
export function referenceUrl(r: LiteratureReference): string | null {
  if (r.arxiv !== undefined) return `https://arxiv.org/abs/${r.arxiv}`;
  if (r.doi !== undefined) return `https://doi.org/${r.doi}`;
  return r.url ?? null;
}

function references(kb: KnowledgeBase, keys: readonly string[]): AtlasReference[] {
  return keys
    .map((k) => kb.references.get(k))
    .filter((r): r is LiteratureReference => r !== undefined)
    .map((r) => ({ title: formatCitation(r), url: referenceUrl(r) }));
}

/** The knowledge base as an ATLAS-format data object. */
export function toAtlasData(kb: KnowledgeBase): Record<string, unknown> {
  const mitigatedBy = new Map<string, { id: string; use: string }[]>();
  for (const m of kb.mitigations) {
    for (const t of m.blocks) mitigatedBy.set(t, [...(mitigatedBy.get(t) ?? []), { id: m.id, use: 'blocks' }]);
    for (const t of m.hinders) mitigatedBy.set(t, [...(mitigatedBy.get(t) ?? []), { id: m.id, use: 'hinders' }]);
  }
  return {
    id: 'QMLSEC',
    name: 'qmlsec QML Kill Chain',
    version: kb.version,
    matrices: [
      {
        id: 'QML',
        name: 'QML Kill Chain',
        tactics: kb.tactics.map((t) => ({
          id: t.id,
          name: t.name,
          description: t.description,
          'object-type': 'tactic',
        })),
        techniques: kb.techniques.map((t) => ({
          id: t.id,
          name: t.name,
          description: t.description,
          'object-type': 'technique',
          tactics: [...t.tactics],
          maturity: t.maturity,
          references: references(kb, t.references),
          'x-qmlsec': {
            layer: t.layer,
            'workflow-steps': [...t.steps],
            assets: [...t.assets],
            impact: { ...t.impact },
            positions: [...t.positions],
            prerequisites: t.prerequisites.map((c) => (typeof c === 'string' ? c : [...c])),
            effects: [...t.effects],
            'atlas-analogues': [...t.atlas],
            detectability: t.detectability,
            mitigations: mitigatedBy.get(t.id) ?? [],
            ...(t.labAttack !== undefined ? { 'lab-attack': t.labAttack } : {}),
          },
        })),
        mitigations: kb.mitigations.map((m) => ({
          id: m.id,
          name: m.name,
          description: m.description,
          'object-type': 'mitigation',
          techniques: [
            ...m.blocks.map((id) => ({ id, use: 'Blocks this technique.' })),
            ...m.hinders.map((id) => ({ id, use: 'Makes this technique costlier or riskier.' })),
          ],
          references: references(kb, m.references),
          'x-qmlsec': { category: m.category, cost: { ...m.cost } },
        })),
      },
    ],
  };
}

/** The knowledge base as ATLAS-format YAML text. */
export function toAtlasYaml(kb: KnowledgeBase): string {
  return `---\n${stringify(toAtlasData(kb), { lineWidth: 100 })}`;
}
