import { z } from 'zod';
import { USER_ROLES } from '../../accounts/users.ts';
import { isoDateTime, nullableIsoDateTime } from './common.ts';

export const roleSchema = z
  .enum(USER_ROLES, { error: `expected one of: ${USER_ROLES.join(', ')}` })
  .describe(
    'admin: everything, every collection; editor: everything on granted collections but users and the audit log; ' +
      'reviewer: read, notes, sign off; transcriber: read, correct transcripts, notes; viewer: read only',
  );

export const userSchema = z
  .object({
    id: z.string().describe('User id (UUID)'),
    name: z.string().describe('Sign-in name'),
    role: roleSchema,
    createdAt: isoDateTime.describe('When the account was created'),
    disabledAt: nullableIsoDateTime.describe('When the account was disabled (null: it may sign in)'),
    allCollections: z.boolean().describe('Whether the role sees every collection (admins), grants or not'),
    grants: z
      .array(
        z.object({
          collectionId: z.string().describe('Collection id (UUID)'),
          collectionName: z.string().describe('Collection name'),
          grantedBy: z.string().describe('Who granted it'),
          grantedAt: isoDateTime.describe('When'),
        }),
      )
      .describe('Collections granted to the user, by name'),
  })
  .describe('A user account, its role and the collections granted to it');

export const userListSchema = z
  .object({ items: z.array(userSchema).describe('Every user, by name') })
  .describe('Users');

export const userIdParamsSchema = z.object({ userId: z.guid().describe('User id (UUID)') });

export const grantParamsSchema = z.object({
  userId: z.guid().describe('User id (UUID)'),
  collectionId: z.guid().describe('Collection id (UUID)'),
});

export const roleBodySchema = z.strictObject({ role: roleSchema });
