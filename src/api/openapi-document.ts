import type { SwaggerOptions } from '@fastify/swagger';
import { createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { SESSION_COOKIE } from '../accounts/sessions.ts';
import { CSRF_HEADER, OPEN_ROUTES, STATE_CHANGING } from './session-guard.ts';

type JsonObject = Record<string, unknown>;
type TransformObject = NonNullable<Extract<SwaggerOptions, { transformObject?: unknown }>['transformObject']>;

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** How a client proves who it is: the session cookie, and on every write the CSRF header too. */
export const SECURITY_SCHEMES = {
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description:
      'The session token, set (HttpOnly, SameSite=Strict) by POST /api/sign-in or a sign-in link; ' +
      'POST /api/sign-out ends it',
  },
  csrfHeader: {
    type: 'apiKey',
    in: 'header',
    name: CSRF_HEADER,
    description:
      "The session's CSRF token (csrfToken in GET /api/session), on every POST, PUT, PATCH and DELETE",
  },
} as const;

/** Operations with no security of their own need the session cookie. */
export const DEFAULT_SECURITY = [{ sessionCookie: [] }];
const WRITE_SECURITY = [{ sessionCookie: [], csrfHeader: [] }];

function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * The operationId of a route that names none: its method and path in camelCase, path
 * parameters as "By<Name>", the /api prefix left out: GET /api/recordings/{id}/notes →
 * getRecordingsByIdNotes. Stable as long as the route's method and path are.
 */
export function operationIdFor(method: string, path: string): string {
  const words = path
    .split('/')
    .filter((segment) => segment !== '' && segment !== 'api')
    .flatMap((segment) => {
      const parameter = /^\{(.+)\}$/.exec(segment);
      const parts = (parameter?.[1] ?? segment).split(/[^A-Za-z0-9]+/).filter(Boolean);
      return parameter ? ['By', ...parts] : parts;
    });
  return method.toLowerCase() + words.map(capitalise).join('');
}

const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };

/** What the request and session guards (src/api/security/, session-guard.ts) answer before any route runs. */
const GUARD_RESPONSES = {
  401: { description: 'Not signed in (no live session): sign in first', content: errorContent },
  403: {
    description:
      'Refused: the x-earshot-csrf header is missing or wrong, the request came from a page of another ' +
      'site, or your role may not do this',
    content: errorContent,
  },
  421: {
    description: 'The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS)',
    content: errorContent,
  },
};

/**
 * One operation as the server treats it: an operationId, the security the session guard
 * enforces (open routes none, writes the CSRF header too), and the guards' own refusals.
 */
function completeOperation(method: string, path: string, operation: JsonObject): JsonObject {
  const complete: JsonObject = { operationId: operationIdFor(method, path), ...operation };
  const responses = isRecord(operation.responses) ? { ...operation.responses } : {};
  responses['421'] ??= GUARD_RESPONSES[421];
  if (OPEN_ROUTES.has(path)) {
    complete.security = [];
  } else {
    if (STATE_CHANGING.has(method.toUpperCase())) {
      complete.security ??= WRITE_SECURITY;
      responses['403'] ??= GUARD_RESPONSES[403];
    }
    responses['401'] ??= GUARD_RESPONSES[401];
  }
  complete.responses = responses;
  return complete;
}

/** Every operation completed; a second operation with the same id is refused (ids must be unique). */
function completeOperations(paths: JsonObject): JsonObject {
  const seen = new Map<string, string>();
  const completed: JsonObject = {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isRecord(item)) continue;
    const methods: JsonObject = { ...item };
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isRecord(operation)) continue;
      // GET and HEAD of one route share one object: each gets its own copy here.
      const complete = completeOperation(method, path, operation);
      const id = String(complete.operationId);
      const other = seen.get(id);
      if (other)
        throw new Error(`operationId "${id}" is used by both ${other} and ${method.toUpperCase()} ${path}`);
      seen.set(id, `${method.toUpperCase()} ${path}`);
      methods[method] = complete;
    }
    completed[path] = methods;
  }
  return completed;
}

/** The one schema a lone allOf wraps, or undefined. */
function loneAllOf(node: JsonObject): JsonObject | undefined {
  const allOf: unknown = node.allOf;
  const only: unknown = Array.isArray(allOf) && allOf.length === 1 ? allOf[0] : undefined;
  return isRecord(only) ? only : undefined;
}

/**
 * References to named schemas as OpenAPI 3.0 reads them. A nullable one must wrap its $ref in
 * allOf (anything beside a $ref is ignored) and have a type beside nullable: the type of the
 * schema it names is added (openapi-typescript then writes `X | null`). An allOf around one $ref
 * with nothing beside it (what is left once a description moved to its parameter) is the $ref.
 */
function tidyRefs(node: unknown, schemas: JsonObject): unknown {
  if (Array.isArray(node)) return node.map((item) => tidyRefs(item, schemas));
  if (!isRecord(node)) return node;
  const copy = Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, tidyRefs(value, schemas)]),
  );
  if (typeof copy.$ref === 'string' && copy.nullable === true) {
    const { $ref, ...rest } = copy;
    return withNamedType({ allOf: [{ $ref }], ...rest }, schemas);
  }
  const wrapped = loneAllOf(copy);
  if (wrapped && Object.keys(copy).length === 1) return wrapped;
  return copy.nullable === true && wrapped ? withNamedType(copy, schemas) : copy;
}

function withNamedType(node: JsonObject, schemas: JsonObject): JsonObject {
  const ref = loneAllOf(node)?.$ref;
  if (typeof node.type === 'string' || typeof ref !== 'string') return node;
  const named = schemas[ref.slice('#/components/schemas/'.length)];
  return isRecord(named) && typeof named.type === 'string' ? { type: named.type, ...node } : node;
}

/** Names of the component schemas a node refers to. */
function referencedSchemas(node: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(node)) for (const item of node) referencedSchemas(item, into);
  else if (isRecord(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
        into.add(value.slice('#/components/schemas/'.length));
      } else referencedSchemas(value, into);
    }
  }
  return into;
}

/**
 * Only the components something refers to: every named schema exists as an output and an
 * "…Input" variant, and most are used one way only.
 */
function usedSchemas(document: JsonObject, schemas: JsonObject): JsonObject {
  const used = referencedSchemas({ ...document, components: {} }, new Set());
  const pending = [...used];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    for (const next of referencedSchemas(schemas[name], new Set())) {
      if (!used.has(next)) pending.push(next);
      used.add(next);
    }
  }
  return Object.fromEntries(
    Object.keys(schemas)
      .sort()
      .filter((name) => used.has(name))
      .map((name) => [name, schemas[name]]),
  );
}

const withComponents = createJsonSchemaTransformObject({});

/**
 * The whole document after every route is described: the named zod schemas as components (only
 * those in use), and per operation an operationId, its security and the session guard's answers.
 * Routes added later get all of this without doing anything.
 */
export const openApiDocumentTransform: TransformObject = (input) => {
  const described = withComponents(input) as JsonObject;
  const components = isRecord(described.components) ? described.components : {};
  const schemas = isRecord(components.schemas) ? components.schemas : {};
  const document = tidyRefs(described, schemas) as JsonObject;
  const paths = completeOperations(isRecord(document.paths) ? document.paths : {});
  const result = { ...document, paths };
  const completed = isRecord(document.components) ? document.components : {};
  const used = usedSchemas(result, isRecord(completed.schemas) ? completed.schemas : {});
  return { ...result, components: { ...completed, schemas: used } } as ReturnType<TransformObject>;
};
