import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { recordAudit } from './audit-log.ts';
import { startAuditHeadPrinter } from './audit-head-printer.ts';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase('audit_head_printer');
});

afterAll(async () => {
  vi.useRealTimers();
  await t?.drop();
});

describe('the daily audit head line', () => {
  it('is printed at start and again each day, with the head of that day', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const lines: string[] = [];
    let printed: () => void = () => undefined;
    const say = (line: string): void => {
      lines.push(line);
      printed();
    };
    const printer = await startAuditHeadPrinter(t.db, say);
    expect(lines).toEqual([`audit chain head: seq 0 sha256 ${'0'.repeat(64)}`]);

    const entry = await recordAudit(t.db, {
      actor: 'olena',
      userId: null,
      action: 'view-call',
      target: 'r',
      address: null,
    });
    const next = new Promise<void>((resolve) => (printed = resolve));
    vi.advanceTimersByTime(24 * 60 * 60 * 1000);
    await next;
    expect(lines[1]).toBe(`audit chain head: seq 1 sha256 ${entry.hash}`);

    printer.stop();
    vi.advanceTimersByTime(3 * 24 * 60 * 60 * 1000);
    expect(lines).toHaveLength(2);
  });
});
