/** Creating training jobs: idempotent job ids, store then enqueue. */
import type { z } from 'zod';
import type { ApiKeyRecord } from '../../store/index.js';
import { canonicalJson, sha256Digest } from '../digest.js';
import { HttpProblem } from '../problem.js';
import type { HandlerResult } from '../route-spec.js';
import type { CreateModelBody } from '../schemas.js';
import type { ServiceContext } from '../service-context.js';
import { TRAIN_JOB_KIND } from '../training-job.js';
import { jobView } from '../views.js';

/**
 * The job id of a training request: from the client's Idempotency-Key when given, else
 * from the body's canonical JSON — both scoped to the key, so clients never collide.
 */
export function trainingJobId(keyId: string, body: unknown, idempotencyKey: string | undefined): string {
  const basis = idempotencyKey === undefined ? `body:${keyId}:${canonicalJson(body)}` : `idem:${keyId}:${idempotencyKey}`;
  return `job_${sha256Digest(basis).slice('sha256:'.length, 'sha256:'.length + 24)}`;
}

/** Stores (or finds) the job and enqueues it; 202 when new, 200 when it existed. */
export async function createTrainingJob(
  ctx: ServiceContext,
  key: ApiKeyRecord,
  body: z.infer<typeof CreateModelBody>,
  idempotencyKey: string | undefined,
): Promise<HandlerResult> {
  if (idempotencyKey !== undefined && (idempotencyKey.length < 1 || idempotencyKey.length > 200)) {
    throw new HttpProblem(400, 'bad-request', 'Idempotency-Key must be 1–200 characters');
  }
  const id = trainingJobId(key.id, body, idempotencyKey);
  const { job, created } = await ctx.store.jobs.create({ id, kind: TRAIN_JOB_KIND, request: body, keyId: key.id, maxAttempts: ctx.config.jobMaxAttempts });
  if (!created && canonicalJson(job.request) !== canonicalJson(body)) {
    throw new HttpProblem(422, 'idempotency-key-reused', `Idempotency-Key "${idempotencyKey}" was already used for a different request (job ${job.id}); use a new key for a new request`);
  }
  if (created) await ctx.queue.enqueue(id);
  return { status: created ? 202 : 200, body: { job: jobView(job) }, headers: { Location: `/v1/jobs/${id}` } };
}
