/**
 * Importing MITRE ATLAS's data file (`ATLAS.yaml`, as distributed in the `atlas-data`
 * repository) and merging its techniques and mitigations into a knowledge base.
 *
 * Validation is lenient about fields qmlsec does not use (case studies, dates, lifecycle
 * tags) and strict about what it does use: IDs, names, descriptions, tactic references,
 * sub-technique parents and mitigation → technique links. Every problem names its path, e.g.
 * `matrices[0].techniques[12].tactics[0]: unknown tactic "AML.TA9999"`.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError, ValidationError } from '../../core/errors.js';
import { parseYaml } from '../../core/schema.js';
import { structureIssues, type FieldIssue } from '../../deploy/structure.js';
import { withAtlas, type KnowledgeBase } from '../knowledge-base.js';
import { MATURITY_LEVELS, type AtlasCatalog, type AtlasMitigation, type AtlasTechnique } from '../model.js';
/** ATLAS-style identifiers (the patterns of ATLAS's own output schema; any prefix). */
const TACTIC = /^(?:[A-Z]+\d*\.)+TA\d{4}$/;
const TECHNIQUE = /^(?:[A-Z]+\d*\.)+T\d{4}(\.\d{3})?$/;
const MITIGATION = /^(?:[A-Z]+\d*\.)+M\d{4}$/;

const text = z.string();
const name = z.string().min(1);

const AtlasTacticSchema = z.looseObject({
  id: z.string().regex(TACTIC, 'must be a tactic ID such as "AML.TA0002"'),
  name,
  description: text,
  'object-type': z.literal('tactic'),
});

const AtlasTechniqueSchema = z.looseObject({
  id: z.string().regex(TECHNIQUE, 'must be a technique ID such as "AML.T0024" or "AML.T0024.002"'),
  name,
  description: text,
  'object-type': z.literal('technique'),
  tactics: z.array(z.string()).optional(),
  'subtechnique-of': z.string().optional(),
  maturity: z.enum(MATURITY_LEVELS).optional(),
});

const AtlasMitigationSchema = z.looseObject({
  id: z.string().regex(MITIGATION, 'must be a mitigation ID such as "AML.M0004"'),
  name,
  description: text,
  'object-type': z.literal('mitigation'),
  techniques: z.array(z.looseObject({ id: z.string(), use: text.optional() })).optional(),
});

const AtlasFileSchema = z.looseObject({
  id: name,
  name,
  version: z.union([z.string(), z.number()]),
  matrices: z
    .array(
      z.looseObject({
        id: name,
        name,
        tactics: z.array(AtlasTacticSchema).min(1),
        techniques: z.array(AtlasTechniqueSchema),
        mitigations: z.array(AtlasMitigationSchema).optional(),
      }),
    )
    .min(1),
});

type AtlasFile = z.output<typeof AtlasFileSchema>;

function crossCheck(file: AtlasFile, issues: FieldIssue[]): void {
  file.matrices.forEach((m, mi) => {
    const tactics = new Set(m.tactics.map((t) => t.id));
    const techniques = new Set<string>();
    m.techniques.forEach((t, ti) => {
      const at = (...rest: (string | number)[]): (string | number)[] => ['matrices', mi, 'techniques', ti, ...rest];
      if (techniques.has(t.id)) issues.push({ path: at('id'), message: `duplicate technique ID "${t.id}"` });
      techniques.add(t.id);
      (t.tactics ?? []).forEach((id, k) => {
        if (!tactics.has(id)) issues.push({ path: at('tactics', k), message: `unknown tactic "${id}"` });
      });
      const isSub = /\.\d{3}$/.test(t.id);
      if (isSub && t['subtechnique-of'] === undefined) issues.push({ path: at('subtechnique-of'), message: `sub-technique ${t.id} must name its parent` });
      if (!isSub && (t.tactics ?? []).length === 0) issues.push({ path: at('tactics'), message: `technique ${t.id} must list at least one tactic` });
    });
    m.techniques.forEach((t, ti) => {
      const parent = t['subtechnique-of'];
      if (parent !== undefined && !techniques.has(parent)) {
        issues.push({ path: ['matrices', mi, 'techniques', ti, 'subtechnique-of'], message: `unknown parent technique "${parent}"` });
      }
    });
    (m.mitigations ?? []).forEach((mit, k) => {
      (mit.techniques ?? []).forEach((ref, j) => {
        if (!techniques.has(ref.id)) issues.push({ path: ['matrices', mi, 'mitigations', k, 'techniques', j, 'id'], message: `unknown technique "${ref.id}"` });
      });
    });
  });
}

/** Parses and validates ATLAS data already read from YAML/JSON. */
export function parseAtlasValue(value: unknown, file?: string): AtlasCatalog {
  const subject = `ATLAS data${file ? ` ${file}` : ''}`;
  const parsed = AtlasFileSchema.safeParse(value);
  if (!parsed.success) throw new ValidationError(subject, structureIssues(parsed.error.issues));
  const issues: FieldIssue[] = [];
  crossCheck(parsed.data, issues);
  if (issues.length > 0) throw new ValidationError(subject, issues);
  const techniques: AtlasTechnique[] = [];
  const mitigations: AtlasMitigation[] = [];
  for (const m of parsed.data.matrices) {
    const parentTactics = new Map(m.techniques.map((t) => [t.id, t.tactics ?? []]));
    for (const t of m.techniques) {
      const parent = t['subtechnique-of'];
      techniques.push({
        id: t.id,
        name: t.name,
        description: t.description,
        tactics: t.tactics ?? (parent !== undefined ? (parentTactics.get(parent) ?? []) : []),
        ...(parent !== undefined ? { subtechniqueOf: parent } : {}),
        ...(t.maturity !== undefined ? { maturity: t.maturity } : {}),
      });
    }
    for (const mit of m.mitigations ?? []) {
      mitigations.push({
        id: mit.id,
        name: mit.name,
        description: mit.description,
        techniques: (mit.techniques ?? []).map((r) => ({ id: r.id, use: (r.use ?? '').trim() })),
      });
    }
  }
  return { version: String(parsed.data.version), techniques, mitigations };
}

/** Parses ATLAS data from YAML (or JSON) text. */
export function parseAtlas(text: string, file?: string): AtlasCatalog {
  return parseAtlasValue(parseYaml(text, file), file);
}

/** Reads and parses an ATLAS data file. */
export function loadAtlasFile(path: string): AtlasCatalog {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read ATLAS file ${path}: ${err instanceof Error ? err.message : String(err)}`, 'FILE');
  }
  return parseAtlas(content, path);
}

/** Differences between the knowledge base and the ATLAS data it was merged with. */
export interface AtlasMergeReport {
  /** ATLAS analogue IDs our techniques cite that the ATLAS data does not contain. */
  readonly missingAnalogues: readonly { readonly technique: string; readonly atlas: string }[];
  /** Our AML.M mitigations whose name differs from ATLAS's (or that ATLAS lacks). */
  readonly mitigationMismatches: readonly { readonly id: string; readonly ours: string; readonly atlas?: string }[];
  readonly techniques: number;
  readonly mitigations: number;
}

/** Attaches ATLAS data to a knowledge base and reports where the two disagree. */
export function mergeAtlas(kb: KnowledgeBase, atlas: AtlasCatalog): { kb: KnowledgeBase; report: AtlasMergeReport } {
  const techniqueIds = new Set(atlas.techniques.map((t) => t.id));
  const mitigationNames = new Map(atlas.mitigations.map((m) => [m.id, m.name]));
  const missingAnalogues = kb.techniques.flatMap((t) => t.atlas.filter((a) => !techniqueIds.has(a)).map((a) => ({ technique: t.id, atlas: a })));
  const mitigationMismatches = kb.mitigations
    .filter((m) => m.id.startsWith('AML.') && mitigationNames.get(m.id) !== m.name)
    .map((m) => {
      const theirs = mitigationNames.get(m.id);
      return { id: m.id, ours: m.name, ...(theirs !== undefined ? { atlas: theirs } : {}) };
    });
  return {
    kb: withAtlas(kb, atlas),
    report: { missingAnalogues, mitigationMismatches, techniques: atlas.techniques.length, mitigations: atlas.mitigations.length },
  };
}
