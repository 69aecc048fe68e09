/**
 * The query journal: a service-side decorator of a served model that keeps the raw inputs of
 * every answered batch, keyed by the same digest the audit log stores (`digestOf(inputs)`, the
 * SHA-256 of their canonical JSON). The audit log deliberately holds only that digest; a
 * detector that needs the inputs themselves (PRADA's distances) joins the two. Keeping raw
 * queries is the defense's privacy and storage cost, which the journal measures.
 */
import { digestOf } from '../../service/digest.js';
import type { ServedModel } from '../../service/model-runtime.js';

/** Raw inputs by audit digest. */
export class QueryJournal {
  private readonly byDigest = new Map<string, readonly (readonly number[])[]>();
  private rows = 0;

  /** Records one answered batch. */
  record(inputs: readonly (readonly number[])[]): void {
    const digest = digestOf(inputs);
    if (!this.byDigest.has(digest)) {
      this.byDigest.set(digest, inputs.map((r) => [...r]));
      this.rows += inputs.length;
    }
  }

  /** The inputs an audit row's digest stands for, if journaled. */
  inputs(digest: string): readonly (readonly number[])[] | undefined {
    return this.byDigest.get(digest);
  }

  /** Raw input rows retained. */
  get retainedRows(): number {
    return this.rows;
  }
}

/** Wraps `model` so every batch it answers is journaled. */
export function journaled(model: ServedModel, journal: QueryJournal): ServedModel {
  return {
    numFeatures: model.numFeatures,
    classes: model.classes,
    async predict(inputs) {
      const answers = await model.predict(inputs);
      journal.record(inputs);
      return answers;
    },
  };
}
