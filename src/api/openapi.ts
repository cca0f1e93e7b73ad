import { STATUS_CODES } from 'node:http';
import type { SwaggerTransform } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';

interface BinaryResponseOptions {
  /** Sent as a download: the answer carries Content-Disposition: attachment with a file name. */
  attachment?: boolean;
}

/** Marks a response as raw bytes (audio) rather than JSON in the OpenAPI document. */
export const binaryResponse = (
  description: string,
  mediaType = 'audio/*',
  options: BinaryResponseOptions = {},
) =>
  z.unknown().meta({ description, 'x-media-type': mediaType, 'x-attachment': options.attachment === true });

/** Marks a response with no body at all (204, 304). */
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

type JsonObject = Record<string, unknown>;

function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null;
}

const text = (description: string) => ({ type: 'string', description });

/** Response headers of the HTTP caching and range protocol (RFC 9110), as the audio routes send them. */
const HEADERS = {
  ETag: text(
    'Strong validator of the bytes (for files, their SHA-256 in quotes); send it back in If-None-Match',
  ),
  'Accept-Ranges': text('"bytes": single byte ranges may be requested with Range'),
  'Content-Range': text('The bytes sent and the full size ("bytes 0-99/5000"); "bytes */5000" with 416'),
  'Content-Disposition': text('attachment, with the file name to save it under'),
};

/** Request headers a route with 304 or 206 answers honours; added to its parameters. */
const CONDITIONAL_REQUEST_HEADERS = {
  'if-none-match': text('An ETag received before: 304 with no body when the bytes are unchanged'),
};
const RANGE_REQUEST_HEADERS = {
  range: text('One byte range (bytes=0-99, bytes=100-, bytes=-500): 206 with those bytes'),
  'if-range': text('An ETag: the Range is honoured only while the bytes still have it, else 200 with all'),
};

/**
 * The headers a response carries, derived from the statuses the route declares: a route that can
 * answer 304 sends an ETag with its bytes, one that can answer 206 takes Range and says which bytes
 * it sent (Content-Range, also on 416).
 */
function responseHeaders(status: string, statuses: ReadonlySet<string>, attachment: boolean): JsonObject {
  const headers: JsonObject = {};
  const success = status.startsWith('2');
  if (statuses.has('304') && (success || status === '304')) headers.ETag = HEADERS.ETag;
  if (statuses.has('206') && success) headers['Accept-Ranges'] = HEADERS['Accept-Ranges'];
  if (statuses.has('206') && (status === '206' || status === '416'))
    headers['Content-Range'] = HEADERS['Content-Range'];
  if (attachment && success) headers['Content-Disposition'] = HEADERS['Content-Disposition'];
  return headers;
}

/**
 * What a response is, when its schema is a named one (a $ref, which carries no description): the
 * named schema's own description for a success ("A page of recordings"), else the status's name.
 */
function namedResponseDescription(status: string, zodSchema: unknown): string {
  const own = zodSchema instanceof z.ZodType && status < '400' ? zodSchema.description : undefined;
  return own ?? STATUS_CODES[status] ?? status;
}

/** One response of the OpenAPI document: its real media type, its headers, no body for 204/304. */
function describeResponse(
  status: string,
  schema: unknown,
  statuses: ReadonlySet<string>,
  zodSchema: unknown,
): unknown {
  if (!isRecord(schema)) return schema;
  const headers = responseHeaders(status, statuses, schema['x-attachment'] === true);
  const withHeaders = Object.keys(headers).length > 0 ? { headers } : {};
  if (typeof schema['x-media-type'] === 'string') {
    return {
      description: schema.description,
      content: { [schema['x-media-type']]: { schema: { type: 'string', format: 'binary' } } },
      ...withHeaders,
    };
  }
  // type 'null' is @fastify/swagger's way of saying "no content" (a 304 has no body).
  if (schema['x-empty'] === true) return { description: schema.description, type: 'null', ...withHeaders };
  if (typeof schema.description !== 'string' || typeof schema.$ref === 'string') {
    // A named schema ($ref) carries no description of its own: say what the status means.
    return {
      description:
        typeof schema.description === 'string'
          ? schema.description
          : namedResponseDescription(status, zodSchema),
      content: { 'application/json': { schema } },
      ...withHeaders,
    };
  }
  return Object.keys(headers).length > 0 ? { ...schema, headers } : schema;
}

/** The route's header parameters, with the conditional and range headers its statuses imply. */
function requestHeaders(headers: unknown, statuses: ReadonlySet<string>): unknown {
  const added = {
    ...(statuses.has('304') ? CONDITIONAL_REQUEST_HEADERS : {}),
    ...(statuses.has('206') ? RANGE_REQUEST_HEADERS : {}),
  };
  if (Object.keys(added).length === 0) return headers;
  const base = isRecord(headers) ? headers : { type: 'object' };
  return { ...base, properties: { ...(isRecord(base.properties) ? base.properties : {}), ...added } };
}

/**
 * zod → JSON Schema for every route (fastify-type-provider-zod), then audio responses rewritten
 * from the default application/json to their real media type with a binary body, empty answers
 * without a body, and the protocol headers in the document. A multipart body (uploads) is
 * described from the route's `multipartBody`.
 */
export const openApiTransform: SwaggerTransform = (input) => {
  const { multipartBody, ...schema } = input.schema ?? {};
  const output = jsonSchemaTransform(
    multipartBody
      ? { ...input, schema: { ...schema, body: multipartBody, consumes: ['multipart/form-data'] } }
      : input,
  );
  const described = output.schema as JsonObject;
  const response = described.response;
  if (!isRecord(response)) return output;
  const statuses = new Set(Object.keys(response));
  const zodResponses: JsonObject = isRecord(schema.response) ? schema.response : {};
  const rewritten: JsonObject = {};
  for (const [status, json] of Object.entries(response)) {
    rewritten[status] = describeResponse(status, json, statuses, zodResponses[status]);
  }
  const headers = requestHeaders(described.headers, statuses);
  return { ...output, schema: { ...described, response: rewritten, ...(headers ? { headers } : {}) } };
};
