import type { Db } from '../db/database.ts';
import { auditHead, formatAuditHead } from './audit-log.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Prints "audit chain head: seq N sha256 …" now and then once a day, for `earshot start` and
 * `earshot serve`. Written down elsewhere (a notebook, a colleague's mail), a head lets
 * `earshot audit verify --head` find entries cut off the end of the log, which the chain alone
 * cannot show. The timer is unref'd: it never keeps the process alive.
 */
export async function startAuditHeadPrinter(
  db: Db,
  say: (line: string) => void,
  intervalMs = DAY_MS,
): Promise<{ stop(): void }> {
  const print = async (): Promise<void> => {
    try {
      say(formatAuditHead(await auditHead(db)));
    } catch (error) {
      say(`audit chain head: could not be read (${error instanceof Error ? error.message : String(error)})`);
    }
  };
  await print();
  const timer = setInterval(() => void print(), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
