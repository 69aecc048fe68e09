/**
 * STIX 2.1 export in the style of ATLAS's own STIX bundle: `x-mitre-tactic` objects with
 * `x_mitre_shortname`, `attack-pattern` objects with `mitre-atlas` kill-chain phases,
 * `course-of-action` objects, `mitigates` relationships and an `x-mitre-matrix`.
 *
 * Identifiers are deterministic: UUIDv5 of `<type>:<external ID>` in the qmlsec namespace, and
 * timestamps are the knowledge base's release date, so exporting the same knowledge base twice
 * yields byte-identical bundles. ATLAS analogues and literature are external references.
 */
import type { KnowledgeBase } from '../knowledge-base.js';
import { formatCitation, referenceUrl } from './atlas-export.js';
import { QMLSEC_STIX_NAMESPACE, uuidV5 } from './uuid.js';

/** A STIX object (only the common properties are typed). */
export interface StixObject {
  readonly type: string;
  readonly spec_version: '2.1';
  readonly id: string;
  readonly created: string;
  readonly modified: string;
  readonly [property: string]: unknown;
}

/** A STIX 2.1 bundle. */
export interface StixBundle {
  readonly type: 'bundle';
  readonly id: string;
  readonly objects: readonly StixObject[];
}

/** The kill-chain name used in `kill_chain_phases` (the same as ATLAS's). */
export const KILL_CHAIN_NAME = 'mitre-atlas';

/** The deterministic STIX ID of an object of `type` named `key`. */
export function stixId(type: string, key: string): string {
  return `${type}--${uuidV5(QMLSEC_STIX_NAMESPACE, `${type}:${key}`)}`;
}

/** The knowledge base as a STIX 2.1 bundle. */
export function toStixBundle(kb: KnowledgeBase): StixBundle {
  const time = `${kb.released}T00:00:00.000Z`;
  const identity = stixId('identity', 'qmlsec');
  const common = (type: string, key: string) => ({
    type,
    spec_version: '2.1' as const,
    id: stixId(type, key),
    created: time,
    modified: time,
    created_by_ref: identity,
  });
  const shortname = new Map(kb.tactics.map((t) => [t.id, t.shortname]));
  const objects: StixObject[] = [
    { type: 'identity', spec_version: '2.1', id: identity, created: time, modified: time, name: 'qmlsec', identity_class: 'system', description: 'qmlsec QML kill-chain knowledge base' },
  ];
  const tactics = kb.tactics.map((t) => ({
    ...common('x-mitre-tactic', t.id),
    name: t.name,
    description: t.description,
    external_references: [{ source_name: 'mitre-atlas', url: `https://atlas.mitre.org/tactics/${t.id}`, external_id: t.id }],
    x_mitre_shortname: t.shortname,
  }));
  objects.push(...tactics);
  objects.push({
    ...common('x-mitre-matrix', 'qml-kill-chain'),
    name: 'QML Kill Chain',
    description: 'qmlsec QML kill chain over the ATLAS tactics',
    external_references: [{ source_name: 'qmlsec', external_id: 'qml-kill-chain' }],
    tactic_refs: tactics.map((t) => t.id),
  });
  for (const t of kb.techniques) {
    objects.push({
      ...common('attack-pattern', t.id),
      name: t.name,
      description: t.description,
      kill_chain_phases: t.tactics.map((id) => ({ kill_chain_name: KILL_CHAIN_NAME, phase_name: shortname.get(id) ?? id })),
      external_references: [
        { source_name: 'qmlsec', external_id: t.id },
        ...t.atlas.map((a) => ({ source_name: 'mitre-atlas', external_id: a, url: `https://atlas.mitre.org/techniques/${a}`, description: 'ATLAS analogue' })),
        ...t.references.flatMap((key) => {
          const r = kb.references.get(key);
          if (!r) return [];
          const url = referenceUrl(r);
          return [{ source_name: key, description: formatCitation(r), ...(url !== null ? { url } : {}) }];
        }),
      ],
      x_mitre_platforms: ['QMLaaS'],
      x_qmlsec_layer: t.layer,
      x_qmlsec_workflow_steps: [...t.steps],
      x_qmlsec_maturity: t.maturity,
      x_qmlsec_detectability: t.detectability,
      x_qmlsec_prerequisites: t.prerequisites.map((c) => (typeof c === 'string' ? c : [...c])),
      x_qmlsec_effects: [...t.effects],
    });
  }
  for (const m of kb.mitigations) {
    const atlas = m.id.startsWith('AML.');
    objects.push({
      ...common('course-of-action', m.id),
      name: m.name,
      description: m.description,
      external_references: [
        atlas
          ? { source_name: 'mitre-atlas', external_id: m.id, url: `https://atlas.mitre.org/mitigations/${m.id}` }
          : { source_name: 'qmlsec', external_id: m.id },
      ],
      x_qmlsec_cost: m.cost.level,
      x_qmlsec_category: m.category,
    });
    for (const [kind, list] of [['blocks', m.blocks], ['hinders', m.hinders]] as const) {
      for (const t of list) {
        objects.push({
          ...common('relationship', `${m.id}|mitigates|${t}`),
          relationship_type: 'mitigates',
          description: kind === 'blocks' ? `${m.name} blocks this technique.` : `${m.name} makes this technique costlier or riskier.`,
          source_ref: stixId('course-of-action', m.id),
          target_ref: stixId('attack-pattern', t),
          x_qmlsec_effect: kind,
        });
      }
    }
  }
  return { type: 'bundle', id: stixId('bundle', `qmlsec-kb-${kb.version}`), objects };
}
