import { ConfigError, type EarshotConfig } from '../../config/config.ts';
import type { Db } from '../../db/database.ts';
import { isLoopbackListenAddress } from './hosts.ts';

/** Listening beyond this machine without having said so. */
export class RemoteListeningRefused extends ConfigError {}

/**
 * Earshot holds material that can get people killed: by default only this machine can reach it.
 * Listening on any other address (0.0.0.0, a LAN or VPN address) must be asked for explicitly.
 * Called by startHttpServer before it listens, so that every way of serving goes through it.
 */
export function assertRemoteListeningAllowed(
  config: Pick<EarshotConfig, 'host' | 'allowRemote'>,
  _db: Db,
): Promise<void> {
  if (isLoopbackListenAddress(config.host) || config.allowRemote) return Promise.resolve();
  return Promise.reject(
    new RemoteListeningRefused(
      `Refusing to listen on ${config.host}, which other machines can reach: add --allow-remote ` +
        '(or set EARSHOT_ALLOW_REMOTE=1) to mean it, or listen on 127.0.0.1.',
    ),
  );
}
