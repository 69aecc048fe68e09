/**
 * RFC 9457 problem details: every error the API returns is `application/problem+json`
 * `{ type, title, status, detail, instance }`, plus `errors` (field-level issues) where the
 * input was invalid. Known error kinds map to their status; anything else is a 500 whose
 * detail reveals nothing internal.
 */
import { STATUS_CODES } from 'node:http';
import { NotFoundError, QmlsecError, ResourceError, UsageError, ValidationError, formatPath } from '../core/errors.js';

/** The media type of every error response. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** A problem document. */
export interface Problem {
  /** A URN naming the problem kind, e.g. `urn:qmlsec:problem:invalid-input`. */
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  /** The request path the problem occurred on. */
  readonly instance: string;
  /** Field-level issues for invalid input (`path` like `inputs[2][1]`). */
  readonly errors?: readonly { readonly path: string; readonly message: string }[];
}

/** An error that is an HTTP problem: thrown by handlers, rendered by the error handler. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    /** Short kebab-case kind, becomes `urn:qmlsec:problem:<kind>`. */
    readonly kind: string,
    readonly detail: string,
    readonly headers: Readonly<Record<string, string>> = {},
    readonly errors?: readonly { readonly path: string; readonly message: string }[],
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }
}

/** What the error handler needs to render and log an error. */
export interface RenderedProblem {
  readonly problem: Problem;
  readonly headers: Readonly<Record<string, string>>;
  /** True for server faults (5xx): logged at error level with the cause. */
  readonly serverFault: boolean;
}

interface FrameworkError {
  code?: string;
  statusCode?: number;
  message: string;
}

/** Maps any thrown value to a problem for the request at `instance`. */
export function toProblem(err: unknown, instance: string): RenderedProblem {
  const make = (status: number, kind: string, detail: string, headers: Record<string, string> = {}, errors?: Problem['errors']): RenderedProblem => ({
    problem: {
      type: `urn:qmlsec:problem:${kind}`,
      title: STATUS_CODES[status] ?? 'Error',
      status,
      detail,
      instance,
      ...(errors ? { errors } : {}),
    },
    headers,
    serverFault: status >= 500,
  });
  if (err instanceof HttpProblem) return make(err.status, err.kind, err.detail, { ...err.headers }, err.errors);
  if (err instanceof ValidationError) {
    return make(422, 'invalid-input', err.message.replace(/\n\s*/g, ' '), {}, err.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  }
  if (err instanceof NotFoundError) return make(404, 'not-found', err.message);
  if (err instanceof ResourceError) return make(413, 'too-large', err.message);
  if (err instanceof UsageError) return make(400, 'bad-request', err.message);
  if (err instanceof QmlsecError) return make(422, 'invalid-input', err.message);
  const fw = err as FrameworkError;
  switch (fw?.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return make(400, 'malformed-json', `the request body is not valid JSON: ${fw.message}`);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return make(413, 'body-too-large', fw.message);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return make(415, 'unsupported-media-type', `${fw.message}; send Content-Type: application/json`);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return make(400, 'bad-request', fw.message);
    default:
      break;
  }
  if (err instanceof SyntaxError && fw.statusCode === 400) return make(400, 'malformed-json', `the request body is not valid JSON: ${fw.message}`);
  if (typeof fw?.statusCode === 'number' && fw.statusCode >= 400 && fw.statusCode < 500) {
    return make(fw.statusCode, 'bad-request', fw.message);
  }
  return make(500, 'internal', 'internal server error; the server log has the details (search for this request id)');
}
