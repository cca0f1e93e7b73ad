import { ROLE_PERMISSIONS } from '../../../src/accounts/permissions.ts';
export { isProtectableEntityKind } from '../../../src/publication/protected-identity.ts';
import { getJson, postJson } from './http.ts';
import type { GetResponse, PostBody, PostResponse } from './openapi.ts';
import type { Session } from './session.ts';

// The protected-identity register of a collection (src/api/schemas/register.ts).

export type Register = GetResponse<'/api/collections/{collectionId}/register'>;
export type RegisterEntry = Register['entries'][number];
export type NewRegisterEntry = PostBody<'/api/collections/{collectionId}/register'>;
export type ProtectEntityBody = PostBody<'/api/recordings/{id}/register'>;
export type ProtectedEntity = PostResponse<'/api/recordings/{id}/register', 200>;
export type EntryForms = GetResponse<'/api/collections/{collectionId}/register/{entryId}/forms'>;
export type FormOrigin = EntryForms['groups'][number]['origin'];

const registerUrl = (collectionId: string) => `/api/collections/${encodeURIComponent(collectionId)}/register`;

export function getRegister(collectionId: string, signal?: AbortSignal): Promise<Register> {
  return getJson(registerUrl(collectionId), signal);
}

export function addRegisterEntry(collectionId: string, body: NewRegisterEntry): Promise<unknown> {
  return postJson(registerUrl(collectionId), body);
}

/** Every form the matcher looks for to find the entry, grouped by where it comes from. */
export function getEntryForms(
  collectionId: string,
  entryId: string,
  signal?: AbortSignal,
): Promise<EntryForms> {
  return getJson(`${registerUrl(collectionId)}/${encodeURIComponent(entryId)}/forms`, signal);
}

/** One click on the Call page: the entity of the call's analysis into its collection's register. */
export function protectEntity(recordingId: string, body: ProtectEntityBody): Promise<ProtectedEntity> {
  return postJson(`/api/recordings/${encodeURIComponent(recordingId)}/register`, body);
}

export function renamePseudonym(
  collectionId: string,
  entryId: string,
  pseudonym: string,
): Promise<RegisterEntry> {
  return postJson(`${registerUrl(collectionId)}/${entryId}/pseudonym`, { pseudonym });
}

export function retireEntry(collectionId: string, entryId: string, reason: string): Promise<RegisterEntry> {
  return postJson(`${registerUrl(collectionId)}/${entryId}/retire`, { reason });
}

/** Whether the signed-in user's role may change registers (the server checks again). */
export async function mayManageRegister(signal?: AbortSignal): Promise<boolean> {
  const session = await getJson<Session>('/api/session', signal);
  return ROLE_PERMISSIONS[session.role].has('manage_register');
}

/** The kinds in words, for tables and forms. */
export const KIND_LABELS: Record<RegisterEntry['kind'], string> = {
  person: 'Person',
  call_sign: 'Call sign',
  phone: 'Phone number',
  unit: 'Unit',
  place: 'Place',
  cell_id: 'Cell id',
  voice: 'Voice',
};

/** The live entry protecting an entity of a call (same kind, label or other name), if any. */
export function entryForEntity(
  entries: readonly RegisterEntry[],
  kind: string,
  value: string,
): RegisterEntry | undefined {
  const fold = (s: string) => s.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
  const wanted = fold(value);
  return entries.find(
    (e) =>
      e.retired === null &&
      e.kind === kind &&
      (fold(e.label) === wanted || e.otherNames.some((n) => fold(n) === wanted)),
  );
}
