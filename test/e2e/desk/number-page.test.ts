import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from '../../helpers/cli-process.ts';
import { startDeskSession, type DeskSession } from './desk-session.ts';

// The number page in Chromium against the real app on the demo corpus: opened from a call's
// header, its counterparts and call graph checked against the database, a graph node and a spoken
// number followed, an attribution added through the form (stored, audited), at 1440 and 390 px.

const NUMBER = '+380501734482';
const FIRST_CALL = '20220306_194211_+380501734482_+79161234567.ogg';

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

const numberUrl = (number: string) => `#/numbers/${encodeURIComponent(number)}`;

async function shoot(name: string, width: number, height: number): Promise<void> {
  await s.page.setViewportSize({ width, height });
  await s.page.screenshot({
    path: path.join(repositoryRoot, 'docs', 'images', `${name}.png`),
    fullPage: true,
  });
}

describe('the Number page', () => {
  it('opens from a call, shows counterparts and the graph, and takes an attribution', async () => {
    const { page, url } = s;
    await page.setViewportSize({ width: 1440, height: 900 });
    const call = await one<{ id: string }>('SELECT id FROM recordings WHERE original_filename = $1', [
      FIRST_CALL,
    ]);
    await page.goto(`${url}#/call/${call.id}`);
    await page.locator('.call-head a.number-link', { hasText: NUMBER }).click();
    await expect.poll(() => page.url()).toContain(numberUrl(NUMBER));

    const total = await one<{ n: number }>(
      'SELECT count(*)::int AS n FROM recordings WHERE caller_number = $1 OR callee_number = $1',
      [NUMBER],
    );
    await expect.poll(() => page.getByTestId('number-call').count()).toBe(total.n);
    expect(await page.getByTestId('number-summary').textContent()).toContain(`${total.n} calls`);
    const counterparts = await db.query<{ other: string; n: number }>(
      `SELECT CASE WHEN caller_number = $1 THEN callee_number ELSE caller_number END AS other, count(*)::int AS n
       FROM recordings WHERE caller_number = $1 OR callee_number = $1 GROUP BY 1 ORDER BY 2 DESC, 1`,
      [NUMBER],
    );
    const rows = await page.getByTestId('counterpart').allTextContents();
    expect(rows.map((r) => /^\+\d+/.exec(r)?.[0])).toEqual(counterparts.rows.map((c) => c.other));
    expect(rows[0]).toContain(`${counterparts.rows[0]!.n}`);
    // The graph: every counterpart is drawn as a labelled node.
    const graph = page.getByTestId('number-graph');
    await graph.locator('svg').waitFor();
    for (const c of counterparts.rows)
      await expect.poll(() => graph.locator('text', { hasText: c.other }).count()).toBeGreaterThan(0);

    // An attribution through the form: listed at once, stored with its author, in the audit log.
    await page.getByTestId('attribution-subscriber').fill('Dmytro Kovalenko (soldier, 1st battalion)');
    await page.getByTestId('attribution-source').fill('Interview with his mother, 2022-04-02');
    await page.getByTestId('attribution-confidence').selectOption('medium');
    await page
      .getByTestId('number-note-text')
      .fill('The mother named her son as the caller and confirmed the number.');
    await page.getByRole('button', { name: 'Add attribution' }).click();
    await expect.poll(() => page.getByTestId('number-note').count()).toBe(1);
    expect(await page.getByTestId('number-summary').textContent()).toContain('Dmytro Kovalenko');
    const stored = await one<{ subscriber: string; confidence: string; author: string; collection: string }>(
      `SELECT n.subscriber, n.confidence, n.author, c.name AS collection FROM number_notes n
       JOIN collections c ON c.id = n.collection_id WHERE n.number = $1`,
      [NUMBER],
    );
    expect(stored).toMatchObject({
      subscriber: 'Dmytro Kovalenko (soldier, 1st battalion)',
      confidence: 'medium',
    });
    const audited = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'add-number-note' AND target = $1 AND actor = $2`,
      [NUMBER, stored.author],
    );
    expect(audited.n).toBe(1);

    await page.evaluate('window.scrollTo(0, 0)');
    await shoot('desk-number-page', 1440, 900);
    await shoot('desk-number-page-390', 390, 844);
    // Nothing runs off the side of a phone's screen.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1440, height: 900 });

    // A node of the graph opens that number's page.
    const counterpart = counterparts.rows[0]!.other;
    await graph.locator('text', { hasText: counterpart }).first().click();
    await expect.poll(() => page.url()).toContain(numberUrl(counterpart));
    await expect.poll(() => page.locator('h1').textContent()).toBe(counterpart);
  }, 240_000);

  it('is reached from a number spoken in a transcript, and by keyboard from a counterpart', async () => {
    const { page, url } = s;
    const spoken = await one<{ recording_id: string; value: string }>(
      `SELECT ac.recording_id, e.value FROM analysis_entities e JOIN analysis_current ac ON ac.run_id = e.run_id
       JOIN recordings r ON r.id = ac.recording_id WHERE e.kind = 'phone' AND r.original_filename = $1
       ORDER BY e.id LIMIT 1`,
      [FIRST_CALL],
    );
    expect(spoken, 'the demo call speaks a phone number (8 916 550 31 72)').toBeDefined();
    await page.goto(`${url}#/call/${spoken.recording_id}`);
    await page.locator('a.entity-chip.entity-phone', { hasText: spoken.value }).first().click();
    await expect.poll(() => page.url()).toContain(numberUrl(spoken.value));
    await expect.poll(() => page.getByTestId('number-spoken').locator('li').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('number-spoken').textContent()).toContain('+380501734482 → +79161234567');

    await page.goto(`${url}${numberUrl(NUMBER)}`);
    const link = page.getByTestId('counterpart').first().locator('a');
    await link.focus();
    const target = (await link.textContent())!;
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain(numberUrl(target));
  }, 120_000);
});
