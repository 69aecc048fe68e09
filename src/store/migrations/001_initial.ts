import type { Migration } from './migration.js';

/**
 * The first schema: models and their versions, API keys, the audit log, jobs and
 * experiment results. Integers are int4 and JSON is jsonb so that PGlite and `pg` return
 * the same JavaScript values. Artifacts are kept as the exact text received (not jsonb,
 * which would reorder keys and reformat numbers) so that their checksum can be re-verified.
 */
export const migration001: Migration = {
  version: 1,
  name: 'initial',
  statements: [
    `CREATE TABLE models (
       id text PRIMARY KEY,
       name text NOT NULL UNIQUE,
       created_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE TABLE model_versions (
       model_id text NOT NULL REFERENCES models(id) ON DELETE CASCADE,
       version integer NOT NULL CHECK (version >= 1),
       checksum text NOT NULL,
       artifact text NOT NULL,
       metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
       source text NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (model_id, version)
     )`,
    `CREATE TABLE api_keys (
       id text PRIMARY KEY,
       name text NOT NULL,
       prefix text NOT NULL,
       secret_hash text NOT NULL UNIQUE,
       scopes text[] NOT NULL,
       query_quota integer CHECK (query_quota IS NULL OR query_quota >= 0),
       queries_used integer NOT NULL DEFAULT 0 CHECK (queries_used >= 0),
       rate_limit double precision CHECK (rate_limit IS NULL OR rate_limit > 0),
       created_at timestamptz NOT NULL DEFAULT now(),
       revoked_at timestamptz,
       CHECK (query_quota IS NULL OR queries_used <= query_quota)
     )`,
    `CREATE TABLE audit_log (
       id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       key_id text NOT NULL REFERENCES api_keys(id),
       model_id text NOT NULL,
       model_version integer NOT NULL,
       created_at timestamptz NOT NULL,
       input_digest text NOT NULL,
       row_count integer NOT NULL CHECK (row_count >= 1),
       output jsonb NOT NULL,
       request_id text
     )`,
    `CREATE INDEX audit_log_key_time ON audit_log (key_id, created_at, id)`,
    `CREATE INDEX audit_log_model_time ON audit_log (model_id, created_at)`,
    `CREATE TABLE jobs (
       id text PRIMARY KEY,
       kind text NOT NULL,
       status text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
       request jsonb NOT NULL,
       key_id text,
       attempts integer NOT NULL DEFAULT 0,
       max_attempts integer NOT NULL CHECK (max_attempts >= 1),
       progress double precision NOT NULL DEFAULT 0,
       checkpoint jsonb,
       last_error text,
       result_model_id text REFERENCES models(id),
       lease_owner text,
       lease_expires_at timestamptz,
       created_at timestamptz NOT NULL DEFAULT now(),
       updated_at timestamptz NOT NULL DEFAULT now(),
       finished_at timestamptz
     )`,
    `CREATE INDEX jobs_status ON jobs (status, created_at)`,
    `CREATE TABLE experiment_results (
       id text PRIMARY KEY,
       experiment text NOT NULL,
       params jsonb NOT NULL DEFAULT '{}'::jsonb,
       metrics jsonb NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE INDEX experiment_results_experiment ON experiment_results (experiment, created_at)`,
  ],
};
