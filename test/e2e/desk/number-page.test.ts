import { describe, expect, it } from 'vitest';
import { getJson, deskWithDatabase } from './desk-session.ts';

// The number page in Chromium against the real app on the demo corpus: opened from a call's
// header, its counterparts and call graph checked against the database, a graph node and a spoken
// number followed, an attribution added through the form (stored, audited), at 1440 and 390 px.

const NUMBER = '+380501734482';
const SPOKEN = '+79165503172';
const FIRST_CALL = '20220306_194211_+380501734482_+79161234567.ogg';

const desk = deskWithDatabase();

const numberUrl = (number: string) => `#/numbers/${encodeURIComponent(number)}`;

describe('the Number page', () => {
  it('opens from a call, shows counterparts and the graph, and takes an attribution', async () => {
    const { page, url } = desk.session;
    await page.setViewportSize({ width: 1440, height: 900 });
    const call = await desk.one<{ id: string }>('SELECT id FROM recordings WHERE original_filename = $1', [
      FIRST_CALL,
    ]);
    await page.goto(`${url}#/call/${call.id}`);
    await page.locator('.call-head a.number-link', { hasText: NUMBER }).click();
    await expect.poll(() => page.url()).toContain(numberUrl(NUMBER));

    const total = await desk.one<{ n: number }>(
      'SELECT count(*)::int AS n FROM recordings WHERE caller_number = $1 OR callee_number = $1',
      [NUMBER],
    );
    // The page's chunk (ECharts) and its data arrive before the first row.
    await page.getByTestId('number-call').first().waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('number-call').count()).toBe(total.n);
    expect(await page.getByTestId('number-summary').textContent()).toContain(`${total.n} calls`);
    const counterparts = await desk.db.query<{ other: string; n: number }>(
      `SELECT CASE WHEN caller_number = $1 THEN callee_number ELSE caller_number END AS other, count(*)::int AS n
       FROM recordings WHERE caller_number = $1 OR callee_number = $1 GROUP BY 1 ORDER BY 2 DESC, 1`,
      [NUMBER],
    );
    const shown = await page.getByTestId('counterpart').locator('a').allTextContents();
    expect(shown).toEqual(counterparts.rows.map((c) => c.other));
    const calls = await page.locator('[data-testid="counterpart"] td:nth-child(2)').allTextContents();
    expect(calls.map(Number)).toEqual(counterparts.rows.map((c) => c.n));
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
    const before = await page.getByTestId('number-note').count();
    await page.getByRole('button', { name: 'Add attribution' }).click();
    await expect.poll(() => page.getByTestId('number-note').count()).toBe(before + 1);
    expect(await page.getByTestId('number-summary').textContent()).toContain('Dmytro Kovalenko');
    const stored = await desk.one<{
      subscriber: string;
      confidence: string;
      author: string;
      collection: string;
    }>(
      `SELECT n.subscriber, n.confidence, n.author, c.name AS collection FROM number_notes n
       JOIN collections c ON c.id = n.collection_id WHERE n.number = $1 ORDER BY n.id DESC LIMIT 1`,
      [NUMBER],
    );
    expect(stored).toMatchObject({
      subscriber: 'Dmytro Kovalenko (soldier, 1st battalion)',
      confidence: 'medium',
    });
    const audited = await desk.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'add-number-note' AND target = $1 AND actor = $2`,
      [NUMBER, stored.author],
    );
    const written = await desk.one<{ n: number }>(
      'SELECT count(*)::int AS n FROM number_notes WHERE number = $1 AND author = $2',
      [NUMBER, stored.author],
    );
    expect(audited.n).toBe(written.n);
    expect(audited.n).toBeGreaterThan(0);

    await page.evaluate('window.scrollTo(0, 0)');
    await desk.shoot('desk-number-page', 1440, 900);
    await desk.shoot('desk-number-page-390', 390, 844);
    await page.setViewportSize({ width: 1440, height: 900 });

    // A node of the graph opens that number's page.
    const counterpart = counterparts.rows[0]!.other;
    await graph.locator('text', { hasText: counterpart }).first().click();
    await expect.poll(() => page.url()).toContain(numberUrl(counterpart));
    await expect.poll(() => page.locator('h1').textContent()).toContain(counterpart);
  }, 240_000);

  it('is reached from a number spoken in a transcript, and by keyboard from a counterpart', async () => {
    const { page, url } = desk.session;
    // The demo recogniser garbles the digits of «8 916 550 31 72»; a transcriber corrects the
    // segment, the analysis runs again on the human version and finds the number.
    const call = await desk.one<{ id: string }>('SELECT id FROM recordings WHERE original_filename = $1', [
      FIRST_CALL,
    ]);
    const read = await getJson<{ segments: { id: string; text: string }[] }>(
      `${url}api/recordings/${call.id}/transcript`,
    );
    const target = read.segments.find((x) => /соколов/i.test(x.text));
    expect(target, read.segments.map((x) => x.text).join(' | ')).toBeDefined();
    await page.goto(`${url}#/call/${call.id}`);
    await page.locator(`[data-segment-id="${target!.id}"]`).getByTestId('edit-segment').click();
    const editor = page.getByTestId('segment-editor');
    await editor
      .getByLabel('Segment text')
      .fill('запиши лучше номер Вити Соколова, он в соседнем батальоне: 8 916 550 31 72.');
    await editor.getByTestId('save-segment').click();
    await expect.poll(() => page.getByTestId('saved-notice').textContent()).toContain('version');
    await expect
      .poll(
        async () =>
          (
            await getJson<{ entities: { kind: string; value: string }[] }>(
              `${url}api/recordings/${call.id}/analysis`,
            )
          ).entities.some((e) => e.kind === 'phone' && e.value === SPOKEN),
        { timeout: 120_000, interval: 1000 },
      )
      .toBe(true);
    await page.reload();
    await page.locator('a.entity-chip.entity-phone', { hasText: SPOKEN }).first().click();
    await expect.poll(() => page.url()).toContain(numberUrl(SPOKEN));
    await page.getByTestId('number-spoken').locator('li').first().waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('number-spoken').textContent()).toContain('+380501734482 → +79161234567');

    await page.goto(`${url}${numberUrl(NUMBER)}`);
    const link = page.getByTestId('counterpart').first().locator('a');
    await link.focus();
    const next = (await link.textContent())!;
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain(numberUrl(next));
  }, 240_000);
});
