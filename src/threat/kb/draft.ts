/**
 * Small helpers that keep the knowledge-base data files short. The data is validated by the
 * zod schemas of `schema.ts` when the knowledge base is built, so these helpers only shape it.
 */
import type { CiaImpact, ImpactLevel, ProfileId, Technique } from '../model.js';

/** A technique as written in the data files (validated later). */
export type TechniqueDraft = Omit<Technique, 'atlas' | 'labAttack'> & { readonly atlas?: readonly string[]; readonly labAttack?: string };

/** C/I/A impact shorthand. */
export function cia(confidentiality: ImpactLevel, integrity: ImpactLevel, availability: ImpactLevel): CiaImpact {
  return { confidentiality, integrity, availability };
}

/** Every attacker position. */
export const EVERYONE: readonly ProfileId[] = [
  'api-client',
  'co-tenant',
  'classical-cloud-insider',
  'quantum-cloud-insider',
  'compiler-vendor',
  'data-supplier',
];

/** Positions inside a party that handles circuits or data. */
export const INSIDERS: readonly ProfileId[] = ['quantum-cloud-insider', 'classical-cloud-insider', 'compiler-vendor'];

/** Positions that can become API clients without being one already. */
export const NON_API: readonly ProfileId[] = EVERYONE.filter((p) => p !== 'api-client');
