/**
 * Request and response schemas (zod) of every route. The same objects validate requests,
 * document the API (the OpenAPI document is generated from them) and are checked against
 * real responses in the tests.
 */
import { z } from 'zod';
import { SCOPES } from '../store/index.js';

export const ModelIdParams = z.object({ id: z.string().min(1).max(64) }).strict();
export const JobIdParams = z.object({ id: z.string().min(1).max(80) }).strict();
export const KeyIdParams = z.object({ id: z.string().min(1).max(64) }).strict();

/** The problem document of every error. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export const PredictBody = z.object({
  inputs: z.array(z.array(z.number())).min(1).describe('rows of feature values (finite numbers); one query per row'),
}).strict();

export const PredictionSchema = z.object({ label: z.string(), probabilities: z.array(z.number()) });

export const PredictResponse = z.object({
  model: z.object({ id: z.string(), version: z.number().int() }),
  predictions: z.array(PredictionSchema),
});

export const ModelView = z.object({
  id: z.string(),
  name: z.string(),
  version: z.number().int(),
  checksum: z.string(),
  source: z.string(),
  created_at: z.string(),
  metadata: z.record(z.string(), z.unknown()),
});

export const ModelDetail = ModelView.extend({
  num_features: z.number().int(),
  classes: z.array(z.string()),
  versions: z.array(z.object({ version: z.number().int(), checksum: z.string(), source: z.string(), created_at: z.string() })),
});

export const ModelList = z.object({ models: z.array(ModelView) });

const name = z.string().min(1).max(100).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, ".", "_" and "-", starting with a letter or digit');

/** `POST /v1/models`: train from a spec or a deployment (→ job), or register an artifact. */
export const CreateModelBody = z.union([
  z.object({ name: name.optional(), spec: z.record(z.string(), z.unknown()) }).strict(),
  z.object({ name: name.optional(), deployment: z.record(z.string(), z.unknown()) }).strict(),
  z.object({ name: name.optional(), artifact: z.record(z.string(), z.unknown()) }).strict(),
]);

export const JobView = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  progress: z.number(),
  attempts: z.number().int(),
  max_attempts: z.number().int(),
  last_error: z.string().nullable(),
  model_id: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  finished_at: z.string().nullable(),
});

export const JobAccepted = z.object({ job: JobView });

export const CreateKeyBody = z.object({
  name: name,
  scopes: z.array(z.enum(SCOPES)).min(1),
  quota: z.number().int().min(0).nullable().optional().describe('maximum input rows over the key’s life; null = unlimited'),
  rate: z.number().positive().max(1e6).nullable().optional().describe('requests per second; null = unlimited'),
}).strict();

export const KeyView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(SCOPES)),
  quota: z.number().int().nullable(),
  used: z.number().int(),
  rate: z.number().nullable(),
  created_at: z.string(),
  revoked_at: z.string().nullable(),
});

export const KeyCreated = z.object({ key: KeyView, secret: z.string().describe('shown once; store it now') });
export const KeyList = z.object({ keys: z.array(KeyView) });

export const AuditQuery = z.object({
  key_id: z.string().min(1),
  since: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
}).strict();

export const AuditList = z.object({
  entries: z.array(z.object({
    id: z.string(),
    key_id: z.string(),
    model_id: z.string(),
    model_version: z.number().int(),
    at: z.string(),
    input_digest: z.string(),
    row_count: z.number().int(),
    output: z.unknown(),
    request_id: z.string().nullable(),
  })),
});

export const Health = z.object({ status: z.literal('ok'), database: z.string(), queue: z.string(), version: z.string() });
