/** Models and their versions: each version holds a verified artifact and its checksum. */
import { NotFoundError } from '../core/errors.js';
import { jsonParam, type Database, type SqlClient } from './database.js';
import { newId } from './ids.js';

/** One stored version of a model (without the artifact body). */
export interface ModelVersionSummary {
  readonly modelId: string;
  readonly name: string;
  readonly version: number;
  readonly checksum: string;
  readonly metadata: Record<string, unknown>;
  /** Where it came from: `import` or `job:<id>`. */
  readonly source: string;
  /** ISO 8601 time the version was stored. */
  readonly createdAt: string;
}

/** A stored version including the artifact, as the exact JSON text that was registered. */
export interface ModelVersionRecord extends ModelVersionSummary {
  readonly artifact: string;
}

/** What {@link ModelsRepository.register} stores. */
export interface NewModelVersion {
  readonly name: string;
  readonly checksum: string;
  /** The artifact: JSON text (stored verbatim) or a value (stored as its JSON). */
  readonly artifact: unknown;
  readonly metadata?: Record<string, unknown>;
  readonly source: string;
}

interface VersionRow {
  model_id: string;
  name: string;
  version: number;
  checksum: string;
  metadata: Record<string, unknown>;
  source: string;
  created_at: Date;
  artifact?: string;
}

const SUMMARY_COLUMNS = 'v.model_id, m.name, v.version, v.checksum, v.metadata, v.source, v.created_at';

/** Reads and writes `models` and `model_versions`. */
export class ModelsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Stores a new version of the model called `name` (creating the model when the name is
   * new) with its artifact, in one transaction — or inside `tx` when the caller needs it to
   * commit together with other writes (a finishing training job).
   */
  async register(input: NewModelVersion, tx?: SqlClient): Promise<ModelVersionSummary> {
    if (tx) return this.registerIn(tx, input);
    return this.db.transaction((t) => this.registerIn(t, input));
  }

  private async registerIn(tx: SqlClient, input: NewModelVersion): Promise<ModelVersionSummary> {
    await tx.query('INSERT INTO models (id, name) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [newId('mdl'), input.name]);
    // FOR UPDATE serialises concurrent registrations of the same name (version numbers stay unique).
    const [model] = await tx.query<{ id: string }>('SELECT id FROM models WHERE name = $1 FOR UPDATE', [input.name]);
    if (!model) throw new Error(`model "${input.name}" vanished during registration`);
    const rows = await tx.query<VersionRow>(
      `INSERT INTO model_versions (model_id, version, checksum, artifact, metadata, source)
       SELECT $1, COALESCE(max(version), 0) + 1, $2, $3, $4::text::jsonb, $5
         FROM model_versions WHERE model_id = $1
       RETURNING model_id, $6::text AS name, version, checksum, metadata, source, created_at`,
      [model.id, input.checksum, typeof input.artifact === 'string' ? input.artifact : JSON.stringify(input.artifact), jsonParam(input.metadata ?? {}), input.source, input.name],
    );
    return toSummary(rows[0] as VersionRow);
  }

  /** The latest version of every model, newest model first. */
  async list(): Promise<ModelVersionSummary[]> {
    const rows = await this.db.query<VersionRow>(
      `SELECT DISTINCT ON (v.model_id) ${SUMMARY_COLUMNS}
         FROM model_versions v JOIN models m ON m.id = v.model_id
        ORDER BY v.model_id, v.version DESC`,
    );
    return rows.map(toSummary).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.modelId.localeCompare(b.modelId));
  }

  /** Every version of one model, oldest first; throws NotFoundError for an unknown id. */
  async versions(modelId: string): Promise<ModelVersionSummary[]> {
    const rows = await this.db.query<VersionRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM model_versions v JOIN models m ON m.id = v.model_id
        WHERE v.model_id = $1 ORDER BY v.version`,
      [modelId],
    );
    if (rows.length === 0) throw new NotFoundError(`no model with id "${modelId}" (see GET /v1/models or \`qmlsec models list\`)`);
    return rows.map(toSummary);
  }

  /** The latest version number of a model, or undefined when the model does not exist. */
  async latestVersion(modelId: string): Promise<number | undefined> {
    const rows = await this.db.query<{ version: number | null }>('SELECT max(version) AS version FROM model_versions WHERE model_id = $1', [modelId]);
    return rows[0]?.version ?? undefined;
  }

  /** One version with its artifact (the latest when `version` is omitted), or undefined. */
  async find(modelId: string, version?: number): Promise<ModelVersionRecord | undefined> {
    const rows = await this.db.query<VersionRow>(
      `SELECT ${SUMMARY_COLUMNS}, v.artifact FROM model_versions v JOIN models m ON m.id = v.model_id
        WHERE v.model_id = $1 ${version === undefined ? '' : 'AND v.version = $2'}
        ORDER BY v.version DESC LIMIT 1`,
      version === undefined ? [modelId] : [modelId, version],
    );
    const row = rows[0];
    return row ? { ...toSummary(row), artifact: row.artifact ?? '' } : undefined;
  }
}

function toSummary(row: VersionRow): ModelVersionSummary {
  return {
    modelId: row.model_id,
    name: row.name,
    version: row.version,
    checksum: row.checksum,
    metadata: row.metadata,
    source: row.source,
    createdAt: row.created_at.toISOString(),
  };
}
