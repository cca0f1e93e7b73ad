import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Locator, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../src/accounts/users.ts';
import { createDb } from '../../../src/db/database.ts';
import { repositoryRoot } from '../../helpers/cli-process.ts';
import { getJson, playerSeconds, screenshot, startDeskSession, type DeskSession } from './desk-session.ts';

// The web desk in Debian's Chromium against the real app on the demo corpus: what a journalist
// does on each page, checked against the API and the database. Screenshots of every page land in
// test-artifacts/desk/.

interface ListItem {
  id: string;
  call: { startedAt: string | null };
  analysis: { triageScore: number } | null;
}
interface TranscriptRead {
  transcript: { version: number };
  segments: {
    id: string;
    start: number;
    text: string;
    words: { w: string; start: number }[];
    translation: { text: string | null; stale: boolean } | null;
  }[];
}
interface AnalysisRead {
  transcriptVersion: number;
  matches: { segmentId: string; surface: string; gloss: string }[];
}

let s: DeskSession;
let db: pg.Client;
/** The call the analysis ranks first: it has code words, words with timings and a translation. */
let topCall: string;

beforeAll(async () => {
  s = await startDeskSession();
  db = new pg.Client({ connectionString: s.databaseUrl });
  await db.connect();
  const list = await getJson<{ items: ListItem[] }>(`${s.url}api/recordings?sort=triage&limit=1`);
  topCall = list.items[0]!.id;
}, 900_000);

afterAll(async () => {
  await db?.end();
  await s?.close();
});

interface WaveformRequest {
  url: string;
  type: string;
  status: number;
  range: string | undefined;
}

/** Records the page's requests for working-copy audio and waveform peaks until stop(). */
function watchWaveformTraffic(page: Page): {
  audio: WaveformRequest[];
  peaks: WaveformRequest[];
  stop(): void;
} {
  const audio: WaveformRequest[] = [];
  const peaks: WaveformRequest[] = [];
  const onResponse = async (response: Response): Promise<void> => {
    const request = response.request();
    const url = request.url();
    if (!url.includes('/audio/working')) return;
    const headers = await request.allHeaders();
    const seen = { url, type: request.resourceType(), status: response.status(), range: headers.range };
    (url.includes('/audio/working/peaks') ? peaks : audio).push(seen);
  };
  const listener = (response: Response): void => void onResponse(response);
  page.on('response', listener);
  return { audio, peaks, stop: () => page.off('response', listener) };
}

/**
 * Hovering over the places map shows the region under the mouse, in English and Russian, on each
 * side of the borders (Ukraine, Russia, Belarus). The mouse sweeps a grid over the map rather than aiming at a computed pixel,
 * so the check does not depend on the map's framing.
 */
async function expectRegionTooltips(map: Locator): Promise<void> {
  const mapFile = path.join(repositoryRoot, 'web', 'src', 'map', 'regions.geo.json');
  const regions = (
    JSON.parse(fs.readFileSync(mapFile, 'utf8')) as {
      features: { properties: { name: string; nameRu: string; country: string } }[];
    }
  ).features.map((r) => ({
    country: r.properties.country,
    tooltip: `${r.properties.name} / ${r.properties.nameRu}`,
  }));
  await map.scrollIntoViewIfNeeded();
  const box = (await map.boundingBox())!;
  const countriesSeen = new Set<string>();
  for (let x = 0.1; x < 0.95; x += 0.1)
    for (let y = 0.2; y < 0.9; y += 0.2) {
      await s.page.mouse.move(box.x + box.width * x, box.y + box.height * y);
      await s.page.waitForTimeout(150);
      const text = (await map.innerText()).replace(/\s+/g, ' ');
      // A place's tooltip (a place may be named like its oblast) counts its mentions; a region's does not.
      if (text.includes('mentions')) continue;
      for (const region of regions) if (text.includes(region.tooltip)) countriesSeen.add(region.country);
    }
  expect([...countriesSeen].sort()).toEqual(['BY', 'RU', 'UA']);
  // Back to the month chart, where the rest of the Trends test points the mouse.
  await s.page.getByTestId('monthly-chart').scrollIntoViewIfNeeded();
}

async function waitForPlayer(): Promise<void> {
  await s.page.getByTestId('play-button').and(s.page.locator(':enabled')).waitFor({ timeout: 30_000 });
}

describe('the web desk', () => {
  it('Calls: lists the demo corpus and sorts by triage score', async () => {
    const { page, url } = s;
    await page.goto(`${url}#/calls`);
    const total = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM recordings')).rows[0]!.n);
    await expect.poll(() => page.getByTestId('call-row').count()).toBe(total);
    await expect.poll(() => page.getByTestId('calls-total').textContent()).toBe(`${total} matching`);
    // The first run shows the whole product: every demo call analysed by the demo models, and said so.
    const analysed = await db.query<{ n: string }>('SELECT count(*) AS n FROM analysis_current');
    expect(Number(analysed.rows[0]!.n)).toBe(total);
    await expect
      .poll(() => page.getByTestId('demo-models-notice').textContent())
      .toContain('synthetic voices only');
    await expect.poll(() => page.locator('.demo-models-tag').count()).toBe(total);
    await screenshot(page, 'calls');
    await page.setViewportSize({ width: 1440, height: 900 });
    await screenshot(page, 'calls-1440');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'calls-390', true);
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByLabel('Sort by').selectOption('triage');
    await expect.poll(() => page.url()).toContain('sort=triage');
    const best = await db.query<{ score: number }>('SELECT max(triage_score) AS score FROM analysis_current');
    await expect
      .poll(() => page.locator('.triage-cell').first().textContent())
      .toBe(String(Math.round(best.rows[0]!.score)));
    const shown = (await page.locator('.triage-cell').allTextContents()).filter((t) => t !== '–').map(Number);
    expect(shown).toEqual([...shown].sort((a, b) => b - a));
    await screenshot(page, 'calls-by-triage');
  }, 240_000);

  it('Call: plays, seeks to a clicked word, shows code words with their gloss, obeys the keyboard', async () => {
    const { page, url } = s;
    const transcript = await getJson<TranscriptRead>(`${url}api/recordings/${topCall}/transcript`);
    const analysis = await getJson<AnalysisRead>(`${url}api/recordings/${topCall}/analysis`);
    const traffic = watchWaveformTraffic(page);
    await page.goto(`${url}#/call/${topCall}`);
    await page.getByTestId('segment').first().waitFor();
    expect(await page.getByTestId('segment').count()).toBe(transcript.segments.length);
    // Machine output says so, with its model: the translation here, the recogniser in the versions.
    await expect
      .poll(async () => (await page.getByTestId('machine-badge').allTextContents()).join(' '))
      .toContain('marian-ru-en-test');
    expect(
      await page.locator('[data-testid="version"][data-kind="machine"]').first().textContent(),
    ).toContain('test-asr-ru');
    await waitForPlayer();

    // Play: the clock moves.
    await page.getByTestId('play-button').click();
    await expect.poll(() => playerSeconds(page), { timeout: 15_000 }).toBeGreaterThan(0.3);
    await page.getByTestId('play-button').click();
    await expect.poll(() => page.getByTestId('player-time').getAttribute('data-playing')).toBe('false');

    // The waveform comes from the server's peaks, one request per lane; the audio is streamed by
    // the media element with range requests, never downloaded whole through fetch() and decoded.
    const lanes = await page.locator('.wave-lane').count();
    expect(lanes).toBeGreaterThan(0);
    expect(traffic.peaks.map((p) => `${p.type} ${p.status}`)).toEqual(Array(lanes).fill('fetch 200'));
    expect(traffic.audio.length).toBeGreaterThan(0);
    for (const request of traffic.audio) {
      expect(request.type, request.url).toBe('media');
      expect(request.range ?? `status ${request.status}`, request.url).toMatch(
        /^bytes=\d+-\d*$|^status 206$/,
      );
    }
    traffic.stop();

    // Click a word well into the call: the player is at that word's start.
    const segment = transcript.segments.find((x) => x.words.length > 2 && x.start > 3)!;
    const word = segment.words[2]!;
    await page
      .locator(`[data-segment-id="${segment.id}"] [data-word-start="${word.start.toFixed(2)}"]`)
      .first()
      .click();
    await expect.poll(() => playerSeconds(page)).toBeCloseTo(word.start, 1);
    await expect
      .poll(() => page.locator(`[data-segment-id="${segment.id}"]`).getAttribute('class'))
      .toContain('active');

    // Code words carry their gloss ("двухсотых — a dead soldier, KIA").
    const match = analysis.matches[0]!;
    const flagged = page.locator(`[data-segment-id="${match.segmentId}"] .code-word`).first();
    expect(await flagged.getAttribute('data-gloss')).toContain(`${match.surface} — ${match.gloss}`);

    // Keyboard: ] faster, [ slower, ← back 5 s, n to the next flag.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press(']');
    await expect.poll(() => page.getByTestId('player-rate').textContent()).toBe('1.25×');
    await page.keyboard.press('[');
    await expect.poll(() => page.getByTestId('player-rate').textContent()).toBe('1.00×');
    const before = await playerSeconds(page);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => playerSeconds(page)).toBeCloseTo(Math.max(0, before - 5), 1);
    await page.keyboard.press('n');
    await expect.poll(() => playerSeconds(page)).toBeGreaterThan(Math.max(0, before - 5));
    await screenshot(page, 'call');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.waitForTimeout(500); // the waveform redraws after a resize
    await screenshot(page, 'call-1920');
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 240_000);

  it('Search: Russian and English queries open the call at the hit; a malformed query says what is wrong', async () => {
    const { page, url } = s;
    const analysis = await getJson<AnalysisRead>(`${url}api/recordings/${topCall}/analysis`);
    const transcript = await getJson<TranscriptRead>(`${url}api/recordings/${topCall}/transcript`);
    const match = analysis.matches[0]!;
    const segment = transcript.segments.find((x) => x.id === match.segmentId)!;

    await page.goto(`${url}#/search?q=${encodeURIComponent(match.surface)}&lang=ru`);
    const ruHit = page.locator(`[data-testid="search-hit"] a[href*="${topCall}"]`).first();
    await ruHit.waitFor();
    await screenshot(page, 'search-ru');
    await ruHit.click();
    await waitForPlayer();
    await expect.poll(() => playerSeconds(page)).toBeCloseTo(segment.start, 1);

    const english = (segment.translation?.text ?? '')
      .split(/[^A-Za-z]+/)
      .filter((w) => w.length >= 5)
      .sort((a, b) => b.length - a.length)[0];
    expect(english, 'the flagged segment has an English translation').toBeTruthy();
    await page.goto(`${url}#/search?q=${encodeURIComponent(english!)}&lang=en`);
    const enHit = page.locator(`[data-testid="search-hit"] a[href*="${topCall}"]`).first();
    await enHit.waitFor();
    expect(await page.locator('[data-testid="search-hit"] .source-tag').first().textContent()).toBe(
      'EN translation',
    );
    const start = Number(await enHit.getAttribute('data-start'));
    await screenshot(page, 'search-en');
    await enHit.click();
    await waitForPlayer();
    await expect.poll(() => playerSeconds(page)).toBeCloseTo(start, 1);

    await page.goto(`${url}#/search?q=${encodeURIComponent('"двухсотых')}`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('never closed');
    await screenshot(page, 'search-malformed');
  }, 240_000);

  it('Trends: the month table and chart agree with the database; a month opens its calls', async () => {
    const { page, url } = s;
    await page.goto(`${url}#/trends`);
    await page.getByTestId('monthly-table').waitFor();
    await page.getByTestId('monthly-chart').locator('svg').waitFor();
    await page.getByTestId('places-map').locator('svg').waitFor();
    await screenshot(page, 'trends', true);
    await expectRegionTooltips(page.getByTestId('places-map'));

    // Every month from the first call to the last, those without calls included (0 calls, and no
    // casualty figure: nothing stated is unknown, not 0).
    const byMonth = await db.query<{ month: string; calls: string }>(
      `SELECT to_char(m, 'YYYY-MM') AS month,
         (SELECT count(*) FROM recordings WHERE call_started_at >= m AT TIME ZONE 'UTC'
            AND call_started_at < (m + interval '1 month') AT TIME ZONE 'UTC') AS calls
       FROM generate_series(
         (SELECT date_trunc('month', min(call_started_at AT TIME ZONE 'UTC')) FROM recordings),
         (SELECT date_trunc('month', max(call_started_at AT TIME ZONE 'UTC')) FROM recordings),
         interval '1 month') AS m ORDER BY 1`,
    );
    const rows = page.locator('[data-testid="monthly-table"] tbody tr');
    expect(await rows.count()).toBe(byMonth.rows.length);
    for (const row of byMonth.rows) {
      const cell = page.locator(`tr[data-month="${row.month}"] [data-testid="month-calls"]`);
      expect(await cell.textContent(), row.month).toBe(row.calls);
    }
    const empty = byMonth.rows.find((row) => row.calls === '0');
    expect(empty, 'the demo corpus has a month without calls').toBeDefined();
    expect(
      await page.locator(`tr[data-month="${empty!.month}"] [data-casualty="killed"]`).textContent(),
    ).toBe('–');
    // The collection is picked from those that exist, not typed.
    const collections = await db.query<{ name: string }>('SELECT name FROM collections ORDER BY name');
    const offered = await page.getByTestId('trends-collection').locator('option').allTextContents();
    expect(offered[0]).toBe('All');
    for (const c of collections.rows) expect(offered.some((o) => o.startsWith(`${c.name} (`))).toBe(true);
    // The chart says the same: hover over the first month's bar and read ECharts' tooltip.
    const first = byMonth.rows[0]!;
    const chart = page.getByTestId('monthly-chart');
    const box = (await chart.boundingBox())!;
    const plotLeft = 48;
    const plotWidth = box.width - 96;
    await page.mouse.move(box.x + plotLeft + plotWidth / byMonth.rows.length / 2, box.y + box.height - 60);
    await expect.poll(() => chart.innerText()).toContain(first.month);
    expect((await chart.innerText()).replace(/\s+/g, ' ')).toMatch(new RegExp(`Calls ${first.calls}\\b`));
    await page.locator(`tr[data-month="${first.month}"] [data-testid="month-calls"]`).click();
    await expect.poll(() => page.getByTestId('call-row').count()).toBe(Number(first.calls));
    expect(page.url()).toContain(`from=${first.month}-01`);
    await screenshot(page, 'trends-month-calls');
  }, 240_000);
  it('Notes: a note on a segment is saved, listed with its author and opens its moment', async () => {
    const { page, url } = s;
    const transcript = await getJson<TranscriptRead>(`${url}api/recordings/${topCall}/transcript`);
    const segment = transcript.segments.at(-1)!;
    await page.goto(`${url}#/call/${topCall}`);
    await page.locator(`[data-segment-id="${segment.id}"]`).getByRole('button', { name: 'Note' }).click();
    const notes = page.getByTestId('notes');
    await notes.getByLabel('Note text').fill('Ask the source who «Серега» is.');
    await notes.getByRole('button', { name: 'Add note' }).click();
    await expect
      .poll(() => notes.locator('.note-text').allTextContents())
      .toContain('Ask the source who «Серега» is.');
    const stored = await db.query<{ transcript_segment_id: string; text: string; author: string }>(
      'SELECT transcript_segment_id, text, author FROM desk_notes WHERE recording_id = $1 ORDER BY id',
      [topCall],
    );
    const saved = stored.rows.at(-1)!;
    expect(saved).toMatchObject({
      transcript_segment_id: segment.id,
      text: 'Ask the source who «Серега» is.',
      // The signed-in user (the first start's admin, signed in through the printed link).
      author: 'admin',
    });
    expect(await notes.locator('.note-meta').last().textContent()).toContain(saved.author);
    await waitForPlayer();
    await notes.getByRole('button', { name: /^at / }).last().click();
    await expect.poll(() => playerSeconds(page)).toBeCloseTo(segment.start, 1);
  }, 240_000);

  it('Correction: saving a segment makes a new human version, re-runs translate and analyse on it', async () => {
    const { page, url } = s;
    const before = await getJson<TranscriptRead>(`${url}api/recordings/${topCall}/transcript`);
    const target = before.segments[0]!;
    await page.goto(`${url}#/call/${topCall}`);
    await page.locator(`[data-segment-id="${target.id}"]`).getByTestId('edit-segment').click();
    const editor = page.getByTestId('segment-editor');
    await editor.getByLabel('Segment text').fill(`${target.text} исправлено`);
    await editor.getByLabel('End seconds').fill((target.start + 0.5).toFixed(2));
    await editor.getByTestId('save-segment').click();

    const version = before.transcript.version + 1;
    await expect.poll(() => page.getByTestId('saved-notice').textContent()).toContain(`version ${version}`);
    expect(await page.getByTestId('saved-notice').textContent()).toMatch(
      /Running again: .*translate.*analyse/,
    );
    await expect
      .poll(() =>
        page.locator(`[data-testid="version"][data-version="${version}"]`).getAttribute('data-kind'),
      )
      .toBe('human');
    await expect.poll(() => page.getByTestId('transcript').textContent()).toContain('исправлено');
    const stored = await db.query<{ kind: string; version: number }>(
      'SELECT kind, version FROM transcripts WHERE recording_id = $1 ORDER BY version DESC LIMIT 1',
      [topCall],
    );
    expect(stored.rows[0]).toEqual({ kind: 'human', version });
    // The re-run flags: analyse was scheduled again for the new version and reaches it.
    await expect
      .poll(
        async () =>
          (await getJson<AnalysisRead>(`${url}api/recordings/${topCall}/analysis`)).transcriptVersion,
        { timeout: 120_000, interval: 1000 },
      )
      .toBe(version);
    // …and the English is made again for the corrected words (stale until then).
    await expect
      .poll(
        async () => {
          const now = await getJson<TranscriptRead>(`${url}api/recordings/${topCall}/transcript`);
          const edited = now.segments.find((x) => x.text.endsWith('исправлено'));
          return edited?.translation ? edited.translation.stale : 'none';
        },
        { timeout: 120_000, interval: 1000 },
      )
      .toBe(false);
    await page.reload();
    await page.getByTestId('segment').first().waitFor();
    await waitForPlayer();
    await screenshot(page, 'call-corrected');

    // The machine version stays viewable and diffable.
    await page.getByRole('button', { name: 'diff vs v1' }).first().click();
    await expect.poll(() => page.getByTestId('diff').textContent()).toContain('исправлено');
    await page.getByTestId('diff').scrollIntoViewIfNeeded();
    await screenshot(page, 'call-diff');
  }, 240_000);

  it('Sign-in: without a session the desk asks for name and password, refuses a wrong one, and signs out', async () => {
    const { browser, url } = s;
    const accounts = createDb(s.databaseUrl, 1);
    await createUser(accounts, {
      name: 'reporter',
      role: 'admin',
      password: 'a long desk password',
      createdBy: 'test',
    }).finally(() => accounts.destroy());
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${url}#/calls`);
      const form = page.getByRole('form', { name: 'Sign in' });
      await form.getByLabel('Name').fill('reporter');
      await form.getByLabel('Password').fill('not the password');
      await form.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => form.getByRole('alert').textContent()).toContain('Wrong name or password');
      await form.getByLabel('Password').fill('a long desk password');
      await form.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => page.locator('.signed-in-as').textContent()).toBe('reporter');
      await page.getByTestId('call-row').first().waitFor();
      await screenshot(page, 'signed-in');
      await page.getByRole('button', { name: 'Sign out', exact: true }).click();
      await form.waitFor();
      const cookies = await context.cookies(url);
      expect(cookies.filter((c) => c.name === 'earshot_session' && c.value !== '')).toEqual([]);
      // A used one-time link lands on the sign-in page, saying why.
      await page.goto(`${url}sign-in?token=used-or-made-up`);
      await expect
        .poll(() => form.getByRole('alert').textContent())
        .toContain('already been used or has expired');
    } finally {
      await context.close();
    }
  }, 240_000);
});
