import path from 'node:path';
import type { EarshotConfig } from '../config/config.ts';
import { createDb, migrateToLatest, pendingMigrations, type Db } from '../db/database.ts';
import { applyRuntimeGrants, EMBEDDED_RUNTIME_ROLE, ensureRuntimeRole } from '../db/database-roles.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from '../db/embedded-postgres.ts';
import { assertDataDirectoryIsAFolder, prepareDataDirectory } from './data-directory.ts';
import { EnvironmentError } from './environment-error.ts';

export interface DatabaseConnection {
  /** The runtime role's connection (see src/db/database-roles.ts): all of the app's work goes here. */
  db: Db;
  /** The runtime role's address, for pg-boss and for anything else this process connects. */
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
 * data and starts it there; then brings the schema up to date through the owner's connection and
 * hands back the runtime role's.
 */
export async function connectDatabase(config: EarshotConfig): Promise<DatabaseConnection> {
  assertDataDirectoryIsAFolder(config.dataDir);
  let server: EmbeddedServer | undefined;
  let connectionString: string;
  try {
    if (config.databaseUrl) {
      connectionString = config.databaseUrl;
      await prepareExternalDatabase(config.databaseUrl, config.migrationDatabaseUrl);
    } else {
      prepareDataDirectory(config.dataDir);
      server = await startEmbeddedPostgres({
        dataDir: config.embeddedPostgresDir,
        port: config.embeddedPostgresPort,
        logFile: path.join(config.dataDir, 'logs', 'postgres.log'),
        databaseName: EMBEDDED_DATABASE,
      });
      connectionString = await prepareEmbeddedDatabase(server);
    }
  } catch (error) {
    if (server?.ownedByThisProcess) await server.stop();
    throw error;
  }
  const embedded = server?.ownedByThisProcess ? server : undefined;
  const db = createDb(connectionString);
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

/**
 * The embedded server's superuser owns the schema and runs the migrations; it makes the runtime
 * role (its password kept in the data folder like the superuser's) and grants it its rights. A
 * data folder of an earlier version, where the app worked as the superuser, is brought over the
 * same way: nothing is moved, only rights and the job queue's owner change.
 */
async function prepareEmbeddedDatabase(server: EmbeddedServer): Promise<string> {
  const ownerUrl = server.connectionString(EMBEDDED_DATABASE);
  await withConnection(ownerUrl, async (owner) => {
    await migrateToLatest(owner);
    const password = server.runtimePassword;
    await ensureRuntimeRole(owner, EMBEDDED_RUNTIME_ROLE, password.value, password.isNew);
    await applyRuntimeGrants(owner, EMBEDDED_RUNTIME_ROLE);
  });
  const runtime = new URL(ownerUrl);
  runtime.username = EMBEDDED_RUNTIME_ROLE;
  runtime.password = server.runtimePassword.value; // base64url: nothing to escape
  return runtime.toString();
}

/**
 * On a server of one's own, DATABASE_URL is the runtime role. With EARSHOT_MIGRATION_DATABASE_URL
 * the owner migrates and grants; without it, a DATABASE_URL role that may create tables is taken
 * for an owner (as before roles were separated) and migrates, and a runtime role only checks that
 * nothing is pending: migrating is the owner's job.
 */
async function prepareExternalDatabase(databaseUrl: string, migrationUrl: string | undefined): Promise<void> {
  if (migrationUrl) {
    const runtimeRole = decodeURIComponent(new URL(databaseUrl).username);
    if (runtimeRole === '') {
      throw new EnvironmentError(
        'DATABASE_URL names no role, so the migration role cannot grant it its rights: write it as ' +
          'postgres://ROLE:PASSWORD@HOST:PORT/DATABASE, with the runtime role (not the migration role).',
      );
    }
    await withConnection(migrationUrl, async (owner) => {
      await migrateToLatest(owner);
      await applyRuntimeGrants(owner, runtimeRole);
    });
    return;
  }
  await withConnection(databaseUrl, async (db) => {
    if (await mayCreateTables(db)) {
      await migrateToLatest(db);
      return;
    }
    const pending = await pendingMigrations(db);
    if (pending.length > 0) {
      throw new EnvironmentError(
        `The database of DATABASE_URL lacks ${pending.length} migration(s) of this Earshot version ` +
          `(${pending.join(', ')}), and DATABASE_URL's role may not make them. Run \`earshot status\` ` +
          `once with EARSHOT_MIGRATION_DATABASE_URL set to the schema owner's address, then start again.`,
      );
    }
  });
}

async function mayCreateTables(db: Db): Promise<boolean> {
  const rows = await db
    .selectNoFrom((eb) =>
      eb.fn<boolean>('has_schema_privilege', [eb.val('public'), eb.val('CREATE')]).as('may'),
    )
    .execute();
  return rows[0]?.may === true;
}

async function withConnection(url: string, work: (db: Db) => Promise<void>): Promise<void> {
  const db = createDb(url, 2);
  try {
    await work(db);
  } finally {
    await db.destroy();
  }
}
