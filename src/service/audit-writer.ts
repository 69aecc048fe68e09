/**
 * Group commit for the audit log. Each answered prediction needs its audit row and its
 * quota spend committed before the answer is sent; doing that one transaction per request
 * would cap throughput at the database's commit rate. Instead, requests that arrive while a
 * commit is in flight are collected and committed together in the next transaction, and
 * each request waits for the commit that contains its row. So no prediction is answered
 * without its audit row, and no quota is spent without an answer.
 */
import type { NewAuditEntry, Store } from '../store/index.js';
import type { SqlClient } from '../store/index.js';
import { HttpProblem } from './problem.js';

interface Pending {
  readonly entry: NewAuditEntry;
  resolve(used: number): void;
  reject(err: unknown): void;
}

/** The quota left was smaller than the request, or the key was revoked meanwhile. */
function rejection(reason: 'quota' | 'revoked', keyId: string, detail: string): HttpProblem {
  return reason === 'quota'
    ? new HttpProblem(429, 'quota-exhausted', detail, { 'Retry-After': '86400' })
    : new HttpProblem(401, 'revoked-key', `API key ${keyId} was revoked`, { 'WWW-Authenticate': 'Bearer realm="qmlsec", error="invalid_token"' });
}

/** Commits audit rows (with their quota spend) in batches. */
export class AuditWriter {
  private pending: Pending[] = [];
  private flushing: Promise<void> | undefined;
  private scheduled = false;
  /** Last known `queries_used` per key, after our own commits. */
  readonly usage = new Map<string, number>();

  constructor(
    private readonly store: Pick<Store, 'transaction' | 'audit' | 'keys'>,
    private readonly maxBatch = 500,
  ) {}

  /**
   * Records one answered request: resolves with the key's new `queries_used` once the row
   * is committed; rejects with a 429 (quota) or 401 (revoked) problem when the spend was
   * refused — then nothing was written and the answer must not be sent.
   */
  record(entry: NewAuditEntry): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ entry, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    // setImmediate lets every request that is ready in this turn of the loop join the batch.
    setImmediate(() => {
      this.scheduled = false;
      this.flushing = this.flush().finally(() => {
        this.flushing = undefined;
        if (this.pending.length > 0) this.schedule();
      });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending.splice(0, this.maxBatch);
    if (batch.length === 0) return;
    const outcome = new Map<Pending, { used: number } | { error: HttpProblem }>();
    try {
      await this.store.transaction(async (tx) => {
        outcome.clear();
        const byKey = new Map<string, Pending[]>();
        for (const p of batch) {
          const list = byKey.get(p.entry.keyId);
          if (list) list.push(p);
          else byKey.set(p.entry.keyId, [p]);
        }
        for (const [keyId, items] of byKey) await this.spend(tx, keyId, items, outcome);
        const accepted = batch.filter((p) => 'used' in (outcome.get(p) ?? {}));
        await this.store.audit.insertMany(tx, accepted.map((p) => p.entry));
      });
    } catch (err) {
      for (const p of batch) p.reject(err);
      return;
    }
    for (const p of batch) {
      const o = outcome.get(p);
      if (o && 'used' in o) p.resolve(o.used);
      else p.reject(o?.error ?? new Error('audit outcome missing'));
    }
  }

  /** Spends the quota of one key's requests: all at once when it fits, else one by one in order. */
  private async spend(tx: SqlClient, keyId: string, items: Pending[], outcome: Map<Pending, { used: number } | { error: HttpProblem }>): Promise<void> {
    const total = items.reduce((n, p) => n + p.entry.rowCount, 0);
    const used = await this.store.keys.consumeQuota(tx, keyId, total);
    if (used !== undefined) {
      let running = used - total;
      for (const p of items) outcome.set(p, { used: (running += p.entry.rowCount) });
      this.usage.set(keyId, used);
      return;
    }
    const [key] = await tx.query<{ revoked: boolean; query_quota: number | null; queries_used: number }>(
      'SELECT revoked_at IS NOT NULL AS revoked, query_quota, queries_used FROM api_keys WHERE id = $1',
      [keyId],
    );
    if (!key || key.revoked) {
      for (const p of items) outcome.set(p, { error: rejection('revoked', keyId, '') });
      return;
    }
    for (const p of items) {
      const u = await this.store.keys.consumeQuota(tx, keyId, p.entry.rowCount);
      if (u !== undefined) {
        outcome.set(p, { used: u });
        this.usage.set(keyId, u);
      } else {
        const left = Math.max(0, (key.query_quota ?? 0) - (this.usage.get(keyId) ?? key.queries_used));
        outcome.set(p, { error: rejection('quota', keyId, quotaDetail(keyId, key.query_quota ?? 0, left, p.entry.rowCount)) });
      }
    }
  }

  /** Waits until every recorded entry is committed or refused. */
  async drain(): Promise<void> {
    while (this.pending.length > 0 || this.flushing || this.scheduled) {
      if (this.flushing) await this.flushing;
      else await new Promise((r) => setImmediate(r));
    }
  }
}

/** The message of a 429 for an exhausted quota. */
export function quotaDetail(keyId: string, quota: number, left: number, requested: number): string {
  return `query quota exhausted: API key ${keyId} has ${left} of its ${quota} queries left and this request needs ${requested} (one per input row); ask an admin for a new key or a larger quota`;
}
