import net from 'node:net';
import type { EarshotConfig } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import { EnvironmentError } from '../runtime/environment-error.ts';
import { assertRemoteListeningAllowed } from './security/remote-listening.ts';
import { buildApiServer, type ApiServerOptions } from './server.ts';

export interface RunningHttpServer {
  /** Where to point a browser, e.g. http://127.0.0.1:8750/ */
  url: string;
  port: number;
  /** Stops accepting connections and waits for requests in flight to finish. */
  close(): Promise<void>;
}

/** The HTTP server could not bind (port in use, address not available): the user can fix it. */
export class ListenError extends EnvironmentError {}

/**
 * Builds the API and listens on host:port (port 0 picks a free one). Used by serve and start.
 * Anything but loopback is refused unless config.allowRemote says it is meant.
 */
export async function startHttpServer(
  db: Db,
  config: EarshotConfig,
  options: { port?: number; host?: string; scheduleStage?: ApiServerOptions['scheduleStage'] } = {},
): Promise<RunningHttpServer> {
  const host = options.host ?? config.host;
  const port = options.port ?? config.port;
  // The address given on the command line is the one checked, and the one the Host check allows.
  const listening = { ...config, host };
  await assertRemoteListeningAllowed(listening, db);
  const app = await buildApiServer({ db, config: listening, scheduleStage: options.scheduleStage });
  try {
    await app.listen({ port, host });
  } catch (error) {
    await app.close();
    throw listenFailure(host, port, error);
  }
  const address = app.server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return { url: `http://${shownHost}:${boundPort}/`, port: boundPort, close: () => app.close() };
}

/**
 * Fails early, before a long start-up (database, demo ingest, workers), when host:port cannot be
 * listened on. The real listen later remains the final word (another program may take the port
 * in between).
 */
export async function assertCanListen(host: string, port: number): Promise<void> {
  if (port === 0) return;
  const probe = net.createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen({ host, port, exclusive: true }, resolve);
    });
  } catch (error) {
    throw listenFailure(host, port, error);
  }
  await new Promise<void>((resolve) => probe.close(() => resolve()));
}

function listenFailure(host: string, port: number, error: unknown): ListenError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') {
    return new ListenError(
      `Port ${port} on ${host} is already in use by another program (another Earshot?), so the HTTP ` +
        `server cannot listen there. Pick a free port with --port or EARSHOT_PORT, or stop the ` +
        `program that uses it.`,
    );
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new ListenError(
    `could not listen on ${host}:${port} (${reason}). Pick another address with --host or EARSHOT_HOST, ` +
      `or another port with --port or EARSHOT_PORT.`,
  );
}
