import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertBatch, insertCollection } from '../../test/helpers/api-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { CustodyTrail, writeCustodyEvents, type CustodyEvent } from './custody-log.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase('custody_log');
});
afterAll(async () => t.drop());

const eventsBy = (actor: string) =>
  t.db.selectFrom('custody_events').selectAll().where('actor', '=', actor).orderBy('id').execute();

describe('custody log', () => {
  it('writes each event with the subject, the tool versions and its own details', async () => {
    const early = new Date('2026-01-02T03:04:05.000Z');
    await writeCustodyEvents(
      t.db,
      { recordingId: null, actor: 'log-subject', sha256: 'ab'.repeat(32), toolVersions: { earshot: '1.0' } },
      [
        {
          action: 'hashed',
          details: { algorithm: 'sha256', sha256: 'ab'.repeat(32), sizeBytes: 3 },
          occurredAt: early,
        },
        { action: 'rejected', details: { reasonCode: 'not-audio', reason: 'the file is not audio' } },
      ],
    );
    const rows = await eventsBy('log-subject');
    expect(rows.map((r) => r.action)).toEqual(['hashed', 'rejected']);
    expect(rows[0]).toMatchObject({
      recording_id: null,
      batch_id: null,
      source_path: null,
      sha256: 'ab'.repeat(32),
      tool_versions: { earshot: '1.0' },
      details: { algorithm: 'sha256', sha256: 'ab'.repeat(32), sizeBytes: 3 },
      occurred_at: early,
    });
    // Without a time of its own an event takes the database's clock.
    expect(rows[1]!.occurred_at.getTime()).toBeGreaterThan(early.getTime());
  });

  it('a trail keeps the order and times of its actions, less the dropped ones', async () => {
    const batchId = await insertBatch(t.db, await insertCollection(t.db, 'Trail'), 'trail');
    const trail = new CustodyTrail({ batchId, actor: 'trail', sourcePath: '/in/a.wav' });
    trail.add('received', { sourcePath: '/in/a.wav', announcedSizeBytes: 3 });
    trail.add('stored', { storePath: 'ab/abab', alreadyInStore: false, mode: '0444' });
    trail.add('rejected', { reasonCode: 'empty-file', reason: 'the file is empty (0 bytes)' });
    trail.drop(['stored']);
    expect(trail.actions()).toEqual(['received', 'rejected']);
    await trail.write(t.db, null, null);
    const rows = await eventsBy('trail');
    expect(rows.map((r) => [r.action, r.source_path, r.batch_id])).toEqual([
      ['received', '/in/a.wav', batchId],
      ['rejected', '/in/a.wav', batchId],
    ]);
    expect(Object.keys(rows[0]!.tool_versions)).toContain('earshot');
  });

  it('refuses details that do not belong to the action (checked by the compiler)', () => {
    const wrong: CustodyEvent = {
      action: 'hashed',
      // @ts-expect-error a hashed event carries the algorithm, hash and size, not a reason
      details: { reasonCode: 'x', reason: 'y' },
    };
    expect(wrong.action).toBe('hashed');
  });
});
