/** The contract of a per-client (per API key) detector of extraction-like query streams. */

/** A per-client detector fed one answered query at a time. */
export interface StreamDetector {
  /** Feeds one query (raw input row) and the class the service answered. */
  observe(input: ArrayLike<number>, predictedClass: number): void;
  /** 1-based index of the query that raised the alarm, if one did. */
  readonly detectedAt: number | undefined;
  /** Queries seen. */
  readonly queries: number;
}
