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
export async function assertRemoteListeningAllowed(
  config: Pick<EarshotConfig, 'host' | 'allowRemote'>,
  db: Db,
): Promise<void> {
  if (isLoopbackListenAddress(config.host)) return;
  if (!config.allowRemote) {
    throw new RemoteListeningRefused(
      `Refusing to listen on ${config.host}, which other machines can reach: add --allow-remote ` +
        '(or set EARSHOT_ALLOW_REMOTE=1) to mean it, or listen on 127.0.0.1.',
    );
  }
  // A sign-in link printed on this machine's console is no way in for a team elsewhere: someone
  // must be able to sign in with a password before anyone else can reach the port.
  const withPassword = await db
    .selectFrom('users')
    .select('id')
    .where('disabled_at', 'is', null)
    .where('password_hash', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  if (!withPassword) {
    throw new RemoteListeningRefused(
      `Refusing to listen on ${config.host}: no account has a password yet. Add one first ` +
        '(`earshot user add NAME --role admin`, then `earshot user passwd NAME`).',
    );
  }
}
