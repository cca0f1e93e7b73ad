import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to the embedded server and ./earshot-data', () => {
    const config = loadConfig({}, '/srv/earshot');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe(path.resolve('/srv/earshot/earshot-data'));
    expect(config.originalsDir).toBe(path.resolve('/srv/earshot/earshot-data/originals'));
    expect(config.host).toBe('127.0.0.1');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', EARSHOT_PORT: '' }, '/x').databaseUrl).toBeUndefined();
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ EARSHOT_PORT: 'eighty' }, '/x')).toThrow(ConfigError);
    expect(() => loadConfig({ EARSHOT_PORT: 'eighty' }, '/x')).toThrow(/EARSHOT_PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' }, '/x')).toThrow(/DATABASE_URL/);
  });

  it('takes a migration role only beside DATABASE_URL', () => {
    const owner = 'postgres://earshot_owner:pw@db.example/earshot';
    const runtime = 'postgres://earshot_app:pw@db.example/earshot';
    const config = loadConfig({ DATABASE_URL: runtime, EARSHOT_MIGRATION_DATABASE_URL: owner }, '/x');
    expect(config.migrationDatabaseUrl).toBe(owner);
    expect(() => loadConfig({ EARSHOT_MIGRATION_DATABASE_URL: owner }, '/x')).toThrow(
      /EARSHOT_MIGRATION_DATABASE_URL is only used with DATABASE_URL/,
    );
  });

  it('keeps the server to loopback and small JSON bodies unless told otherwise', () => {
    const config = loadConfig({}, '/x');
    expect(config.allowRemote).toBe(false);
    expect(config.allowedHosts).toEqual([]);
    expect(config.trustProxy).toEqual([]);
    expect(config.bodyMaxBytes).toBe(1024 ** 2);
  });

  it('reads the remote-listening, host, proxy and body settings', () => {
    const config = loadConfig(
      {
        EARSHOT_ALLOW_REMOTE: '1',
        EARSHOT_ALLOWED_HOSTS: ' Desk.Example.org, 10.0.0.5 ,[fd00::1], fd00::2',
        EARSHOT_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8',
        EARSHOT_BODY_MAX_BYTES: '65536',
      },
      '/x',
    );
    expect(config.allowRemote).toBe(true);
    expect(config.allowedHosts).toEqual(['desk.example.org', '10.0.0.5', '[fd00::1]', '[fd00::2]']);
    expect(config.trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8']);
    expect(config.bodyMaxBytes).toBe(65536);
    expect(loadConfig({ EARSHOT_ALLOW_REMOTE: 'false' }, '/x').allowRemote).toBe(false);
  });

  it('refuses a host with a scheme or port, a proxy that is not an address, an unclear flag', () => {
    expect(() => loadConfig({ EARSHOT_ALLOWED_HOSTS: 'https://desk.example.org' }, '/x')).toThrow(
      /EARSHOT_ALLOWED_HOSTS.*without scheme, port or path/,
    );
    expect(() => loadConfig({ EARSHOT_ALLOWED_HOSTS: 'desk.example.org:443' }, '/x')).toThrow(
      /EARSHOT_ALLOWED_HOSTS/,
    );
    expect(() => loadConfig({ EARSHOT_TRUST_PROXY: 'true' }, '/x')).toThrow(/EARSHOT_TRUST_PROXY/);
    expect(() => loadConfig({ EARSHOT_ALLOW_REMOTE: 'sure' }, '/x')).toThrow(/EARSHOT_ALLOW_REMOTE/);
  });

  it('parses the session settings once, in milliseconds, with a Secure cookie only when asked', () => {
    expect(loadConfig({}, '/x').sessions).toEqual({
      idleMs: 120 * 60_000,
      maxAgeMs: 12 * 3_600_000,
      signInLinkMs: 30 * 60_000,
      secureCookie: false,
    });
    const tuned = loadConfig(
      {
        EARSHOT_SESSION_IDLE_MINUTES: '15',
        EARSHOT_SESSION_MAX_HOURS: '8',
        EARSHOT_SIGN_IN_LINK_MINUTES: '5',
        EARSHOT_SECURE_COOKIES: 'true',
      },
      '/x',
    ).sessions;
    expect(tuned).toEqual({
      idleMs: 15 * 60_000,
      maxAgeMs: 8 * 3_600_000,
      signInLinkMs: 5 * 60_000,
      secureCookie: true,
    });
    expect(() => loadConfig({ EARSHOT_SESSION_IDLE_MINUTES: '0' }, '/x')).toThrow(
      /EARSHOT_SESSION_IDLE_MINUTES/,
    );
    expect(() => loadConfig({ EARSHOT_SECURE_COOKIES: 'yes' }, '/x')).toThrow(/EARSHOT_SECURE_COOKIES/);
  });
});
