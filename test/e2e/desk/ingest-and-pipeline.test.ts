import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDeskBuilt } from '../../../web/tools/ensure-desk-built.ts';
import { startCli, type CliProcess } from '../../helpers/cli-process.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { makeAudioFile } from '../../helpers/recordings.ts';
import {
  pipelineTestModelsDir,
  TEST_ASR_MODEL,
  TEST_TRANSLATION_MODEL,
} from '../../helpers/speech-models.ts';
import { artifactsDir, CHROMIUM, getJson, screenshot, signInBrowser } from './desk-session.ts';
import { SIGN_IN_LINK } from '../../helpers/signed-in-api.ts';

// Adding recordings from the desk and following them through the pipeline, in Chromium against
// the real app (`earshot start --no-demo` on its own database, test speech models): a folder is
// picked, uploaded with a progress bar, ingested (a text file rejected with its reason), then the
// Pipeline view shows the same counts as the API, and its retry button queues a failed run again.

interface PipelineBody {
  recordings: number;
  active: boolean;
  stages: ({ stage: string } & Record<(typeof COUNT_KEYS)[number], number>)[];
  failures: { stage: string; count: number }[];
}

const COUNT_KEYS = ['done', 'running', 'pending', 'waiting', 'failed', 'missing'] as const;

let database: TestDatabase;
let dataDir: string;
let app: CliProcess;
let modelsDir: string;
let url: string;
let browser: Browser;
let page: Page;
let db: pg.Client;
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`desk tests need Chromium at ${CHROMIUM}`);
  await ensureDeskBuilt({ log: () => undefined });
  fs.mkdirSync(artifactsDir, { recursive: true });
  database = await createTestDatabase('e2e_desk_ingest');
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-e2e-ingest-'));
  fs.chmodSync(dataDir, 0o755);
  // A models folder of this test's own (links to the installed test models), so that one model
  // can really go missing and come back.
  modelsDir = path.join(dataDir, 'models');
  fs.mkdirSync(modelsDir);
  for (const name of ['silero-vad-v6.2', TEST_ASR_MODEL, TEST_TRANSLATION_MODEL]) {
    fs.symlinkSync(path.join(pipelineTestModelsDir(), name), path.join(modelsDir, name), 'dir');
  }
  app = startCli(['start', '--no-demo'], {
    DATABASE_URL: database.connectionString,
    EARSHOT_DATA_DIR: path.join(dataDir, 'data'),
    EARSHOT_PORT: '0',
    EARSHOT_MODELS_DIR: modelsDir,
    EARSHOT_ASR_MODEL: TEST_ASR_MODEL,
    EARSHOT_TRANSLATION_MODEL: TEST_TRANSLATION_MODEL,
  });
  [, url = ''] = await app.waitFor(/Earshot is ready at (http:\/\/127\.0\.0\.1:\d+\/)/, 180_000);
  db = new pg.Client({ connectionString: database.connectionString });
  await db.connect();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await signInBrowser(page, url, (await app.waitFor(SIGN_IN_LINK))[1]!);
}, 300_000);

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

/** A folder as a user would pick it: two short calls and a note that is not audio. */
function leakFolder(): string {
  const folder = path.join(dataDir, 'picked', 'leak');
  fs.mkdirSync(folder, { recursive: true });
  makeAudioFile(path.join(folder, 'call-one.wav'), 'stereo', 2);
  makeAudioFile(path.join(folder, 'call-two.wav'), 'mono', 2);
  fs.writeFileSync(path.join(folder, 'notes.txt'), 'who called whom, typed up by hand\n'.repeat(10));
  return folder;
}

/** Every text the upload progress line shows, recorded in the page as it changes. */
async function recordProgressTexts(): Promise<void> {
  // Runs in the page (a string: this file is type-checked without the DOM library).
  await page.evaluate(`(() => {
    const seen = (window.progressSeen = []);
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="upload-progress-text"]')?.textContent;
      if (text && seen[seen.length - 1] !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
}

async function pipelineIdle(): Promise<PipelineBody> {
  let body: PipelineBody | undefined;
  await expect
    .poll(
      async () => {
        body = await getJson<PipelineBody>(`${url}api/pipeline`);
        return body.active;
      },
      { timeout: 600_000, interval: 1000 },
    )
    .toBe(false);
  return body!;
}

/** The counts the Pipeline view shows, per stage, read from its table. */
async function shownCounts(): Promise<Record<string, Record<string, number>>> {
  const rows = page.getByTestId('pipeline-stage');
  const shown: Record<string, Record<string, number>> = {};
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    const stage = (await row.getAttribute('data-stage'))!;
    shown[stage] = {};
    for (const key of COUNT_KEYS)
      shown[stage][key] = Number(await row.locator(`[data-count="${key}"]`).textContent());
  }
  return shown;
}

describe('adding recordings from the desk', () => {
  it('uploads a picked folder with a progress bar and lists the rejected file with its reason', async () => {
    await page.goto(`${url}#/ingest`);
    await expect.poll(() => page.getByTestId('upload-limits').textContent()).toMatch(/files per upload/);
    await page.getByTestId('new-collection').fill('Desk upload');
    await page.getByTestId('folder-input').setInputFiles(leakFolder());
    await expect.poll(() => page.getByTestId('selected-files').textContent()).toMatch(/^3 files/);
    await recordProgressTexts();
    await page.getByTestId('upload-button').click();
    await page.getByTestId('ingest-result').waitFor({ timeout: 120_000 });

    const seen = await page.evaluate<string[]>('window.progressSeen');
    expect(seen[0]).toMatch(/^0 B of [\d.]+ KiB sent \(0%\)$/);
    // The last progress event and the server's answer may reach React in one batch, so the
    // "Uploaded; checking…" state can be gone before it is drawn; its wording is tested in
    // web/src/pages/ingest/upload-progress-text.test.ts.
    expect(await page.getByTestId('count-ingested').textContent()).toBe('2');
    expect(await page.getByTestId('count-rejected').textContent()).toBe('1');
    expect(await page.getByTestId('batch-status').textContent()).toBe('Batch finished with rejections.');
    const rejection = page.getByTestId('rejection');
    expect(await rejection.getAttribute('data-code')).toBe('not-audio');
    expect(await rejection.textContent()).toContain('leak/notes.txt');
    await screenshot(page, 'ingest-result-1440', true);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'ingest-result-390', true);
    await page.setViewportSize({ width: 1440, height: 900 });

    const stored = await db.query<{ actor: string; n: string }>(
      `SELECT b.actor, count(s.*) AS n FROM ingest_batches b JOIN recording_sources s ON s.batch_id = b.id
        GROUP BY b.actor`,
    );
    expect(stored.rows).toHaveLength(1);
    expect(Number(stored.rows[0]!.n)).toBe(2);
  });

  it('shows the pipeline counts as the API has them, and retries a failed run', async () => {
    const idle = await pipelineIdle();
    expect(idle.recordings).toBe(2);
    // One run failed and one waits for its model, as the workers would leave them; that model is
    // really gone, or the workers would see it installed and run the translation on at once.
    const translatorLink = path.join(modelsDir, TEST_TRANSLATION_MODEL);
    fs.unlinkSync(translatorLink);
    const ids = (await db.query<{ id: string }>('SELECT id FROM recordings ORDER BY id')).rows.map(
      (r) => r.id,
    );
    await db.query(
      `UPDATE stage_runs SET status = 'failed', error = 'analyser crashed (test)'
                     WHERE stage = 'analyse' AND recording_id = $1`,
      [ids[0]],
    );
    await db.query(
      `UPDATE stage_runs SET status = 'waiting', waiting_for_model = $2, error = NULL
                     WHERE stage = 'translate' AND recording_id = $1`,
      [ids[1], TEST_TRANSLATION_MODEL],
    );
    const api = await getJson<PipelineBody>(`${url}api/pipeline`);

    await page.goto(`${url}#/pipeline`);
    await expect.poll(() => page.getByTestId('pipeline-total').textContent()).toBe('2 calls');
    const expected = Object.fromEntries(
      api.stages.map((s) => [s.stage, Object.fromEntries(COUNT_KEYS.map((k) => [k, s[k]]))]),
    );
    expect(await shownCounts()).toEqual(expected);
    expect(await page.getByTestId('wait-group').textContent()).toContain(
      `earshot models install ${TEST_TRANSLATION_MODEL}`,
    );
    expect(await page.getByTestId('failure-group').textContent()).toContain('analyser crashed (test)');
    await screenshot(page, 'pipeline-1440', true);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'pipeline-390', true);
    await page.setViewportSize({ width: 1440, height: 900 });

    await page.getByRole('button', { name: 'Retry failed analyse runs' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Scheduled 1 failed run again.');
    const after = await pipelineIdle();
    expect(after.failures).toEqual([]);
    expect(after.stages.find((s) => s.stage === 'analyse')).toMatchObject({ done: 2, failed: 0 });
    await expect.poll(() => page.getByTestId('failure-group').count()).toBe(0);

    await page.goto(`${url}#/calls`);
    await expect
      .poll(() => page.getByTestId('pipeline-summary').textContent())
      .toMatch(/Pipeline: idle · 1 waiting for a model/);

    // Installing the model is all it takes: the waiting translation runs by itself.
    fs.symlinkSync(path.join(pipelineTestModelsDir(), TEST_TRANSLATION_MODEL), translatorLink, 'dir');
    await expect
      .poll(
        async () =>
          (await getJson<PipelineBody>(`${url}api/pipeline`)).stages.find((st) => st.stage === 'translate'),
        {
          timeout: 120_000,
          interval: 1000,
        },
      )
      .toMatchObject({ waiting: 0, done: 2 });
  });
});
