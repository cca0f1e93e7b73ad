import { z } from 'zod';
import { AUDIT_ACTIONS, type AuditAction } from '../../audit/audit-actions.ts';
import { isoDateTime } from './common.ts';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const dateOrDateTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'expected a date (2024-05-01) or an ISO 8601 date-time (2024-05-01T12:00:00Z)',
});

export const auditListQuerySchema = z
  .strictObject({
    actor: z.string().min(1).max(200).optional().describe('Only this user (case-insensitive)'),
    action: z
      .enum(AUDIT_ACTIONS as [AuditAction, ...AuditAction[]])
      .optional()
      .describe('Only this action'),
    target: z
      .string()
      .min(1)
      .max(500)
      .optional()
      .describe('Only entries whose target contains this text (a recording id, a search query)'),
    from: dateOrDateTime
      .optional()
      .describe('Entries at or after this time; a bare date means its start (UTC)'),
    to: dateOrDateTime
      .optional()
      .describe('Entries at or before this time; a bare date includes that whole day (UTC)'),
    limit: z.coerce.number().int().min(1).max(500).default(50).describe('Page size'),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0).describe('Entries to skip'),
  })
  .describe('Filters of the audit log');

export type AuditListQuery = z.infer<typeof auditListQuerySchema>;

/** The filters' time range as instants: `to` as a bare date covers that whole day. */
export function auditTimeRange(query: AuditListQuery): { since?: Date; until?: Date } {
  const since =
    query.from === undefined
      ? undefined
      : new Date(DATE_ONLY.test(query.from) ? `${query.from}T00:00:00Z` : query.from);
  let until: Date | undefined;
  if (query.to !== undefined) {
    until = DATE_ONLY.test(query.to)
      ? new Date(Date.parse(`${query.to}T00:00:00Z`) + 24 * 60 * 60 * 1000)
      : new Date(Date.parse(query.to) + 1);
  }
  return { since, until };
}

export const auditEntrySchema = z
  .object({
    seq: z.string().describe('Position in the chain, from 1, gap-free (a string: it may exceed 2^53)'),
    occurredAt: isoDateTime.describe('When it happened'),
    actor: z.string().nullable().describe('The signed-in user (null: no session)'),
    userId: z.string().nullable().describe('That user’s id'),
    action: z.string().describe('What was done: view-call, stream-audio, search, add-note, sign-in, …'),
    target: z.string().nullable().describe('What it was done to: a recording id, a search query, a user'),
    address: z.string().nullable().describe('The client’s address'),
    details: z.record(z.string(), z.unknown()).describe('More about it, per action'),
    hash: z.string().describe('SHA-256 over the previous hash and this entry’s canonical content'),
  })
  .describe('One audit entry');

export const auditListResponseSchema = z
  .object({
    items: z.array(auditEntrySchema).describe('Entries, newest first'),
    total: z.number().int().describe('Entries that match the filters'),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .describe('A page of the audit log');

export const auditHeadSchema = z
  .object({
    seq: z.string().describe('The newest entry’s seq ("0": the log is empty)'),
    hash: z.string().describe('Its hash (64 zeros for an empty log)'),
  })
  .describe('The chain head: write it down elsewhere to detect a cut-off tail later');

export const auditVerificationSchema = z
  .object({
    ok: z.boolean().describe('Every entry checks out'),
    checked: z.number().int().describe('Entries checked before the first problem (all, when ok)'),
    head: auditHeadSchema,
    problem: z
      .object({
        kind: z
          .enum(['removed', 'changed', 'reordered', 'inserted'])
          .describe('What was done to the log, as far as the chain can tell'),
        seq: z.string().describe('The first entry named'),
        message: z.string().describe('What was found, in words'),
      })
      .nullable()
      .describe('The first break in the chain (null when ok)'),
  })
  .describe(
    'The audit chain recomputed. A cut-off tail is not seen by the chain alone: compare the head with one written down',
  );
