import type { EarshotConfig } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import { buildApiServer, type ApiServerOptions } from './server.ts';

export interface RunningHttpServer {
  /** Where to point a browser, e.g. http://127.0.0.1:8750/ */
  url: string;
  port: number;
  /** Stops accepting connections and waits for requests in flight to finish. */
  close(): Promise<void>;
}

/** The HTTP server could not bind (port in use, address not available): the user can fix it. */
export class ListenError extends Error {}

/** Builds the API and listens on host:port (port 0 picks a free one). Used by serve and start. */
export async function startHttpServer(
  db: Db,
  config: EarshotConfig,
  options: { port?: number; host?: string; scheduleStage?: ApiServerOptions['scheduleStage'] } = {},
): Promise<RunningHttpServer> {
  const app = await buildApiServer({ db, config, scheduleStage: options.scheduleStage });
  const host = options.host ?? config.host;
  const port = options.port ?? config.port;
  try {
    await app.listen({ port, host });
  } catch (error) {
    await app.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new ListenError(
      `could not listen on ${host}:${port} (${reason}). Pick another port with --port or EARSHOT_PORT.`,
    );
  }
  const address = app.server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return { url: `http://${shownHost}:${boundPort}/`, port: boundPort, close: () => app.close() };
}
