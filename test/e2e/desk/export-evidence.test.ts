import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
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
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { checkSignature, readBundle, type BundleManifest } from '../../helpers/evidence-bundle-reader.ts';
import { createTestSession } from '../../helpers/signed-in-api.ts';
import { artifactsDir, CHROMIUM, CHROMIUM_FLAGS, screenshot } from './desk-session.ts';

// Exporting an evidence bundle from the desk in Chromium, signed in as an editor: from the Call
// page and for a whole collection from the Calls page; the download link gives the signed zip.
// A viewer is not offered the action.

let t: TestDatabase;
let fixture: ApiFixture;
let app: FastifyInstance;
let browser: Browser;
let page: Page;
let url = '';
let recordingId = '';
let collectionId = '';

async function signInAs(role: 'editor' | 'viewer'): Promise<void> {
  const session = await createTestSession(t.db, { name: `${role}-${Date.now()}`, role });
  await grantCollection(t.db, { userId: session.userId, collectionId, grantedBy: 'test' });
  await page.context().clearCookies();
  await page.context().addCookies([{ name: SESSION_COOKIE, value: session.token, url }]);
}

/** Clicks the download link and reads the zip the browser saved. */
async function downloadBundle(name: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-download').click(),
  ]);
  const file = path.join(artifactsDir, name);
  await download.saveAs(file);
  return { file, suggested: download.suggestedFilename(), ...(await readBundle(file)) };
}

beforeAll(async () => {
  await ensureDeskBuilt({ log: () => undefined });
  fs.mkdirSync(artifactsDir, { recursive: true });
  t = await createTestDatabase('e2e_export_evidence');
  fixture = createApiFixture(t.db);
  collectionId = await insertCollection(t.db, 'Intercepts 2022');
  for (const [i, startedAt] of ['2022-03-14T10:00:00Z', '2022-04-02T08:30:00Z'].entries()) {
    const { id } = await insertRecording(fixture, {
      collection_id: collectionId,
      call_started_at: new Date(startedAt),
      caller_number: `+38050111111${i}`,
      callee_number: `+79161234567`,
      channels: 1,
      content: toneWav(1, 300 + i * 100),
    });
    await insertWorkingCopy(fixture, { recordingId: id, channel: 0, content: toneWav(1, 300 + i * 100) });
    await insertTranscriptVersion(t.db, id, [{ text: 'у нас двое двухсотых' }]);
    recordingId ||= id;
  }
  app = await buildApiServer({ db: t.db, config: fixture.config });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  await signInAs('editor');
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  fixture?.cleanup();
  await t?.drop();
});

describe('exporting evidence from the desk', () => {
  it('exports the call from its page, shows the key fingerprint, and the link downloads the signed zip', async () => {
    await page.goto(`${url}#/call/${recordingId}`);
    await page.getByRole('button', { name: 'Export evidence bundle' }).click();
    const result = page.getByTestId('export-evidence').getByRole('status');
    await expect.poll(() => result.textContent()).toMatch(/Signed bundle ready: 1 call, \d+ files/);
    const fingerprint = await page.getByTestId('export-fingerprint').textContent();
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    await page.getByTestId('export-evidence').scrollIntoViewIfNeeded();
    await screenshot(page, 'export-call-1440');

    const bundle = await downloadBundle('call-bundle.zip');
    expect(bundle.suggested).toMatch(/^earshot-evidence-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.zip$/);
    expect(checkSignature(bundle.entries)).toEqual({ valid: true, fingerprint });
    const manifest = JSON.parse(bundle.entries.get('manifest.json')!.toString()) as BundleManifest;
    expect(manifest.recordings.map((r) => r.id)).toEqual([recordingId]);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('export-evidence').scrollIntoViewIfNeeded();
    await screenshot(page, 'export-call-390');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('exports a whole collection from the Calls page filtered to it', async () => {
    await page.goto(`${url}#/calls`);
    expect(await page.getByTestId('export-evidence').count()).toBe(0);
    await page.goto(`${url}#/calls?collection=${encodeURIComponent('Intercepts 2022')}`);
    await page.getByRole('button', { name: 'Export evidence bundle' }).click();
    const result = page.getByTestId('export-evidence').getByRole('status');
    await expect.poll(() => result.textContent()).toMatch(/Signed bundle ready: 2 calls/);
    await screenshot(page, 'export-collection-1440');
    const bundle = await downloadBundle('collection-bundle.zip');
    const manifest = JSON.parse(bundle.entries.get('manifest.json')!.toString()) as BundleManifest;
    expect(manifest.scope).toEqual({ collection: 'Intercepts 2022' });
    expect(manifest.recordings).toHaveLength(2);
  });

  it('does not offer the export to a viewer', async () => {
    await signInAs('viewer');
    await page.goto(`${url}#/call/${recordingId}`);
    await expect.poll(() => page.getByTestId('custody').count()).toBe(1);
    // Every read answered, the role check included: the action would be there by now.
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('export-evidence').count()).toBe(0);
  });
});
