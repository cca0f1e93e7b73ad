import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { parse } from 'csv-parse/sync';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantCollection } from '../../../src/accounts/grants.ts';
import { SESSION_COOKIE } from '../../../src/accounts/sessions.ts';
import { buildApiServer } from '../../../src/api/server.ts';
import { ensureDeskBuilt } from '../../../web/tools/ensure-desk-built.ts';
import { toneWav } from '../../helpers/access-fixtures.ts';
import { insertTranscriptVersion } from '../../helpers/analysis-fixtures.ts';
import {
  createApiFixture,
  insertCollection,
  insertRecording,
  insertWorkingCopy,
  type ApiFixture,
} from '../../helpers/api-fixtures.ts';
import { repositoryRoot } from '../../helpers/cli-process.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { createTestSession } from '../../helpers/signed-in-api.ts';
import { artifactsDir, CHROMIUM, CHROMIUM_FLAGS } from './desk-session.ts';

// Triage in Chromium, signed in as an editor: two calls tagged at once from the Calls page, one
// starred, the list downloaded as CSV; on the Search page a search saved, a batch search run and
// the results downloaded as CSV; each checked against the database, at 1440 and 390 px.

let t: TestDatabase;
let fixture: ApiFixture;
let app: FastifyInstance;
let browser: Browser;
let page: Page;
let url = '';
let collectionId = '';
let editorId = '';
const calls: string[] = [];

const TEXTS = ['у нас двое двухсотых под Бахмутом', 'Петренко говорит, двухсотых нет', 'алло, слышишь меня'];

beforeAll(async () => {
  await ensureDeskBuilt({ log: () => undefined });
  fs.mkdirSync(artifactsDir, { recursive: true });
  t = await createTestDatabase('e2e_triage');
  fixture = createApiFixture(t.db);
  collectionId = await insertCollection(t.db, 'Intercepts 2022');
  for (const [i, text] of TEXTS.entries()) {
    const { id } = await insertRecording(fixture, {
      collection_id: collectionId,
      original_filename: `call-${i + 1}.wav`,
      call_started_at: new Date(`2022-03-${14 + i}T10:00:00Z`),
      caller_number: `+38050111111${i}`,
      callee_number: '+79161234567',
      channels: 1,
      content: toneWav(1, 300 + i * 100),
    });
    await insertWorkingCopy(fixture, { recordingId: id, channel: 0, content: toneWav(1, 300 + i * 100) });
    await insertTranscriptVersion(t.db, id, [{ text }]);
    calls.push(id);
  }
  app = await buildApiServer({ db: t.db, config: fixture.config });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const session = await createTestSession(t.db, { name: 'editor-triage', role: 'editor' });
  editorId = session.userId;
  await grantCollection(t.db, { userId: session.userId, collectionId, grantedBy: 'test' });
  await page.context().addCookies([{ name: SESSION_COOKIE, value: session.token, url }]);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  fixture?.cleanup();
  await t?.drop();
});

/**
 * docs/images/triage-NAME-WIDTH.png, full page, once the triage controls (by test id) fit the
 * width: nothing of them runs off the side. The pages' own layout at 390 px (the search box, the
 * waveform) belongs to their owners and is not asserted here.
 */
async function shoot(name: string, width: number, own: readonly string[]): Promise<void> {
  await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
  for (const testId of own) {
    const overflow = () =>
      page.evaluate(
        `[...document.querySelectorAll('[data-testid="${testId}"], [data-testid="${testId}"] *')]
          .filter((e) => e.getClientRects().length > 0 && e.getBoundingClientRect().right > ${width} + 1)
          .map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))`,
      );
    await expect.poll(overflow, { timeout: 10_000 }).toEqual([]);
  }
  await page.screenshot({
    path: path.join(repositoryRoot, 'docs', 'images', `triage-${name}-${width}.png`),
    fullPage: true,
  });
}

/** Clicks a download link and reads the CSV the browser saved. */
async function downloadCsv(testId: string): Promise<{ name: string; text: string; rows: string[][] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const file = path.join(artifactsDir, download.suggestedFilename());
  await download.saveAs(file);
  const text = fs.readFileSync(file, 'utf8');
  return { name: download.suggestedFilename(), text, rows: parse(text, { bom: true }) };
}

const rowOf = (filename: string) => page.getByTestId('call-row').filter({ hasText: filename });

describe('triage on the Calls page', () => {
  it('tags two calls at once, stars one, and downloads the list as CSV', async () => {
    await page.goto(`${url}#/calls`);
    await rowOf('call-1.wav').waitFor();
    await rowOf('call-1.wav').getByTestId('select-call').check();
    await rowOf('call-2.wav').getByTestId('select-call').check();
    await page.getByTestId('bulk-tag-input').fill('проверить');
    await page.getByTestId('bulk-tag').click();
    await expect
      .poll(() => page.getByTestId('bulk-message').textContent())
      .toBe('Tagged “проверить”: 2 calls');
    await expect
      .poll(() => rowOf('call-1.wav').getByTestId('tag-chip').allTextContents())
      .toEqual(['проверить']);
    expect(await rowOf('call-2.wav').getByTestId('tag-chip').allTextContents()).toEqual(['проверить']);
    expect(await rowOf('call-3.wav').getByTestId('tag-chip').count()).toBe(0);
    const tags = await t.db
      .selectFrom('call_tags')
      .select(['recording_id', 'author'])
      .orderBy('recording_id')
      .execute();
    expect(tags).toEqual(
      [calls[0]!, calls[1]!].sort().map((id) => ({ recording_id: id, author: 'editor-triage' })),
    );

    await rowOf('call-3.wav').getByTestId('star-toggle').click();
    await expect
      .poll(() => rowOf('call-3.wav').getByTestId('star-toggle').getAttribute('aria-pressed'))
      .toBe('true');
    const stars = await t.db.selectFrom('stars').select(['user_id', 'recording_id']).execute();
    expect(stars).toEqual([{ user_id: editorId, recording_id: calls[2] }]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['bulk-tag', 'star'])
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['bulk-tag', 'star']);

    // A tag chip opens the list of the calls that carry it.
    await rowOf('call-2.wav').getByRole('link', { name: 'проверить' }).click();
    await expect.poll(() => page.getByTestId('call-row').count()).toBe(2);
    expect(await page.getByTestId('tag-filter').textContent()).toContain('проверить');
    await page.goto(`${url}#/calls`);
    await expect.poll(() => page.getByTestId('call-row').count()).toBe(3);
    await rowOf('call-1.wav').getByTestId('select-call').check();
    await rowOf('call-2.wav').getByTestId('select-call').check();

    await shoot('calls', 1440, ['bulk-bar', 'calls-csv']);
    await shoot('calls', 390, ['bulk-bar', 'calls-csv']);
    await page.setViewportSize({ width: 1440, height: 900 });

    const csv = await downloadCsv('calls-csv');
    expect(csv.name).toMatch(/^earshot-calls-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = csv.rows;
    const column = (name: string) => rows.map((r) => r[header!.indexOf(name)]);
    expect(column('original_filename')).toEqual(['call-3.wav', 'call-2.wav', 'call-1.wav']);
    expect(column('tags')).toEqual(['', 'проверить', 'проверить']);
    expect(column('starred')).toEqual(['yes', 'no', 'no']);
  });
});

describe('triage on the Search page', () => {
  it('saves a search, runs a batch search and downloads the results as CSV', async () => {
    await page.goto(`${url}#/search?q=${encodeURIComponent('двухсотых')}`);
    await page.getByTestId('search-hit').first().waitFor();
    await page.getByTestId('save-search-name').fill('Потери');
    await page.getByTestId('save-search').click();
    const saved = page.getByTestId('saved-searches').getByRole('link', { name: 'Потери' });
    await saved.waitFor();
    const row = await t.db
      .selectFrom('saved_searches')
      .select(['user_id', 'name', 'params'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ user_id: editorId, name: 'Потери', params: { q: 'двухсотых' } });

    await page.getByText('Batch search: a list of names or numbers').click();
    await page.getByTestId('batch-terms').fill('двухсотых\nПетренко\n+380501111112\nБудапешт');
    await page.getByRole('button', { name: 'Search each' }).click();
    const rows = page.getByTestId('batch-row');
    await expect.poll(() => rows.count()).toBe(4);
    const found = await rows.locator('td:nth-child(2)').allTextContents();
    expect(found).toEqual([
      '2 segments in 2 calls',
      '1 segment in 1 call',
      'not said; caller or callee of 1 call',
      'not said',
    ]);

    await shoot('search', 1440, ['search-tools', 'batch-search']);
    await shoot('search', 390, ['search-tools', 'batch-search']);
    await page.setViewportSize({ width: 1440, height: 900 });

    const csv = await downloadCsv('search-csv');
    expect(csv.name).toMatch(/^earshot-search-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...hits] = csv.rows;
    expect(hits.map((r) => r[header!.indexOf('recording_id')]).sort()).toEqual([calls[0]!, calls[1]!].sort());
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['save-search', 'batch-search', 'export-csv'])
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['export-csv', 'save-search', 'batch-search', 'export-csv']);
  });
});

describe('triage on the Call page', () => {
  it('stars and tags a segment of the call', async () => {
    await page.goto(`${url}#/call/${calls[0]}`);
    const panel = page.getByTestId('call-triage');
    await panel.getByLabel('Tag this segment').fill('Бахмут');
    await panel.getByLabel('Tag this segment').press('Enter');
    await expect
      .poll(() => panel.getByRole('list', { name: 'Tagged or starred segments' }).textContent())
      .toContain('Бахмут');
    await panel.getByRole('button', { name: /^Star segment/ }).click();
    await expect.poll(() => panel.getByRole('button', { name: /^Unstar segment/ }).count()).toBe(1);
    const segmentTag = await t.db
      .selectFrom('call_tags')
      .select('segment_id')
      .where('tag', '=', 'Бахмут')
      .executeTakeFirstOrThrow();
    expect(segmentTag.segment_id).not.toBeNull();
    await panel.scrollIntoViewIfNeeded();
    await shoot('call', 1440, ['call-triage', 'waveform']);
    await shoot('call', 390, ['call-triage', 'waveform']);
  });
});
