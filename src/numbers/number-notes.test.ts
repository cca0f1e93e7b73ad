import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCollection } from '../../test/helpers/api-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { ALL_COLLECTIONS } from '../accounts/collection-scope.ts';
import { migrations } from '../db/migrations/index.ts';
import {
  addNumberNote,
  listNumberNotes,
  NumberNoteAlreadySuperseded,
  NumberNoteRejected,
} from './number-notes.ts';

// number_notes against the real database: append-only, corrections kept to one line per entry
// and to their own collection and number (by the database too), and a migration that will not
// undo itself over entries.

const NUMBER = '+380501734482';
let t: TestDatabase;
let leakA = '';
let leakB = '';

beforeAll(async () => {
  t = await createTestDatabase('number_notes');
  leakA = await insertCollection(t.db, 'Leak A');
  leakB = await insertCollection(t.db, 'Leak B');
});
afterAll(async () => t?.drop());

const note = (text: string, extra: Partial<Parameters<typeof addNumberNote>[1]> = {}) =>
  addNumberNote(t.db, {
    collectionId: leakA,
    number: NUMBER,
    kind: 'note',
    text,
    userId: null,
    author: 'olena',
    ...extra,
  });

describe('number notes', () => {
  it('are append-only', async () => {
    const entry = await note('  first  ');
    expect(entry.text).toBe('first');
    await expect(
      t.db.updateTable('number_notes').set({ text: 'forged' }).where('id', '=', entry.id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom('number_notes').execute()).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE number_notes`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('supersede an entry once, in its own collection and number only', async () => {
    const entry = await note('to be corrected');
    const correction = await note('corrected', { supersedesId: entry.id });
    await expect(note('again', { supersedesId: entry.id })).rejects.toThrow(NumberNoteAlreadySuperseded);
    await expect(note('elsewhere', { collectionId: leakB, supersedesId: correction.id })).rejects.toThrow(
      NumberNoteRejected,
    );
    await expect(
      note('other number', { number: '+79161234567', supersedesId: correction.id }),
    ).rejects.toThrow(NumberNoteRejected);
    // The database refuses the same without the module's checks.
    const raw = (collectionId: string) =>
      t.db
        .insertInto('number_notes')
        .values({
          collection_id: collectionId,
          number: NUMBER,
          kind: 'note',
          text: 'raw',
          author: 'x',
          supersedes_id: correction.id,
        })
        .execute();
    await expect(raw(leakB)).rejects.toThrow(/foreign key/);
    await raw(leakA);
    await expect(raw(leakA)).rejects.toThrow(/number_notes_supersedes_idx/);
    const listed = await listNumberNotes(t.db, NUMBER, ALL_COLLECTIONS);
    const byId = new Map(listed.map((n) => [n.id, n]));
    expect(byId.get(entry.id)?.superseded_by).toBe(correction.id);
    await expect(listNumberNotes(t.db, NUMBER, { visibleCollections: [leakB] })).resolves.toEqual([]);
  });

  it('keep an attribution whole: subscriber, source and confidence together', async () => {
    const entry = await addNumberNote(t.db, {
      collectionId: leakA,
      number: NUMBER,
      kind: 'attribution',
      text: 'profile lists the number',
      attribution: { subscriber: ' Ivan Petrenko ', source: 'VK', confidence: 'low' },
      userId: null,
      author: 'olena',
    });
    expect([entry.subscriber, entry.source, entry.confidence]).toEqual(['Ivan Petrenko', 'VK', 'low']);
    await expect(note('no parts', { kind: 'attribution' })).rejects.toThrow(/needs the subscriber/);
    await expect(
      t.db
        .insertInto('number_notes')
        .values({
          collection_id: leakA,
          number: NUMBER,
          kind: 'attribution',
          text: 'x',
          author: 'x',
          subscriber: 'A',
        })
        .execute(),
    ).rejects.toThrow(/check constraint/);
    await expect(
      t.db
        .insertInto('number_notes')
        .values({ collection_id: leakA, number: '0501734482', kind: 'note', text: 'x', author: 'x' })
        .execute(),
    ).rejects.toThrow(/check constraint/);
  });

  it('make migration 0022 refuse to go down while it holds entries', async () => {
    const migrator = new Migrator({
      db: t.db,
      provider: { getMigrations: () => Promise.resolve(migrations) },
    });
    const down = await migrator.migrateTo('0021-verification-cases');
    expect(String(down.error)).toMatch(/number_notes holds \d+ entries/);
    const still = await sql<{ n: number }>`SELECT count(*)::int AS n FROM number_notes`.execute(t.db);
    expect(still.rows[0]!.n).toBeGreaterThan(0);
  });
});

describe('migration 0022 on an empty table', () => {
  it('goes down and up again', async () => {
    const fresh = await createTestDatabase('number_notes_down');
    try {
      const migrator = new Migrator({
        db: fresh.db,
        provider: { getMigrations: () => Promise.resolve(migrations) },
      });
      expect((await migrator.migrateTo('0021-verification-cases')).error).toBeUndefined();
      const gone = await sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.tables
        WHERE table_name = 'number_notes'`.execute(fresh.db);
      expect(gone.rows[0]!.n).toBe(0);
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
    } finally {
      await fresh.drop();
    }
  });
});
