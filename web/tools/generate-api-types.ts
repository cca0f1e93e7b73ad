/**
 * Writes web/src/api/openapi-types.ts: TypeScript types for every route of the HTTP API, generated
 * from the OpenAPI document the server itself serves at /api/openapi.json (which in turn is
 * generated from the routes' zod schemas). The desk's request and response types are aliases into
 * this file, so a schema change reaches the desk's type check instead of drifting from a copy.
 * Run: npm run generate:api-types
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import prettier from 'prettier';
import { loadConfig } from '../../src/config/config.ts';
import { createDb } from '../../src/db/database.ts';
import { buildApiServer } from '../../src/api/server.ts';

export const GENERATE_COMMAND = 'npm run generate:api-types';
export const apiTypesFile = path.resolve(import.meta.dirname, '..', 'src', 'api', 'openapi-types.ts');

const HEADER = `/**
 * Generated from the API's OpenAPI document (GET /api/openapi.json, built from the route schemas
 * in src/api/schemas) by web/tools/generate-api-types.ts. Do not edit by hand: after changing a
 * route schema, run \`${GENERATE_COMMAND}\`.
 */

`;

/**
 * The OpenAPI document exactly as the server serves it. Only /api/openapi.json is requested, and it
 * never queries the database: the pg pool connects lazily, so its address (a closed loopback port)
 * is never dialled and no Postgres has to run. The desk folder does not exist, so whether web/dist
 * is built cannot change the document.
 */
export async function fetchOpenApiDocument(): Promise<OpenAPI3> {
  const db = createDb('postgres://openapi-document-only@127.0.0.1:1/none', 1);
  const config = loadConfig({ EARSHOT_LOG_LEVEL: 'silent' }, os.tmpdir());
  const app = await buildApiServer({
    db,
    config,
    deskDir: path.join(os.tmpdir(), 'earshot-api-types-without-desk'),
  });
  try {
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    if (response.statusCode !== 200) {
      throw new Error(`GET /api/openapi.json answered ${response.statusCode}: ${response.body}`);
    }
    return response.json<OpenAPI3>();
  } finally {
    await app.close();
    await db.destroy();
  }
}

/** The generated module's text, formatted with the repository's Prettier settings. */
export async function renderApiTypes(document: OpenAPI3): Promise<string> {
  const ast = await openapiTS(document, { silent: true });
  const source = HEADER + astToString(ast);
  const prettierOptions = await prettier.resolveConfig(apiTypesFile);
  return prettier.format(source, { ...prettierOptions, filepath: apiTypesFile });
}

export async function generateApiTypes(): Promise<string> {
  return renderApiTypes(await fetchOpenApiDocument());
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  generateApiTypes().then(
    (text) => {
      fs.writeFileSync(apiTypesFile, text);
      console.log(`Wrote ${path.relative(process.cwd(), apiTypesFile)} (${text.split('\n').length} lines)`);
    },
    (error: unknown) => {
      console.error(
        `Could not generate the API types: ${error instanceof Error ? error.message : String(error)}`,
      );
      process.exitCode = 1;
    },
  );
}
