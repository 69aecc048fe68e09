/** Experiment results: the metrics of lab runs, kept for reports and comparisons. */
import { jsonParam, type Database } from './database.js';
import { newId } from './ids.js';

/** One stored result. */
export interface ExperimentRecord {
  readonly id: string;
  readonly experiment: string;
  readonly params: Record<string, unknown>;
  readonly metrics: Record<string, unknown>;
  readonly createdAt: string;
}

interface ExperimentRow {
  id: string;
  experiment: string;
  params: Record<string, unknown>;
  metrics: Record<string, unknown>;
  created_at: Date;
}

/** Reads and writes `experiment_results`. */
export class ExperimentsRepository {
  constructor(private readonly db: Database) {}

  /** Stores one result and returns it with its id. */
  async record(input: { experiment: string; params?: Record<string, unknown>; metrics: Record<string, unknown> }): Promise<ExperimentRecord> {
    const rows = await this.db.query<ExperimentRow>(
      `INSERT INTO experiment_results (id, experiment, params, metrics) VALUES ($1, $2, $3::text::jsonb, $4::text::jsonb)
       RETURNING id, experiment, params, metrics, created_at`,
      [newId('exp'), input.experiment, jsonParam(input.params ?? {}), jsonParam(input.metrics)],
    );
    return toRecord(rows[0] as ExperimentRow);
  }

  /** Results of one experiment (or all), oldest first. */
  async list(experiment?: string): Promise<ExperimentRecord[]> {
    const rows = experiment === undefined
      ? await this.db.query<ExperimentRow>('SELECT id, experiment, params, metrics, created_at FROM experiment_results ORDER BY created_at, id')
      : await this.db.query<ExperimentRow>(
          'SELECT id, experiment, params, metrics, created_at FROM experiment_results WHERE experiment = $1 ORDER BY created_at, id',
          [experiment],
        );
    return rows.map(toRecord);
  }
}

function toRecord(row: ExperimentRow): ExperimentRecord {
  return { id: row.id, experiment: row.experiment, params: row.params, metrics: row.metrics, createdAt: row.created_at.toISOString() };
}
