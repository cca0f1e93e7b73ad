import path from 'node:path';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from '../../helpers/cli-process.ts';
import { contrastRatio, seriousViolations, sidewaysOverflow } from './accessibility-checks.ts';
import { getJson, playerSeconds, startDeskSession, type DeskSession } from './desk-session.ts';

// Every desk page in Chromium against the real app on the demo corpus, as a phone and a keyboard
// user meet it: axe-core (WCAG 2.1 A/AA) at 1440 and 390 px with no serious or critical
// violation, nothing scrolling sideways at 390 and 320 px, the Call page stacked on a phone, and
// the transcript reached by keyboard through the skip link, where Enter on a word seeks to it
// (the words of a segment are one Tab stop; arrow keys move between them).

let s: DeskSession;
let db: pg.Client;
let pages: { name: string; hash: string; ready: string }[];
let topCall: string;

beforeAll(async () => {
  s = await startDeskSession();
  db = new pg.Client({ connectionString: s.databaseUrl });
  await db.connect();
  const list = await getJson<{ items: { id: string }[] }>(`${s.url}api/recordings?sort=triage&limit=1`);
  topCall = list.items[0]!.id;
  const number = (await db.query<{ n: string }>('SELECT caller_number AS n FROM recordings LIMIT 1')).rows[0]!
    .n;
  const collection = (await db.query<{ id: string }>('SELECT id FROM collections LIMIT 1')).rows[0]!.id;
  pages = [
    { name: 'Calls', hash: 'calls', ready: '[data-testid="call-row"]' },
    { name: 'Call', hash: `call/${topCall}`, ready: '[data-testid="segment"]' },
    { name: 'Search', hash: 'search?q=%D0%B3%D1%80%D1%83%D0%B7', ready: 'h1' },
    { name: 'Trends', hash: 'trends', ready: '[data-testid="monthly-chart"] svg' },
    { name: 'Pipeline', hash: 'pipeline', ready: 'h1' },
    { name: 'Ingest', hash: 'ingest', ready: 'h1' },
    { name: 'Number', hash: `numbers/${encodeURIComponent(number)}`, ready: '[data-testid="number-call"]' },
    { name: 'Register', hash: `collections/${collection}/register`, ready: 'h1' },
    { name: 'Registers', hash: 'register', ready: 'h1' },
    { name: 'Audit', hash: 'audit', ready: 'h1' },
    { name: 'Users', hash: 'users', ready: 'h1' },
  ];
}, 900_000);

afterAll(async () => {
  await db?.end();
  await s?.close();
});

async function open(page: Page, hash: string, ready: string): Promise<void> {
  await page.goto(`${s.url}#/${hash}`);
  await page.locator(ready).first().waitFor({ timeout: 60_000 });
  // A list being reloaded is drawn faded: measured once it has arrived.
  await expect.poll(() => page.locator('.loading').count(), { timeout: 30_000 }).toBe(0);
  // Fonts and late panels settle before anything is measured.
  await page.evaluate('document.fonts.ready');
  await page.waitForLoadState('networkidle');
}

describe('the desk for a phone, a keyboard and a screen reader', () => {
  it('has no serious or critical axe violation on any page at 1440 and 390 px', async () => {
    const found: Record<string, unknown> = {};
    for (const width of [1440, 390]) {
      await s.page.setViewportSize({ width, height: 900 });
      for (const p of pages) {
        await open(s.page, p.hash, p.ready);
        const violations = await seriousViolations(s.page);
        if (violations.length > 0) found[`${p.name} at ${width}px`] = violations;
      }
    }
    expect(found).toEqual({});
  }, 600_000);

  it('never scrolls sideways at 390 or 320 px', async () => {
    const found: Record<string, unknown> = {};
    for (const width of [390, 320]) {
      await s.page.setViewportSize({ width, height: 800 });
      for (const p of pages) {
        await open(s.page, p.hash, p.ready);
        const { overflow, culprits } = await sidewaysOverflow(s.page);
        if (overflow > 0) found[`${p.name} at ${width}px`] = { overflow, culprits };
      }
    }
    expect(found).toEqual({});
  }, 600_000);

  it('the sign-in page passes axe and fits a phone', async () => {
    const context = await s.browser.newContext({ viewport: { width: 390, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(s.url);
      await page.locator('h1').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      for (const width of [320, 1440]) {
        await page.setViewportSize({ width, height: 800 });
        expect((await sidewaysOverflow(page)).overflow).toBeLessThanOrEqual(0);
        expect(await seriousViolations(page)).toEqual([]);
      }
    } finally {
      await context.close();
    }
  });

  it('stacks the Call page on a phone: Russian above English, each as wide as the page', async () => {
    const { page } = s;
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, `call/${topCall}`, '[data-testid="segment"]');
    const segment = page.getByTestId('segment').first();
    const russian = (await segment.locator('.segment-text').boundingBox())!;
    const english = (await segment.locator('.segment-translation').boundingBox())!;
    expect(russian.width).toBeGreaterThan(250);
    expect(english.width).toBeGreaterThan(250);
    expect(russian.y + russian.height).toBeLessThanOrEqual(english.y);
    await page.screenshot({ path: path.join(repositoryRoot, 'docs', 'images', 'call-page-narrow.png') });
    await page.setViewportSize({ width: 1440, height: 900 });
    await open(page, `call/${topCall}`, '[data-testid="segment"]');
    // Side by side on a wide screen.
    const wideRussian = (await segment.locator('.segment-text').boundingBox())!;
    const wideEnglish = (await segment.locator('.segment-translation').boundingBox())!;
    expect(wideEnglish.x).toBeGreaterThan(wideRussian.x + wideRussian.width);
    await page.screenshot({ path: path.join(repositoryRoot, 'docs', 'images', 'call-page-wide.png') });
  });

  it('reaches the transcript by keyboard through the skip link, and Enter on a word seeks to it', async () => {
    const { page } = s;
    await page.setViewportSize({ width: 1440, height: 900 });
    await open(page, `call/${topCall}`, '[data-testid="segment"]');
    await page.getByTestId('play-button').and(page.locator(':enabled')).waitFor({ timeout: 30_000 });
    await page.evaluate('document.activeElement?.blur()');
    // Strings: the tests' TypeScript has no DOM types (they run in the page).
    const focused = () => page.evaluate<string>("document.activeElement?.textContent?.trim() ?? ''");
    const focusedWordStart = () =>
      page.evaluate<string | null>("document.activeElement?.getAttribute('data-word-start') ?? null");
    let presses = 0;
    while ((await focused()) !== 'Skip to transcript' && presses < 15) {
      await page.keyboard.press('Tab');
      presses += 1;
    }
    // Before the player's and waveform's controls: the top bar's links, then the skip link.
    expect(await focused()).toBe('Skip to transcript');
    await page.keyboard.press('Enter');
    expect(await page.evaluate<string>('document.activeElement?.id')).toBe('transcript');
    // The next stops are the first segment's time, then its words.
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate<boolean>(`document.activeElement?.closest('[data-testid="segment"]') != null`),
    ).toBe(true);
    let word: string | null = null;
    for (let i = 0; i < 5 && word === null; i += 1) {
      await page.keyboard.press('Tab');
      word = await focusedWordStart();
    }
    expect(word).not.toBeNull();
    // A later word, so that the seek is seen to move the player: the words of a segment are one
    // Tab stop, and the arrow keys move between them.
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
    const target = Number(await focusedWordStart());
    expect(target).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await expect.poll(() => playerSeconds(page), { timeout: 10_000 }).toBeCloseTo(target, 1);
    // The focused word is outlined: focus is visible.
    const outline = await page.evaluate<string>('getComputedStyle(document.activeElement).outlineStyle');
    expect(outline).not.toBe('none');
    // Space seeks as well, without scrolling the page.
    await page.keyboard.press('ArrowLeft');
    const earlier = Number(await focusedWordStart());
    await page.keyboard.press('Space');
    await expect.poll(() => playerSeconds(page), { timeout: 10_000 }).toBeCloseTo(earlier, 1);
  });

  it('reads triage badges at 4.5:1 or better, and a code word’s gloss out to a screen reader', async () => {
    const { page } = s;
    await page.setViewportSize({ width: 1440, height: 900 });
    await open(page, 'calls?sort=triage', '[data-testid="call-row"]');
    // A string: the tests' TypeScript has no DOM types (it runs in the page).
    const colours = await page.evaluate<[string, string][]>(
      `[...document.querySelectorAll('.triage')].map(b => [getComputedStyle(b).color, getComputedStyle(b).backgroundColor])`,
    );
    expect(colours.length).toBeGreaterThan(5);
    for (const [fg, bg] of colours)
      expect(contrastRatio(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    await open(page, `call/${topCall}`, '.code-word');
    const snapshot = await page.locator('.code-word').first().ariaSnapshot();
    expect(snapshot).toMatch(/—/);
  });
});
