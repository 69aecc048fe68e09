/**
 * The built-in knowledge base: qmlsec's QML kill chain. Validated (structure and every
 * cross-reference) the first time it is requested, then cached.
 */
import { buildKnowledgeBase, type KnowledgeBase } from '../knowledge-base.js';
import type { KnowledgeBaseInput } from '../schema.js';
import { MITIGATIONS } from './mitigations.js';
import { OBJECTIVES, PROFILES } from './profiles.js';
import { REFERENCES } from './references.js';
import { TACTICS } from './tactics.js';
import { EARLY_TECHNIQUES } from './techniques-early.js';
import { LATE_TECHNIQUES } from './techniques-late.js';
import { TOKENS } from './tokens.js';

export { ATLAS_DATA_VERSION } from './tactics.js';

/** Version of the built-in knowledge base. */
export const KB_VERSION = '1.0.0';
/** Release date of the built-in knowledge base. */
export const KB_RELEASED = '2025-07-01';

/** The raw built-in data (before validation), e.g. to extend it. */
export function builtinKnowledgeBaseData(): KnowledgeBaseInput {
  const clone = <T>(v: T): T => structuredClone(v);
  return {
    version: KB_VERSION,
    released: KB_RELEASED,
    tactics: clone([...TACTICS]),
    tokens: clone([...TOKENS]),
    references: clone([...REFERENCES]),
    techniques: clone([...EARLY_TECHNIQUES, ...LATE_TECHNIQUES]) as KnowledgeBaseInput['techniques'],
    mitigations: clone([...MITIGATIONS]) as KnowledgeBaseInput['mitigations'],
    objectives: clone([...OBJECTIVES]) as KnowledgeBaseInput['objectives'],
    profiles: clone([...PROFILES]) as KnowledgeBaseInput['profiles'],
  };
}

let cached: KnowledgeBase | undefined;

/** The built-in knowledge base (validated once, then cached). */
export function builtinKnowledgeBase(): KnowledgeBase {
  cached ??= buildKnowledgeBase(builtinKnowledgeBaseData(), 'built-in knowledge base');
  return cached;
}
