import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorResponse } from './schemas/common.ts';

/** Thrown by handlers for answers other than 200; the error handler turns it into JSON. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: 400 | 404 | 409 | 416 | 422 | 503,
    readonly code: ErrorResponse['error'],
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (message: string): ApiError => new ApiError(404, 'not_found', message);

/**
 * Every error leaves as `{ error, message, issues? }` JSON. Validation failures name each bad
 * value; client errors raised by Fastify itself keep their message; anything else is logged and
 * answered with a bare 500, so no stack trace or SQL ever reaches the client.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    reply.type('application/json; charset=utf-8');
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = error.validationContext ?? 'request';
      const issues = error.validation.map((issue) => ({
        path: [context, ...issue.instancePath.split('/').filter((part) => part !== '')].join('.'),
        message: issue.message ?? 'invalid value',
      }));
      const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
      return reply.code(400).send(body('bad_request', `Invalid request: ${summary}`, issues));
    }
    if (error instanceof ApiError) {
      return reply.code(error.statusCode).send(body(error.code, error.message));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (malformed URL, unsupported media type, body too large...).
      const code = status === 404 ? 'not_found' : 'bad_request';
      return reply.code(status).send(body(code, error.message));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send(body('internal_error', 'Internal error: the server log has details.'));
  });

  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send(body('not_found', `No route for ${request.method} ${request.url.split('?')[0] ?? ''}`)),
  );
}

/** Malformed URLs are rejected by the router before any route runs: same JSON shape as the rest. */
export function answerFrameworkError(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  void reply
    .code(400)
    .type('application/json; charset=utf-8')
    .send(body('bad_request', `Invalid request: ${error.message}`));
}

function body(
  code: ErrorResponse['error'],
  message: string,
  issues?: ErrorResponse['issues'],
): ErrorResponse {
  return issues ? { error: code, message, issues } : { error: code, message };
}
