import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCollection } from '../../../test/helpers/api-fixtures.ts';
import { runEarshot, runEarshotWithInput } from '../../../test/helpers/cli-in-process.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { createTestSession } from '../../../test/helpers/signed-in-api.ts';
import { passwordMatches } from '../../accounts/passwords.ts';
import { findLiveSession } from '../../accounts/sessions.ts';
import { tokenDigest } from '../../accounts/tokens.ts';
import { findUser } from '../../accounts/users.ts';
import { loadConfig } from '../../config/config.ts';
import { ExitCode } from '../exit-codes.ts';

// `earshot user …` and `earshot sign-in-link` against a real database: what each command stores.

let t: TestDatabase;
let env: NodeJS.ProcessEnv;
let dataDir: string;
const settings = loadConfig({}).sessions;

beforeAll(async () => {
  t = await createTestDatabase('cli_user');
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-cli-user-'));
  env = { DATABASE_URL: t.connectionString, EARSHOT_DATA_DIR: dataDir, EARSHOT_PORT: '8799' };
  await insertCollection(t.db, 'Leak A');
});

afterAll(async () => {
  await t?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('earshot user', () => {
  it('adds a user with a role and an argon2id password read from stdin', async () => {
    const added = await runEarshotWithInput(
      env,
      'a long enough password\n',
      'user',
      'add',
      'Olena',
      '--role',
      'editor',
      '--password-stdin',
    );
    expect(added.code, added.err).toBe(ExitCode.Ok);
    expect(added.out).toContain('Added Olena (editor).');
    const stored = (await findUser(t.db, 'olena'))!;
    expect(stored.role).toBe('editor');
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    expect(await passwordMatches(stored.password_hash, 'a long enough password')).toBe(true);
  });

  it('refuses a duplicate name, an unknown role and a short password, storing nothing', async () => {
    const duplicate = await runEarshot(env, 'user', 'add', 'OLENA', '--role', 'viewer');
    expect(duplicate.code).toBe(ExitCode.Fatal);
    expect(duplicate.err).toMatch(/a user "OLENA" already exists/);
    const role = await runEarshot(env, 'user', 'add', 'ivan', '--role', 'boss');
    expect(role.err).toMatch(/unknown role "boss": use one of admin, editor, reviewer, transcriber, viewer/);
    const short = await runEarshotWithInput(
      env,
      'short\n',
      'user',
      'add',
      'ivan',
      '--role',
      'viewer',
      '--password-stdin',
    );
    expect(short.err).toMatch(/at least 10 characters/);
    expect(short.err).not.toMatch(/\n\s+at /);
    expect(await findUser(t.db, 'ivan')).toBeUndefined();
  });

  it('grants and revokes collections, and lists users with what they see', async () => {
    const grant = await runEarshot(env, 'user', 'grant', 'Olena', 'Leak A');
    expect(grant.code, grant.err).toBe(ExitCode.Ok);
    expect(grant.out).toContain('Olena may now see "Leak A".');
    expect(await t.db.selectFrom('collection_grants').select('granted_by').execute()).toHaveLength(1);
    expect((await runEarshot(env, 'user', 'grant', 'Olena', 'No such')).err).toMatch(
      /there is no collection "No such"/,
    );
    const list = await runEarshot(env, 'user', 'list');
    expect(list.out).toContain('Olena\teditor\tactive\tLeak A');
    const revoke = await runEarshot(env, 'user', 'revoke', 'Olena', 'Leak A');
    expect(revoke.out).toContain('Olena no longer sees "Leak A".');
    expect(await t.db.selectFrom('collection_grants').selectAll().execute()).toEqual([]);
  });

  it('sets a new password, which ends the sessions of the old one', async () => {
    const session = await createTestSession(t.db, { name: 'reporter', role: 'reviewer' });
    const passwd = await runEarshotWithInput(
      env,
      'another long password\n',
      'user',
      'passwd',
      'reporter',
      '--password-stdin',
    );
    expect(passwd.code, passwd.err).toBe(ExitCode.Ok);
    expect(
      await passwordMatches((await findUser(t.db, 'reporter'))!.password_hash, 'another long password'),
    ).toBe(true);
    expect(await findLiveSession(t.db, session.token, settings, new Date())).toBeNull();
    const noTerminal = await runEarshot(env, 'user', 'passwd', 'reporter');
    expect(noTerminal.err).toMatch(/pipe it in with --password-stdin/);
  });

  it('disables a user and ends their live sessions at once', async () => {
    const session = await createTestSession(t.db, { name: 'leaver', role: 'viewer' });
    expect(await findLiveSession(t.db, session.token, settings, new Date())).not.toBeNull();
    const disabled = await runEarshot(env, 'user', 'disable', 'leaver');
    expect(disabled.out).toContain('Disabled leaver; their sessions have ended.');
    expect(await findLiveSession(t.db, session.token, settings, new Date())).toBeNull();
    expect((await runEarshot(env, 'user', 'list')).out).toMatch(/leaver\tviewer\tdisabled/);
    expect((await runEarshot(env, 'user', 'disable', 'nobody')).err).toMatch(/there is no user "nobody"/);
  });
});

describe('earshot sign-in-link', () => {
  it('prints a one-time link for the first admin, or for a named user, stored as SHA-256 only', async () => {
    const none = await runEarshot(env, 'sign-in-link');
    expect(none.err).toMatch(/there is no admin yet/);
    await createTestSession(t.db, { name: 'chief', role: 'admin' });
    const printed = await runEarshot(env, 'sign-in-link');
    expect(printed.code, printed.err).toBe(ExitCode.Ok);
    const token = /http:\/\/127\.0\.0\.1:8799\/sign-in\?token=([\w-]+)/.exec(printed.out)?.[1];
    expect(printed.out).toContain('for chief');
    const stored = await t.db.selectFrom('sign_in_tokens').select(['token_sha256', 'expires_at']).execute();
    expect(stored.map((s) => s.token_sha256)).toEqual([tokenDigest(token!)]);
    expect((await runEarshot(env, 'sign-in-link', '--user', 'Olena')).out).toContain('for Olena');
    expect((await runEarshot(env, 'sign-in-link', '--user', 'leaver')).err).toMatch(/leaver is disabled/);
  });
});
