/**
 * Jobs (training, batch execution): status, attempts, lease, progress, checkpoint and
 * result. Every state change is one conditional UPDATE, so two workers can never both own
 * a job, and a worker that lost its lease can no longer write to it.
 */
import { jsonParam, type Database, type SqlClient } from './database.js';

/** Where a job is in its life. */
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** A stored job. */
export interface JobRecord {
  readonly id: string;
  readonly kind: string;
  readonly status: JobStatus;
  readonly request: unknown;
  readonly keyId: string | null;
  readonly attempts: number;
  readonly maxAttempts: number;
  /** 0..1 */
  readonly progress: number;
  readonly checkpoint: unknown;
  readonly lastError: string | null;
  readonly resultModelId: string | null;
  readonly leaseOwner: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly finishedAt: string | null;
}

/** What {@link JobsRepository.create} needs. */
export interface NewJob {
  readonly id: string;
  readonly kind: string;
  readonly request: unknown;
  readonly keyId?: string | null;
  readonly maxAttempts: number;
}

/** What a recovery sweep did. */
export interface RecoveryReport {
  /** Jobs put back in the queue (they resume from their checkpoint). */
  readonly requeued: readonly string[];
  /** Jobs that had used all their attempts and are now failed. */
  readonly failed: readonly string[];
}

interface JobRow {
  id: string;
  kind: string;
  status: JobStatus;
  request: unknown;
  key_id: string | null;
  attempts: number;
  max_attempts: number;
  progress: number;
  checkpoint: unknown;
  last_error: string | null;
  result_model_id: string | null;
  lease_owner: string | null;
  created_at: Date;
  updated_at: Date;
  finished_at: Date | null;
}

const LEASE = `now() + ($3::double precision * interval '1 millisecond')`;
const OWNED = `id = $1 AND lease_owner = $2 AND status = 'running'`;

/** Reads and writes `jobs`. */
export class JobsRepository {
  constructor(private readonly db: Database) {}

  /** Inserts a queued job unless one with this id exists; returns the stored job either way. */
  async create(input: NewJob): Promise<{ job: JobRecord; created: boolean }> {
    const inserted = await this.db.query<JobRow>(
      `INSERT INTO jobs (id, kind, status, request, key_id, max_attempts)
       VALUES ($1, $2, 'queued', $3::text::jsonb, $4, $5) ON CONFLICT (id) DO NOTHING RETURNING *`,
      [input.id, input.kind, jsonParam(input.request), input.keyId ?? null, input.maxAttempts],
    );
    if (inserted[0]) return { job: toRecord(inserted[0]), created: true };
    const existing = await this.get(input.id);
    if (!existing) throw new Error(`job ${input.id} neither inserted nor found`);
    return { job: existing, created: false };
  }

  /** One job, or undefined. */
  async get(id: string): Promise<JobRecord | undefined> {
    const rows = await this.db.query<JobRow>('SELECT * FROM jobs WHERE id = $1', [id]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /**
   * Takes a job for `owner` for `leaseMs`: a queued one, or a running one whose lease
   * expired (its worker died). Counts an attempt. Undefined when the job is not claimable
   * (finished, owned by a live worker, or out of attempts).
   */
  async claim(id: string, owner: string, leaseMs: number): Promise<JobRecord | undefined> {
    const rows = await this.db.query<JobRow>(
      `UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_owner = $2, lease_expires_at = ${LEASE}, updated_at = now()
        WHERE id = $1 AND attempts < max_attempts
          AND (status = 'queued' OR (status = 'running' AND lease_expires_at < now()))
        RETURNING *`,
      [id, owner, leaseMs],
    );
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /** Extends the lease and records progress; false when `owner` no longer holds the job. */
  async heartbeat(id: string, owner: string, leaseMs: number, progress: number): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE jobs SET lease_expires_at = ${LEASE}, progress = $4, updated_at = now() WHERE ${OWNED} RETURNING id`,
      [id, owner, leaseMs, progress],
    );
    return rows.length > 0;
  }

  /** Stores a checkpoint (and progress, and a fresh lease); false when `owner` lost the job. */
  async saveCheckpoint(id: string, owner: string, leaseMs: number, checkpoint: unknown, progress: number): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE jobs SET checkpoint = $4::text::jsonb, progress = $5, lease_expires_at = ${LEASE}, updated_at = now()
        WHERE ${OWNED} RETURNING id`,
      [id, owner, leaseMs, jsonParam(checkpoint), progress],
    );
    return rows.length > 0;
  }

  /**
   * Marks the job succeeded with its result, inside `tx` (the transaction that stores the
   * result), so the result and the status commit together. False when `owner` lost the job:
   * the caller must then roll back.
   */
  async complete(tx: SqlClient, id: string, owner: string, resultModelId: string | null): Promise<boolean> {
    const rows = await tx.query(
      `UPDATE jobs SET status = 'succeeded', progress = 1, result_model_id = $3, lease_owner = NULL, lease_expires_at = NULL,
              last_error = NULL, finished_at = now(), updated_at = now()
        WHERE ${OWNED} RETURNING id`,
      [id, owner, resultModelId],
    );
    return rows.length > 0;
  }

  /**
   * Ends an attempt that failed with `reason`: back to the queue while attempts remain and
   * `retry` is true, otherwise failed. Returns the new status, or undefined if `owner` had
   * lost the job.
   */
  async endAttempt(id: string, owner: string, reason: string, retry: boolean): Promise<JobStatus | undefined> {
    const rows = await this.db.query<{ status: JobStatus }>(
      `UPDATE jobs SET status = CASE WHEN $4 AND attempts < max_attempts THEN 'queued' ELSE 'failed' END,
              last_error = $3, lease_owner = NULL, lease_expires_at = NULL, updated_at = now(),
              finished_at = CASE WHEN $4 AND attempts < max_attempts THEN NULL ELSE now() END
        WHERE ${OWNED} RETURNING status`,
      [id, owner, reason, retry],
    );
    return rows[0]?.status;
  }

  /**
   * Recovers jobs whose worker is gone: `running` jobs whose lease has expired (or every
   * running job when `all` — for the embedded database, whose single owner is the caller).
   * They go back to the queue, or fail when out of attempts; the reason is recorded.
   */
  async recoverOrphans(options: { all?: boolean } = {}): Promise<RecoveryReport> {
    const rows = await this.db.query<{ id: string; status: JobStatus }>(
      `UPDATE jobs SET
              status = CASE WHEN attempts < max_attempts THEN 'queued' ELSE 'failed' END,
              last_error = CASE WHEN attempts < max_attempts
                THEN 'attempt ' || attempts || ' of ' || max_attempts || ' interrupted: its worker stopped (' || COALESCE(lease_owner, '?') || '); resuming from the last checkpoint'
                ELSE 'failed after ' || attempts || ' attempts: the worker running it stopped each time (last ' || COALESCE(lease_owner, '?') || ')' END,
              finished_at = CASE WHEN attempts < max_attempts THEN NULL ELSE now() END,
              lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
        WHERE status = 'running' AND ($1 OR lease_expires_at < now())
        RETURNING id, status`,
      [options.all ?? false],
    );
    return {
      requeued: rows.filter((r) => r.status === 'queued').map((r) => r.id),
      failed: rows.filter((r) => r.status === 'failed').map((r) => r.id),
    };
  }

  /** Ids of queued jobs, oldest first (optionally only those untouched for `idleMs`). */
  async listQueued(idleMs = 0): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `SELECT id FROM jobs WHERE status = 'queued' AND updated_at <= now() - ($1::double precision * interval '1 millisecond')
        ORDER BY created_at, id`,
      [idleMs],
    );
    return rows.map((r) => r.id);
  }

  /** Number of jobs in each status. */
  async countByStatus(): Promise<Record<JobStatus, number>> {
    const rows = await this.db.query<{ status: JobStatus; n: number }>('SELECT status, count(*)::int AS n FROM jobs GROUP BY status');
    const counts: Record<JobStatus, number> = { queued: 0, running: 0, succeeded: 0, failed: 0 };
    for (const r of rows) counts[r.status] = r.n;
    return counts;
  }
}

function toRecord(row: JobRow): JobRecord {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    request: row.request,
    keyId: row.key_id,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    progress: row.progress,
    checkpoint: row.checkpoint,
    lastError: row.last_error,
    resultModelId: row.result_model_id,
    leaseOwner: row.lease_owner,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    finishedAt: row.finished_at ? row.finished_at.toISOString() : null,
  };
}
