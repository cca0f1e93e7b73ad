import { createConfig, lintFromString } from '@redocly/openapi-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { fetchOpenApiDocument } from '../../web/tools/generate-api-types.ts';
import { SESSION_COOKIE } from '../accounts/sessions.ts';
import { openApiDocumentTransform, operationIdFor } from './openapi-document.ts';
import { CSRF_HEADER, OPEN_ROUTES, STATE_CHANGING } from './session-guard.ts';

// The document as other tools read it. These checks walk every operation, so a route added
// later is held to them without being named here.

type JsonObject = Record<string, unknown>;
interface Operation {
  method: string;
  path: string;
  operation: JsonObject & {
    operationId?: string;
    security?: Record<string, string[]>[];
    parameters?: { name: string; in: string }[];
    responses: Record<string, { content?: Record<string, { schema: JsonObject }>; headers?: JsonObject }>;
  };
}

type Draft = { paths: Record<string, Record<string, Operation['operation'] | undefined>> };

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

function operationsOf(document: JsonObject): Operation[] {
  const paths = document.paths as Record<string, Record<string, unknown>>;
  return Object.entries(paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method] !== undefined).map(
      (method) => ({ method, path, operation: item[method] }) as Operation,
    ),
  );
}

/** A synthetic document as @fastify/swagger hands it to the document transform. */
function draft(paths: JsonObject): { openapiObject: JsonObject } {
  return {
    openapiObject: {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      components: { schemas: {} },
      paths,
    },
  };
}

let document: JsonObject;
let operations: Operation[];

beforeAll(async () => {
  document = (await fetchOpenApiDocument()) as unknown as JsonObject;
  operations = operationsOf(document);
});

describe('the OpenAPI document', () => {
  it("passes Redocly's recommended ruleset with no errors, and no warnings but the missing licence", async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({
      source: JSON.stringify(document),
      absoluteRef: '/api/openapi.json',
      config,
    });
    const shown = problems.map(
      (p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`,
    );
    expect(shown.filter((line) => line.startsWith('error'))).toEqual([]);
    // Earshot states no licence (no LICENSE file), so Redocly's info-license warning stays.
    expect(shown.filter((line) => !line.startsWith('warn info-license'))).toEqual([]);
  });

  it('gives every operation a unique camelCase operationId', () => {
    expect(operations.length).toBeGreaterThan(40);
    const ids = operations.map((o) => o.operation.operationId);
    for (const [i, id] of ids.entries()) {
      expect(id, `${operations[i]?.method} ${operations[i]?.path}`).toMatch(/^[a-z]+[A-Z][A-Za-z0-9]*$/);
    }
    expect(new Set(ids).size).toBe(ids.length);
    const recording = operations.find((o) => o.method === 'get' && o.path === '/api/recordings/{id}');
    expect(recording?.operation.operationId).toBe('getRecordingsById');
  });

  it('declares the session cookie and CSRF header, and applies them to every operation but the open ones', () => {
    const components = document.components as { securitySchemes: Record<string, JsonObject> };
    expect(components.securitySchemes.sessionCookie).toMatchObject({
      type: 'apiKey',
      in: 'cookie',
      name: SESSION_COOKIE,
    });
    expect(components.securitySchemes.csrfHeader).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: CSRF_HEADER,
    });
    expect(document.security).toEqual([{ sessionCookie: [] }]);
    expect(document.servers).toEqual([expect.objectContaining({ url: '/' })]);
    for (const { method, path, operation } of operations) {
      const where = `${method} ${path}`;
      if (OPEN_ROUTES.has(path)) {
        expect(operation.security, where).toEqual([]);
        continue;
      }
      const effective = operation.security ?? (document.security as Record<string, string[]>[]);
      expect(effective.length, where).toBeGreaterThan(0);
      for (const requirement of effective) {
        expect(Object.keys(requirement), where).toContain('sessionCookie');
        if (STATE_CHANGING.has(method.toUpperCase()))
          expect(Object.keys(requirement), where).toContain('csrfHeader');
      }
      expect(operation.responses['401'], where).toBeDefined();
    }
    expect(OPEN_ROUTES.size).toBeGreaterThan(0);
    for (const open of OPEN_ROUTES)
      expect(
        operations.some((o) => o.path === open),
        open,
      ).toBe(true);
  });

  it('names the error body once, as a component every 4xx answer refers to', () => {
    const schemas = (document.components as { schemas: Record<string, JsonObject> }).schemas;
    for (const name of [
      'Error',
      'RecordingDetail',
      'RecordingListItem',
      'Transcript',
      'SearchHit',
      'User',
      'Note',
    ]) {
      expect(schemas[name], name).toBeDefined();
    }
    // The error codes are listed once in the whole document: nowhere is the error body inlined.
    expect(JSON.stringify(document).split('range_not_satisfiable').length - 1).toBe(1);
    for (const { method, path, operation } of operations) {
      for (const [status, response] of Object.entries(operation.responses)) {
        // 4xx only: a 503 may answer with the route's own body (GET /api/health does).
        if (!status.startsWith('4')) continue;
        expect(JSON.stringify(response.content), `${method} ${path} ${status}`).toContain(
          '#/components/schemas/Error',
        );
      }
    }
    // A nullable named schema keeps its null (OpenAPI 3.0 ignores anything beside a bare $ref).
    const listItem = schemas.RecordingListItem as { properties: Record<string, JsonObject> };
    expect(listItem.properties.analysis).toMatchObject({
      type: 'object',
      nullable: true,
      allOf: [{ $ref: '#/components/schemas/AnalysisSummary' }],
    });
  });

  it('describes 304 and 204 answers without a body, and the caching and range headers', () => {
    const audio = operations.find(
      (o) => o.method === 'get' && o.path === '/api/recordings/{id}/audio/original',
    );
    expect(audio).toBeDefined();
    const { responses, parameters } = audio!.operation;
    expect(parameters?.filter((p) => p.in === 'header').map((p) => p.name)).toEqual(
      expect.arrayContaining(['range', 'if-range', 'if-none-match']),
    );
    expect(Object.keys(responses['200']?.headers ?? {})).toEqual(
      expect.arrayContaining(['ETag', 'Accept-Ranges']),
    );
    expect(Object.keys(responses['206']?.headers ?? {})).toContain('Content-Range');
    expect(Object.keys(responses['416']?.headers ?? {})).toContain('Content-Range');
    const attachment = operations.find((o) => o.path.includes('/case/attachments/') && o.method === 'get');
    expect(Object.keys(attachment?.operation.responses['200']?.headers ?? {})).toContain(
      'Content-Disposition',
    );
    for (const { method, path, operation } of operations) {
      for (const status of ['204', '304']) {
        if (operation.responses[status])
          expect(operation.responses[status].content, `${method} ${path}`).toBeUndefined();
      }
      if (operation.responses['304'])
        expect(operation.responses['200']?.headers, `${method} ${path}`).toHaveProperty('ETag');
    }
  });
});

describe('operationIdFor', () => {
  it('joins the method and the path in camelCase, parameters as By<Name>, without /api', () => {
    expect(operationIdFor('GET', '/api/recordings')).toBe('getRecordings');
    expect(operationIdFor('post', '/api/sign-in')).toBe('postSignIn');
    expect(operationIdFor('GET', '/api/openapi.json')).toBe('getOpenapiJson');
    expect(operationIdFor('DELETE', '/api/users/{userId}/grants/{collectionId}')).toBe(
      'deleteUsersByUserIdGrantsByCollectionId',
    );
  });
});

describe('openApiDocumentTransform', () => {
  it('completes an operation it has never seen: id, write security, the guards’ refusals', () => {
    const result = openApiDocumentTransform(
      draft({ '/api/things/{thingId}': { post: { responses: { 200: { description: 'ok' } } } } }),
    ) as unknown as Draft;
    const post = result.paths['/api/things/{thingId}']?.post;
    expect(post?.operationId).toBe('postThingsByThingId');
    expect(post?.security).toEqual([{ sessionCookie: [], csrfHeader: [] }]);
    expect(Object.keys(post?.responses ?? {}).sort()).toEqual(['200', '401', '403', '421']);
  });

  it('keeps an operationId a route names, and refuses one used twice', () => {
    const named = openApiDocumentTransform(
      draft({ '/api/a': { get: { operationId: 'listAs', responses: {} } } }),
    ) as unknown as Draft;
    expect(named.paths['/api/a']?.get?.operationId).toBe('listAs');
    expect(() =>
      openApiDocumentTransform(
        draft({
          '/api/a': { get: { operationId: 'same', responses: {} } },
          '/api/b': { get: { operationId: 'same', responses: {} } },
        }),
      ),
    ).toThrow(/operationId "same" is used by both GET \/api\/a and GET \/api\/b/);
  });
});
