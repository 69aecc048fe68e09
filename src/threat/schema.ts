/**
 * zod schemas of the knowledge base. Structure is checked here; cross-references (tactic IDs,
 * tokens, references, techniques named by mitigations) are checked in `knowledge-base.ts`.
 */
import { z } from 'zod';
import { PARTY_ROLES, WORKFLOW_STEPS } from '../deploy/vocabulary.js';
import {
  DETECTABILITY_LEVELS,
  IMPACT_LEVELS,
  KILL_CHAIN_LAYERS,
  MATURITY_LEVELS,
  MITIGATION_CATEGORIES,
  OBJECTIVE_IDS,
  PROFILE_IDS,
  TARGET_ASSETS,
} from './model.js';

/** Technique ID pattern (`QML.T0001`). */
export const TECHNIQUE_ID = /^QML\.T\d{4}$/;
/** ATLAS technique or sub-technique ID pattern (`AML.T0024`, `AML.T0024.002`). */
export const ATLAS_TECHNIQUE_ID = /^AML\.T\d{4}(\.\d{3})?$/;
/** Tactic ID pattern (`AML.TA0002`). */
export const TACTIC_ID = /^AML\.TA\d{4}$/;
/** Mitigation ID pattern. */
export const MITIGATION_ID = /^(AML|QML)\.M\d{4}$/;
/** Token pattern: a known prefix, a colon, a lowercase hyphenated name. */
export const TOKEN_ID = /^(pos|env|acc|has|ctl|know|obs|ev|exec|persist|col|cap|obj):[a-z0-9]+(-[a-z0-9]+)*$/;

const token = z.string().regex(TOKEN_ID, 'must be a capability token such as "acc:inference-api"');
const nonEmpty = z.string().min(1);

/** A reference. */
export const ReferenceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+$/, 'must be a lowercase key such as "kundu2024sok"'),
  authors: nonEmpty,
  title: nonEmpty,
  venue: nonEmpty,
  year: z.number().int().min(1900).max(2100).optional(),
  arxiv: z.string().regex(/^\d{4}\.\d{4,5}$/, 'must be a new-style arXiv ID such as "2408.09562"').optional(),
  doi: z.string().regex(/^10\.\d{4,}\/\S+$/, 'must be a DOI such as "10.1145/…"').optional(),
  url: z.url().optional(),
});

/** A tactic. */
export const TacticSchema = z.strictObject({
  id: z.string().regex(TACTIC_ID, 'must be an ATLAS tactic ID such as "AML.TA0002"'),
  name: nonEmpty,
  shortname: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
  description: nonEmpty,
});

/** A token declaration. */
export const TokenSchema = z.strictObject({ id: token, description: nonEmpty });

/** A technique. */
export const TechniqueSchema = z.strictObject({
  id: z.string().regex(TECHNIQUE_ID, 'must be a technique ID such as "QML.T0001"'),
  name: z.string().min(3),
  description: z.string().min(20),
  tactics: z.array(z.string().regex(TACTIC_ID)).min(1),
  layer: z.enum(KILL_CHAIN_LAYERS),
  steps: z.array(z.enum(WORKFLOW_STEPS)).min(1),
  assets: z.array(z.enum(TARGET_ASSETS)).min(1),
  impact: z.strictObject({
    confidentiality: z.enum(IMPACT_LEVELS),
    integrity: z.enum(IMPACT_LEVELS),
    availability: z.enum(IMPACT_LEVELS),
  }),
  positions: z.array(z.enum(PROFILE_IDS)).min(1),
  prerequisites: z.array(z.union([token, z.array(token).min(2)])),
  effects: z.array(token).min(1),
  atlas: z.array(z.string().regex(ATLAS_TECHNIQUE_ID, 'must be an ATLAS technique ID such as "AML.T0024.002"')).default([]),
  references: z.array(nonEmpty).min(1),
  maturity: z.enum(MATURITY_LEVELS),
  detectability: z.enum(DETECTABILITY_LEVELS),
  labAttack: z.string().min(1).optional(),
});

/** A mitigation. */
export const MitigationSchema = z.strictObject({
  id: z.string().regex(MITIGATION_ID, 'must be a mitigation ID such as "AML.M0004" or "QML.M0001"'),
  name: nonEmpty,
  description: z.string().min(20),
  category: z.enum(MITIGATION_CATEGORIES),
  blocks: z.array(z.string().regex(TECHNIQUE_ID)),
  hinders: z.array(z.string().regex(TECHNIQUE_ID)),
  cost: z.strictObject({ level: z.enum(['low', 'medium', 'high']), note: nonEmpty }),
  references: z.array(nonEmpty),
});

/** An objective. */
export const ObjectiveSchema = z.strictObject({
  id: z.enum(OBJECTIVE_IDS),
  name: nonEmpty,
  description: nonEmpty,
  goals: z.array(token).min(1),
  dimension: z.enum(['confidentiality', 'integrity', 'availability']),
});

/** An attacker profile. */
export const ProfileSchema = z.strictObject({
  id: z.enum(PROFILE_IDS),
  name: nonEmpty,
  description: nonEmpty,
  base: z.array(token),
  grants: z.array(z.strictObject({ when: z.array(token).min(1), tokens: z.array(token).min(1) })),
  insiderOf: z.array(z.enum(PARTY_ROLES)),
});

/** A whole knowledge base (the built-in one, a YAML extension, or a generated one). */
export const KnowledgeBaseSchema = z.strictObject({
  version: nonEmpty,
  released: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
  tactics: z.array(TacticSchema).min(1),
  tokens: z.array(TokenSchema).min(1),
  references: z.array(ReferenceSchema),
  techniques: z.array(TechniqueSchema).min(1),
  mitigations: z.array(MitigationSchema),
  objectives: z.array(ObjectiveSchema).min(1),
  profiles: z.array(ProfileSchema).min(1),
});

/** Knowledge-base input as accepted by {@link KnowledgeBaseSchema}. */
export type KnowledgeBaseInput = z.input<typeof KnowledgeBaseSchema>;
/** Knowledge-base data after structural validation. */
export type KnowledgeBaseData = z.output<typeof KnowledgeBaseSchema>;
