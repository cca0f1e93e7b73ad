import { loadConfig, type EarshotConfig } from '../../src/config/config.ts';
import { openPipeline, type Pipeline } from '../../src/jobs/pipeline.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { createTestDataDir, type TestDataDir } from './recordings.ts';

/** The real pipeline (pg-boss queues and workers) on a test file's own database and data folder. */
export interface TestPipeline {
  database: TestDatabase;
  store: TestDataDir;
  config: EarshotConfig;
  pipeline: Pipeline;
  /** Stops the workers, drops the database and removes the data folder. */
  close(): Promise<void>;
}

/**
 * Opens a pipeline for one test file: `label` names its database and data folder, `env` is the
 * environment on top of the data folder (models, worker concurrency).
 */
export async function openTestPipeline(label: string, env: Record<string, string>): Promise<TestPipeline> {
  const database = await createTestDatabase(label.replace(/-/g, '_'));
  const store = createTestDataDir(label);
  try {
    const config = loadConfig({ EARSHOT_DATA_DIR: store.dataDir, ...env });
    const pipeline = await openPipeline({
      connection: { db: database.db, connectionString: database.connectionString, embedded: undefined },
      config,
    });
    return {
      database,
      store,
      config,
      pipeline,
      close: async () => {
        await pipeline.stop();
        await database.drop();
        store.remove();
      },
    };
  } catch (error) {
    await database.drop();
    store.remove();
    throw error;
  }
}
