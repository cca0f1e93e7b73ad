import path from 'node:path';
import type { EarshotConfig } from '../config/config.ts';
import { createDb, migrateToLatest, type Db } from '../db/database.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from '../db/embedded-postgres.ts';
import { assertDataDirectoryIsAFolder, prepareDataDirectory } from './data-directory.ts';

export interface DatabaseConnection {
  db: Db;
  connectionString: string;
  /**
   * Set when this process started the embedded server itself: then no other worker can hold
   * jobs. Unset with DATABASE_URL, or when attached to a server another live Earshot started.
   */
  embedded: EmbeddedServer | undefined;
  close(): Promise<void>;
}

const EMBEDDED_DATABASE = 'earshot';

/**
 * Connects to DATABASE_URL, or checks that the data directory can hold the embedded server's
 * data and starts it there; then brings the schema up to date.
 */
export async function connectDatabase(config: EarshotConfig): Promise<DatabaseConnection> {
  let server: EmbeddedServer | undefined;
  let connectionString = config.databaseUrl;
  assertDataDirectoryIsAFolder(config.dataDir);
  if (!connectionString) {
    prepareDataDirectory(config.dataDir);
    server = await startEmbeddedPostgres({
      dataDir: config.embeddedPostgresDir,
      port: config.embeddedPostgresPort,
      logFile: path.join(config.dataDir, 'logs', 'postgres.log'),
      databaseName: EMBEDDED_DATABASE,
    });
    connectionString = server.connectionString(EMBEDDED_DATABASE);
  }
  const embedded = server?.ownedByThisProcess ? server : undefined;
  const db = createDb(connectionString);
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    await server?.stop();
    throw error;
  }
  return {
    db,
    connectionString,
    embedded,
    async close() {
      await db.destroy();
      await embedded?.stop();
    },
  };
}
