/** Public routes: health, Prometheus metrics, the OpenAPI document. */
import { VERSION } from '../../version.js';
import { route, type Route } from '../route-spec.js';
import { Health } from '../schemas.js';
import type { ServiceContext } from '../service-context.js';

/** The public routes; `openapi` returns the document (built once the table is complete). */
export function systemRoutes(ctx: ServiceContext, openapi: () => unknown): Route[] {
  return [
    route({
      method: 'GET',
      url: '/healthz',
      operationId: 'health',
      summary: 'Liveness and database reachability',
      tags: ['system'],
      responses: { 200: { description: 'healthy', schema: Health }, 503: { description: 'the database does not answer' } },
      handler: async () => {
        await ctx.store.db.query('SELECT 1');
        return { body: { status: 'ok', database: ctx.store.db.kind, queue: ctx.queue.kind, version: VERSION } };
      },
    }),
    route({
      method: 'GET',
      url: '/metrics',
      operationId: 'metrics',
      summary: 'Prometheus metrics (requests, latency, predictions, queue depth, job outcomes)',
      tags: ['system'],
      responses: { 200: { description: 'Prometheus text exposition format', contentType: 'text/plain; version=0.0.4' } },
      handler: async () => ({ body: await ctx.metrics.registry.metrics(), contentType: ctx.metrics.registry.contentType }),
    }),
    route({
      method: 'GET',
      url: '/openapi.json',
      operationId: 'openapi',
      summary: 'This API’s OpenAPI 3.1 document',
      tags: ['system'],
      responses: { 200: { description: 'the OpenAPI document' } },
      handler: () => ({ body: openapi() }),
    }),
  ];
}
