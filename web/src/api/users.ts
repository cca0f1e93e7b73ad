import { getJson, sendJson } from './http.ts';
import type { GetResponse } from './openapi.ts';

// GET /api/users, PUT /api/users/{userId}/role, PUT and DELETE
// /api/users/{userId}/grants/{collectionId} (src/api/routes/users.ts; admins only).

export type UserList = GetResponse<'/api/users'>;
export type User = UserList['items'][number];
export type Role = User['role'];

export const ROLES: readonly Role[] = ['admin', 'editor', 'reviewer', 'transcriber', 'viewer'];

export function listUsers(signal?: AbortSignal): Promise<UserList> {
  return getJson('/api/users', signal);
}

export function changeRole(userId: string, role: Role): Promise<User> {
  return sendJson('PUT', `/api/users/${encodeURIComponent(userId)}/role`, { role });
}

const grantPath = (userId: string, collectionId: string) =>
  `/api/users/${encodeURIComponent(userId)}/grants/${encodeURIComponent(collectionId)}`;

export function grantCollection(userId: string, collectionId: string): Promise<User> {
  return sendJson('PUT', grantPath(userId, collectionId));
}

export function revokeCollection(userId: string, collectionId: string): Promise<User> {
  return sendJson('DELETE', grantPath(userId, collectionId));
}
