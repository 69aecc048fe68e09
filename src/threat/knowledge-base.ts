/**
 * Building a knowledge base: structural validation (zod) and cross-reference validation —
 * every tactic, token, reference, position and technique a record names must exist — with the
 * path of each offending field. The built-in knowledge base is validated the same way when it
 * is first loaded.
 */
import { ValidationError } from '../core/errors.js';
import { parseYaml } from '../core/schema.js';
import { structureIssues, type FieldIssue } from '../deploy/structure.js';
import type {
  AtlasCatalog,
  AttackerProfile,
  Mitigation,
  Objective,
  ObjectiveId,
  ProfileId,
  LiteratureReference,
  Tactic,
  Technique,
  CapabilityToken,
} from './model.js';
import { KnowledgeBaseSchema, type KnowledgeBaseData } from './schema.js';

/** A validated, indexed knowledge base. */
export interface KnowledgeBase {
  readonly version: string;
  /** Release date (YYYY-MM-DD); used as the created/modified time of exported objects. */
  readonly released: string;
  readonly tactics: readonly Tactic[];
  readonly tokens: ReadonlyMap<string, CapabilityToken>;
  readonly references: ReadonlyMap<string, LiteratureReference>;
  readonly techniques: readonly Technique[];
  readonly mitigations: readonly Mitigation[];
  readonly objectives: readonly Objective[];
  readonly profiles: readonly AttackerProfile[];
  readonly tacticById: ReadonlyMap<string, Tactic>;
  readonly techniqueById: ReadonlyMap<string, Technique>;
  readonly mitigationById: ReadonlyMap<string, Mitigation>;
  readonly objectiveById: ReadonlyMap<ObjectiveId, Objective>;
  readonly profileById: ReadonlyMap<ProfileId, AttackerProfile>;
  /** ATLAS data merged in with `mergeAtlas`, if any. */
  readonly atlas?: AtlasCatalog;
}

function listed(values: Iterable<string>, max = 10): string {
  const all = [...values];
  return all.length > max ? `${all.slice(0, max).join(', ')}, …` : all.join(', ');
}

function duplicates<T extends { id: string }>(items: readonly T[], section: string, issues: FieldIssue[]): Map<string, T> {
  const map = new Map<string, T>();
  items.forEach((item, i) => {
    if (map.has(item.id)) issues.push({ path: [section, i, 'id'], message: `duplicate ID "${item.id}"` });
    else map.set(item.id, item);
  });
  return map;
}

function crossCheck(data: KnowledgeBaseData, issues: FieldIssue[]): void {
  const tactics = duplicates(data.tactics, 'tactics', issues);
  const tokens = duplicates(data.tokens, 'tokens', issues);
  const refs = duplicates(data.references, 'references', issues);
  const techniques = duplicates(data.techniques, 'techniques', issues);
  duplicates(data.mitigations, 'mitigations', issues);
  duplicates(data.objectives, 'objectives', issues);
  duplicates(data.profiles, 'profiles', issues);

  const checkToken = (id: string, path: (string | number)[]): void => {
    if (!tokens.has(id)) issues.push({ path, message: `unknown token "${id}" (declare it under tokens)` });
  };
  data.techniques.forEach((t, i) => {
    t.tactics.forEach((id, j) => {
      if (!tactics.has(id)) issues.push({ path: ['techniques', i, 'tactics', j], message: `unknown tactic "${id}" (valid: ${listed(tactics.keys(), 16)})` });
    });
    t.prerequisites.forEach((clause, j) => {
      if (typeof clause === 'string') checkToken(clause, ['techniques', i, 'prerequisites', j]);
      else clause.forEach((id, k) => checkToken(id, ['techniques', i, 'prerequisites', j, k]));
    });
    t.effects.forEach((id, j) => checkToken(id, ['techniques', i, 'effects', j]));
    t.references.forEach((id, j) => {
      if (!refs.has(id)) issues.push({ path: ['techniques', i, 'references', j], message: `unknown reference "${id}"` });
    });
  });
  data.mitigations.forEach((m, i) => {
    for (const field of ['blocks', 'hinders'] as const) {
      m[field].forEach((id, j) => {
        if (!techniques.has(id)) issues.push({ path: ['mitigations', i, field, j], message: `unknown technique "${id}"` });
      });
    }
    m.blocks.forEach((id, j) => {
      if (m.hinders.includes(id)) issues.push({ path: ['mitigations', i, 'blocks', j], message: `"${id}" is both blocked and hindered` });
    });
    if (m.blocks.length + m.hinders.length === 0) issues.push({ path: ['mitigations', i], message: 'blocks and hinders are both empty' });
    m.references.forEach((id, j) => {
      if (!refs.has(id)) issues.push({ path: ['mitigations', i, 'references', j], message: `unknown reference "${id}"` });
    });
  });
  data.objectives.forEach((o, i) => o.goals.forEach((id, j) => checkToken(id, ['objectives', i, 'goals', j])));
  data.profiles.forEach((p, i) => {
    p.base.forEach((id, j) => checkToken(id, ['profiles', i, 'base', j]));
    p.grants.forEach((g, j) => {
      g.when.forEach((id, k) => checkToken(id, ['profiles', i, 'grants', j, 'when', k]));
      g.tokens.forEach((id, k) => checkToken(id, ['profiles', i, 'grants', j, 'tokens', k]));
    });
  });
}

function index(data: KnowledgeBaseData, atlas?: AtlasCatalog): KnowledgeBase {
  const techniques: Technique[] = data.techniques.map((t) => ({ ...t }));
  return {
    version: data.version,
    released: data.released,
    tactics: data.tactics,
    tokens: new Map(data.tokens.map((t) => [t.id, t])),
    references: new Map(data.references.map((r) => [r.id, r])),
    techniques,
    mitigations: data.mitigations,
    objectives: data.objectives,
    profiles: data.profiles,
    tacticById: new Map(data.tactics.map((t) => [t.id, t])),
    techniqueById: new Map(techniques.map((t) => [t.id, t])),
    mitigationById: new Map(data.mitigations.map((m) => [m.id, m])),
    objectiveById: new Map(data.objectives.map((o) => [o.id, o])),
    profileById: new Map(data.profiles.map((p) => [p.id, p])),
    ...(atlas !== undefined ? { atlas } : {}),
  };
}

/**
 * Validates knowledge-base data (structure, then cross-references) and indexes it. Throws a
 * ValidationError listing every problem with its field path.
 */
export function buildKnowledgeBase(input: unknown, subject = 'knowledge base'): KnowledgeBase {
  const parsed = KnowledgeBaseSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(subject, structureIssues(parsed.error.issues));
  const issues: FieldIssue[] = [];
  crossCheck(parsed.data, issues);
  if (issues.length > 0) throw new ValidationError(subject, issues);
  return index(parsed.data);
}

/** Parses a knowledge base written in YAML (same shape as the built-in data). */
export function parseKnowledgeBase(text: string, file?: string): KnowledgeBase {
  return buildKnowledgeBase(parseYaml(text, file), `knowledge base${file ? ` ${file}` : ''}`);
}

/** The same knowledge base with ATLAS data attached. */
export function withAtlas(kb: KnowledgeBase, atlas: AtlasCatalog): KnowledgeBase {
  return { ...kb, atlas };
}

/** Looks up anything by ID: technique, tactic, mitigation, ATLAS entry, objective or profile. */
export type KbEntry =
  | { readonly kind: 'technique'; readonly value: Technique }
  | { readonly kind: 'tactic'; readonly value: Tactic }
  | { readonly kind: 'mitigation'; readonly value: Mitigation }
  | { readonly kind: 'atlas-technique'; readonly value: NonNullable<KnowledgeBase['atlas']>['techniques'][number] }
  | { readonly kind: 'atlas-mitigation'; readonly value: NonNullable<KnowledgeBase['atlas']>['mitigations'][number] }
  | { readonly kind: 'objective'; readonly value: Objective }
  | { readonly kind: 'profile'; readonly value: AttackerProfile };

/** Finds an entry by ID (case-insensitive), or undefined. */
export function findEntry(kb: KnowledgeBase, id: string): KbEntry | undefined {
  const key = id.trim();
  const upper = key.toUpperCase();
  const technique = kb.techniqueById.get(upper);
  if (technique) return { kind: 'technique', value: technique };
  const tactic = kb.tacticById.get(upper) ?? kb.tactics.find((t) => t.shortname === key.toLowerCase());
  if (tactic) return { kind: 'tactic', value: tactic };
  const mitigation = kb.mitigationById.get(upper);
  if (mitigation) return { kind: 'mitigation', value: mitigation };
  const atlasTechnique = kb.atlas?.techniques.find((t) => t.id === upper);
  if (atlasTechnique) return { kind: 'atlas-technique', value: atlasTechnique };
  const atlasMitigation = kb.atlas?.mitigations.find((m) => m.id === upper);
  if (atlasMitigation) return { kind: 'atlas-mitigation', value: atlasMitigation };
  const objective = kb.objectives.find((o) => o.id === key.toLowerCase());
  if (objective) return { kind: 'objective', value: objective };
  const profile = kb.profiles.find((p) => p.id === key.toLowerCase());
  if (profile) return { kind: 'profile', value: profile };
  return undefined;
}
