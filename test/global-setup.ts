import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { installTestModels } from '../src/models/testing/test-models.ts';
import { freePort } from './helpers/ports.ts';

// One real embedded PostgreSQL server for the whole test run; every test file makes its own
// database on it (see test/helpers/database.ts).
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // A private folder (mode 0700): as root, the server runs as `postgres` and must still get in.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-test-pg-'));
  const port = await freePort();
  const server = await startEmbeddedPostgres({
    dataDir: path.join(root, 'postgres'),
    port,
    logFile: path.join(root, 'postgres.log'),
  });
  project.provide('pgAdminUrl', server.connectionString('postgres'));
  // The test models, installed once per run the way a user installs them. When ../shared is
  // missing, only the tests that need a model fail, each naming what is missing.
  const modelsDir = path.join(root, 'models');
  try {
    await installTestModels(modelsDir);
    project.provide('testModels', { dir: modelsDir });
  } catch (error) {
    project.provide('testModels', { error: error instanceof Error ? error.message : String(error) });
  }
  return async () => {
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    testModels: { dir: string } | { error: string };
  }
}
