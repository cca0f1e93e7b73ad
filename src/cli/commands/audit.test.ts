import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEarshot, type CliResult } from '../../../test/helpers/cli-in-process.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { auditHead, recordAudit } from '../../audit/audit-log.ts';
import { ExitCode } from '../exit-codes.ts';

// `earshot audit verify | head | list`: the chain checked from the terminal, tampering named with
// exit 1, and the log read with filters.

let database: TestDatabase;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  database = await createTestDatabase('cli_audit');
  env = { DATABASE_URL: database.connectionString };
  const entries = [
    { actor: 'olena', action: 'view-call', target: 'rec-1' },
    { actor: 'mark', action: 'search', target: 'двухсотых' },
    { actor: 'Olena', action: 'stream-audio', target: 'rec-2' },
    { actor: 'mark', action: 'add-note', target: 'rec-1' },
  ] as const;
  for (const e of entries) {
    await recordAudit(database.db, { ...e, userId: null, address: '10.0.0.7', details: {} });
  }
});

afterAll(async () => {
  await database?.drop();
});

const earshot = (...args: string[]): Promise<CliResult> => runEarshot(env, ...args);

describe('earshot audit', () => {
  it('verify says the log is intact and prints the head', async () => {
    const head = await auditHead(database.db);
    const result = await earshot('audit', 'verify');
    expect(result.code, result.err).toBe(ExitCode.Ok);
    expect(result.out).toContain('The audit log is intact: 4 entries');
    expect(result.out).toContain(`audit chain head: seq 4 sha256 ${head.hash}`);
    const printed = await earshot('audit', 'head');
    expect(printed.out.trim()).toBe(`audit chain head: seq 4 sha256 ${head.hash}`);
    // The printed line is accepted as it is by --head.
    const against = await earshot('audit', 'verify', '--head', printed.out.trim());
    expect(against.code).toBe(ExitCode.Ok);
    expect(against.out).toContain('matches the head written down (seq 4)');
  });

  it('list filters by actor (any case), action, target and time, newest first', async () => {
    const byActor = await earshot('audit', 'list', '--actor', 'OLENA');
    expect(byActor.code, byActor.err).toBe(ExitCode.Ok);
    const lines = byActor.out.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\s*3 .* Olena from 10\.0\.0\.7 {2}stream-audio rec-2$/);
    expect(lines[1]).toMatch(/^\s*1 .* olena from 10\.0\.0\.7 {2}view-call rec-1$/);
    const json = await earshot('audit', 'list', '--action', 'add-note', '--target', 'REC-1', '--json');
    expect(JSON.parse(json.out)).toMatchObject({ total: 1, entries: [{ seq: '4', actor: 'mark' }] });
    expect((await earshot('audit', 'list', '--since', '2999-01-01')).out).toBe('No audit entries match.\n');
    const bad = await earshot('audit', 'list', '--since', 'yesterday');
    expect(bad.code).toBe(ExitCode.Fatal);
    expect(bad.err).toContain('expected a date');
  });

  it('verify names the first tampered entry and exits 1; --json says which kind', async () => {
    const written = await auditHead(database.db);
    await database.db.transaction().execute(async (trx) => {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(trx);
      await sql`UPDATE audit_log SET target = 'rec-9' WHERE seq = 2`.execute(trx);
      await sql`DELETE FROM audit_log WHERE seq = 4`.execute(trx);
      await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(trx);
    });
    const text = await earshot('audit', 'verify');
    expect(text.code).toBe(ExitCode.SomeRejected);
    expect(text.out).toContain('The audit log was tampered with: entry 2 was changed');
    const json = await earshot('audit', 'verify', '--json', '--head', `${written.seq}:${written.hash}`);
    expect(json.code).toBe(ExitCode.SomeRejected);
    expect(JSON.parse(json.out)).toMatchObject({
      ok: false,
      checked: 1,
      problem: { kind: 'changed', seq: '2' },
    });
    const bad = await earshot('audit', 'verify', '--head', 'latest');
    expect(bad.code).toBe(ExitCode.Fatal);
    expect(bad.err).toContain('expected SEQ:SHA256');
  });
});
