import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../../src/db/database.ts';
import { appendTranscriptVersion, transcriptSegments } from '../../../src/transcripts/transcript-store.ts';
import { repositoryRoot } from '../../helpers/cli-process.ts';
import { getJson, playerSeconds, startDeskSession, type DeskSession } from './desk-session.ts';

// Corrections win, in Chromium against the real app on the demo corpus: a text-only edit keeps the
// segment's times and times its words (the changed one aligned to the audio, still clickable); a note says it
// was saved; a machine run after the correction is offered as "newer machine transcript
// available" with its diff while the correction stays current; adopting it makes it current.
// A search hit opens the call with its own segment highlighted. Screenshots at 1440 and 390 px.

const CALL = '20240512_200733_+79024417730_+79024417791.amr';

interface Word {
  w: string;
  start: number;
  end: number;
  estimated?: boolean;
  aligned?: boolean;
}
interface TranscriptRead {
  transcript: { version: number; kind: string };
  segments: { id: string; start: number; end: number; text: string; words: Word[] }[];
}

let s: DeskSession;
let db: pg.Client;
let callId: string;

beforeAll(async () => {
  s = await startDeskSession();
  db = new pg.Client({ connectionString: s.databaseUrl });
  await db.connect();
  const row = await db.query<{ id: string }>('SELECT id FROM recordings WHERE original_filename = $1', [
    CALL,
  ]);
  callId = row.rows[0]!.id;
}, 900_000);

afterAll(async () => {
  await db?.end();
  await s?.close();
});

async function waitForPlayer(): Promise<void> {
  await s.page.getByTestId('play-button').and(s.page.locator(':enabled')).waitFor({ timeout: 30_000 });
}

async function shoot(name: string, width: number): Promise<void> {
  await s.page.setViewportSize({ width, height: 900 });
  await s.page.getByTestId('machine-offer').scrollIntoViewIfNeeded();
  await s.page.screenshot({ path: path.join(repositoryRoot, 'docs', 'images', `${name}.png`) });
}

/** A machine run of the same recogniser, stored as the transcribe stage stores one. */
async function storeMachineRun(): Promise<number> {
  const kysely = createDb(s.databaseUrl, 1);
  try {
    const first = await kysely
      .selectFrom('transcripts')
      .selectAll()
      .where('recording_id', '=', callId)
      .where('version', '=', 1)
      .executeTakeFirstOrThrow();
    const segments = await transcriptSegments(kysely, first.id);
    const stored = await appendTranscriptVersion(
      kysely,
      {
        recordingId: callId,
        kind: 'machine',
        basedOnId: null,
        createdBy: first.created_by,
        model: first.model,
        modelFiles: first.model_files,
        decoding: first.decoding,
        vadRunId: first.vad_run_id,
        language: first.language,
      },
      segments.map((x) => ({ ...x, start: x.start_seconds, end: x.end_seconds })),
    );
    return stored.version;
  } finally {
    await kysely.destroy();
  }
}

describe('corrections win on the desk', () => {
  it('keeps a correction current, offers the newer machine transcript, and adopts it', async () => {
    const { page, url } = s;
    await page.setViewportSize({ width: 1440, height: 900 });
    const machine = await getJson<TranscriptRead>(`${url}api/recordings/${callId}/transcript`);
    const target = machine.segments.find((x) => x.text.includes('одиннадцать'))!;
    expect(target, machine.segments.map((x) => x.text).join(' | ')).toBeDefined();
    await page.goto(`${url}#/call/${callId}`);
    await page.locator(`[data-segment-id="${target.id}"]`).getByTestId('edit-segment').click();
    const editor = page.getByTestId('segment-editor');
    await editor.getByLabel('Segment text').fill(target.text.replace('одиннадцать', 'шестнадцать'));
    await editor.getByTestId('save-segment').click();
    await expect.poll(() => page.getByTestId('saved-notice').textContent()).toContain('version 2');
    expect(await page.getByTestId('saved-notice').textContent()).toContain('1 word aligned to the audio');

    // A text-only edit: the boundaries are the stored ones exactly, and the words stay timed.
    const corrected = await getJson<TranscriptRead>(`${url}api/recordings/${callId}/transcript`);
    const edited = corrected.segments.find((x) => x.text.includes('шестнадцать'))!;
    expect([edited.start, edited.end]).toEqual([target.start, target.end]);
    expect(edited.words.map((w) => w.w)).toEqual(edited.text.split(' '));
    expect(edited.words.filter((w) => w.aligned).map((w) => w.w)).toEqual(['шестнадцать']);
    expect(edited.words.filter((w) => w.estimated)).toEqual([]);
    const diff = await getJson<{ changes: { type: string; boundariesChanged: boolean }[] }>(
      `${url}api/recordings/${callId}/transcripts/diff?from=1&to=2`,
    );
    expect(diff.changes.filter((c) => c.type === 'changed').map((c) => c.boundariesChanged)).toEqual([false]);
    // The aligned word says how its time was found, and a click on it still seeks there.
    const aligned = edited.words.find((w) => w.aligned)!;
    await page.reload();
    await waitForPlayer();
    const word = page.locator(`[data-segment-id="${edited.id}"] .aligned-timing`).first();
    expect(await word.textContent()).toBe('шестнадцать');
    expect(await word.getAttribute('title')).toContain('aligned to the audio');
    await word.click();
    await expect.poll(() => playerSeconds(page)).toBeCloseTo(aligned.start, 1);

    // The Note button brings the form up; saving says so.
    await page.locator(`[data-segment-id="${edited.id}"]`).getByRole('button', { name: 'Note' }).click();
    await expect
      .poll(() => page.evaluate<string | null>('document.activeElement?.getAttribute("aria-label") ?? null'))
      .toBe('Note text');
    await page.keyboard.type('Sixteen, not eleven: heard twice.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => page.getByTestId('note-status').textContent()).toBe('Note saved.');

    // The machine runs again: its version is offered, the correction stays current.
    const offered = await storeMachineRun();
    expect(offered).toBe(3);
    await page.reload();
    const notice = page.getByTestId('machine-offer');
    await expect.poll(() => notice.textContent()).toContain('Newer machine transcript available: v3');
    expect(await page.locator('.transcript-head').textContent()).toContain('v2');
    await expect.poll(() => page.getByTestId('transcript').textContent()).toContain('шестнадцать');
    await notice.getByRole('button', { name: 'Compare v2 → v3' }).click();
    await expect.poll(() => notice.getByTestId('diff').textContent()).toContain('одиннадцать');
    await shoot('newer-machine-transcript-1440', 1440);
    await shoot('newer-machine-transcript-390', 390);
    // The notice fits the narrow screen (the page's own width is the narrow-screens work's).
    const box = await notice.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1440, height: 900 });

    await notice.getByRole('button', { name: 'Adopt machine v3' }).click();
    // The decision is stored, the re-run queued and the call read again (seconds on a busy machine).
    await expect
      .poll(async () => ((await notice.count()) === 0 ? 'gone' : await notice.textContent()), {
        timeout: 30_000,
      })
      .toBe('gone');
    await expect
      .poll(() => page.locator('.transcript-head').textContent(), { timeout: 30_000 })
      .toContain('v3');
    const current = await db.query<{ version: number }>(
      'SELECT version FROM latest_transcripts WHERE recording_id = $1',
      [callId],
    );
    expect(current.rows[0]!.version).toBe(3);
    const custody = await db.query<{ details: { decision: string } }>(
      `SELECT details FROM custody_events WHERE recording_id = $1 AND action = 'corrected'
       AND details->>'stage' = 'machine-transcript-decision'`,
      [callId],
    );
    expect(custody.rows.map((r) => r.details.decision)).toEqual(['adopted']);
  }, 300_000);

  it('opens a search hit with its own segment highlighted', async () => {
    const { page, url } = s;
    const hits = await getJson<{ hits: { recordingId: string; segmentId: string; start: number }[] }>(
      `${url}api/search?q=${encodeURIComponent('двухсотых')}`,
    );
    const hit = hits.hits[0]!;
    await page.goto(`${url}#/search?q=${encodeURIComponent('двухсотых')}`);
    await page.locator(`[data-testid="search-hit"] a[href*="segment=${hit.segmentId}"]`).first().click();
    await expect
      .poll(() => page.locator('.segment.active').getAttribute('data-segment-id'), { timeout: 30_000 })
      .toBe(hit.segmentId);
    expect(await playerSeconds(page)).toBeCloseTo(hit.start, 1);
  }, 120_000);
});
