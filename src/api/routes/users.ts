import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  grantCollection,
  listUsersWithGrants,
  revokeCollection,
  UserNotFound,
} from '../../accounts/grants.ts';
import { assertMay } from '../../accounts/permissions.ts';
import { principalOf } from '../../accounts/principal.ts';
import { changeUserRole } from '../../accounts/user-roles.ts';
import type { Db } from '../../db/database.ts';
import type { RouteAudit } from '../audit-hook.ts';
import { iso } from '../presenters/dates.ts';
import { errorResponseSchema } from '../schemas/common.ts';
import {
  grantParamsSchema,
  roleBodySchema,
  userIdParamsSchema,
  userListSchema,
  userSchema,
} from '../schemas/users.ts';
import type { RouteContext } from './context.ts';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
};

async function presentUser(db: Db, userId: string) {
  const [user] = await listUsersWithGrants(db, userId);
  if (!user) throw new UserNotFound(userId);
  return {
    id: user.id,
    name: user.name,
    role: user.role,
    createdAt: iso(user.createdAt),
    disabledAt: user.disabledAt ? iso(user.disabledAt) : null,
    allCollections: user.role === 'admin',
    grants: user.grants.map((g) => ({ ...g, grantedAt: iso(g.grantedAt) })),
  };
}

/** Users, roles and collection grants, for admins (the desk's Users page). */
/** The audit entry of a grant or a revocation: whose, which collection, which way. */
function grantChangeAudit(granted: boolean): RouteAudit {
  return {
    action: 'grant-change',
    target: (request) => (request.params as { userId: string }).userId,
    details: (request) => ({
      collectionId: (request.params as { collectionId: string }).collectionId,
      granted,
    }),
  };
}

export function registerUserRoutes(app: FastifyInstance, { db }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Every user with their role and the collections granted to them (admins only)',
        response: { 200: userListSchema, 401: errorResponseSchema, 403: errorResponseSchema },
      },
    },
    async (request) => {
      assertMay(principalOf(request), 'manage_users');
      const users = await listUsersWithGrants(db);
      return { items: await Promise.all(users.map((u) => presentUser(db, u.id))) };
    },
  );

  api.put(
    '/api/users/:userId/role',
    {
      config: {
        audit: {
          action: 'user-change',
          target: (request) => (request.params as { userId: string }).userId,
          details: (request) => ({ role: (request.body as { role: string }).role }),
        },
      },
      schema: {
        tags: ['users'],
        summary: "Change a user's role; it applies from their next request (admins only)",
        params: userIdParamsSchema,
        body: roleBodySchema,
        response: {
          200: userSchema,
          ...errors,
          409: errorResponseSchema.describe('The last enabled admin keeps the admin role'),
        },
      },
    },
    async (request) => {
      assertMay(principalOf(request), 'manage_users');
      await changeUserRole(db, request.params.userId, request.body.role);
      return presentUser(db, request.params.userId);
    },
  );

  api.put(
    '/api/users/:userId/grants/:collectionId',
    {
      config: { audit: grantChangeAudit(true) },
      schema: {
        tags: ['users'],
        summary: 'Grant a user a collection (granting it again changes nothing; admins only)',
        params: grantParamsSchema,
        response: { 200: userSchema, ...errors },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      assertMay(principal, 'manage_users');
      const { userId, collectionId } = request.params;
      await grantCollection(db, { userId, collectionId, grantedBy: principal.name });
      return presentUser(db, userId);
    },
  );

  api.delete(
    '/api/users/:userId/grants/:collectionId',
    {
      config: { audit: grantChangeAudit(false) },
      schema: {
        tags: ['users'],
        summary: 'Take a collection away from a user, from their next request (admins only)',
        params: grantParamsSchema,
        response: { 200: userSchema, ...errors },
      },
    },
    async (request) => {
      assertMay(principalOf(request), 'manage_users');
      const { userId, collectionId } = request.params;
      await revokeCollection(db, { userId, collectionId });
      return presentUser(db, userId);
    },
  );
}
