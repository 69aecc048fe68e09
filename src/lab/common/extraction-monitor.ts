/**
 * Service-side extraction detection over the real audit log: for each watched API key, read
 * its new audit rows (`store.audit.listByKey`, in time order), recover the raw inputs of each
 * row from the query journal by the row's input digest, and feed every query with the class
 * the service answered (from the row's recorded output) to the key's detector (PRADA, or the
 * out-of-distribution CUSUM).
 */
import { InputError } from '../../core/errors.js';
import type { Store } from '../../store/store.js';
import type { QueryJournal } from './query-journal.js';
import type { StreamDetector } from './stream-detector.js';

interface Watched {
  readonly detector: StreamDetector;
  readonly seen: Set<string>;
  since: Date;
}

/** Watches API keys for extraction-like query streams. */
export class ExtractionMonitor {
  private readonly watched = new Map<string, Watched>();

  constructor(
    private readonly store: Pick<Store, 'audit'>,
    private readonly journal: QueryJournal,
    private readonly classes: readonly string[],
    private readonly newDetector: () => StreamDetector,
  ) {}

  /**
   * Processes the key's audit rows not seen yet; returns the 1-based query index at which
   * PRADA raised the alarm, or undefined while it has not.
   */
  async poll(keyId: string): Promise<number | undefined> {
    let w = this.watched.get(keyId);
    if (!w) {
      w = { detector: this.newDetector(), seen: new Set(), since: new Date(0) };
      this.watched.set(keyId, w);
    }
    const rows = await this.store.audit.listByKey(keyId, { since: w.since });
    for (const row of rows) {
      if (w.seen.has(row.id)) continue;
      w.seen.add(row.id);
      w.since = new Date(row.at);
      const inputs = this.journal.inputs(row.inputDigest);
      if (!inputs) throw new InputError(`audit row ${row.id} of key ${keyId} has no journaled inputs (digest ${row.inputDigest.slice(0, 19)}…)`, 'LAB_MONITOR');
      const outputs = row.output as { label: string }[];
      inputs.forEach((x, i) => {
        const label = this.classes.indexOf((outputs[i] as { label: string }).label);
        w.detector.observe(x, label);
      });
    }
    return w.detector.detectedAt;
  }

  /** Queries of the key processed so far. */
  queriesSeen(keyId: string): number {
    return this.watched.get(keyId)?.detector.queries ?? 0;
  }

  /** The detector watching `keyId`, if it was polled. */
  detector(keyId: string): StreamDetector | undefined {
    return this.watched.get(keyId)?.detector;
  }
}
