import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import {
  auditContentOf,
  auditHash,
  auditHead,
  formatAuditHead,
  GENESIS_HASH,
  recordAudit,
  type AuditEntry,
} from './audit-log.ts';
import { verifyAuditChain } from './audit-verify.ts';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase('audit_log');
});

afterAll(async () => {
  await t?.drop();
});

const entry = (n: number): AuditEntry => ({
  actor: n % 2 ? 'olena' : 'mark',
  userId: null,
  action: n % 3 ? 'view-call' : 'search',
  target: `target-${n}`,
  address: '127.0.0.1',
  details: { n, nested: { b: 2, a: [1, 'два'] } },
});

/** What someone with superuser access to the database can do: triggers off, any SQL, triggers on. */
async function tamper(statement: RawBuilder<unknown>): Promise<void> {
  await t.db.transaction().execute(async (trx) => {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(trx);
    await statement.execute(trx);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(trx);
  });
}

beforeEach(async () => {
  await tamper(sql`DELETE FROM audit_log`);
  for (let n = 1; n <= 6; n++) await recordAudit(t.db, entry(n));
});

describe('the audit chain', () => {
  it('links each entry to the one before, from the documented genesis hash', async () => {
    const rows = await t.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    expect(rows.map((r) => r.seq)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    // The hash is over prev_hash and the canonical content: key order does not matter.
    const content = auditContentOf(rows[0]!);
    expect(rows[0]!.hash).toBe(auditHash(GENESIS_HASH, content));
    expect(auditHash(GENESIS_HASH, { ...content, details: { nested: { a: [1, 'два'], b: 2 }, n: 1 } })).toBe(
      rows[0]!.hash,
    );
    const head = await auditHead(t.db);
    expect(head).toEqual({ seq: '6', hash: rows[5]!.hash });
    expect(formatAuditHead(head)).toBe(`audit chain head: seq 6 sha256 ${rows[5]!.hash}`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, checked: 6, problem: null });
  });

  it('hashes in the database the same bytes the verifier hashes, whatever the content', async () => {
    const awkward = await recordAudit(t.db, {
      actor: 'Олена "O" \\ Ковальчук 😀',
      userId: '00000000-0000-4000-8000-000000000001',
      action: 'search',
      target: '"occurredAt":"","seq":0,"target": двухсотых\n',
      address: '::1',
      details: {
        occurredAt: '',
        seq: 0,
        target: 'x',
        n: 1.5,
        big: 1e21,
        small: 1e-7,
        list: [null, true],
        skip: undefined,
      },
    });
    expect(awkward.seq).toBe('7');
    expect(awkward.details).toEqual({
      occurredAt: '',
      seq: 0,
      target: 'x',
      n: 1.5,
      big: 1e21,
      small: 1e-7,
      list: [null, true],
    });
    expect(awkward.hash).toBe(auditHash(awkward.prev_hash, auditContentOf(awkward)));
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, checked: 7 });
  });

  it('hashes a field given as undefined as the NULL it is stored as (a dropped client has no address)', async () => {
    const dropped = await recordAudit(t.db, {
      actor: 'root',
      userId: undefined as unknown as null,
      action: 'view-audit-log',
      target: undefined as unknown as null,
      address: undefined as unknown as null,
      details: { filters: { limit: 50, offset: 0 } },
    });
    expect(dropped).toMatchObject({ address: null, target: null, user_id: null });
    expect(dropped.hash).toBe(auditHash(dropped.prev_hash, auditContentOf(dropped)));
    expect((await verifyAuditChain(t.db)).problem).toBeNull();
  });

  it('is append-only for the application', async () => {
    await expect(sql`UPDATE audit_log SET actor = 'x'`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('never forks under concurrent writers: seq stays gap-free and every link holds', async () => {
    await Promise.all(Array.from({ length: 30 }, (_, i) => recordAudit(t.db, entry(100 + i))));
    const verification = await verifyAuditChain(t.db);
    expect(verification).toMatchObject({ ok: true, checked: 36, head: { seq: '36' } });
  });

  it('joins a transaction it is given, so an entry commits or rolls back with its change', async () => {
    await expect(
      t.db.transaction().execute(async (trx) => {
        await recordAudit(trx, entry(7));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await auditHead(t.db)).seq).toBe('6');
  });
});

describe('tampering through SQL is detected and named', () => {
  it('a changed field', async () => {
    await tamper(sql`UPDATE audit_log SET actor = 'someone else' WHERE seq = 3`);
    expect((await verifyAuditChain(t.db)).problem).toMatchObject({ kind: 'changed', seq: '3' });
    expect((await verifyAuditChain(t.db)).checked).toBe(2);
  });

  it('a changed detail inside the JSON', async () => {
    await tamper(sql`UPDATE audit_log SET details = jsonb_set(details, '{n}', '99') WHERE seq = 5`);
    expect((await verifyAuditChain(t.db)).problem).toMatchObject({ kind: 'changed', seq: '5' });
  });

  it('a changed time', async () => {
    await tamper(sql`UPDATE audit_log SET occurred_at = occurred_at - interval '1 day' WHERE seq = 2`);
    expect((await verifyAuditChain(t.db)).problem).toMatchObject({ kind: 'changed', seq: '2' });
  });

  it('a deleted row', async () => {
    await tamper(sql`DELETE FROM audit_log WHERE seq = 4`);
    const { problem } = await verifyAuditChain(t.db);
    expect(problem).toMatchObject({ kind: 'removed', seq: '4' });
    expect(problem?.message).toMatch(/entry 4 was removed: the log goes from seq 3 to seq 5/);
  });

  it('a deleted row with the later ones renumbered to hide the gap', async () => {
    await tamper(sql`DELETE FROM audit_log WHERE seq = 4`);
    // Through a free range: one UPDATE of seq - 1 hits the unique key whenever Postgres happens
    // to visit row 6 before row 5 (the order of a heap scan is not defined).
    await tamper(sql`UPDATE audit_log SET seq = seq + 1000 WHERE seq > 4`);
    await tamper(sql`UPDATE audit_log SET seq = seq - 1001 WHERE seq > 1000`);
    expect((await verifyAuditChain(t.db)).problem).toMatchObject({ kind: 'removed', seq: '4' });
  });

  it('the first row deleted', async () => {
    await tamper(sql`DELETE FROM audit_log WHERE seq = 1`);
    expect((await verifyAuditChain(t.db)).problem).toMatchObject({ kind: 'removed', seq: '1' });
  });

  it('two rows swapped', async () => {
    await tamper(
      sql`UPDATE audit_log SET seq = CASE seq WHEN 2 THEN 1000 WHEN 3 THEN 2 END WHERE seq IN (2, 3)`,
    );
    await tamper(sql`UPDATE audit_log SET seq = 3 WHERE seq = 1000`);
    const { problem } = await verifyAuditChain(t.db);
    expect(problem).toMatchObject({ kind: 'reordered', seq: '2' });
  });

  it('a forged row inserted in the middle with a correctly computed hash', async () => {
    await tamper(sql`UPDATE audit_log SET seq = seq + 1000 WHERE seq > 3`);
    await tamper(sql`UPDATE audit_log SET seq = seq - 999 WHERE seq > 1000`);
    const before = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '=', '3')
      .executeTakeFirstOrThrow();
    const forged = {
      seq: 4,
      occurredAt: new Date().toISOString(),
      actor: 'olena',
      userId: null,
      action: 'view-call',
      target: 'never viewed',
      address: '127.0.0.1',
      details: {},
    };
    await tamper(sql`
      INSERT INTO audit_log (seq, occurred_at, actor, action, target, address, details, prev_hash, hash)
      VALUES (4, ${forged.occurredAt}, 'olena', 'view-call', 'never viewed', '127.0.0.1', '{}',
              ${before.hash}, ${auditHash(before.hash, forged)})`);
    const { problem } = await verifyAuditChain(t.db);
    expect(problem).toMatchObject({ kind: 'inserted', seq: '4' });
    expect(problem?.message).toMatch(/entry 4 was inserted: entry 5 was written right after entry 3/);
  });

  it('a forged row appended without the right hash', async () => {
    const head = await auditHead(t.db);
    await tamper(sql`
      INSERT INTO audit_log (seq, occurred_at, actor, action, target, prev_hash, hash)
      VALUES (7, now(), 'olena', 'sign-in', null, ${head.hash}, ${'ab'.repeat(32)})`);
    expect((await verifyAuditChain(t.db)).problem).toMatchObject({ kind: 'changed', seq: '7' });
  });

  it('a truncated tail: invisible to the chain alone, found against the head written down', async () => {
    const written = await auditHead(t.db);
    await tamper(sql`DELETE FROM audit_log WHERE seq > 4`);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    const { problem, ok } = await verifyAuditChain(t.db, { expectedHead: written });
    expect(ok).toBe(false);
    expect(problem).toMatchObject({ kind: 'removed', seq: '5' });
    expect(problem?.message).toMatch(
      /entries 5–6 were removed: the log ends at seq 4, but the head written down is seq 6/,
    );
  });

  it('a history rewritten with recomputed hashes, found against the head written down', async () => {
    const written = await auditHead(t.db);
    const rows = await t.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    let prev = GENESIS_HASH;
    await tamper(sql`DELETE FROM audit_log`);
    for (const row of rows) {
      const content = { ...auditContentOf(row), actor: row.seq === '2' ? 'nobody' : row.actor };
      const hash = auditHash(prev, content);
      await tamper(sql`
        INSERT INTO audit_log (seq, occurred_at, actor, action, target, address, details, prev_hash, hash)
        VALUES (${row.seq}, ${content.occurredAt}, ${content.actor}, ${row.action}, ${row.target},
                ${row.address}, ${JSON.stringify(row.details)}, ${prev}, ${hash})`);
      prev = hash;
    }
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    expect((await verifyAuditChain(t.db, { expectedHead: written })).problem).toMatchObject({
      kind: 'changed',
      seq: '6',
    });
  });
});
