/** A versioned schema change: statements run in order inside one transaction. */
export interface Migration {
  /** Strictly increasing, never reused; recorded in `schema_migrations`. */
  readonly version: number;
  readonly name: string;
  /** One SQL statement per entry (no parameters). */
  readonly statements: readonly string[];
}
