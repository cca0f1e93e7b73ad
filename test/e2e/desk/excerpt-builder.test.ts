import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from '../../helpers/cli-process.ts';
import { startDeskSession, type DeskSession } from './desk-session.ts';

// The excerpt builder in Chromium against the real app on the demo corpus, as its first admin: a
// person of a demo call protected with one click, the segment that names him selected, the
// preview showing his pseudonym and not his name, with redacted audio that loads; the call is not
// verified, so the export needs the admin's reason; the export lists its files with their hashes
// and the zip downloads. Screenshots of the builder at 1440 and 390 px.

let s: DeskSession;
let db: pg.Client;

beforeAll(async () => {
  s = await startDeskSession();
  db = new pg.Client({ connectionString: s.databaseUrl });
  await db.connect();
}, 900_000);

afterAll(async () => {
  await db?.end();
  await s?.close();
});

async function one<T>(text: string, values: unknown[] = []): Promise<T> {
  return (await db.query(text, values)).rows[0] as T;
}

async function shoot(name: string, width: number, height: number): Promise<void> {
  await s.page.setViewportSize({ width, height });
  await expect
    .poll(() => s.page.evaluate<number>('document.documentElement.scrollWidth'), { timeout: 10_000 })
    .toBeLessThanOrEqual(width);
  // The page from its top to the builder's end: the top bar and the player are sticky, and would
  // cover an element screenshot of the builder once scrolled.
  await s.page.evaluate('window.scrollTo(0, 0)');
  const box = await s.page.getByTestId('excerpt-builder').boundingBox();
  await s.page.screenshot({
    path: path.join(repositoryRoot, 'docs', 'images', `${name}.png`),
    fullPage: true,
    clip: { x: 0, y: 0, width, height: Math.ceil(box!.y + box!.height + 12) },
  });
}

describe('the excerpt builder', () => {
  it('selects, previews and exports an excerpt with a protected person withheld', async () => {
    const { page, url } = s;
    // The earliest demo call whose current analysis found a person, the segment that names him,
    // and the words said (the form to look for in the redacted text).
    const call = await one<{ id: string; person: string; segment: string; surface: string }>(
      `SELECT r.id, e.value AS person, e.transcript_segment_id::text AS segment, e.surface
       FROM recordings r JOIN analysis_current c ON c.recording_id = r.id
       JOIN analysis_entities e ON e.run_id = c.run_id AND e.kind = 'person'
       ORDER BY r.call_started_at, e.id LIMIT 1`,
    );
    expect(call, 'a demo call with a person in its analysis').toBeDefined();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${url}#/call/${call.id}`);
    const person = page.locator(`[data-entity="person: ${call.person}"]`);
    await person.getByRole('button', { name: 'Protect' }).click();
    await expect.poll(() => person.getByTestId('protected-as').textContent()).toBe('protected as Soldier A');

    const builder = page.getByTestId('excerpt-builder');
    await builder.getByRole('button', { name: 'Build an excerpt' }).click();
    await builder.locator(`[data-segment-id="${call.segment}"] input[type=checkbox]`).check();
    await builder.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByTestId('excerpt-preview');
    await preview.waitFor({ timeout: 120_000 });
    const texts = await preview.locator('table.excerpt-texts').textContent();
    expect(texts).toContain('[Soldier A]');
    expect(texts).not.toContain(call.surface);
    expect(await page.getByTestId('excerpt-identities').textContent()).toContain('Soldier A');
    // The demo calls have no verified case file: the admin is told an override is needed.
    expect(await page.getByTestId('excerpt-policy').textContent()).toContain('needs an admin override');
    // The redacted audio loads: the element reads its duration from the served MP3.
    const audio = page.getByTestId('excerpt-audio');
    await expect
      .poll(() => audio.evaluate((el) => (el as unknown as { readyState: number }).readyState), {
        timeout: 30_000,
      })
      .toBeGreaterThanOrEqual(1);
    expect(await audio.evaluate((el) => (el as unknown as { duration: number }).duration)).toBeGreaterThan(0);
    await shoot('excerpt-builder-wide', 1440, 900);
    await shoot('excerpt-builder-narrow', 390, 844);
    await page.setViewportSize({ width: 1440, height: 900 });

    const exportButton = page.getByTestId('excerpt-export');
    expect(await exportButton.isDisabled()).toBe(true);
    await builder.getByLabel(/Why publish this call/).fill('the family asked us to publish it');
    await exportButton.click();
    const made = page.getByTestId('excerpt-made');
    await made.waitFor({ timeout: 180_000 });
    const files = await made.locator('table.excerpt-files').textContent();
    for (const name of ['excerpt.mp3', 'excerpt.wav', 'captions.ru.srt', 'transcript.docx'])
      expect(files).toContain(name);
    expect(files).toMatch(/[0-9a-f]{64}/);
    const href = await page.getByTestId('excerpt-download').getAttribute('href');
    const download = await page.evaluate(async (link) => {
      const response = await fetch(link!);
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        bytes: (await response.arrayBuffer()).byteLength,
      };
    }, href);
    expect(download).toMatchObject({ status: 200, type: 'application/zip' });
    expect(download.bytes).toBeGreaterThan(1000);
    const audited = await one<{ actions: string[] }>(
      `SELECT array_agg(action ORDER BY seq) AS actions FROM audit_log
       WHERE target = $1 AND action IN ('publication-override', 'export-excerpt')`,
      [call.id],
    );
    expect(audited.actions).toEqual(['publication-override', 'export-excerpt']);
    await page.setViewportSize({ width: 1440, height: 900 });
    await shoot('excerpt-builder-exported', 1440, 900);
  }, 400_000);
});
