import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from '../../helpers/cli-process.ts';
import { getJson, startDeskSession, type DeskSession } from './desk-session.ts';

// Correcting the English in the desk (issue 15, point 4), in Chromium against the real app on the
// demo corpus: the demo translator's English for the mono call is marked "check this
// translation"; a person corrects one segment's English; the desk labels it human-corrected and
// lists both versions with a diff, and the database holds the human version and its audit entry.

const MONO_CALL = '20240512_200733_+79024417730_+79024417791.amr';
const CORRECTED = 'Igor, hi, can you talk?';
const imagesDir = path.join(repositoryRoot, 'docs', 'images');

interface ListItem {
  id: string;
  originalFilename: string;
}
interface TranscriptRead {
  segments: { id: string; translation: { kind: string; quality: { doubtful: boolean } } | null }[];
}

let s: DeskSession;
let db: pg.Client;
let callId: string;
/** The signed-in user: the author the desk and the database must name. */
let author: string;

beforeAll(async () => {
  s = await startDeskSession();
  db = new pg.Client({ connectionString: s.databaseUrl });
  await db.connect();
  const list = await getJson<{ items: ListItem[] }>(`${s.url}api/recordings?limit=200`);
  callId = list.items.find((item) => item.originalFilename === MONO_CALL)!.id;
  author = (await getJson<{ name: string }>(`${s.url}api/session`)).name;
}, 900_000);

afterAll(async () => {
  await db?.end();
  await s?.close();
});

describe('correcting the English in the desk', () => {
  it('marks the mono call’s machine English, and stores a person’s English as a human version', async () => {
    const { page, url } = s;
    const before = await getJson<TranscriptRead>(`${url}api/recordings/${callId}/transcript`);
    const first = before.segments[0]!;
    expect(first.translation).toMatchObject({ kind: 'machine', quality: { doubtful: true } });

    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${url}#/call/${callId}`);
    const english = page.locator(`[data-segment-id="${first.id}"] [data-testid="segment-english"]`);
    await english.waitFor();
    expect(await english.getByTestId('english-label').textContent()).toBe('machine translation');
    expect(await english.getByTestId('check-translation').textContent()).toBe('check this translation');
    // Every segment of this call carries another call's English: all are marked.
    expect(await page.getByTestId('check-translation').count()).toBe(before.segments.length);
    await page.screenshot({ path: path.join(imagesDir, 'english-correction-check-1440.png') });

    await english.getByTestId('edit-english').click();
    await english.locator('textarea').fill(CORRECTED);
    await english.getByTestId('save-english').click();
    await expect.poll(() => english.getByTestId('english-label').textContent()).toBe('human-corrected');
    expect(await english.locator('p').first().textContent()).toBe(CORRECTED);
    expect(await english.getByTestId('check-translation').count()).toBe(0);

    await english.getByTestId('english-versions-toggle').click();
    const versions = english.getByTestId('english-version');
    await expect.poll(() => versions.count()).toBe(2);
    expect(await versions.first().textContent()).toMatch(new RegExp(`v2\\s*human-corrected\\s*${author}`));
    expect(await versions.first().locator('.wd-ins').first().textContent()).toContain('Igor,');
    expect(await versions.nth(1).textContent()).toContain('machine translation');
    await english.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(imagesDir, 'english-correction-1440.png') });

    // Stored as a person's version, audited; read again, the desk still shows it.
    const row = await db.query<{ kind: string; created_by: string; text: string }>(
      `SELECT kind, created_by, text FROM segment_translations
       WHERE transcript_segment_id = $1 ORDER BY id DESC LIMIT 1`,
      [first.id],
    );
    expect(row.rows[0]).toEqual({ kind: 'human', created_by: author, text: CORRECTED });
    const audit = await db.query(
      `SELECT 1 FROM audit_log WHERE action = 'correct-translation' AND target = $1`,
      [callId],
    );
    expect(audit.rowCount).toBe(1);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await english.waitFor();
    expect(await english.getByTestId('english-label').textContent()).toBe('human-corrected');
    await english.getByTestId('english-versions-toggle').click();
    await expect.poll(() => versions.count()).toBe(2);
    // Below the page's sticky header, which covers the top of a narrow screen.
    await page.evaluate(
      `document.querySelector('[data-segment-id="${first.id}"]').scrollIntoView({ block: 'center' })`,
    );
    await page.screenshot({ path: path.join(imagesDir, 'english-correction-390.png') });
    expect(fs.existsSync(path.join(imagesDir, 'english-correction-390.png'))).toBe(true);
  });
});
