import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../../helpers/cli-process.ts';
import { deskWithDatabase } from './desk-session.ts';

// The protected-identity register in Chromium against the real app on the demo corpus: a person
// of a demo call's analysis protected with one click on the Call page (stored, audited, shown as
// "protected as Soldier A"), a place protected by keyboard, both seen on the collection's
// Protected identities page, reached from the chip, with an entry's forms opened; screenshots at
// 1440 and 390 px.

const desk = deskWithDatabase();

describe('the protected-identity register', () => {
  it('protects a person of a demo call with one click and shows it on the register page', async () => {
    const { page, url } = desk.session;
    // The earliest demo call whose analysis found a person and a place (the demo recogniser
    // garbles most spoken numbers, so a place stands in for the second click).
    const call = await desk.one<{ id: string; collection_id: string; person: string; place: string }>(
      `SELECT r.id, r.collection_id,
         (SELECT e.value FROM analysis_entities e WHERE e.run_id = c.run_id AND e.kind = 'person' ORDER BY e.id LIMIT 1) AS person,
         (SELECT e.value FROM analysis_entities e WHERE e.run_id = c.run_id AND e.kind = 'place' ORDER BY e.id LIMIT 1) AS place
       FROM recordings r JOIN analysis_current c ON c.recording_id = r.id
       WHERE EXISTS (SELECT 1 FROM analysis_entities e WHERE e.run_id = c.run_id AND e.kind = 'person')
         AND EXISTS (SELECT 1 FROM analysis_entities e WHERE e.run_id = c.run_id AND e.kind = 'place')
       ORDER BY r.call_started_at LIMIT 1`,
    );
    expect(call, 'a demo call with a person and a place in its analysis').toBeDefined();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${url}#/call/${call.id}`);
    const person = page.locator(`[data-entity="person: ${call.person}"]`);
    await person.getByRole('button', { name: 'Protect' }).click();
    await expect.poll(() => person.getByTestId('protected-as').textContent()).toBe('protected as Soldier A');
    const stored = await desk.one<{ label: string; pseudonym: string; source: string; added_by: string }>(
      `SELECT label, pseudonym, source, added_by FROM protected_identities
       WHERE collection_id = $1 AND kind = 'person' ORDER BY id LIMIT 1`,
      [call.collection_id],
    );
    expect(stored).toMatchObject({ label: call.person, pseudonym: 'Soldier A', source: 'analysis' });
    const audited = await desk.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'protect-identity' AND target = $1 AND actor = $2`,
      [call.id, stored.added_by],
    );
    expect(audited.n).toBe(1);

    // By keyboard: the place's Protect button takes focus and Enter.
    const place = page.locator(`[data-entity="place: ${call.place}"]`);
    await place.getByRole('button', { name: 'Protect' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => place.getByTestId('protected-as').textContent()).toBe('protected as Place 1');
    // The analysis panel with its chips, for a person to look at (not in docs/).
    const panel = page.getByTestId('analysis');
    await panel.screenshot({
      path: path.join(repositoryRoot, 'test-artifacts', 'desk', 'register-chips.png'),
    });
    await page.setViewportSize({ width: 390, height: 844 });
    await panel.screenshot({
      path: path.join(repositoryRoot, 'test-artifacts', 'desk', 'register-chips-390.png'),
    });
    await page.setViewportSize({ width: 1440, height: 900 });

    // The chip leads to the collection's register, which lists both.
    await person.getByTestId('protected-as').click();
    await expect.poll(() => page.url()).toContain(`#/collections/${call.collection_id}/register`);
    const rows = page.getByTestId('register-entry');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.locator('[data-pseudonym="Soldier A"]').textContent()).toContain(call.person);
    // A place is entered under its Russian gazetteer name, with the English one beside it.
    expect(await page.locator('[data-pseudonym="Place 1"]').textContent()).toContain(call.place);
    expect(await page.getByTestId('register-count').textContent()).toContain('2 protected');

    // By hand, under a role; a rename by keyboard; a retirement with its reason, kept and marked.
    await page.getByLabel('Full name').fill('Людмила Петровна');
    await page.getByLabel(/^Pseudonym/).fill("A's mother");
    await page.getByLabel('Other names').fill('Люда, Мила');
    await page.getByRole('button', { name: 'Protect', exact: true }).click();
    await expect.poll(() => rows.count()).toBe(3);
    await page.getByLabel('Kind').selectOption('unit');
    await page.getByLabel('Name or value').fill('в/ч 22179');
    await page.getByLabel('Name or value').press('Enter');
    await expect.poll(() => rows.count()).toBe(4);
    const placeRow = page.locator('[data-pseudonym="Place 1"]');
    await placeRow.getByRole('button', { name: 'Rename' }).click();
    await page.getByLabel('New pseudonym for Place 1').fill("A's home town");
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator(`[data-pseudonym="A's home town"]`).textContent())
      .toContain('was Place 1');
    await page.locator('[data-pseudonym="Unit 1"]').getByRole('button', { name: 'Retire' }).click();
    await page.getByLabel('Why Unit 1 is retired').fill('the unit is named in the published report');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('[data-pseudonym="Unit 1"]').textContent())
      .toContain('the unit is named in the published report');
    expect(await page.getByTestId('register-count').textContent()).toContain('3 protected');
    const kept = await desk.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM protected_identities WHERE collection_id = $1 AND retired_at IS NOT NULL`,
      [call.collection_id],
    );
    expect(kept.n).toBe(1);
    await page.evaluate('window.scrollTo(0, 0)');
    await desk.shoot('desk-register', 1440, 900);
    await desk.shoot('desk-register-390', 390, 844);
    await page.setViewportSize({ width: 1440, height: 900 });

    // The forms the matcher looks for, opened by keyboard under the entry: its cases, its pet
    // names and its romanisations, each line named by its case or system.
    const mother = page.locator(`[data-pseudonym="A's mother"]`);
    await mother.getByRole('button', { name: 'Forms the matcher looks for' }).focus();
    await page.keyboard.press('Enter');
    const forms = page.getByTestId('entry-forms');
    await expect.poll(() => forms.locator('[data-origin="inflection"] li').count()).toBeGreaterThan(0);
    const line = (origin: string, detail: string) =>
      forms.locator(`[data-origin="${origin}"] li`, { hasText: detail }).first().textContent();
    expect(await line('inflection', 'genitive')).toContain('людмилы петровны');
    expect(await line('transliteration', 'BGN/PCGN')).toContain('lyudmila petrovna');
    expect(await line('diminutive', 'genitive')).toContain('люды');
    expect(await mother.getByRole('button', { name: 'Hide the forms' }).getAttribute('aria-expanded')).toBe(
      'true',
    );
    await page.evaluate('window.scrollTo(0, 0)');
    await desk.shoot('register-forms-wide', 1440, 900);
    await desk.shoot('register-forms-narrow', 390, 844);
    await page.setViewportSize({ width: 1440, height: 900 });
  }, 240_000);
});
