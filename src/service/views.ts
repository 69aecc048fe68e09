/** Store records as the API shows them (snake_case, no internals such as lease owners). */
import type { ApiKeyRecord, AuditRecord, JobRecord, ModelVersionSummary } from '../store/index.js';
import type { z } from 'zod';
import type { AuditList, JobView, KeyView, ModelView } from './schemas.js';

/** A model's latest version. */
export function modelView(m: ModelVersionSummary): z.infer<typeof ModelView> {
  return { id: m.modelId, name: m.name, version: m.version, checksum: m.checksum, source: m.source, created_at: m.createdAt, metadata: m.metadata };
}

/** A job's public state. */
export function jobView(j: JobRecord): z.infer<typeof JobView> {
  return {
    id: j.id,
    kind: j.kind,
    status: j.status,
    progress: j.progress,
    attempts: j.attempts,
    max_attempts: j.maxAttempts,
    last_error: j.lastError,
    model_id: j.resultModelId,
    created_at: j.createdAt,
    updated_at: j.updatedAt,
    finished_at: j.finishedAt,
  };
}

/** A key without its secret. */
export function keyView(k: ApiKeyRecord): z.infer<typeof KeyView> {
  return { id: k.id, name: k.name, prefix: k.prefix, scopes: [...k.scopes], quota: k.queryQuota, used: k.queriesUsed, rate: k.rateLimit, created_at: k.createdAt, revoked_at: k.revokedAt };
}

/** One audit row. */
export function auditView(a: AuditRecord): z.infer<typeof AuditList>['entries'][number] {
  return {
    id: a.id,
    key_id: a.keyId,
    model_id: a.modelId,
    model_version: a.modelVersion,
    at: a.at,
    input_digest: a.inputDigest,
    row_count: a.rowCount,
    output: a.output,
    request_id: a.requestId,
  };
}
