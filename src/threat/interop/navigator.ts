/**
 * ATT&CK/ATLAS Navigator layers (layer format 4.5). The domain and tactic shortnames are the
 * ones ATLAS's own layers use (`atlas-atlas`, `reconnaissance`, `ai-model-access`, …).
 *
 * Two ID spaces: `qml` writes our `QML.T…` IDs, for a Navigator loaded with qmlsec's STIX
 * bundle as custom data; `atlas` maps every technique onto its ATLAS analogues (maximum score
 * per ATLAS ID), so the layer displays over the stock ATLAS matrix.
 */
import type { ThreatAnalysis } from '../analyze.js';
import type { KnowledgeBase } from '../knowledge-base.js';
import { MATURITY_WEIGHT } from '../score.js';
import { ATLAS_DATA_VERSION } from '../kb/tactics.js';

/** Layer format version written. */
export const LAYER_FORMAT_VERSION = '4.5';
/** Navigator version declared (the 4.5 format requires at least 4.9.0). */
export const NAVIGATOR_VERSION = '5.2.0';
/** The Navigator domain ATLAS layers use. */
export const ATLAS_DOMAIN = 'atlas-atlas';

/** One technique entry of a layer. */
export interface LayerTechnique {
  readonly techniqueID: string;
  readonly tactic?: string;
  readonly score: number;
  readonly comment: string;
  readonly enabled: boolean;
  readonly showSubtechniques?: boolean;
}

/** A Navigator layer (the fields qmlsec writes). */
export interface NavigatorLayer {
  readonly name: string;
  readonly versions: { readonly layer: string; readonly navigator: string };
  readonly domain: string;
  readonly description: string;
  readonly sorting: number;
  readonly layout: Record<string, string | boolean>;
  readonly hideDisabled: boolean;
  readonly techniques: readonly LayerTechnique[];
  readonly gradient: { readonly colors: readonly string[]; readonly minValue: number; readonly maxValue: number };
  readonly legendItems: readonly { readonly label: string; readonly color: string }[];
  readonly metadata: readonly { readonly name: string; readonly value: string }[];
  readonly showTacticRowBackground: boolean;
  readonly tacticRowBackground: string;
  readonly selectTechniquesAcrossTactics: boolean;
  readonly selectSubtechniquesWithParent: boolean;
  readonly selectVisibleTechniques: boolean;
}

/** Options of {@link toNavigatorLayer}. */
export interface NavigatorLayerOptions {
  readonly name: string;
  readonly description: string;
  /** Score per QML technique ID (techniques without a score are left out). */
  readonly scores: ReadonlyMap<string, number>;
  /** Comment per QML technique ID. */
  readonly comments?: ReadonlyMap<string, string>;
  readonly idSpace?: 'qml' | 'atlas';
  readonly maxValue?: number;
  readonly legend?: readonly { readonly label: string; readonly color: string }[];
}

/** Builds a layer from per-technique scores. */
export function toNavigatorLayer(kb: KnowledgeBase, options: NavigatorLayerOptions): NavigatorLayer {
  const shortname = new Map(kb.tactics.map((t) => [t.id, t.shortname]));
  const entries: LayerTechnique[] = [];
  if ((options.idSpace ?? 'qml') === 'qml') {
    for (const t of kb.techniques) {
      const score = options.scores.get(t.id);
      if (score === undefined) continue;
      const comment = options.comments?.get(t.id) ?? t.name;
      for (const tactic of t.tactics) entries.push({ techniqueID: t.id, tactic: shortname.get(tactic) ?? tactic, score, comment, enabled: true });
    }
  } else {
    const best = new Map<string, { score: number; from: string[] }>();
    for (const t of kb.techniques) {
      const score = options.scores.get(t.id);
      if (score === undefined) continue;
      for (const a of t.atlas) {
        const cur = best.get(a) ?? { score: -Infinity, from: [] };
        best.set(a, { score: Math.max(cur.score, score), from: [...cur.from, t.id] });
      }
    }
    for (const [id, v] of [...best].sort(([a], [b]) => a.localeCompare(b))) {
      entries.push({ techniqueID: id, score: v.score, comment: `QML analogues: ${v.from.join(', ')}`, enabled: true, showSubtechniques: false });
    }
  }
  const maxScore = Math.max(1, ...entries.map((e) => e.score));
  return {
    name: options.name,
    versions: { layer: LAYER_FORMAT_VERSION, navigator: NAVIGATOR_VERSION },
    domain: ATLAS_DOMAIN,
    description: options.description,
    sorting: 3,
    layout: { layout: 'side', showID: true, showName: true, showAggregateScores: false, countUnscored: false, aggregateFunction: 'max', expandedSubtechniques: 'annotated' },
    hideDisabled: false,
    techniques: entries,
    gradient: { colors: ['#ffffff', '#ffe766', '#ff6666'], minValue: 0, maxValue: options.maxValue ?? maxScore },
    legendItems: options.legend ?? [],
    metadata: [
      { name: 'generator', value: 'qmlsec' },
      { name: 'qmlsec_kb_version', value: kb.version },
      { name: 'atlas_data_version', value: ATLAS_DATA_VERSION },
    ],
    showTacticRowBackground: false,
    tacticRowBackground: '#dddddd',
    selectTechniquesAcrossTactics: true,
    selectSubtechniquesWithParent: false,
    selectVisibleTechniques: false,
  };
}

/** The whole matrix as a layer, scored by maturity (feasible 1, demonstrated 2, realized 3). */
export function matrixLayer(kb: KnowledgeBase, idSpace: 'qml' | 'atlas' = 'qml'): NavigatorLayer {
  const level = { feasible: 1, demonstrated: 2, realized: 3 } as const;
  const scores = new Map(kb.techniques.map((t) => [t.id, level[t.maturity]]));
  const comments = new Map(kb.techniques.map((t) => [t.id, `${t.name} — ${t.layer} layer, steps ${t.steps.join(', ')}, maturity ${t.maturity} (weight ${MATURITY_WEIGHT[t.maturity]})`]));
  return toNavigatorLayer(kb, {
    name: 'qmlsec QML kill chain',
    description: `QML techniques of the qmlsec knowledge base ${kb.version}, scored by maturity (1 feasible, 2 demonstrated, 3 realized).`,
    scores,
    comments,
    idSpace,
    maxValue: 3,
    legend: [
      { label: 'feasible', color: '#ffe766' },
      { label: 'realized', color: '#ff6666' },
    ],
  });
}

/**
 * An analysis as a layer: each technique's score is 100 × the best score of a path that uses
 * it; the comment lists the attackers and objectives of those paths.
 */
export function analysisLayer(kb: KnowledgeBase, analysis: ThreatAnalysis, idSpace: 'qml' | 'atlas' = 'qml'): NavigatorLayer {
  const scores = new Map<string, number>();
  const uses = new Map<string, Set<string>>();
  for (const a of analysis.attackers) {
    for (const o of a.objectives) {
      for (const p of o.paths) {
        for (const t of p.techniques) {
          scores.set(t, Math.max(scores.get(t) ?? 0, Math.round(p.score * 100)));
          uses.set(t, (uses.get(t) ?? new Set()).add(`${a.attacker} → ${o.id}`));
        }
      }
    }
  }
  const comments = new Map([...uses].map(([t, s]) => [t, `${kb.techniqueById.get(t)?.name ?? t}; on paths of: ${[...s].join('; ')}`]));
  const who = analysis.attackers.filter((a) => a.applicable).map((a) => a.attacker).join(', ') || 'no applicable attacker';
  return toNavigatorLayer(kb, {
    name: `qmlsec attack paths: ${analysis.deployment}`,
    description: `Techniques on ranked attack paths in deployment ${analysis.deployment} (${who}); score = 100 × best path score.`,
    scores,
    comments,
    idSpace,
    maxValue: 100,
  });
}
