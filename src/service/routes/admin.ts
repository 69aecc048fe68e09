/** Admin routes: API keys (create, list, revoke) and the audit log. */
import { validate } from '../../core/schema.js';
import { AUTH_ERRORS, route, type Route } from '../route-spec.js';
import { AuditList, AuditQuery, CreateKeyBody, KeyCreated, KeyIdParams, KeyList, KeyView } from '../schemas.js';
import type { ServiceContext } from '../service-context.js';
import { auditView, keyView } from '../views.js';

/** The admin routes (scope `admin`). */
export function adminRoutes(ctx: ServiceContext): Route[] {
  const createKey = route({
    method: 'POST',
    url: '/v1/keys',
    operationId: 'createKey',
    summary: 'Create an API key (the secret is in this response only)',
    tags: ['admin'],
    scope: 'admin',
    body: CreateKeyBody,
    responses: { 201: { description: 'the key and its secret', schema: KeyCreated }, 400: { description: 'malformed JSON' }, 422: { description: 'invalid body' }, ...AUTH_ERRORS },
    handler: async ({ body }) => {
      const input = validate(CreateKeyBody, body, 'request body');
      const { key, secret } = await ctx.store.keys.create({
        name: input.name,
        scopes: input.scopes,
        queryQuota: input.quota === undefined ? ctx.config.defaultQueryQuota : input.quota,
        rateLimit: input.rate === undefined ? ctx.config.defaultRateLimit : input.rate,
      });
      return { status: 201, body: { key: keyView(key), secret } };
    },
  });

  const listKeys = route({
    method: 'GET',
    url: '/v1/keys',
    operationId: 'listKeys',
    summary: 'List API keys (never their secrets)',
    tags: ['admin'],
    scope: 'admin',
    responses: { 200: { description: 'the keys', schema: KeyList }, ...AUTH_ERRORS },
    handler: async () => ({ body: { keys: (await ctx.store.keys.list()).map(keyView) } }),
  });

  const revokeKey = route({
    method: 'DELETE',
    url: '/v1/keys/:id',
    operationId: 'revokeKey',
    summary: 'Revoke an API key (effective immediately on this server)',
    tags: ['admin'],
    scope: 'admin',
    params: KeyIdParams,
    responses: { 200: { description: 'the revoked key', schema: KeyView }, 404: { description: 'no such key' }, ...AUTH_ERRORS },
    handler: async ({ params }) => {
      const key = await ctx.store.keys.revoke(params.id);
      ctx.auth.evict(key.id);
      return { body: keyView(key) };
    },
  });

  const audit = route({
    method: 'GET',
    url: '/v1/audit',
    operationId: 'listAudit',
    summary: 'A key’s audit log: every answered prediction, in time order',
    tags: ['admin'],
    scope: 'admin',
    query: AuditQuery,
    responses: { 200: { description: 'audit entries', schema: AuditList }, 422: { description: 'invalid query' }, ...AUTH_ERRORS },
    handler: async ({ query }) => {
      const rows = await ctx.store.audit.listByKey(query.key_id, {
        ...(query.since ? { since: new Date(query.since) } : {}),
        ...(query.limit ? { limit: query.limit } : {}),
      });
      return { body: { entries: rows.map(auditView) } };
    },
  });

  return [createKey, listKeys, revokeKey, audit];
}
