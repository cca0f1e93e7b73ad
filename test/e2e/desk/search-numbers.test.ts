import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from '../../helpers/cli-process.ts';
import { startDeskSession, type DeskSession } from './desk-session.ts';

// Search in Chromium against the real app on the demo corpus, transcribed by the demo recogniser:
// a number typed in digits finds it spoken in words («груз 200» → «грузом двести»), a Latin place
// name finds its Russian cases with the Cyrillic ↔ Latin switch, and the filters take a place in
// Cyrillic and a phone number's start (+7916), at 1440 and 390 px.

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

/** Latest-version segments whose text matches a POSIX regular expression. */
async function segmentsMatching(pattern: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM transcript_segments s
     JOIN latest_transcripts l ON l.transcript_id = s.transcript_id WHERE s.text ~* $1`,
    [pattern],
  );
  return rows[0]!.n;
}

/** Types a query into the search box as a user does and waits for the answer. */
async function searchFor(query: string): Promise<void> {
  const input = s.page.getByTestId('search-input');
  await input.fill(query);
  await input.press('Enter');
  await expect
    .poll(() => s.page.getByTestId('search-total').textContent(), { timeout: 30_000 })
    .toMatch(/found/);
}

const marked = (): Promise<string[]> => s.page.locator('[data-testid="search-hit"] mark').allTextContents();

/**
 * A full-page screenshot at this width into docs/images. Whether a page runs off the side at
 * 390 px is the narrow-screen tests' concern (issue 15, point 7), not asserted here.
 */
async function shoot(name: string, width: number, height: number): Promise<void> {
  await s.page.setViewportSize({ width, height });
  await s.page.screenshot({
    path: path.join(repositoryRoot, 'docs', 'images', `${name}.png`),
    fullPage: true,
  });
  await s.page.setViewportSize({ width: 1440, height: 900 });
}

describe('search: numbers however written, names in both scripts', () => {
  it('"груз 200" finds «грузом двести» as the recogniser wrote it', async () => {
    const { page, url } = s;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${url}#/search?lang=ru`);
    const spoken = await segmentsMatching('груз[а-я]*\\s+(двести|200)');
    expect(spoken).toBeGreaterThan(0);
    await searchFor('"груз 200"');
    const hits = page.getByTestId('search-hit');
    expect(await hits.count()).toBeGreaterThanOrEqual(spoken);
    expect((await marked()).map((m) => m.toLowerCase())).toEqual(
      expect.arrayContaining(['грузом', 'двести']),
    );
    await shoot('search-numbers-1440', 1440, 900);
    await shoot('search-numbers-390', 390, 844);

    // 300 finds «трехсотых» written as a word (once the new answer has replaced the last one).
    await searchFor('300');
    await expect
      .poll(async () => (await marked()).map((m) => m.toLowerCase().replace(/ё/g, 'е')), { timeout: 30_000 })
      .toEqual(expect.arrayContaining(['трехсотых']));
  }, 240_000);

  it('Kharkiv finds «харьков» and «харьковом» with the Cyrillic ↔ Latin switch', async () => {
    const { page, url } = s;
    await page.goto(`${url}#/search?lang=ru`);
    await searchFor('Kharkiv');
    expect(await marked()).toEqual([]);
    await page.getByTestId('translit').check();
    await expect.poll(() => page.url()).toContain('translit=true');
    await expect.poll(() => page.getByTestId('search-hit').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const words = (await marked()).map((m) => m.toLowerCase());
    expect(
      words.some((w) => w.startsWith('харьков')),
      words.join(' '),
    ).toBe(true);
    await shoot('search-numbers-kharkiv-1440', 1440, 900);
    await shoot('search-numbers-kharkiv-390', 390, 844);
  }, 240_000);

  it('the filters take a place in Cyrillic and the start of a phone number', async () => {
    const { page, url } = s;
    await page.goto(`${url}#/search?q=${encodeURIComponent('мам')}&lang=ru`);
    await expect
      .poll(() => page.getByTestId('search-total').textContent(), { timeout: 30_000 })
      .toMatch(/found/);
    const filters = page.getByTestId('filters');
    await filters.getByPlaceholder('Bakhmut').fill('Бахмут');
    await filters.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.url()).toContain('place=');
    await expect.poll(() => page.getByTestId('search-hit').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await page.getByRole('alert').count()).toBe(0);

    await filters.getByPlaceholder('Bakhmut').fill('');
    await filters.getByPlaceholder('+7916…').fill('+7916');
    await filters.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.url()).toContain('phone=');
    // Every hit is a call from or to a +7916… number, once the new answer has replaced the old one.
    await expect
      .poll(
        async () => {
          const lines = await page.locator('[data-testid="search-hit"] .hit-meta .muted').allTextContents();
          const calls = lines.filter((line) => line.includes('→'));
          return calls.length > 0 && calls.every((line) => line.includes('+7916'));
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    expect(await page.getByRole('alert').count()).toBe(0);
  }, 240_000);
});
