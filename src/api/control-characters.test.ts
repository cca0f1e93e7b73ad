import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiFixture, type ApiFixture } from '../../test/helpers/api-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { buildApiServer } from './server.ts';
import { signedInApi, type SignedInApi } from '../../test/helpers/signed-in-api.ts';

interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
}
interface Operation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}
type OpenApiPaths = Record<string, Record<string, Operation>>;

/** One request that puts a control character into one text parameter of one route. */
interface Probe {
  name: string;
  method: string;
  url: string;
  field: string;
  headers?: Record<string, string>;
  payload?: string;
}

interface ErrorBody {
  error?: string;
  issues?: { path: string; message: string }[];
}

const NUL_VALUE = 'a\u0000b';
const SOME_UUID = '00000000-0000-4000-8000-000000000000';
const BOUNDARY = 'earshot-probe';

let t: TestDatabase;
let fixture: ApiFixture;
let app: FastifyInstance;
let api: SignedInApi;
let paths: OpenApiPaths;
/** The document's named schemas (components/schemas), which a property may refer to by $ref. */
let namedSchemas: Record<string, JsonSchema>;

beforeAll(async () => {
  t = await createTestDatabase('api_control_chars');
  fixture = createApiFixture(t.db);
  app = await buildApiServer({
    db: t.db,
    config: fixture.config,
    deskDir: path.join(fixture.config.dataDir, 'no-desk'),
  });
  api = await signedInApi(app, t.db);
  const document = (await api.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
    paths: OpenApiPaths;
    components: { schemas: Record<string, JsonSchema> };
  }>();
  paths = document.paths;
  namedSchemas = document.components.schemas;
});

afterAll(async () => {
  await app?.close();
  fixture?.cleanup();
  await t?.drop();
});

const named = (schema: JsonSchema): JsonSchema =>
  schema.$ref ? (namedSchemas[schema.$ref.replace('#/components/schemas/', '')] ?? {}) : schema;

const isText = (given: JsonSchema): boolean => {
  const schema = named(given);
  return (
    schema.format !== 'binary' &&
    ([schema.type].flat().includes('string') || (schema.anyOf ?? []).some((s) => isText(s)))
  );
};

function urlWithPathParams(template: string, bad?: string): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) =>
    name === bad ? encodeURIComponent(NUL_VALUE) : SOME_UUID,
  );
}

function multipart(field: string): string {
  return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"\r\n\r\n${NUL_VALUE}\r\n--${BOUNDARY}--\r\n`;
}

/** Every text parameter of every route in the OpenAPI document: a route added later is covered too. */
function probesOf(document: OpenApiPaths): Probe[] {
  const probes: Probe[] = [];
  for (const [template, operations] of Object.entries(document)) {
    for (const [method, operation] of Object.entries(operations)) {
      const name = (field: string) => `${method.toUpperCase()} ${template} ${field}`;
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in === 'path') {
          const field = `params.${parameter.name}`;
          probes.push({ name: name(field), method, url: urlWithPathParams(template, parameter.name), field });
        } else if (parameter.in === 'query') {
          const field = `querystring.${parameter.name}`;
          const url = `${urlWithPathParams(template)}?${parameter.name}=${encodeURIComponent(NUL_VALUE)}`;
          probes.push({ name: name(field), method, url, field });
        }
      }
      for (const [mediaType, { schema }] of Object.entries(operation.requestBody?.content ?? {})) {
        for (const [property, propertySchema] of Object.entries(named(schema).properties ?? {})) {
          if (!isText(propertySchema)) continue;
          const field = `body.${property}`;
          const url = urlWithPathParams(template);
          probes.push(
            mediaType === 'multipart/form-data'
              ? {
                  name: name(field),
                  method,
                  url,
                  field,
                  headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
                  payload: multipart(property),
                }
              : {
                  name: name(field),
                  method,
                  url,
                  field,
                  headers: { 'content-type': 'application/json' },
                  payload: JSON.stringify({ [property]: NUL_VALUE }),
                },
          );
        }
      }
    }
  }
  return probes;
}

describe('control characters in text parameters', () => {
  it('are a 400 naming the field for every text parameter of every route', async () => {
    const probes = probesOf(paths);
    // The document must hold the parameters the hostile run found (collection, place, q, notes).
    const names = probes.map((p) => p.name);
    for (const expected of ['querystring.collection', 'querystring.place', 'querystring.q', 'body.text']) {
      expect(names.some((n) => n.endsWith(expected))).toBe(true);
    }
    expect(names.some((n) => n.includes('params.'))).toBe(true);
    expect(names.some((n) => n.startsWith('POST /api/ingest') || n.includes('body.collection'))).toBe(true);

    const failures: string[] = [];
    for (const probe of probes) {
      const response = await api.inject({
        method: probe.method.toUpperCase() as 'GET',
        url: probe.url,
        ...(probe.headers ? { headers: probe.headers } : {}),
        ...(probe.payload !== undefined ? { payload: probe.payload } : {}),
      });
      const body: ErrorBody = response.body ? response.json<ErrorBody>() : {};
      // A HEAD answer has no body: its status is all there is to check.
      const named =
        probe.method === 'head' ||
        body.issues?.some((i) => i.path === probe.field && /U\+0000/.test(i.message));
      if (
        response.statusCode !== 400 ||
        (probe.method !== 'head' && body.error !== 'bad_request') ||
        !named
      ) {
        failures.push(`${probe.name}: ${response.statusCode} ${response.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('rejects other C0 controls and DEL in a query, but keeps tab and newline in note text', async () => {
    for (const control of ['\u0001', '\u001f', '\u007f', '\n', '\t']) {
      const response = await api.inject({
        method: 'GET',
        url: `/api/recordings?collection=${encodeURIComponent(`Leak${control}A`)}`,
      });
      expect(response.statusCode, JSON.stringify(control)).toBe(400);
      expect(response.json<{ message: string }>().message).toMatch(
        /^Invalid request: querystring\.collection: /,
      );
    }
    const note = await api.inject({
      method: 'POST',
      url: `/api/recordings/${SOME_UUID}/notes`,
      payload: { text: 'first line\n\tsecond line', author: 'analyst' },
    });
    // Past the control check: the recording does not exist, which is the route's own answer.
    expect(note.statusCode).toBe(404);
    // A name is one line, though: its schema refuses the line break.
    const author = await api.inject({
      method: 'POST',
      url: `/api/recordings/${SOME_UUID}/notes`,
      payload: { text: 'a note', author: 'ana\nlyst' },
    });
    expect(author.statusCode).toBe(400);
    expect(author.json<ErrorBody>().issues).toEqual([
      { path: 'body.author', message: 'must be one line (no tab or line break)' },
    ]);
  });
});
