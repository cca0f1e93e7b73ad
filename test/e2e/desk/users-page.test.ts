import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskDistDir, ensureDeskBuilt } from '../../../web/tools/ensure-desk-built.ts';
import { createApiFixture, insertCollection, type ApiFixture } from '../../helpers/api-fixtures.ts';
import { SESSION_COOKIE } from '../../../src/accounts/sessions.ts';
import { buildApiServer } from '../../../src/api/server.ts';
import { insertUser } from '../../helpers/as-principal.ts';
import { createTestSession } from '../../helpers/signed-in-api.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { artifactsDir, CHROMIUM, screenshot } from './desk-session.ts';

// The admin Users page in Chromium against the API on a test database, signed in as an admin by
// the test hook (sign-in itself is tested with the session code): grant, revoke and change a
// role with the page's own controls, and check what the database holds after each.

let t: TestDatabase;
let fixture: ApiFixture;
let app: FastifyInstance;
let browser: Browser;
let page: Page;
let editor = '';
let leakA = '';
let leakB = '';

async function grantsOf(userId: string): Promise<string[]> {
  const rows = await t.db
    .selectFrom('collection_grants')
    .select('collection_id')
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.collection_id).sort();
}

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`desk tests need Chromium at ${CHROMIUM}`);
  await ensureDeskBuilt({ log: () => undefined });
  fs.mkdirSync(artifactsDir, { recursive: true });
  t = await createTestDatabase('e2e_users_page');
  fixture = createApiFixture(t.db);
  leakA = await insertCollection(t.db, 'Leak A');
  leakB = await insertCollection(t.db, 'Leak B');
  editor = await insertUser(t.db, 'olena', 'editor', [leakA]);
  app = await buildApiServer({ db: t.db, config: fixture.config, deskDir: deskDistDir });
  await app.listen({ host: '127.0.0.1', port: 0 });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox'] });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const admin = await createTestSession(t.db, { name: 'root', role: 'admin' });
  const { port } = app.server.address() as AddressInfo;
  await page
    .context()
    .addCookies([{ name: SESSION_COOKIE, value: admin.token, url: `http://127.0.0.1:${port}/` }]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  fixture?.cleanup();
  await t?.drop();
});

describe('the Users page', () => {
  it('grants and revokes collections and changes a role', async () => {
    const { port } = app.server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/#/users`);
    const row = page.locator('[data-testid="user-row"][data-user="olena"]');
    await row.getByText('Leak A').waitFor();

    await row.getByLabel('Collection to grant olena').selectOption({ label: 'Leak B' });
    await row.getByRole('button', { name: 'Grant' }).click();
    await row.getByRole('button', { name: 'Revoke Leak B from olena' }).waitFor();
    expect(await grantsOf(editor)).toEqual([leakA, leakB].sort());

    await row.getByRole('button', { name: 'Revoke Leak A from olena' }).click();
    await row.getByRole('button', { name: 'Revoke Leak A from olena' }).waitFor({ state: 'detached' });
    expect(await grantsOf(editor)).toEqual([leakB]);

    await row.getByLabel('Role of olena').selectOption('reviewer');
    await expect
      .poll(
        async () =>
          (await t.db.selectFrom('users').select('role').where('id', '=', editor).executeTakeFirstOrThrow())
            .role,
      )
      .toBe('reviewer');
    await screenshot(page, 'users');
  });
});
