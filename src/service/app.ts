/**
 * The Fastify application: registers the route table with authentication (before the body
 * is read), scope checks, per-key rate limits, problem+json errors, structured request
 * logs (never keys or raw inputs) and metrics.
 */
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { validate } from '../core/schema.js';
import type { ApiKeyRecord } from '../store/index.js';
import { VERSION } from '../version.js';
import { requireScope } from './key-authenticator.js';
import { openApiDocument, type OpenApiDocument } from './openapi.js';
import { HttpProblem, PROBLEM_CONTENT_TYPE, toProblem } from './problem.js';
import type { Route } from './route-spec.js';
import { adminRoutes } from './routes/admin.js';
import { jobRoutes } from './routes/jobs.js';
import { modelRoutes } from './routes/models.js';
import { systemRoutes } from './routes/system.js';
import type { ServiceContext } from './service-context.js';

const KEY = Symbol('qmlsec.apiKey');
type KeyedRequest = FastifyRequest & { [KEY]?: ApiKeyRecord };

/** Every route of the service (the OpenAPI document is built from this list). */
export function serviceRoutes(ctx: ServiceContext): { routes: Route[]; openapi: () => OpenApiDocument } {
  let doc: OpenApiDocument | undefined;
  const routes: Route[] = [];
  const openapi = (): OpenApiDocument => (doc ??= openApiDocument(routes, { title: 'qmlsec QMLaaS API', version: VERSION }));
  routes.push(...systemRoutes(ctx, openapi), ...modelRoutes(ctx), ...jobRoutes(ctx), ...adminRoutes(ctx));
  return { routes, openapi };
}

/** Builds (does not start) the Fastify app for `ctx`. */
export function buildApp(ctx: ServiceContext): FastifyInstance {
  const app = Fastify({
    loggerInstance: ctx.logger as FastifyBaseLogger,
    // Fastify's own per-request lines are off: ours (onResponse, sendProblem) carry route, status and key id.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: ctx.config.bodyLimitBytes,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });

  // Only JSON bodies: without this, Fastify would hand text/plain bodies to handlers as strings.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler((err, request, reply) => sendProblem(ctx, err, request, reply));
  app.setNotFoundHandler((request, reply) =>
    sendProblem(ctx, new HttpProblem(404, 'no-route', `no route ${request.method} ${request.url.split('?')[0]}; the API is described at /openapi.json`), request, reply),
  );

  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const status = reply.statusCode;
    ctx.metrics.observe(request.method, route, status, reply.elapsedTime / 1000);
    const key = (request as KeyedRequest)[KEY];
    const fields = { method: request.method, route, status, ms: Math.round(reply.elapsedTime * 100) / 100, ...(key ? { key: key.id } : {}) };
    if (status < 400) request.log.info(fields, 'request completed');
    done();
  });

  const { routes } = serviceRoutes(ctx);
  for (const r of routes) registerRoute(app, ctx, r);
  return app;
}

function registerRoute(app: FastifyInstance, ctx: ServiceContext, r: Route): void {
  const scope = r.scope;
  app.route({
    method: r.method,
    url: r.url,
    // Authentication, scope and rate limit run before the body is read: no key, no upload.
    ...(scope
      ? {
          onRequest: async (request: FastifyRequest) => {
            const key = await ctx.auth.authenticate(request.headers.authorization);
            (request as KeyedRequest)[KEY] = key;
            requireScope(key, scope);
            if (key.rateLimit !== null) {
              const decision = await ctx.rateLimiter.take(key.id, key.rateLimit);
              if (!decision.allowed) {
                throw new HttpProblem(429, 'rate-limited', `rate limit of ${key.rateLimit} requests/s for API key ${key.id} exceeded; retry after ${decision.retryAfterSeconds} s`, {
                  'Retry-After': String(decision.retryAfterSeconds),
                });
              }
            }
          },
        }
      : {}),
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      const params = r.params ? validate(r.params, request.params, 'path parameters') : request.params;
      const query = r.query ? validate(r.query, request.query, 'query parameters') : request.query;
      const result = await r.handler({
        request,
        reply,
        key: (request as KeyedRequest)[KEY] as ApiKeyRecord,
        params,
        query,
        body: request.body,
      });
      reply.code(result.status ?? 200);
      if (result.headers) reply.headers(result.headers);
      if (result.contentType) reply.type(result.contentType);
      return result.body;
    },
  });
}

function sendProblem(ctx: ServiceContext, err: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { problem, headers, serverFault } = toProblem(err, request.url.split('?')[0] ?? request.url);
  const key = (request as KeyedRequest)[KEY];
  const fields = { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: problem.status, problem: problem.type, ...(key ? { key: key.id } : {}) };
  if (serverFault) request.log.error({ ...fields, err }, 'request failed');
  else request.log.info({ ...fields, detail: problem.detail }, 'request rejected');
  return reply.code(problem.status).headers(headers).type(PROBLEM_CONTENT_TYPE).send(problem);
}
