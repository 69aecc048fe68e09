/**
 * A seeded generator of large synthetic knowledge bases, for benchmarks and scale tests. It
 * keeps the built-in tactics, tokens, objectives and profiles (so any deployment can be
 * analysed against it) and adds layered random techniques: level-ℓ techniques need tokens of
 * lower levels and produce level-ℓ tokens; the top level produces the objective tokens.
 */
import { Rng, type Seed } from '../core/rng.js';
import { buildKnowledgeBase, type KnowledgeBase } from './knowledge-base.js';
import { builtinKnowledgeBaseData } from './kb/index.js';
import { DETECTABILITY_LEVELS, KILL_CHAIN_LAYERS, MATURITY_LEVELS, PROFILE_IDS, TARGET_ASSETS } from './model.js';
import type { KnowledgeBaseInput } from './schema.js';

/** Options of {@link generateKnowledgeBase}. */
export interface SyntheticKbOptions {
  readonly techniques: number;
  readonly mitigations?: number;
  readonly levels?: number;
  readonly seed?: Seed;
}

/** Generates and validates a synthetic knowledge base. */
export function generateKnowledgeBase(options: SyntheticKbOptions): KnowledgeBase {
  const rng = new Rng(options.seed ?? 1);
  const n = options.techniques;
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new RangeError('techniques must be an integer in 1..9999');
  const levels = options.levels ?? 6;
  const base = builtinKnowledgeBaseData();
  const startTokens = base.tokens.map((t) => t.id).filter((id) => /^(env|has|ctl|acc|pos):/.test(id));
  const objectiveTokens = base.objectives.flatMap((o) => o.goals);
  const perLevel = Math.max(4, Math.ceil(n / (2 * levels)));
  const levelTokens: string[][] = [startTokens];
  const tokens = [...base.tokens];
  for (let l = 1; l < levels; l++) {
    const ids = Array.from({ length: perLevel }, (_, i) => `cap:synthetic-l${l}-${i}`);
    tokens.push(...ids.map((id) => ({ id, description: `synthetic capability ${id}` })));
    levelTokens.push(ids);
  }
  levelTokens.push(objectiveTokens);
  const tactics = base.tactics.map((t) => t.id);
  const pickBelow = (level: number): string => {
    const l = rng.int(level);
    return rng.choice(levelTokens[l] as string[]);
  };
  const techniques: KnowledgeBaseInput['techniques'] = [];
  for (let i = 0; i < n; i++) {
    const level = 1 + (i % levels);
    const clauses = 1 + rng.int(3);
    const prerequisites: (string | string[])[] = [];
    for (let c = 0; c < clauses; c++) {
      const width = 1 + rng.int(3);
      const lits = [...new Set(Array.from({ length: width }, () => pickBelow(level)))];
      prerequisites.push(lits.length === 1 ? (lits[0] as string) : lits);
    }
    const outs = levelTokens[level] as string[];
    const effects = [...new Set([rng.choice(outs), rng.choice(outs)])];
    const positions = rng.random() < 0.5 ? [...PROFILE_IDS] : [...new Set([rng.choice(PROFILE_IDS), rng.choice(PROFILE_IDS)])];
    techniques.push({
      id: `QML.T${String(i + 1).padStart(4, '0')}`,
      name: `Synthetic technique ${i + 1}`,
      description: `Synthetic technique number ${i + 1} at level ${level}, generated for scale tests.`,
      tactics: [rng.choice(tactics)],
      layer: rng.choice(KILL_CHAIN_LAYERS),
      steps: ['S4'],
      assets: [rng.choice(TARGET_ASSETS)],
      impact: { confidentiality: 'high', integrity: 'medium', availability: 'low' },
      positions,
      prerequisites,
      effects,
      atlas: [],
      references: ['synthetic'],
      maturity: rng.choice(MATURITY_LEVELS),
      detectability: rng.choice(DETECTABILITY_LEVELS),
    });
  }
  const m = options.mitigations ?? Math.max(10, Math.round(n / 15));
  const mitigations: KnowledgeBaseInput['mitigations'] = Array.from({ length: m }, (_, i) => {
    // Every technique is blocked by at least one mitigation (round robin), plus random extras.
    const own = Array.from({ length: Math.ceil(n / m) }, (_, k) => i + k * m).filter((t) => t < n);
    const extra = Array.from({ length: 2 + rng.int(6) }, () => rng.int(n));
    const ids = [...new Set([...own, ...extra])].map((t) => `QML.T${String(t + 1).padStart(4, '0')}`);
    const split = Math.max(own.length, Math.floor(ids.length * 0.7));
    return {
      id: `QML.M${String(i + 1).padStart(4, '0')}`,
      name: `Synthetic mitigation ${i + 1}`,
      description: `Synthetic mitigation number ${i + 1}, generated for scale tests.`,
      category: 'technical-quantum',
      blocks: ids.slice(0, split),
      hinders: ids.slice(split),
      cost: { level: rng.choice(['low', 'medium', 'high'] as const), note: 'synthetic' },
      references: [],
    };
  });
  return buildKnowledgeBase(
    {
      ...base,
      version: `synthetic-${n}`,
      tokens,
      references: [{ id: 'synthetic', authors: 'qmlsec', title: 'Synthetic knowledge base', venue: 'generated' }],
      techniques,
      mitigations,
    },
    'synthetic knowledge base',
  );
}
