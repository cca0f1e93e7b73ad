import fs from 'node:fs';
import path from 'node:path';
import type { OpenAPI3 } from 'openapi-typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiTypesFile,
  fetchOpenApiDocument,
  GENERATE_COMMAND,
  renderApiTypes,
} from './generate-api-types.ts';

type JsonObject = { [key: string]: unknown };

function member(node: JsonObject, key: string): JsonObject {
  const value = node[key];
  if (typeof value !== 'object' || value === null) throw new Error(`the OpenAPI document has no ${key} here`);
  return value as JsonObject;
}

/** Where two texts first differ, as a line number and both versions of that line. */
function firstDifference(committed: string, generated: string): string {
  const a = committed.split('\n');
  const b = generated.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line === -1 ? a.length : line;
  return `line ${at + 1}: committed ${JSON.stringify(a[at] ?? '(end of file)')}, generated ${JSON.stringify(b[at] ?? '(end of file)')}`;
}

describe('web/src/api/openapi-types.ts', () => {
  let document: OpenAPI3;
  let committed: string;

  beforeAll(async () => {
    document = await fetchOpenApiDocument();
    committed = fs.readFileSync(apiTypesFile, 'utf8');
  });

  it('is what the server’s current route schemas generate', async () => {
    const generated = await renderApiTypes(document);
    if (generated !== committed) {
      expect.fail(
        `${path.relative(process.cwd(), apiTypesFile)} is out of date with the API's route schemas ` +
          `(first difference at ${firstDifference(committed, generated)}). Run \`${GENERATE_COMMAND}\` and commit the result.`,
      );
    }
  });

  it('tells a changed response schema apart from the committed file', async () => {
    // The check above is only worth something if a schema change shows in the generated text.
    const changed = structuredClone(document);
    const healthSchema = [
      'paths',
      '/api/health',
      'get',
      'responses',
      '200',
      'content',
      'application/json',
      'schema',
    ].reduce<JsonObject>((node, key) => member(node, key), changed as unknown as JsonObject);
    healthSchema.properties = { ...member(healthSchema, 'properties'), addedInTest: { type: 'string' } };

    const generated = await renderApiTypes(changed);
    expect(generated).not.toBe(committed);
    expect(generated).toContain('addedInTest?: string;');
  });

  it('says it is generated and by which command', () => {
    expect(committed.startsWith('/**\n * Generated from the API')).toBe(true);
    expect(committed).toContain(GENERATE_COMMAND);
  });
});
