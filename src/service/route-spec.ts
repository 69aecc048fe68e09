/**
 * A route as data: method, path, required scope, schemas and handler. The app registers
 * these with Fastify and the OpenAPI document is generated from the same table, so the two
 * cannot drift apart.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ApiKeyRecord, Scope } from '../store/index.js';

/** One documented response of a route. */
export interface ResponseSpec {
  readonly description: string;
  /** JSON body schema (omitted for non-JSON bodies). */
  readonly schema?: z.ZodType;
  /** Content type when not `application/json`. */
  readonly contentType?: string;
  /** Response headers worth documenting (name → description). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** What a handler receives. */
export interface HandlerInput<P, Q, B> {
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
  /** The authenticated key (routes with a scope only). */
  readonly key: ApiKeyRecord;
  readonly params: P;
  readonly query: Q;
  /** The raw parsed JSON body (handlers validate it: predict does so by hand, for speed). */
  readonly body: B;
}

/** What a handler returns: status (default 200), JSON body, extra headers. */
export interface HandlerResult {
  readonly status?: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Content type when the body is not JSON (e.g. Prometheus text). */
  readonly contentType?: string;
}

/** A route. `P`, `Q` are the validated params and query. */
export interface RouteSpec<P = Record<string, string>, Q = Record<string, unknown>> {
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** Fastify path, e.g. `/v1/models/:id`. */
  readonly url: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  /** Scope the key needs; undefined for public routes (health, metrics, OpenAPI). */
  readonly scope?: Scope;
  readonly params?: z.ZodType<P>;
  readonly query?: z.ZodType<Q>;
  /** The request body schema (for validation by the handler and for the document). */
  readonly body?: z.ZodType;
  /** Request headers worth documenting (name → description). */
  readonly requestHeaders?: Readonly<Record<string, string>>;
  /** Success and error responses by status. */
  readonly responses: Readonly<Record<number, ResponseSpec>>;
  readonly handler: (input: HandlerInput<P, Q, unknown>) => Promise<HandlerResult> | HandlerResult;
}

/**
 * A route with its parameter types erased, for tables of mixed routes. Safe because the app
 * validates `params` and `query` with the route's own schemas before calling the handler.
 */
export type Route = RouteSpec<unknown, unknown>;

/** Declares a route: types are inferred from the schemas, then erased to {@link Route}. */
export function route<P = Record<string, string>, Q = Record<string, unknown>>(spec: RouteSpec<P, Q>): Route {
  return spec as unknown as Route;
}

/** Error responses shared by authenticated routes. */
export const AUTH_ERRORS: Readonly<Record<number, ResponseSpec>> = {
  401: { description: 'no key, a malformed, unknown or revoked key', headers: { 'WWW-Authenticate': 'Bearer challenge' } },
  403: { description: 'the key lacks the required scope' },
  429: { description: 'rate limit or query quota exceeded', headers: { 'Retry-After': 'seconds to wait' } },
};
