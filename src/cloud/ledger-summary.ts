/**
 * Reading an exposure ledger: who ended up holding what, and the ledger reduced to its first
 * exposures — each (from, to, asset) at the first step it happened, which is the form
 * `deriveLedger` predicts, so a recorded ledger and a derived one compare as sets.
 */
import type { Deployment, Party } from '../deploy/deployment.js';
import type { ExposureLedger } from '../deploy/ledger.js';
import { LEDGER_ASSETS, type LedgerAsset } from '../deploy/vocabulary.js';

/** What one party received. */
export interface PartyExposure {
  readonly party: string;
  readonly role: Party['role'];
  readonly trust: Party['trust'];
  /** Assets received, in the vocabulary's order. */
  readonly assets: readonly LedgerAsset[];
  /** Who sent each asset. */
  readonly from: Readonly<Partial<Record<LedgerAsset, readonly string[]>>>;
}

/** Per party of the deployment (in its order), the assets the ledger says it received. */
export function exposureByParty(ledger: ExposureLedger, deployment: Deployment): PartyExposure[] {
  return deployment.parties.map((p) => {
    const from: Partial<Record<LedgerAsset, string[]>> = {};
    for (const r of ledger.records) {
      if (r.to !== p.id) continue;
      const list = (from[r.asset] ??= []);
      if (!list.includes(r.from)) list.push(r.from);
    }
    return { party: p.id, role: p.role, trust: p.trust, assets: LEDGER_ASSETS.filter((a) => from[a] !== undefined), from };
  });
}

/**
 * The ledger's first exposures as strings `step from→to asset`: for each (from, to, asset) the
 * step of its first record, in record order.
 */
export function firstExposures(ledger: ExposureLedger): string[] {
  const seen = new Map<string, string>();
  for (const r of ledger.records) {
    const key = `${r.from}→${r.to} ${r.asset}`;
    if (!seen.has(key)) seen.set(key, r.step);
  }
  return [...seen].map(([key, step]) => `${step} ${key}`);
}

/** What two ledgers disagree on, as first exposures (see {@link firstExposures}). */
export function compareLedgers(recorded: ExposureLedger, expected: ExposureLedger): { onlyRecorded: string[]; onlyExpected: string[] } {
  const a = new Set(firstExposures(recorded));
  const b = new Set(firstExposures(expected));
  return { onlyRecorded: [...a].filter((x) => !b.has(x)), onlyExpected: [...b].filter((x) => !a.has(x)) };
}
