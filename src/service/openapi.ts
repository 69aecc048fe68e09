/**
 * The OpenAPI 3.1 document, generated from the route table: paths from the routes, JSON
 * Schemas (2020-12, which OpenAPI 3.1 uses as is) from the routes' zod schemas, bearer
 * security on every route that needs a scope, and problem+json for every error response.
 */
import { z } from 'zod';
import { PROBLEM_CONTENT_TYPE } from './problem.js';
import type { Route } from './route-spec.js';
import { ProblemSchema } from './schemas.js';

/** A JSON Schema object as embedded in the document. */
export type JsonSchema = Record<string, unknown>;

/** The generated document (plain JSON). */
export interface OpenApiDocument {
  readonly openapi: '3.1.0';
  readonly info: { readonly title: string; readonly version: string; readonly description: string };
  readonly paths: Record<string, Record<string, unknown>>;
  readonly components: { readonly schemas: Record<string, JsonSchema>; readonly securitySchemes: Record<string, unknown> };
}

/** The zod schema as a JSON Schema without the `$schema` marker. */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** Builds the document for `routes`. */
export function openApiDocument(routes: readonly Route[], info: { title: string; version: string }): OpenApiDocument {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:([A-Za-z_]+)/g, '{$1}');
    (paths[path] ??= {})[r.method.toLowerCase()] = operation(r);
  }
  return {
    openapi: '3.1.0',
    info: {
      ...info,
      description:
        'QMLaaS inference API of qmlsec: train and register quantum ML models, predict, and audit. ' +
        'Authenticate with `Authorization: Bearer <key>` (keys from `qmlsec keys create`); each operation names the scope it needs. ' +
        'Errors are RFC 9457 problem details (application/problem+json).',
    },
    paths,
    components: {
      schemas: { Problem: jsonSchemaOf(ProblemSchema, 'output') },
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'an API key `qmlsec_…`' } },
    },
  };
}

function operation(r: Route): Record<string, unknown> {
  const parameters: Record<string, unknown>[] = [];
  if (r.params) {
    for (const [name, schema] of Object.entries(properties(jsonSchemaOf(r.params, 'input')))) {
      parameters.push({ name, in: 'path', required: true, schema });
    }
  }
  if (r.query) {
    const q = jsonSchemaOf(r.query, 'input');
    const required = new Set((q['required'] as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries(properties(q))) parameters.push({ name, in: 'query', required: required.has(name), schema });
  }
  for (const [name, description] of Object.entries(r.requestHeaders ?? {})) {
    parameters.push({ name, in: 'header', required: false, description, schema: { type: 'string' } });
  }
  const responses: Record<string, unknown> = {};
  for (const [status, spec] of Object.entries(r.responses)) {
    const headers = spec.headers
      ? Object.fromEntries(Object.entries(spec.headers).map(([h, d]) => [h, { description: d, schema: { type: 'string' } }]))
      : undefined;
    let content: Record<string, unknown> | undefined;
    if (Number(status) >= 400) content = { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } };
    else if (spec.contentType) content = { [spec.contentType]: { schema: { type: 'string' } } };
    else if (spec.schema) content = { 'application/json': { schema: jsonSchemaOf(spec.schema, 'output') } };
    else content = { 'application/json': { schema: { type: 'object' } } };
    responses[status] = { description: spec.description, ...(headers ? { headers } : {}), content };
  }
  const scopeNote = r.scope ? `Requires an API key with the \`${r.scope}\` scope.` : 'Public: no API key needed.';
  return {
    operationId: r.operationId,
    summary: r.summary,
    description: r.description ? `${r.description}\n\n${scopeNote}` : scopeNote,
    tags: [...r.tags],
    security: r.scope ? [{ bearerAuth: [] }] : [],
    ...(r.scope ? { 'x-qmlsec-scope': r.scope } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchemaOf(r.body, 'input') } } } } : {}),
    responses,
  };
}

function properties(schema: JsonSchema): Record<string, JsonSchema> {
  return (schema['properties'] as Record<string, JsonSchema> | undefined) ?? {};
}
