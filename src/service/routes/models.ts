/** `/v1/models`: list, show, create (train → job, or register an artifact), predict. */
import { validate } from '../../core/schema.js';
import { digestOf } from '../digest.js';
import { parsePredictInputs } from '../predict-input.js';
import { HttpProblem } from '../problem.js';
import { AUTH_ERRORS, route, type Route } from '../route-spec.js';
import { CreateModelBody, ModelDetail, ModelIdParams, ModelList, ModelView, PredictBody, PredictResponse, JobAccepted } from '../schemas.js';
import type { ServiceContext } from '../service-context.js';
import { modelView } from '../views.js';
import { createTrainingJob } from './training.js';
import { z } from 'zod';

const ArtifactBody = z.object({ name: z.string().min(1).max(100).optional(), artifact: z.record(z.string(), z.unknown()) }).strict();

/** The model routes. */
export function modelRoutes(ctx: ServiceContext): Route[] {
  const list = route({
    method: 'GET',
    url: '/v1/models',
    operationId: 'listModels',
    summary: 'List models (latest version of each)',
    tags: ['models'],
    scope: 'predict',
    responses: { 200: { description: 'the models', schema: ModelList }, ...AUTH_ERRORS },
    handler: async () => ({ body: { models: (await ctx.store.models.list()).map(modelView) } }),
  });

  const show = route({
    method: 'GET',
    url: '/v1/models/:id',
    operationId: 'getModel',
    summary: 'Show one model: latest version, input width, classes, version history',
    tags: ['models'],
    scope: 'predict',
    params: ModelIdParams,
    responses: { 200: { description: 'the model', schema: ModelDetail }, 404: { description: 'no such model' }, ...AUTH_ERRORS },
    handler: async ({ params }) => {
      const versions = await ctx.store.models.versions(params.id).catch(() => {
        throw new HttpProblem(404, 'model-not-found', `no model with id "${params.id}" (GET /v1/models lists them)`);
      });
      const latest = versions[versions.length - 1];
      const loaded = await ctx.models.get(params.id);
      return {
        body: {
          ...modelView(latest as (typeof versions)[number]),
          num_features: loaded.model.numFeatures,
          classes: [...loaded.model.classes],
          versions: versions.map((v) => ({ version: v.version, checksum: v.checksum, source: v.source, created_at: v.createdAt })),
        },
      };
    },
  });

  const create = route({
    method: 'POST',
    url: '/v1/models',
    operationId: 'createModel',
    summary: 'Train a model from a spec or deployment (→ job), or register a trained artifact',
    description:
      'With `spec` or `deployment` the training runs as a job: 202 with the job (poll GET /v1/jobs/{id}). ' +
      'The job id comes from the Idempotency-Key header or, without one, from the body: repeating a request returns the same job (200). ' +
      'With `artifact` the verified artifact is registered as a new model version: 201.',
    tags: ['models'],
    scope: 'train',
    body: CreateModelBody,
    requestHeaders: { 'Idempotency-Key': 'optional client key making retries of this request safe (1–200 characters)' },
    responses: {
      200: { description: 'the job this request (or its Idempotency-Key) already created', schema: JobAccepted },
      201: { description: 'the registered model', schema: ModelView, headers: { Location: 'URL of the model' } },
      202: { description: 'the training job', schema: JobAccepted, headers: { Location: 'URL of the job' } },
      400: { description: 'malformed JSON' },
      413: { description: 'body too large' },
      422: { description: 'invalid body or artifact (checksum mismatch), or an Idempotency-Key reused with a different body' },
      ...AUTH_ERRORS,
    },
    handler: async ({ body, key, request }) => {
      const kinds = ['spec', 'deployment', 'artifact'].filter((k) => body !== null && typeof body === 'object' && k in body);
      if (kinds.length !== 1) {
        throw new HttpProblem(422, 'invalid-input', `the body needs exactly one of "spec", "deployment" (train a model) or "artifact" (register one)${kinds.length > 1 ? `; got ${kinds.join(' and ')}` : ''}`, {}, [{ path: '(root)', message: 'expected exactly one of spec, deployment, artifact' }]);
      }
      if (kinds[0] === 'artifact') {
        const parsed = validate(ArtifactBody, body, 'request body');
        const loaded = ctx.runtime.loadArtifact(parsed.artifact);
        const version = await ctx.store.models.register({ name: parsed.name ?? loaded.name, checksum: loaded.checksum, artifact: parsed.artifact, metadata: loaded.metadata, source: `import:${key.id}` });
        ctx.models.invalidate(version.modelId);
        return { status: 201, body: modelView(version), headers: { Location: `/v1/models/${version.modelId}` } };
      }
      const parsed = validate(CreateModelBody, body, 'request body');
      const idempotencyKey = request.headers['idempotency-key'];
      return createTrainingJob(ctx, key, parsed, typeof idempotencyKey === 'string' ? idempotencyKey : undefined);
    },
  });

  const predict = route({
    method: 'POST',
    url: '/v1/models/:id/predict',
    operationId: 'predict',
    summary: 'Predict labels and class probabilities for a batch of inputs',
    description:
      'Each input row is one query against the key’s quota. Every answered request is in the audit log (key, model version, time, SHA-256 of the canonical inputs, output) before the answer is sent. ' +
      'More rows than the server’s batch limit is a 413, like an oversized body: the request is well-formed but larger than the server accepts, and the fix is the same (split it).',
    tags: ['models'],
    scope: 'predict',
    params: ModelIdParams,
    body: PredictBody,
    responses: {
      200: { description: 'one prediction per input row, in order', schema: PredictResponse },
      400: { description: 'malformed JSON' },
      404: { description: 'no such model' },
      413: { description: 'body larger than the limit, or more rows than the batch limit' },
      422: { description: 'inputs of the wrong shape or width, or not finite numbers (each error names row and column)' },
      ...AUTH_ERRORS,
    },
    handler: async ({ params, body, key, request }) => {
      const model = await ctx.models.get(params.id);
      const inputs = parsePredictInputs(body, model.model.numFeatures, ctx.config.maxBatchRows);
      if (key.queryQuota !== null) {
        const used = Math.max(key.queriesUsed, ctx.audit.usage.get(key.id) ?? 0);
        if (used + inputs.length > key.queryQuota) {
          throw new HttpProblem(429, 'quota-exhausted', `query quota exhausted: API key ${key.id} has ${Math.max(0, key.queryQuota - used)} of its ${key.queryQuota} queries left and this request needs ${inputs.length} (one per input row); ask an admin for a new key or a larger quota`, { 'Retry-After': '86400' });
        }
      }
      const predictions = await model.model.predict(inputs);
      const inputDigest = digestOf(inputs);
      await ctx.audit.record({
        keyId: key.id,
        modelId: model.modelId,
        modelVersion: model.version,
        at: new Date(),
        inputDigest,
        rowCount: inputs.length,
        output: predictions,
        requestId: request.id,
      });
      ctx.metrics.predictions.inc({ model: model.modelId });
      ctx.metrics.predictionRows.inc({ model: model.modelId }, inputs.length);
      request.log.debug({ model: model.modelId, version: model.version, rows: inputs.length, inputDigest }, 'prediction');
      return { body: { model: { id: model.modelId, version: model.version }, predictions } };
    },
  });

  return [list, show, create, predict];
}
