/** Helpers shared by the threat tests: small hand-written knowledge bases and path replay. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AttackPath, AttackerAnalysis } from '../../src/threat/analyze.js';
import { buildKnowledgeBase, type KnowledgeBase } from '../../src/threat/knowledge-base.js';
import { builtinKnowledgeBaseData } from '../../src/threat/kb/index.js';
import type { KnowledgeBaseInput } from '../../src/threat/schema.js';

/** The shared reference directory (tests that need it skip when it is absent). */
export const ATLAS_DIR = join(import.meta.dirname, '../../../shared/reference/atlas');
/** Whether the ATLAS reference files are available. */
export const HAVE_ATLAS = existsSync(join(ATLAS_DIR, 'ATLAS.yaml'));
/** The example deployments. */
export const EXAMPLES = join(import.meta.dirname, '../../examples/deployments');

type TechniqueInput = KnowledgeBaseInput['techniques'][number];

/** A technique with defaults for the fields a test does not care about. */
export function tech(id: number, fields: Partial<TechniqueInput> & Pick<TechniqueInput, 'prerequisites' | 'effects'>): TechniqueInput {
  return {
    id: `QML.T${String(id).padStart(4, '0')}`,
    name: `Technique ${id}`,
    description: `Test technique number ${id} for unit tests.`,
    tactics: ['AML.TA0001'],
    layer: 'algorithmic',
    steps: ['I2'],
    assets: ['outputs'],
    impact: { confidentiality: 'high', integrity: 'high', availability: 'high' },
    positions: ['api-client'],
    atlas: [],
    references: ['ref'],
    maturity: 'realized',
    detectability: 'low',
    ...fields,
  };
}

/** A small knowledge base: built-in tactics, objectives and profiles, custom techniques. */
export function smallKb(
  tokens: readonly string[],
  techniques: readonly TechniqueInput[],
  mitigations: KnowledgeBaseInput['mitigations'] = [],
): KnowledgeBase {
  const base = builtinKnowledgeBaseData();
  const needed = new Set([...tokens, ...base.objectives.flatMap((o) => o.goals), ...base.profiles.flatMap((p) => [...p.base, ...p.grants.flatMap((g) => [...g.when, ...g.tokens])])]);
  return buildKnowledgeBase({
    ...base,
    tokens: [...needed].map((id) => ({ id, description: id })),
    references: [{ id: 'ref', authors: 'A. Author', title: 'A title', venue: 'A venue', year: 2024 }],
    techniques: [...techniques],
    mitigations,
  });
}

/**
 * Replays a path from the attacker's starting tokens: every step must be usable by the
 * profile, not blocked, and have all its prerequisites from the start or earlier steps; the
 * last steps must reach one of the objective's goals. Returns the problems found.
 */
export function replayPath(kb: KnowledgeBase, attacker: AttackerAnalysis, objective: string, path: AttackPath, blocked: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const have = new Set(attacker.start.tokens.keys());
  for (const id of path.techniques) {
    const t = kb.techniqueById.get(id);
    if (!t) {
      problems.push(`${id} unknown`);
      continue;
    }
    if (!t.positions.includes(attacker.attacker)) problems.push(`${id} not usable by ${attacker.attacker}`);
    if (blocked.has(id)) problems.push(`${id} is blocked by a mitigation in effect`);
    for (const c of t.prerequisites) {
      const alts = typeof c === 'string' ? [c] : c;
      if (!alts.some((a) => have.has(a))) problems.push(`${id} needs ${alts.join(' | ')} which the attacker does not hold`);
    }
    for (const e of t.effects) have.add(e);
  }
  const goals = kb.objectiveById.get(objective as never)?.goals ?? [];
  if (!goals.some((g) => have.has(g))) problems.push(`path does not reach ${objective}`);
  return problems;
}

/** Technique IDs blocked by the given mitigations. */
export function blockedBy(kb: KnowledgeBase, mitigations: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const id of mitigations) for (const t of kb.mitigationById.get(id)?.blocks ?? []) out.add(t);
  return out;
}

/** Is `sub` a subsequence of `seq`? */
export function isSubsequence(sub: readonly string[], seq: readonly string[]): boolean {
  let i = 0;
  for (const x of seq) if (x === sub[i]) i++;
  return i === sub.length;
}
