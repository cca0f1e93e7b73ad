import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './accessibility-checks.ts';
import { deskWithDatabase, getJson, playerSeconds } from './desk-session.ts';

// The triage tools a journalist reaches from the transcript and the Calls list, in Chromium against
// the real app on the demo corpus: a call starred and the list limited to starred calls (kept in
// the address), a segment tagged and untagged by keyboard where it is in the transcript (stored,
// audited, shown in the Tags and stars panel too), and a segment's words walked with arrow keys as
// one Tab stop. Screenshots at 1440 and 390 px go to /tmp/earshot-desk-triage/.

const desk = deskWithDatabase();
const SHOTS = '/tmp/earshot-desk-triage';
const TAG = 'проверить на месте';

interface TranscriptRead {
  segments: { id: string; start: number; words: { w: string; start: number }[] }[];
}

/** The call the analysis ranks first: it has code words, words with timings and a translation. */
async function topCall(url: string): Promise<string> {
  const list = await getJson<{ items: { id: string }[] }>(`${url}api/recordings?sort=triage&limit=1`);
  return list.items[0]!.id;
}

const focused = (page: Page, attribute: string) =>
  page.evaluate<string | null>(`document.activeElement?.getAttribute('${attribute}') ?? null`);

/** At 1440 and 390 px, nothing running off the side; the window around `at` when given. */
async function shoot(page: Page, name: string, at?: Locator): Promise<void> {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
    await expect
      .poll(() => page.evaluate<number>('document.documentElement.scrollWidth'), { timeout: 10_000 })
      .toBeLessThanOrEqual(width);
    if (at) await at.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: !at && width < 800 });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

describe('starred only', () => {
  it('stars a call on the Calls page and limits the list to starred calls, kept in the address', async () => {
    const { page, url } = desk.session;
    const call = await topCall(url);
    await desk.db.query('DELETE FROM stars WHERE recording_id = $1', [call]);
    const name = await desk.one<{ f: string }>(
      'SELECT original_filename AS f FROM recordings WHERE id = $1',
      [call],
    );
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${url}#/calls?sort=triage`);
    const row = page.getByTestId('call-row').filter({ hasText: name.f });
    await row.getByTestId('star-toggle').click();
    await expect.poll(() => row.getByTestId('star-toggle').getAttribute('aria-pressed')).toBe('true');
    const total = await desk.one<{ n: number }>('SELECT count(*)::int AS n FROM recordings');
    expect(total.n).toBeGreaterThan(1);

    await page.getByTestId('starred-only').check();
    await expect.poll(() => page.url()).toContain('starred=true');
    await expect.poll(() => page.getByTestId('calls-total').textContent()).toBe('1 matching');
    expect(await page.getByTestId('call-row').allTextContents()).toEqual([
      expect.stringContaining(name.f) as unknown,
    ]);
    const stars = await desk.db.query<{ recording_id: string }>('SELECT recording_id FROM stars');
    expect(stars.rows.map((r) => r.recording_id)).toEqual([call]);
    await shoot(page, 'calls-starred');

    // The address keeps the filter: opened again, the list is still the starred calls.
    await page.goto(`${url}#/calls?starred=true`);
    await expect.poll(() => page.getByTestId('calls-total').textContent()).toBe('1 matching');
    expect(await page.getByTestId('starred-only').isChecked()).toBe(true);
    await page.getByTestId('starred-only').uncheck();
    await expect.poll(() => page.getByTestId('calls-total').textContent()).toBe(`${total.n} matching`);
    expect(page.url()).not.toContain('starred');
  });
});

describe('tags in the transcript', () => {
  it('tags a segment where it is, by keyboard, and takes the tag away again', async () => {
    const { page, url } = desk.session;
    const call = await topCall(url);
    await desk.db.query('DELETE FROM call_tags WHERE recording_id = $1', [call]);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${url}#/call/${call}`);
    const segment = page.getByTestId('segment').nth(1);
    await segment.waitFor();
    const segmentId = (await segment.getAttribute('data-segment-id'))!;
    const tags = segment.getByTestId('segment-tags');

    // Keyboard only: the button opens the form with its field focused, Enter adds the tag.
    await tags.getByTestId('add-segment-tag').focus();
    await page.keyboard.press('Enter');
    expect(await focused(page, 'aria-label')).toMatch(/^Tag for the segment at \d+:\d\d$/);
    await page.keyboard.type(TAG);
    await page.keyboard.press('Enter');
    await expect.poll(() => tags.getByTestId('tag-chip').allTextContents()).toEqual([`${TAG}×`]);
    // Focus is back on the button the form was opened from.
    await expect.poll(() => focused(page, 'data-testid')).toBe('add-segment-tag');
    const stored = await desk.db.query<{ segment_id: string; tag: string }>(
      'SELECT segment_id::text, tag FROM call_tags WHERE recording_id = $1',
      [call],
    );
    expect(stored.rows).toEqual([{ segment_id: segmentId, tag: TAG }]);
    const audit = await desk.one<{ details: { tag: string; segmentId: string } }>(
      "SELECT details FROM audit_log WHERE action = 'tag' AND target = $1 ORDER BY seq DESC LIMIT 1",
      [call],
    );
    expect(audit.details).toEqual({ tag: TAG, segmentId });
    // The Tags and stars panel reads the same tags.
    await expect
      .poll(() => page.getByRole('list', { name: 'Tagged or starred segments' }).textContent())
      .toContain(TAG);

    // Escape closes an opened form without tagging, focus back on its button.
    await tags.getByTestId('add-segment-tag').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('не надо');
    // The open form, the segment's chips and its words' toolbar pass axe (WCAG 2.1 A/AA).
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'call-segment-tag-form', segment);
    await tags.getByLabel(/^Tag for the segment at/).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page, 'data-testid')).toBe('add-segment-tag');
    expect(await tags.getByTestId('tag-chip').count()).toBe(1);
    await shoot(page, 'call-segment-tag', segment);

    await tags.getByRole('button', { name: new RegExp(`^Remove tag ${TAG} from the segment at`) }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => tags.getByTestId('tag-chip').count()).toBe(0);
    const left = await desk.db.query('SELECT 1 FROM call_tags WHERE recording_id = $1', [call]);
    expect(left.rowCount).toBe(0);
    const untag = await desk.one<{ details: { tag: string; segmentId: string } }>(
      "SELECT details FROM audit_log WHERE action = 'untag' AND target = $1 ORDER BY seq DESC LIMIT 1",
      [call],
    );
    expect(untag.details).toEqual({ tag: TAG, segmentId });
  });
});

describe('the words of a segment as one Tab stop', () => {
  it('moves between words with the arrow keys, Home and End, and seeks with Enter', async () => {
    const { page, url } = desk.session;
    const call = await topCall(url);
    const transcript = await getJson<TranscriptRead>(`${url}api/recordings/${call}/transcript`);
    const read = transcript.segments.find((x) => x.words.length >= 4 && x.start > 3)!;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${url}#/call/${call}`);
    await page.getByTestId('play-button').and(page.locator(':enabled')).waitFor({ timeout: 30_000 });
    const segment = page.locator(`[data-segment-id="${read.id}"]`);
    const words = segment.getByRole('toolbar', { name: /^Words at / });
    const stops = words.locator('[data-word-stop]');
    const count = await stops.count();
    expect(count).toBeGreaterThanOrEqual(4);
    // One Tab stop: the first word holds it, every other word is out of the Tab order.
    expect(await words.locator('[tabindex="0"]').count()).toBe(1);
    expect(await words.locator('[tabindex="-1"]').count()).toBe(count - 1);

    // From the segment's time button, Tab reaches its words once.
    await segment.locator('.time-link').focus();
    await page.keyboard.press('Tab');
    expect(await focused(page, 'data-word-stop')).toBe('0');
    const before = await playerSeconds(page);
    await page.keyboard.press('ArrowRight');
    expect(await focused(page, 'data-word-stop')).toBe('1');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page, 'data-word-stop')).toBe('2');
    await page.keyboard.press('ArrowLeft');
    expect(await focused(page, 'data-word-stop')).toBe('1');
    await page.keyboard.press('End');
    expect(await focused(page, 'data-word-stop')).toBe(String(count - 1));
    // The last word is the end of the segment: Right does not go on to the next segment.
    await page.keyboard.press('ArrowRight');
    expect(await focused(page, 'data-word-stop')).toBe(String(count - 1));
    await page.keyboard.press('Home');
    expect(await focused(page, 'data-word-stop')).toBe('0');
    // The arrows moved focus, not the player (whose own ← → skip 5 s).
    expect(await playerSeconds(page)).toBe(before);

    // The stop is remembered: out of the words with Tab and back with Shift+Tab, on the same word.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    expect(await page.evaluate<boolean>(`document.activeElement?.closest('[role="toolbar"]') == null`)).toBe(
      true,
    );
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page, 'data-word-stop')).toBe('2');
    expect(await words.locator('[tabindex="0"]').getAttribute('data-word-stop')).toBe('2');

    const target = Number(await focused(page, 'data-word-start'));
    await page.keyboard.press('Enter');
    await expect.poll(() => playerSeconds(page), { timeout: 10_000 }).toBeCloseTo(target, 1);
  });
});
