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
