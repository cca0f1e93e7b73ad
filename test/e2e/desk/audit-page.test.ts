import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApiServer } from '../../../src/api/server.ts';
import { SESSION_COOKIE } from '../../../src/accounts/sessions.ts';
import { recordAudit } from '../../../src/audit/audit-log.ts';
import { ensureDeskBuilt } from '../../../web/tools/ensure-desk-built.ts';
import { createApiFixture, type ApiFixture } from '../../helpers/api-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { createTestSession } from '../../helpers/signed-in-api.ts';
import { CHROMIUM, CHROMIUM_FLAGS, screenshot } from './desk-session.ts';

// The desk's Audit log page in Chromium, signed in as an admin (a real session's cookie): newest
// first, filters, and a tampered chain named on the page; an editor is told it is for admins.

let t: TestDatabase;
let fixture: ApiFixture;
let app: FastifyInstance;
let browser: Browser;
let page: Page;
let url = '';

beforeAll(async () => {
  await ensureDeskBuilt({ log: () => undefined });
  t = await createTestDatabase('e2e_audit_page');
  fixture = createApiFixture(t.db);
  for (let i = 0; i < 60; i++) {
    await recordAudit(t.db, {
      actor: i % 2 ? 'olena' : 'mark',
      userId: null,
      action: i % 3 ? 'view-call' : 'search',
      target: i % 3 ? `3f2b1c4d-0000-4000-8000-00000000000${i % 10}` : 'двухсотых',
      address: `10.0.0.${i}`,
      details: { i },
    });
  }
  app = await buildApiServer({ db: t.db, config: fixture.config });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await signInAs('admin');
}, 600_000);

/** Sets the browser's session cookie to a fresh session of a new user with this role. */
async function signInAs(role: 'admin' | 'editor'): Promise<void> {
  const session = await createTestSession(t.db, { name: role === 'admin' ? 'root' : 'olena', role });
  await page.context().addCookies([{ name: SESSION_COOKIE, value: session.token, url }]);
}

afterAll(async () => {
  await browser?.close();
  await app?.close();
  fixture?.cleanup();
  await t?.drop();
});

describe('the Audit log page', () => {
  it('lists entries newest first, filters them, and says the chain is intact', async () => {
    await page.goto(`${url}#/audit`);
    // The page's own reads are recorded while it loads: they may or may not be among what it shows.
    await expect
      .poll(() => page.getByTestId('audit-chain').textContent())
      .toMatch(/Chain intact: 6\d entries/);
    await expect.poll(() => page.getByTestId('audit-entry').count()).toBe(50);
    const seqs = (await page.locator('[data-testid="audit-entry"] td:first-child').allTextContents()).map(
      Number,
    );
    expect(seqs[0]).toBeGreaterThanOrEqual(60);
    expect(seqs).toEqual(seqs.map((_, n) => seqs[0]! - n));
    expect(seqs).toHaveLength(50);
    await screenshot(page, 'audit-log');

    await page.getByTestId('audit-actor').fill('olena');
    await page.getByTestId('audit-action').selectOption('search');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.getByTestId('audit-total').textContent()).toBe('10 entries');
    const rows = await page.getByTestId('audit-entry').allTextContents();
    expect(rows.every((row) => row.includes('olena') && row.includes('search'))).toBe(true);
    expect(page.url()).toMatch(/#\/audit\?actor=olena&action=search$/);
  });

  it('names the entry that was removed behind its back', async () => {
    await t.db.transaction().execute(async (trx) => {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(trx);
      await sql`DELETE FROM audit_log WHERE seq = 7`.execute(trx);
      await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(trx);
    });
    await page.getByRole('button', { name: 'Verify again' }).click();
    await expect
      .poll(() => page.getByTestId('audit-chain').textContent())
      .toMatch(/Tampered \(removed\): entry 7 was removed: the log goes from seq 6 to seq 8/);
    await screenshot(page, 'audit-log-tampered');
  });

  it('tells anyone but an admin that the log is for administrators', async () => {
    await signInAs('editor');
    await page.goto(`${url}#/calls`);
    await page.goto(`${url}#/audit`);
    await expect
      .poll(() => page.locator('.empty').textContent())
      .toBe('Only administrators can read the audit log.');
  });
});
