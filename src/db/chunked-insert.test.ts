import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { insertInChunks, rowsPerInsert } from './chunked-insert.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase('chunked_insert');
});
afterAll(async () => t.drop());

const countEvents = async (actor: string): Promise<number> =>
  (
    await sql<{ n: number }>`SELECT count(*)::int AS n FROM custody_events WHERE actor = ${actor}`.execute(
      t.db,
    )
  ).rows[0]!.n;

describe('insertInChunks', () => {
  it('stays under the bind-parameter limit however wide the rows', () => {
    for (const columns of [1, 5, 11, 40, 70_000]) {
      const rows = rowsPerInsert(columns);
      expect(rows).toBeGreaterThanOrEqual(1);
      if (columns <= 65_535) expect(rows * columns).toBeLessThanOrEqual(65_535);
    }
  });

  it('writes every row, in order, when they need several statements', async () => {
    const rows = Array.from({ length: 4_321 }, (_, i) => ({
      action: 'received' as const,
      actor: 'chunked-many',
      tool_versions: '{}',
      details: JSON.stringify({ i }),
    }));
    await insertInChunks(t.db, 'custody_events', rows);
    const stored = await t.db
      .selectFrom('custody_events')
      .select('details')
      .where('actor', '=', 'chunked-many')
      .orderBy('id')
      .execute();
    expect(stored.map((r) => r.details['i'])).toEqual(rows.map((_, i) => i));
  });

  it('writes nothing for no rows', async () => {
    await insertInChunks(t.db, 'custody_events', []);
    expect(await countEvents('nobody')).toBe(0);
  });

  it('in a transaction, a failing later chunk leaves none of the rows', async () => {
    const rows = Array.from({ length: 2_500 }, (_, i) => ({
      // The last row breaks the action check constraint, in the second statement.
      action: (i === 2_499 ? 'forged' : 'received') as 'received',
      actor: 'chunked-rollback',
      tool_versions: '{}',
      details: '{}',
    }));
    await expect(
      t.db.transaction().execute((trx) => insertInChunks(trx, 'custody_events', rows)),
    ).rejects.toThrow(/custody_events_action_check/);
    expect(await countEvents('chunked-rollback')).toBe(0);
  });
});
