import { sql, type Selectable } from 'kysely';
import { collectionCondition, type CollectionScope } from '../../accounts/collection-scope.ts';
import type { Actor } from '../../accounts/principal.ts';
import { CollectionNotFound } from '../../accounts/grants.ts';
import type { Db } from '../../db/database.ts';
import type { ProtectedIdentitiesTable } from '../../db/schema.ts';
import { DEFAULT_PHONE_REGION, normalisePhoneNumber } from '../../ingest/metadata/phone-number.ts';
import { PROTECTED_KINDS, type ProtectedIdentity, type ProtectedKind } from '../protected-identity.ts';
import { splitPersonName } from './person-name.ts';
import { defaultPseudonym, pseudonymKey, tidyPseudonym } from './pseudonyms.ts';

/**
 * The one writer of a collection's protected-identity register (migration 0026). Entries are
 * added, renamed and retired here and nowhere else; nothing is deleted. Callers check the
 * principal's permission and the collection's scope before calling; the API records each change
 * in the audit log.
 */

export type RegisterRow = Selectable<ProtectedIdentitiesTable> & {
  /** Pseudonyms the entry had before its current one, oldest first. */
  former_pseudonyms: string[];
};

/** Who makes a change: a signed-in user, or the CLI's local operator (user id null). */
export type RegisterActor = Pick<Actor, 'userId' | 'name'>;

/** An entry that cannot be stored as asked (names the problem). */
export class ProtectedIdentityRejected extends Error {}
/** The pseudonym is, or was, another entry's in this collection. */
export class PseudonymTaken extends Error {}
/** No such entry in the collection (or the collection is out of scope). */
export class ProtectedIdentityNotFound extends Error {}

export interface NewProtectedIdentity {
  collectionId: string;
  kind: ProtectedKind;
  label: string;
  /** Given by a person ("A's mother"); otherwise the next default of the kind. */
  pseudonym?: string;
  person?: { firstName?: string; patronymic?: string; surname?: string; gender?: 'male' | 'female' };
  otherNames?: readonly string[];
  voice?: { recordingId: string; lane: string };
  source?: { recordingId: string; entityId: string };
  actor: RegisterActor;
}

function registerQuery(db: Db) {
  return db
    .selectFrom('protected_identities as p')
    .selectAll('p')
    .select(
      sql<string[]>`coalesce((SELECT array_agg(h.pseudonym ORDER BY h.id) FROM protected_identity_pseudonyms h
        WHERE h.identity_id = p.id AND h.pseudonym <> p.pseudonym), '{}')`.as('former_pseudonyms'),
    );
}

/** Every entry of a collection, retired ones included, in the order they were added. */
export async function listRegister(db: Db, collectionId: string): Promise<RegisterRow[]> {
  return registerQuery(db).where('p.collection_id', '=', collectionId).orderBy('p.id').execute();
}

export async function getRegisterEntry(db: Db, collectionId: string, id: string): Promise<RegisterRow> {
  if (!/^\d{1,18}$/.test(id))
    throw new ProtectedIdentityNotFound(`No protected identity ${id} in this collection`);
  const row = await registerQuery(db)
    .where('p.collection_id', '=', collectionId)
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new ProtectedIdentityNotFound(`No protected identity ${id} in this collection`);
  return row;
}

/** A collection's register as a reader in `scope` sees it; CollectionNotFound outside the scope. */
export async function registerOf(
  db: Db,
  collectionId: string,
  scope: CollectionScope,
): Promise<{ collection: { id: string; name: string }; entries: RegisterRow[] }> {
  const collection = await db
    .selectFrom('collections as c')
    .select(['c.id', 'c.name'])
    .where('c.id', '=', collectionId)
    .where(collectionCondition('c.id', scope))
    .executeTakeFirst();
  if (!collection) throw new CollectionNotFound(collectionId);
  return { collection, entries: await listRegister(db, collectionId) };
}

/** The live entries of a collection in the shape of the publication contract. */
export async function loadProtectedIdentities(db: Db, collectionId: string): Promise<ProtectedIdentity[]> {
  const rows = await listRegister(db, collectionId);
  return rows.filter((r) => r.retired_at === null).map(toProtectedIdentity);
}

export function toProtectedIdentity(row: Selectable<ProtectedIdentitiesTable>): ProtectedIdentity {
  const identity: ProtectedIdentity = {
    id: row.id,
    collectionId: row.collection_id,
    kind: row.kind,
    label: row.label,
    pseudonym: row.pseudonym,
  };
  if (row.kind === 'person')
    identity.person = {
      ...(row.first_name !== null && { firstName: row.first_name }),
      ...(row.patronymic !== null && { patronymic: row.patronymic }),
      ...(row.surname !== null && { surname: row.surname }),
      ...(row.gender !== null && { gender: row.gender }),
      otherNames: row.other_names,
    };
  else if (row.other_names.length > 0) identity.otherNames = [...row.other_names];
  if (row.voice_recording_id !== null && row.voice_lane !== null)
    identity.voice = { recordingId: row.voice_recording_id, lane: row.voice_lane };
  return identity;
}

/** Serialises the register's writers per collection, so numbering and uniqueness checks hold. */
async function lockRegister(trx: Db, collectionId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`protected_identities:${collectionId}`}, 0))`.execute(
    trx,
  );
}

async function pseudonymOwner(trx: Db, collectionId: string, pseudonym: string): Promise<string | undefined> {
  const row = await trx
    .selectFrom('protected_identity_pseudonyms')
    .select('identity_id')
    .where('collection_id', '=', collectionId)
    .where(sql<string>`lower(pseudonym)`, '=', pseudonymKey(pseudonym))
    .executeTakeFirst();
  return row?.identity_id;
}

async function nextDefaultPseudonym(trx: Db, collectionId: string, kind: ProtectedKind): Promise<string> {
  const { n } = await trx
    .selectFrom('protected_identities')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('collection_id', '=', collectionId)
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow();
  for (let i = Number(n) + 1; ; i++) {
    const candidate = defaultPseudonym(kind, i);
    if ((await pseudonymOwner(trx, collectionId, candidate)) === undefined) return candidate;
  }
}

function cleanLabel(kind: ProtectedKind, label: string): string {
  const text = label.trim().replace(/\s+/g, ' ');
  if (text === '')
    throw new ProtectedIdentityRejected('the entry has no label: say who or what is protected');
  if (kind !== 'phone') return text;
  const phone = normalisePhoneNumber(text, DEFAULT_PHONE_REGION);
  if (phone.e164 === null) throw new ProtectedIdentityRejected(phone.problem);
  return phone.e164;
}

function checkShape(entry: NewProtectedIdentity): void {
  if (!PROTECTED_KINDS.includes(entry.kind))
    throw new ProtectedIdentityRejected(`unknown kind ${entry.kind}`);
  if (entry.person && entry.kind !== 'person')
    throw new ProtectedIdentityRejected('name parts belong to a person entry');
  if ((entry.kind === 'voice') !== (entry.voice !== undefined))
    throw new ProtectedIdentityRejected('a voice entry, and only a voice entry, names a recording and lane');
}

const hasNameParts = (person: NewProtectedIdentity['person']): boolean =>
  [person?.firstName, person?.patronymic, person?.surname].some((p) => p !== undefined && p.trim() !== '');

const tidy = (text: string | undefined): string | null => {
  const t = text?.trim().replace(/\s+/g, ' ');
  return t === undefined || t === '' ? null : t;
};

/**
 * Adds an entry, or returns the live entry for the same identity (same kind and label, or the
 * same voice lane) if there is one: adding twice is harmless. `created` says which happened.
 */
export async function addProtectedIdentity(
  db: Db,
  entry: NewProtectedIdentity,
): Promise<{ entry: RegisterRow; created: boolean }> {
  checkShape(entry);
  const label = cleanLabel(entry.kind, entry.label);
  // A person entered by full name alone is split as an analysis entity would be, so that every
  // entry has the name parts the forms of a name are made from.
  const person =
    entry.kind === 'person' && !hasNameParts(entry.person) ? splitPersonName(label) : entry.person;
  const wanted = entry.pseudonym === undefined ? undefined : tidyPseudonym(entry.pseudonym);
  if (wanted === '') throw new ProtectedIdentityRejected('the pseudonym is empty');
  const result = await db.transaction().execute(async (trx) => {
    await lockRegister(trx, entry.collectionId);
    const existing = await findLive(trx, entry.collectionId, entry.kind, label, entry.voice);
    if (existing !== undefined) return { id: existing, created: false };
    if (wanted !== undefined && (await pseudonymOwner(trx, entry.collectionId, wanted)) !== undefined)
      throw new PseudonymTaken(`"${wanted}" is already used in this collection's register: choose another`);
    const pseudonym = wanted ?? (await nextDefaultPseudonym(trx, entry.collectionId, entry.kind));
    const otherNames = [...new Set((entry.otherNames ?? []).map((n) => tidy(n)).filter((n) => n !== null))];
    const row = await trx
      .insertInto('protected_identities')
      .values({
        collection_id: entry.collectionId,
        kind: entry.kind,
        label,
        pseudonym,
        first_name: tidy(person?.firstName),
        patronymic: tidy(person?.patronymic),
        surname: tidy(person?.surname),
        gender: person?.gender ?? null,
        other_names: otherNames,
        voice_recording_id: entry.voice?.recordingId ?? null,
        voice_lane: entry.voice?.lane ?? null,
        source: entry.source ? 'analysis' : 'hand',
        source_recording_id: entry.source?.recordingId ?? null,
        source_entity_id: entry.source?.entityId ?? null,
        added_by_user_id: entry.actor.userId,
        added_by: entry.actor.name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordPseudonym(trx, row.id, entry.collectionId, pseudonym, entry.actor);
    return { id: row.id, created: true };
  });
  return { entry: await getRegisterEntry(db, entry.collectionId, result.id), created: result.created };
}

async function findLive(
  trx: Db,
  collectionId: string,
  kind: ProtectedKind,
  label: string,
  voice: NewProtectedIdentity['voice'],
): Promise<string | undefined> {
  let query = trx
    .selectFrom('protected_identities')
    .select('id')
    .where('collection_id', '=', collectionId)
    .where('kind', '=', kind)
    .where('retired_at', 'is', null);
  query = voice
    ? query.where('voice_recording_id', '=', voice.recordingId).where('voice_lane', '=', voice.lane)
    : query.where(
        'label_key',
        '=',
        sql<string>`btrim(regexp_replace(lower(translate(${label}, 'Ёё', 'Ее')), '\\s+', ' ', 'g'))`,
      );
  return (await query.executeTakeFirst())?.id;
}

async function recordPseudonym(
  trx: Db,
  identityId: string,
  collectionId: string,
  pseudonym: string,
  actor: RegisterActor,
): Promise<void> {
  await trx
    .insertInto('protected_identity_pseudonyms')
    .values({
      identity_id: identityId,
      collection_id: collectionId,
      pseudonym,
      set_by_user_id: actor.userId,
      set_by: actor.name,
    })
    .execute();
}

/**
 * Renames an entry's pseudonym. A name another entry of the collection has, or once had, is
 * refused; an entry may take back a name it had itself. Retired entries keep their last name.
 */
export async function renamePseudonym(
  db: Db,
  collectionId: string,
  id: string,
  pseudonym: string,
  actor: RegisterActor,
): Promise<{ entry: RegisterRow; previous: string }> {
  const wanted = tidyPseudonym(pseudonym);
  if (wanted === '') throw new ProtectedIdentityRejected('the pseudonym is empty');
  const entry = await getRegisterEntry(db, collectionId, id);
  if (entry.retired_at !== null)
    throw new ProtectedIdentityRejected(`entry ${id} is retired: its pseudonym stays as it was`);
  if (entry.pseudonym === wanted) return { entry, previous: entry.pseudonym };
  await db.transaction().execute(async (trx) => {
    await lockRegister(trx, collectionId);
    const owner = await pseudonymOwner(trx, collectionId, wanted);
    if (owner !== undefined && owner !== id)
      throw new PseudonymTaken(
        `"${wanted}" is, or was, another entry's pseudonym in this collection: choose another`,
      );
    await trx
      .updateTable('protected_identities')
      .set({ pseudonym: wanted })
      .where('id', '=', id)
      .where('retired_at', 'is', null)
      .execute();
    await recordPseudonym(trx, id, collectionId, wanted, actor);
  });
  return { entry: await getRegisterEntry(db, collectionId, id), previous: entry.pseudonym };
}

/** Retires an entry: it stays in the register, marked with who retired it, when and why. */
export async function retireProtectedIdentity(
  db: Db,
  collectionId: string,
  id: string,
  reason: string,
  actor: RegisterActor,
): Promise<RegisterRow> {
  const why = reason.trim();
  if (why === '') throw new ProtectedIdentityRejected('say why the entry is no longer protected');
  const entry = await getRegisterEntry(db, collectionId, id);
  if (entry.retired_at !== null)
    throw new ProtectedIdentityRejected(`entry ${id} was retired already by ${entry.retired_by}`);
  await db
    .updateTable('protected_identities')
    .set({
      retired_at: sql<Date>`clock_timestamp()`,
      retired_by_user_id: actor.userId,
      retired_by: actor.name,
      retired_reason: why,
    })
    .where('id', '=', id)
    .where('retired_at', 'is', null)
    .execute();
  return getRegisterEntry(db, collectionId, id);
}
