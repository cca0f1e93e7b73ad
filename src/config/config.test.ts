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
});
