/**
 * The trust boundary between parties and the exposure ledger it writes. Every message from one
 * party to another goes through {@link TrustBoundary.send}, which records which party received
 * which assets, at which workflow step and (virtual) time, and hands the payload over.
 *
 * The recorded ledger keeps one record per (step, from, to, asset) — the first message, with
 * the number of messages and the time of the last one in its note — so a training run of
 * thousands of jobs gives a ledger of a few dozen lines that `qmlsec threats analyze --ledger`
 * reads like any other.
 */
import type { ExposureLedger, ExposureRecord } from '../deploy/ledger.js';
import type { LedgerAsset, WorkflowStep } from '../deploy/vocabulary.js';
import type { VirtualClock } from './virtual-clock.js';

interface Entry {
  readonly record: ExposureRecord;
  count: number;
  last: number;
}

/** Records messages across trust boundaries (see the module comment). */
export class TrustBoundary {
  private readonly entries = new Map<string, Entry>();
  private total = 0;

  constructor(readonly deployment: string, private readonly clock: VirtualClock) {}

  /**
   * Sends `payload` from party `from` to party `to` at `step`, recording each asset it carries
   * (nothing is recorded when a party talks to itself). Returns the payload.
   */
  send<T>(step: WorkflowStep, from: string, to: string, assets: readonly LedgerAsset[], payload: T, note?: string, time = this.clock.now()): T {
    if (from === to) return payload;
    this.total++;
    for (const asset of assets) {
      const key = `${step}\u0000${from}\u0000${to}\u0000${asset}`;
      const e = this.entries.get(key);
      if (e) {
        e.count++;
        e.last = Math.max(e.last, time);
      } else {
        this.entries.set(key, { record: { step, from, to, asset, time, ...(note !== undefined ? { note } : {}) }, count: 1, last: time });
      }
    }
    return payload;
  }

  /** Number of messages that crossed a boundary so far. */
  get messages(): number {
    return this.total;
  }

  /** The recorded ledger, in the order things were first exposed. */
  ledger(): ExposureLedger {
    const records = [...this.entries.values()].map(({ record, count, last }) => {
      if (count === 1) return record;
      const more = `${count} messages, last at t=${round(last)} s`;
      return { ...record, note: record.note !== undefined ? `${record.note} (${more})` : more };
    });
    return { deployment: this.deployment, source: 'recorded', records };
  }

  /** The state a checkpoint carries. */
  state(): { readonly messages: number; readonly entries: readonly { record: ExposureRecord; count: number; last: number }[] } {
    return { messages: this.total, entries: [...this.entries.values()].map((e) => ({ record: e.record, count: e.count, last: e.last })) };
  }

  /** Restores a checkpointed state (records made since construction are replaced). */
  restore(state: ReturnType<TrustBoundary['state']>): void {
    this.entries.clear();
    for (const e of state.entries) {
      const r = e.record;
      this.entries.set(`${r.step}\u0000${r.from}\u0000${r.to}\u0000${r.asset}`, { record: r, count: e.count, last: e.last });
    }
    this.total = state.messages;
  }
}

function round(t: number): number {
  return Math.round(t * 1000) / 1000;
}
