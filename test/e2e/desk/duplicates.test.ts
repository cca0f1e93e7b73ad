import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDeskBuilt } from '../../../web/tools/ensure-desk-built.ts';
import { makeCallVariant } from '../../helpers/call-variants.ts';
import { repositoryRoot, runCli, startCli, type CliProcess } from '../../helpers/cli-process.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { SIGN_IN_LINK } from '../../helpers/signed-in-api.ts';
import { demoDir } from '../../helpers/speech-models.ts';
import { artifactsDir, CHROMIUM, CHROMIUM_FLAGS, signInBrowser } from './desk-session.ts';

// "Same call as …" in Chromium against the real app (`earshot start --no-demo`, no speech model
// installed: the fingerprint stage runs right after decode while the speech stages wait). A demo
// call and its amr-nb re-encoding are ingested; the Call page shows the lead as machine output,
// and the signed-in admin confirms it with a reason.

const SOURCE = '20220321_221047_+380672205916_+79203316845.mp3';

let database: TestDatabase;
let dataDir: string;
let app: CliProcess;
let url: string;
let browser: Browser;
let page: Page;
let db: pg.Client;
const pageErrors: string[] = [];
const ids = { source: '', copy: '' };

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`desk tests need Chromium at ${CHROMIUM}`);
  await ensureDeskBuilt({ log: () => undefined });
  fs.mkdirSync(artifactsDir, { recursive: true });
  database = await createTestDatabase('e2e_desk_duplicates');
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-e2e-duplicates-'));
  fs.chmodSync(dataDir, 0o755);
  const env = {
    DATABASE_URL: database.connectionString,
    EARSHOT_DATA_DIR: path.join(dataDir, 'data'),
    EARSHOT_MODELS_DIR: path.join(dataDir, 'no-models'),
  };
  app = startCli(['start', '--no-demo'], { ...env, EARSHOT_PORT: '0' });
  [, url = ''] = await app.waitFor(/Earshot is ready at (http:\/\/127\.0\.0\.1:\d+\/)/, 180_000);
  const signInLink = (await app.waitFor(SIGN_IN_LINK))[1]!;

  const leak = path.join(dataDir, 'leak');
  fs.mkdirSync(leak);
  fs.copyFileSync(path.join(demoDir, 'calls', SOURCE), path.join(leak, SOURCE));
  makeCallVariant(path.join(demoDir, 'calls', SOURCE), 'amr-nb', leak, 'forwarded-copy');
  const ingest = await runCli(['ingest', leak, '--collection', 'Leak 2022'], env);
  expect(ingest.code, ingest.output).toBe(0);

  db = new pg.Client({ connectionString: database.connectionString });
  await db.connect();
  const rows = await db.query<{ id: string; original_filename: string }>(
    'SELECT id, original_filename FROM recordings',
  );
  ids.source = rows.rows.find((r) => r.original_filename === SOURCE)!.id;
  ids.copy = rows.rows.find((r) => r.original_filename.startsWith('forwarded-copy'))!.id;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await signInBrowser(page, url, signInLink);
}, 600_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await db?.end();
  if (app && app.child.exitCode === null) {
    app.child.kill('SIGINT');
    await app.exited;
  }
  await database?.drop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  expect(pageErrors).toEqual([]);
});

describe('near-duplicate calls on the desk', () => {
  it('fingerprints both calls while the speech stages wait for their models', async () => {
    await expect
      .poll(
        async () =>
          (await db.query("SELECT 1 FROM stage_runs WHERE stage = 'fingerprint' AND status = 'done'"))
            .rowCount,
        { timeout: 300_000, interval: 1000 },
      )
      .toBe(2);
    await expect
      .poll(
        async () =>
          (await db.query("SELECT 1 FROM stage_runs WHERE stage = 'vad' AND status = 'waiting'")).rowCount,
        { timeout: 120_000, interval: 1000 },
      )
      .toBe(2);
  });

  it('shows the re-encoded copy as a machine lead and lets the admin confirm it', async () => {
    await page.goto(`${url}#/call/${ids.source}`);
    const panel = page.getByTestId('duplicates');
    await panel.waitFor({ timeout: 30_000 });
    await expect.poll(() => panel.getByTestId('duplicate-lead').count()).toBe(1);
    const lead = panel.getByTestId('duplicate-lead');
    expect(await lead.getByRole('link').textContent()).toContain('forwarded-copy');
    expect(await lead.getByRole('link').getAttribute('href')).toContain(ids.copy);
    expect(await lead.getByTestId('machine-badge').textContent()).toContain('machine lead');
    expect(await lead.textContent()).toContain('starts together');
    expect(await lead.getByTestId('duplicate-status').textContent()).toContain('Nobody has decided yet');

    // The waveform drawn, so that the picture shows the page as a user sees it.
    await page.getByTestId('play-button').and(page.locator(':enabled')).waitFor({ timeout: 30_000 });
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(repositoryRoot, 'docs', 'images', 'desk-duplicates.png') });

    await lead.getByRole('button', { name: 'Same call' }).click();
    await lead.getByLabel('Reason').fill('Same voices and words; AMR copy of the MP3');
    await lead.getByRole('button', { name: 'Confirm same call' }).click();
    await expect.poll(() => lead.getByTestId('duplicate-status').textContent()).toContain('Confirmed by');

    const stored = await db.query<{ status: string; reason: string }>(
      'SELECT status, reason FROM duplicate_leads',
    );
    expect(stored.rows).toEqual([
      { status: 'confirmed', reason: 'Same voices and words; AMR copy of the MP3' },
    ]);
    const audit = await db.query<{ target: string }>(
      "SELECT target FROM audit_log WHERE action = 'decide-duplicate'",
    );
    expect(audit.rows).toEqual([{ target: ids.source }]);
    // Nothing merged: both calls are still listed.
    expect((await db.query('SELECT id FROM recordings')).rowCount).toBe(2);

    // The same lead from the other call's side: the decision is shown there too.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${url}#/call/${ids.copy}`);
    const fromCopy = page.getByTestId('duplicates');
    await fromCopy.waitFor({ timeout: 30_000 });
    expect(await fromCopy.getByTestId('duplicate-status').textContent()).toContain('Confirmed by');
    await fromCopy.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(repositoryRoot, 'docs', 'images', 'desk-duplicates-390.png') });
  });
});
