import { z } from 'zod';
import { USER_ROLES } from '../../accounts/users.ts';

export const signInBodySchema = z
  .object({
    name: z.string().min(1).max(200).describe('User name (case does not matter)'),
    password: z.string().min(1).max(1000).describe('Password'),
  })
  .describe('Sign in with name and password');

export const sessionSchema = z
  .object({
    name: z.string().describe('The signed-in user'),
    role: z.enum(USER_ROLES).describe('Their role'),
    csrfToken: z
      .string()
      .describe('Send it in the x-earshot-csrf header of every POST, PUT, PATCH and DELETE'),
    collections: z
      .union([z.literal('all'), z.array(z.string())])
      .describe('Ids of the collections this user may see ("all" for an admin)'),
  })
  .describe('Who is signed in');

export const signOutEverywhereSchema = z
  .object({ endedSessions: z.number().int().describe('Sessions ended, this one included') })
  .describe('Every session of the user has ended');

export const signInLinkQuerySchema = z.object({
  token: z.string().max(200).optional().describe('The one-time token of the printed link'),
});
