import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantCollection } from '../../../src/accounts/grants.ts';
import { SESSION_COOKIE } from '../../../src/accounts/sessions.ts';
import { buildApiServer } from '../../../src/api/server.ts';
import { ingestPaths } from '../../../src/ingest/ingest-paths.ts';
import { ensureDeskBuilt } from '../../../web/tools/ensure-desk-built.ts';
import { createApiFixture, type ApiFixture } from '../../helpers/api-fixtures.ts';
import { caseStepRequest } from '../../helpers/case-step-form.ts';
import { repositoryRoot } from '../../helpers/cli-process.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { createTestSession, type TestSession } from '../../helpers/signed-in-api.ts';
import { CHROMIUM, CHROMIUM_FLAGS } from './desk-session.ts';

// The Case file panel of the Call page in Chromium, on the demo corpus (ingested; the case file
// needs no transcript): an editor walks a call through the steps with a note, a link and a file and
// proposes verified; the desk shows her that she cannot sign it off herself, and the server
// refuses it; a reviewer signs it off. Screenshots at 1440 and 390 px go to docs/images.

let t: TestDatabase;
let fixture: ApiFixture;
let app: FastifyInstance;
let browser: Browser;
let url = '';
let recordingId = '';
let olena: TestSession;
let mark: TestSession;
const imagesDir = path.join(repositoryRoot, 'docs', 'images');

beforeAll(async () => {
  await ensureDeskBuilt({ log: () => undefined });
  t = await createTestDatabase('e2e_case_file');
  fixture = createApiFixture(t.db);
  const demo = path.join(repositoryRoot, 'demo');
  const ingested = await ingestPaths(t.db, fixture.config, {
    paths: [path.join(demo, 'calls')],
    collection: 'Demo',
    metadataFile: path.join(demo, 'calls.csv'),
    actor: 'test',
  });
  recordingId = ingested.newRecordingIds[0]!;
  olena = await createTestSession(t.db, { name: 'olena', role: 'editor' });
  mark = await createTestSession(t.db, { name: 'mark', role: 'reviewer' });
  for (const user of [olena, mark])
    await grantCollection(t.db, {
      userId: user.userId,
      collectionId: ingested.collectionId,
      grantedBy: 'test',
    });
  app = await buildApiServer({ db: t.db, config: fixture.config });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  fixture?.cleanup();
  await t?.drop();
});

async function pageAs(user: TestSession, width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  await context.addCookies([{ name: SESSION_COOKIE, value: user.token, url }]);
  const page = await context.newPage();
  await page.goto(`${url}#/call/${recordingId}`);
  await page.getByTestId('case-file').waitFor();
  return page;
}

const status = (page: Page) => page.getByTestId('case-status').textContent();

/** Opens a step's form with its button, fills the note, and sends it. */
async function takeStep(page: Page, button: string, note: string, expected: RegExp): Promise<void> {
  const panel = page.getByTestId('case-file');
  await panel.getByRole('button', { name: button }).click();
  const form = panel.getByRole('form', { name: button });
  await form.getByLabel('Note').fill(note);
  await form.getByRole('button', { name: button }).click();
  await expect.poll(() => status(page)).toMatch(expected);
}

describe('the case file on the Call page', () => {
  it('takes a call to verified with two people, and refuses the proposer her own sign-off', async () => {
    const page = await pageAs(olena, 1440);
    await expect.poll(() => status(page)).toBe('Status: Unverified');
    const panel = page.getByTestId('case-file');

    // A jump is not offered, and evidence is required: an empty advance is refused in words.
    await panel.getByRole('button', { name: 'Advance to number attributed' }).click();
    const first = panel.getByRole('form', { name: 'Advance to number attributed' });
    await first.getByRole('button', { name: 'Advance to number attributed' }).click();
    await expect
      .poll(() => first.getByRole('alert').textContent())
      .toBe('Give the evidence: a note, a link or a file.');
    await first
      .getByLabel('Note')
      .fill('Operator record: +380501734482 registered to a relative of the caller.');
    await first.getByLabel('Links').fill('https://example.org/registry/380501734482');
    await first.getByLabel('Files').setInputFiles({
      name: 'operator-record.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 operator record\n'),
    });
    await first.getByRole('button', { name: 'Advance to number attributed' }).click();
    await expect.poll(() => status(page)).toBe('Status: Number attributed');
    await expect.poll(() => panel.getByRole('link', { name: 'operator-record.pdf' }).count()).toBe(2);

    await takeStep(
      page,
      'Advance to identity corroborated',
      'Voice matched; his mother confirmed the name.',
      /Identity corroborated/,
    );
    await takeStep(
      page,
      'Advance to context confirmed',
      'Cell id and time fit the unit’s position.',
      /Context confirmed/,
    );
    await takeStep(page, 'Propose verified', 'All three steps hold.', /Context confirmed/);

    // The proposer is told she cannot sign off, and the server refuses it if she tries.
    await expect
      .poll(() => panel.getByRole('status').textContent())
      .toMatch(/you proposed it, so you cannot sign it off/);
    expect(await panel.getByRole('button', { name: 'Sign off verified' }).isDisabled()).toBe(true);
    const own = caseStepRequest(recordingId, { action: 'sign_off', expectedStatus: 'context_confirmed' });
    const refused = await fetch(new URL(own.url!, url), {
      method: 'POST',
      headers: { ...olena.headers, ...(own.headers as Record<string, string>), origin: url.slice(0, -1) },
      body: own.payload as Buffer,
    });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toMatch(/second person must sign it off/);

    // The reviewer signs it off, by keyboard.
    const reviewer = await pageAs(mark, 1440);
    const reviewerPanel = reviewer.getByTestId('case-file');
    await expect
      .poll(() => reviewerPanel.getByRole('status').textContent())
      .toMatch(/waiting for your sign-off/);
    await reviewerPanel.getByRole('button', { name: 'Sign off verified' }).focus();
    await reviewer.keyboard.press('Enter');
    // The form opens with the keyboard in its note.
    await reviewer.keyboard.type('Reviewed the record, the interview and the cell data.');
    await reviewerPanel
      .getByRole('form', { name: 'Sign off verified' })
      .getByRole('button', { name: 'Sign off verified' })
      .focus();
    await reviewer.keyboard.press('Enter');
    await expect.poll(() => status(reviewer)).toBe('Status: Verified');
    const history = await reviewerPanel.locator('.case-history > li').allTextContents();
    expect(history[0]).toMatch(/^mark signed off verified · Context confirmed → Verified/);
    expect(history.at(-1)).toMatch(/^olena advanced · Unverified → Number attributed/);

    await reviewerPanel.scrollIntoViewIfNeeded();
    await reviewer.screenshot({ path: path.join(imagesDir, 'desk-case-file.png') });
    const narrow = await pageAs(mark, 390);
    await expect.poll(() => status(narrow)).toBe('Status: Verified');
    await narrow.getByTestId('case-file').scrollIntoViewIfNeeded();
    await narrow.screenshot({ path: path.join(imagesDir, 'desk-case-file-390.png') });
    const overflow = await narrow.evaluate<number>(
      'document.documentElement.scrollWidth - window.innerWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);

    // The Calls list shows the status and filters by it.
    await narrow.goto(`${url}#/calls?verification=verified`);
    await expect.poll(() => narrow.getByTestId('call-verification').allTextContents()).toEqual(['Verified']);

    // Trends count the verified call only when asked, and its month opens as the verified calls.
    const trends = await pageAs(mark, 1440);
    await trends.goto(`${url}#/trends`);
    const monthCalls = async () =>
      (await trends.getByTestId('month-calls').allTextContents()).reduce((sum, n) => sum + Number(n), 0);
    await expect.poll(monthCalls).toBeGreaterThan(1);
    await trends.getByLabel('Verified only').check();
    await trends.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(monthCalls).toBe(1);
    await trends.getByTestId('month-calls').first().click();
    await expect.poll(() => trends.url()).toContain('verification=verified');
  });
});
