/**
 * What an attacker starts with in a given deployment.
 *
 * - Deployment facts become `env:` tokens (public API, what it returns, shared QPU, third-party
 *   compiler or data, several providers, pulse access).
 * - Insider profiles hold, for each party of their roles that is not `trusted`, a `has:` token
 *   for every asset the exposure ledger says that party received — from a recorded ledger when
 *   one is given, otherwise the ledger derived from the deployment. `untrusted` parties also
 *   give `ctl:` tokens for the workflow steps they perform (honest-but-curious parties read
 *   what they get but do not tamper).
 * - Outsider profiles apply only when the deployment exposes them: the API client needs a
 *   public API, the co-tenant a shared executing QPU.
 * - Configuration implies mitigations: a per-key quota is AML.M0004, label-only answers are
 *   AML.M0002.
 */
import { ValidationError } from '../core/errors.js';
import { findParty, performersOf, type Deployment, type Party } from '../deploy/deployment.js';
import { deriveLedger } from '../deploy/derive-ledger.js';
import { assertLedgerMatches, type ExposureLedger } from '../deploy/ledger.js';
import { LEDGER_ASSETS, WORKFLOW_STEPS, type WorkflowStep } from '../deploy/vocabulary.js';
import type { KnowledgeBase } from './knowledge-base.js';
import type { ProfileId } from './model.js';

/** A mitigation switched on by the deployment's configuration rather than its list. */
export interface ImpliedMitigation {
  readonly id: string;
  readonly reason: string;
}

/** The deployment as the engine sees it. */
export interface AttackContext {
  readonly deployment: Deployment;
  readonly ledger: ExposureLedger;
  readonly ledgerSource: 'derived' | 'recorded';
  /** `env:` tokens true in this deployment, with the reason for each. */
  readonly environment: ReadonlyMap<string, string>;
  /** Mitigations in effect: listed in the deployment or implied by its configuration. */
  readonly mitigations: ReadonlySet<string>;
  readonly implied: readonly ImpliedMitigation[];
}

/** An attacker's starting position in a deployment. */
export interface StartingPosition {
  readonly profile: ProfileId;
  readonly applicable: boolean;
  /** Why the profile does or does not apply. */
  readonly reason: string;
  /** Starting tokens, each with where it comes from. */
  readonly tokens: ReadonlyMap<string, string>;
  /** Parties whose insider this profile is. */
  readonly parties: readonly string[];
}

/** Control tokens an untrusted party gets for performing each step. */
const STEP_CONTROL: Readonly<Record<WorkflowStep, readonly string[]>> = {
  S1: ['ctl:preprocessing', 'ctl:classical-compute'],
  S2: ['ctl:circuit-rewrite', 'ctl:classical-compute'],
  S3: ['ctl:circuit-rewrite'],
  S4: ['ctl:qpu-execution', 'ctl:qpu-scheduler', 'ctl:control-electronics'],
  S5: ['ctl:training-loop', 'ctl:classical-compute'],
  S6: ['ctl:training-loop', 'ctl:classical-compute'],
  I1: ['ctl:model-hosting', 'ctl:classical-compute'],
  I2: ['ctl:inference-inputs', 'ctl:classical-compute'],
};

/** Every token the context can produce (a knowledge base should declare them all). */
export const CONTEXT_TOKENS: readonly string[] = [
  'env:public-api',
  'env:api-returns-scores',
  'env:api-returns-full-probabilities',
  'env:quantum-cloud',
  'env:multi-tenant-qpu',
  'env:third-party-compiler',
  'env:third-party-data',
  'env:multiple-quantum-providers',
  'env:pulse-level-access',
  ...LEDGER_ASSETS.map((a) => `has:${a}`),
  ...new Set(Object.values(STEP_CONTROL).flat()),
  'ctl:compiler-release',
  'ctl:training-data-feed',
];

function environmentOf(d: Deployment): Map<string, string> {
  const env = new Map<string, string>();
  const s4 = performersOf(d, 'S4').map((id) => findParty(d, id)).filter((p): p is Party => p !== undefined);
  if (d.serving?.publicApi) env.set('env:public-api', 'serving.publicApi is true');
  if (d.serving && d.serving.returns !== 'label') env.set('env:api-returns-scores', `serving.returns is ${d.serving.returns}`);
  if (d.serving?.returns === 'probabilities') env.set('env:api-returns-full-probabilities', 'serving.returns is probabilities');
  if (s4.length > 0) env.set('env:quantum-cloud', `S4 runs on ${s4.map((p) => p.id).join(', ')}`);
  const shared = s4.filter((p) => p.tenancy === 'shared');
  if (shared.length > 0) env.set('env:multi-tenant-qpu', `${shared.map((p) => p.id).join(', ')} ${shared.length > 1 ? 'have' : 'has'} tenancy: shared`);
  if (d.transpiler.vendor !== undefined) env.set('env:third-party-compiler', `transpiler.vendor is ${d.transpiler.vendor}`);
  const suppliers = d.parties.filter((p) => p.role === 'data-supplier');
  if (suppliers.length > 0) env.set('env:third-party-data', `data supplied by ${suppliers.map((p) => p.id).join(', ')}`);
  if (s4.length > 1) env.set('env:multiple-quantum-providers', `S4 is split across ${s4.length} providers`);
  const pulse = s4.filter((p) => p.pulseLevelAccess);
  if (pulse.length > 0) env.set('env:pulse-level-access', `${pulse.map((p) => p.id).join(', ')} accept pulse-level programs`);
  return env;
}

/** Builds the engine's view of a deployment; `ledger` replaces the derived one when given. */
export function buildContext(kb: KnowledgeBase, deployment: Deployment, options: { ledger?: ExposureLedger; ledgerFile?: string } = {}): AttackContext {
  const issues = deployment.mitigations
    .map((id, i) => ({ id, i }))
    .filter(({ id }) => !kb.mitigationById.has(id))
    .map(({ id, i }) => ({ path: ['mitigations', i], message: `unknown mitigation "${id}" (see \`qmlsec threats matrix\` for the valid IDs)` }));
  if (issues.length > 0) throw new ValidationError(`deployment ${deployment.name}`, issues);
  if (options.ledger) assertLedgerMatches(options.ledger, deployment, options.ledgerFile);
  const implied: ImpliedMitigation[] = [];
  if (deployment.serving?.quota && kb.mitigationById.has('AML.M0004')) {
    implied.push({ id: 'AML.M0004', reason: `serving.quota limits each key to ${deployment.serving.quota.perKey} queries per ${deployment.serving.quota.window}` });
  }
  if (deployment.serving?.returns === 'label' && kb.mitigationById.has('AML.M0002')) {
    implied.push({ id: 'AML.M0002', reason: 'serving.returns is label (no scores are returned)' });
  }
  return {
    deployment,
    ledger: options.ledger ?? deriveLedger(deployment),
    ledgerSource: options.ledger ? 'recorded' : 'derived',
    environment: environmentOf(deployment),
    mitigations: new Set([...deployment.mitigations, ...implied.map((m) => m.id)]),
    implied,
  };
}

function stepsPerformedBy(d: Deployment, partyId: string): WorkflowStep[] {
  return WORKFLOW_STEPS.filter((s) => performersOf(d, s).includes(partyId));
}

function insiderParties(context: AttackContext, roles: readonly string[], profile: ProfileId): { parties: Party[]; reason: string } {
  const d = context.deployment;
  let candidates = d.parties.filter((p) => roles.includes(p.role));
  if (profile === 'compiler-vendor') {
    candidates = candidates.filter((p) => d.transpiler.vendor === p.id || performersOf(d, 'S3').includes(p.id));
  }
  const exposed = candidates.filter((p) => p.trust !== 'trusted');
  if (candidates.length === 0) return { parties: [], reason: `the deployment has no ${roles.join(' or ')} party in the pipeline` };
  if (exposed.length === 0) return { parties: [], reason: `every ${roles.join('/')} party is marked trusted (${candidates.map((p) => p.id).join(', ')})` };
  return {
    parties: exposed,
    reason: `insider of ${exposed.map((p) => `${p.id} (${p.trust})`).join(', ')}`,
  };
}

/** The starting position of `profileId` in the context's deployment. */
export function startingPosition(kb: KnowledgeBase, context: AttackContext, profileId: ProfileId): StartingPosition {
  const profile = kb.profileById.get(profileId);
  if (!profile) throw new Error(`unknown attacker profile ${profileId}`);
  const d = context.deployment;
  const tokens = new Map<string, string>();
  const empty = (reason: string): StartingPosition => ({ profile: profileId, applicable: false, reason, tokens: new Map(), parties: [] });
  let parties: Party[] = [];
  let reason: string;
  if (profile.insiderOf.length > 0) {
    const found = insiderParties(context, profile.insiderOf, profileId);
    if (found.parties.length === 0) return empty(found.reason);
    parties = found.parties;
    reason = found.reason;
  } else if (profileId === 'api-client') {
    if (!context.environment.has('env:public-api')) return empty('the deployment has no public inference API');
    reason = 'the public inference API is reachable';
  } else if (profileId === 'co-tenant') {
    if (!context.environment.has('env:multi-tenant-qpu')) return empty('no executing QPU is shared with other customers');
    reason = context.environment.get('env:multi-tenant-qpu') ?? 'a QPU is shared';
  } else {
    reason = 'outsider';
  }
  for (const [t, why] of context.environment) tokens.set(t, `deployment: ${why}`);
  for (const t of profile.base) tokens.set(t, `profile ${profileId}`);
  for (const g of profile.grants) {
    if (g.when.every((w) => tokens.has(w))) for (const t of g.tokens) tokens.set(t, `profile ${profileId}, because ${g.when.join(' and ')}`);
  }
  for (const party of parties) {
    for (const r of context.ledger.records) {
      if (r.to !== party.id) continue;
      const token = `has:${r.asset}`;
      if (!tokens.has(token)) tokens.set(token, `${context.ledgerSource} ledger: ${party.id} received ${r.asset} from ${r.from} at ${r.step}`);
    }
    if (party.trust !== 'untrusted') continue;
    for (const step of stepsPerformedBy(d, party.id)) {
      for (const t of STEP_CONTROL[step]) if (!tokens.has(t)) tokens.set(t, `${party.id} is untrusted and performs ${step}`);
    }
    if (party.role === 'compiler-vendor' && d.transpiler.vendor === party.id) tokens.set('ctl:compiler-release', `${party.id} is untrusted and supplies the transpiler`);
    if (party.role === 'data-supplier') tokens.set('ctl:training-data-feed', `${party.id} is untrusted and supplies training data`);
  }
  // A custom knowledge base may not declare every context token; what it does not declare,
  // none of its techniques can use, so it is dropped.
  for (const t of [...tokens.keys()]) if (!kb.tokens.has(t)) tokens.delete(t);
  return { profile: profileId, applicable: true, reason, tokens, parties: parties.map((p) => p.id) };
}
