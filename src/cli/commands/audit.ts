import { InvalidArgumentError, type Command } from 'commander';
import type { AuditHead } from '../../audit/audit-log.ts';
import type { AuditLogRow } from '../../db/schema.ts';
import type { CommandContext } from '../command-context.ts';
import { ExitCode } from '../exit-codes.ts';

/** `--head 42:<sha256>`, or the whole "audit chain head: seq 42 sha256 …" line as printed. */
function parseHead(value: string): AuditHead {
  const match =
    /^\s*(\d+)\s*:\s*([0-9a-f]{64})\s*$/i.exec(value) ?? /seq\s+(\d+)\s+sha256\s+([0-9a-f]{64})/i.exec(value);
  if (!match) {
    throw new InvalidArgumentError(
      'expected SEQ:SHA256 (e.g. 42:3f…), or the "audit chain head: seq N sha256 …" line as printed',
    );
  }
  return { seq: String(BigInt(match[1]!)), hash: match[2]!.toLowerCase() };
}

function parseInstant(value: string): Date {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) {
    throw new InvalidArgumentError('expected a date (2024-05-01) or a time (2024-05-01T12:00:00Z)');
  }
  return date;
}

function parseLimit(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 10_000) throw new InvalidArgumentError('expected 1 to 10000');
  return n;
}

function formatEntry(row: AuditLogRow): string {
  const who = row.actor ?? '(no session)';
  const where = row.address ? ` from ${row.address}` : '';
  const what = row.target ? ` ${row.target}` : '';
  return `${row.seq.padStart(6)}  ${row.occurred_at.toISOString()}  ${who}${where}  ${row.action}${what}`;
}

export function registerAuditCommand(program: Command, context: CommandContext): void {
  const audit = program
    .command('audit')
    .description(
      'Read and verify the tamper-evident audit log (who viewed or changed what, when, from where)',
    );

  audit
    .command('verify')
    .description(
      'Recompute the hash chain and name the first entry changed, removed, reordered or inserted (exit 1)',
    )
    .option(
      '--head <seq:sha256>',
      'also check against a head written down earlier (finds a cut-off tail or a rewritten history)',
      parseHead,
    )
    .option('--json', 'print machine-readable JSON')
    .action(async (options: { head?: AuditHead; json?: boolean }) => {
      const { verifyAuditChain } = await import('../../audit/audit-verify.ts');
      const { formatAuditHead } = await import('../../audit/audit-log.ts');
      const connection = await context.openDatabase();
      try {
        const result = await verifyAuditChain(connection.db, { expectedHead: options.head });
        if (!result.ok) context.setExitCode(ExitCode.SomeRejected);
        if (options.json) {
          context.out.write(JSON.stringify(result, null, 2) + '\n');
          return;
        }
        if (result.problem) {
          context.out.write(
            `The audit log was tampered with: ${result.problem.message}.\n` +
              `${result.checked} entries before it check out. Nothing was changed by this check.\n`,
          );
          return;
        }
        const against = options.head ? ` and matches the head written down (seq ${options.head.seq})` : '';
        context.out.write(
          `The audit log is intact: ${result.checked} entries, every hash and link checks out${against}.\n` +
            `${formatAuditHead(result.head)}\n` +
            (options.head
              ? ''
              : 'A cut-off tail is only seen against a head written down earlier: pass it with --head.\n'),
        );
      } finally {
        await connection.close();
      }
    });

  audit
    .command('head')
    .description('Print the chain head (seq and hash of the newest entry), to write down elsewhere')
    .option('--json', 'print machine-readable JSON')
    .action(async (options: { json?: boolean }) => {
      const { auditHead, formatAuditHead } = await import('../../audit/audit-log.ts');
      const connection = await context.openDatabase();
      try {
        const head = await auditHead(connection.db);
        context.out.write(options.json ? JSON.stringify(head) + '\n' : formatAuditHead(head) + '\n');
      } finally {
        await connection.close();
      }
    });

  audit
    .command('list')
    .description('List audit entries, newest first')
    .option('--actor <name>', 'only this user (case-insensitive)')
    .option('--action <action>', 'only this action (view-call, stream-audio, search, …)')
    .option('--since <date>', 'entries at or after this date or time', parseInstant)
    .option('--until <date>', 'entries before this date or time', parseInstant)
    .option('--target <text>', 'entries whose target contains this text (a recording id, a query)')
    .option('--limit <n>', 'at most this many (default 100)', parseLimit, 100)
    .option('--json', 'print machine-readable JSON')
    .action(
      async (options: {
        actor?: string;
        action?: string;
        since?: Date;
        until?: Date;
        target?: string;
        limit: number;
        json?: boolean;
      }) => {
        const [{ listAuditEntries }, { presentAuditEntry }] = await Promise.all([
          import('../../audit/audit-query.ts'),
          import('../../api/presenters/audit.ts'),
        ]);
        const connection = await context.openDatabase();
        try {
          const { json, ...filters } = options;
          const { rows, total } = await listAuditEntries(connection.db, { ...filters, offset: 0 });
          if (json) {
            const entries = rows.map(presentAuditEntry);
            context.out.write(JSON.stringify({ total, entries }, null, 2) + '\n');
            return;
          }
          if (rows.length === 0) {
            context.out.write('No audit entries match.\n');
            return;
          }
          for (const row of rows) context.out.write(formatEntry(row) + '\n');
          if (total > rows.length) {
            context.out.write(`${rows.length} of ${total} shown: narrow the filters or raise --limit.\n`);
          }
        } finally {
          await connection.close();
        }
      },
    );
}
