import type { EarshotConfig } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import { buildApiServer } from './server.ts';

export interface RunningHttpServer {
  /** Where to point a browser, e.g. http://127.0.0.1:8750/ */
  url: string;
  port: number;
  /** Stops accepting connections and waits for requests in flight to finish. */
  close(): Promise<void>;
}

/** Builds the API and listens on host:port (port 0 picks a free one). Used by serve and start. */
export async function startHttpServer(
  db: Db,
  config: EarshotConfig,
  options: { port?: number; host?: string } = {},
): Promise<RunningHttpServer> {
  const app = await buildApiServer({ db, config });
  const host = options.host ?? config.host;
  try {
    await app.listen({ port: options.port ?? config.port, host });
  } catch (error) {
    await app.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? config.port);
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return { url: `http://${shownHost}:${port}/`, port, close: () => app.close() };
}
