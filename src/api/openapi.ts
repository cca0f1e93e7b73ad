import type { SwaggerTransform } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** Marks a response as raw bytes (audio) rather than JSON in the OpenAPI document. */
export const binaryResponse = (description: string, mediaType = 'audio/*') =>
  z.unknown().meta({ description, 'x-media-type': mediaType });

/** Marks a response with no body at all (304). */
export const emptyResponse = (description: string) => z.unknown().meta({ description, 'x-empty': true });

declare module 'fastify' {
  interface FastifySchema {
    /**
     * The parts of a multipart/form-data body, for the OpenAPI document only: such a body is
     * streamed by the route itself (@fastify/multipart), never validated as a whole.
     */
    multipartBody?: z.ZodType;
  }
}

/** A file part of a multipart body, in the OpenAPI document. */
export const filePart = (description: string) => z.string().meta({ description, format: 'binary' });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * zod → JSON Schema for every route (fastify-type-provider-zod), then audio responses rewritten
 * from the default application/json to their real media type with a binary body. A multipart
 * body (uploads) is described from the route's `multipartBody`.
 */
export const openApiTransform: SwaggerTransform = (input) => {
  const { multipartBody, ...schema } = input.schema ?? {};
  const output = jsonSchemaTransform(
    multipartBody
      ? { ...input, schema: { ...schema, body: multipartBody, consumes: ['multipart/form-data'] } }
      : input,
  );
  const response = (output.schema as { response?: unknown }).response;
  if (!isRecord(response)) return output;
  const rewritten: Record<string, unknown> = {};
  for (const [status, schema] of Object.entries(response)) {
    if (isRecord(schema) && typeof schema['x-media-type'] === 'string') {
      rewritten[status] = {
        description: schema.description,
        content: { [schema['x-media-type']]: { schema: { type: 'string', format: 'binary' } } },
      };
    } else if (isRecord(schema) && schema['x-empty'] === true) {
      rewritten[status] = { description: schema.description };
    } else {
      rewritten[status] = schema;
    }
  }
  return { ...output, schema: { ...output.schema, response: rewritten } };
};
