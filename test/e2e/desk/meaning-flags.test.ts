import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seriousViolations, sidewaysOverflow } from './accessibility-checks.ts';
import { artifactsDir, deskWithDatabase, getJson } from './desk-session.ts';
import { analyseCall } from '../../../src/analysis/analyse-text.ts';
import { insertAnalysisRun } from '../../../src/analysis/analysis-store.ts';
import { scoreCall } from '../../../src/analysis/triage.ts';
import { CATEGORIES, type CallAnalysis, type Category } from '../../../src/analysis/types.ts';
import { createDb } from '../../../src/db/database.ts';

// Flags from meaning in Chromium, against the real app on the demo corpus: the classifier's flags
// that the analyse stage stored are shown on their segments as such (dashed, "meaning", with their
// confidence), the phrases that weighed most light up when a chip is looked at, the call's flag
// summary and triage reasons count words and meaning apart, and a category only meaning found
// opens the Calls list with the call in it. At 1440 and 390 px, axe clean.

const desk = deskWithDatabase();
const FIRST_CALL = '20220306_194211_+380501734482_+79161234567.ogg';

interface StoredFlag {
  recording_id: string;
  segment_id: string;
  category: string;
  confidence: number;
  lexicon_agrees: boolean;
  phrases: { start: number; end: number; surface: string; weight: number }[];
}

interface AnalysisRead {
  triage: { reasons: string[] };
  meaningCounts: Record<string, number>;
}

/** The most confident stored meaning flag with phrases: one meaning alone found, if there is any. */
async function aShownFlag(): Promise<StoredFlag> {
  const flag = await desk.one<StoredFlag>(
    `SELECT c.recording_id, f.transcript_segment_id::text AS segment_id, f.category, f.confidence,
       f.lexicon_agrees, f.phrases
     FROM analysis_current c JOIN analysis_meaning_flags f ON f.run_id = c.run_id
     WHERE jsonb_array_length(f.phrases) > 0
     ORDER BY f.lexicon_agrees, f.confidence DESC, f.id LIMIT 1`,
  );
  if (!flag) throw new Error('the analyse stage stored no meaning flag with phrases on the demo corpus');
  return flag;
}

/**
 * A flag only meaning finds, on a demo call: the call's current transcript analysed by the real
 * analyser, with one segment flagged by the classifier in a category no lexicon word of the call
 * has, stored as the analyse stage stores a run. (Whether the committed model finds such a flag
 * on the synthetic demo calls depends on the model; the desk's showing of one must not.)
 */
async function addMeaningOnlyFlag(): Promise<{ recording_id: string; category: Category }> {
  const call = await desk.one<{ recording_id: string; transcript_id: string }>(
    `SELECT l.recording_id, l.transcript_id FROM latest_transcripts l JOIN recordings r ON r.id = l.recording_id
     WHERE r.original_filename = $1`,
    [FIRST_CALL],
  );
  const segments = (
    await desk.db.query<{ id: string; text: string }>(
      'SELECT id::text, text FROM transcript_segments WHERE transcript_id = $1 ORDER BY position',
      [call.transcript_id],
    )
  ).rows;
  const analysis = analyseCall(segments.map((s) => ({ key: s.id, text: s.text })));
  const category = CATEGORIES.find((c) => !(c in analysis.counts) && c !== 'general')!;
  const longest = analysis.segments.reduce((a, b) =>
    segments.find((s) => s.id === b.key)!.text.length > segments.find((s) => s.id === a.key)!.text.length
      ? b
      : a,
  );
  const text = segments.find((s) => s.id === longest.key)!.text;
  const phrase = text.split(' ').slice(0, 2).join(' ');
  longest.meaning.push({
    category,
    confidence: 0.93,
    source: 'classifier',
    phrases: [{ start: 0, end: phrase.length, surface: phrase, weight: 1.5 }],
  });
  const analysed: CallAnalysis = { ...analysis, ...scoreCall(analysis.segments) };
  const db = createDb(desk.session.databaseUrl, 1);
  try {
    await db.transaction().execute((trx) =>
      insertAnalysisRun(trx, {
        recordingId: call.recording_id,
        transcriptId: call.transcript_id,
        translation: null,
        createdBy: 'meaning-flags test',
        analysis: analysed,
      }),
    );
  } finally {
    await db.destroy();
  }
  return { recording_id: call.recording_id, category };
}

describe('meaning flags on the desk', () => {
  it('shows a classifier flag on its segment, marked as meaning, with its phrases on focus', async () => {
    const { page, url } = desk.session;
    await page.setViewportSize({ width: 1440, height: 900 });
    const flag = await aShownFlag();
    await page.goto(`${url}#/call/${flag.recording_id}`);
    const segment = page.locator(`[data-testid="segment"][data-segment-id="${flag.segment_id}"]`);
    const chip = segment.locator(`[data-testid="meaning-chip"][data-category="${flag.category}"]`);
    await chip.waitFor({ timeout: 60_000 });
    const text = (await chip.textContent()) ?? '';
    expect(text).toContain('meaning ·');
    expect(text).toContain(flag.confidence.toFixed(2));
    expect(text).toContain('machine judgement');
    expect(text.includes('words agree')).toBe(flag.lexicon_agrees);
    const chipSelector = `[data-segment-id="${flag.segment_id}"] [data-testid="meaning-chip"][data-category="${flag.category}"]`;
    // A string: the tests' TypeScript has no DOM types (it runs in the page).
    expect(
      await page.evaluate<string>(
        `getComputedStyle(document.querySelector('${chipSelector}')).borderTopStyle`,
      ),
    ).toBe('dashed');

    // Nothing is highlighted until the chip is looked at; then the heaviest phrase is.
    expect(await segment.locator('.meaning-phrase').count()).toBe(0);
    await chip.focus();
    const heaviest = [...flag.phrases].sort((a, b) => b.weight - a.weight)[0]!;
    await expect
      .poll(async () => (await segment.locator('.meaning-phrase').allTextContents()).join(''))
      .toContain(heaviest.surface);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join('/tmp', 'meaning-ui-call-1440.png'), fullPage: false });
    await chip.blur();
    expect(await segment.locator('.meaning-phrase').count()).toBe(0);
    // Pressing keeps the highlight, for touch screens; pressing again lets it go.
    await chip.click();
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
    await page.mouse.move(0, 0);
    expect(await segment.locator('.meaning-phrase').count()).toBeGreaterThan(0);

    await page.setViewportSize({ width: 390, height: 844 });
    await chip.scrollIntoViewIfNeeded();
    expect((await sidewaysOverflow(page)).overflow).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join('/tmp', 'meaning-ui-call-390.png'), fullPage: false });
    await page.screenshot({ path: path.join(artifactsDir, 'meaning-flags-390.png'), fullPage: true });
    await chip.click();
    expect(await chip.getAttribute('aria-pressed')).toBe('false');
  });

  it('counts words and meaning apart in the summary and the triage reasons, and filters calls by both', async () => {
    const { page, url } = desk.session;
    await page.setViewportSize({ width: 1440, height: 900 });
    const added = await addMeaningOnlyFlag();
    const analysis = await getJson<AnalysisRead>(`${url}api/recordings/${added.recording_id}/analysis`);
    expect(analysis.meaningCounts[added.category]).toBeGreaterThan(0);
    expect(analysis.triage.reasons.some((r) => r.includes('from meaning (classifier)'))).toBe(true);

    await page.goto(`${url}#/call/${added.recording_id}`);
    const summary = page.getByTestId('flag-summary');
    await summary.locator('[data-source="meaning"]').first().waitFor({ timeout: 60_000 });
    expect(await summary.locator('[data-source="meaning"]').count()).toBe(
      Object.keys(analysis.meaningCounts).length,
    );
    expect(await page.getByTestId('flag-legend').textContent()).toContain('machine judgement');
    const reasons = await page.locator('.analysis-panel .reasons li').allTextContents();
    expect(reasons.some((r) => r.includes('from meaning (classifier)'))).toBe(true);
    await page.screenshot({ path: path.join('/tmp', 'meaning-ui-summary-1440.png'), fullPage: true });

    // The Calls list filtered by that category holds the call, its flag dashed as meaning.
    await page.goto(`${url}#/calls?category=${added.category}`);
    const row = page.locator('[data-testid="call-row"]', {
      has: page.locator(`a[href$="call/${added.recording_id}"]`),
    });
    await row.waitFor({ timeout: 60_000 });
    expect(await row.locator('.flag[data-source="meaning"]').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join('/tmp', 'meaning-ui-calls-1440.png'), fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    // The dashed flag's hidden words stay inside the table's scroll box: the page never scrolls sideways.
    await expect.poll(async () => (await sidewaysOverflow(page)).overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join('/tmp', 'meaning-ui-calls-390.png'), fullPage: false });
  });
});
