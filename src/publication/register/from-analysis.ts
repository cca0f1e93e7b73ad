import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { AnalysisEntitiesTable } from '../../db/schema.ts';
import {
  PROTECTABLE_ENTITY_KINDS,
  type ProtectableEntityKind,
  type ProtectedKind,
} from '../protected-identity.ts';
import { splitPersonName } from './person-name.ts';
import {
  addProtectedIdentity,
  type NewProtectedIdentity,
  type RegisterActor,
  type RegisterRow,
} from './register-store.ts';

/**
 * Adding to the register from what the analysis found in a call: one click on the Call page, and
 * `--protect-all` of the excerpt export. The entity is looked up in the recording's current
 * analysis by kind and value (the desk shows one chip per kind and value), so the entry is made
 * from the stored entity, never from what a client sends.
 */

/** The recording has no current analysis, or its analysis found no such entity. */
export class EntityNotInCall extends Error {}

type EntityRow = Selectable<AnalysisEntitiesTable> & { collection_id: string };

function currentEntities(db: Db, recordingId: string) {
  return db
    .selectFrom('analysis_current as c')
    .innerJoin('analysis_entities as e', 'e.run_id', 'c.run_id')
    .innerJoin('recordings as r', 'r.id', 'c.recording_id')
    .selectAll('e')
    .select('r.collection_id')
    .where('c.recording_id', '=', recordingId)
    .orderBy('e.id');
}

/** The entry an entity makes: persons split into name parts, places under their gazetteer names. */
export function entryFromEntity(
  entity: EntityRow,
  recordingId: string,
  actor: RegisterActor,
): NewProtectedIdentity {
  const base = {
    collectionId: entity.collection_id,
    kind: entity.kind as ProtectedKind,
    label: entity.value,
    source: { recordingId, entityId: entity.id },
    actor,
  };
  if (entity.kind === 'person') {
    const surface = entity.surface.trim();
    const otherNames = surface.toLowerCase() === entity.value.toLowerCase() ? [] : [surface];
    return { ...base, person: splitPersonName(entity.value), otherNames };
  }
  if (entity.kind === 'place') {
    // The Russian gazetteer name is the label (the transcripts are Russian); the English and
    // Ukrainian names are kept beside it so that every form can be found.
    const names = [entity.place_name_ru, entity.value, entity.place_name_en, entity.place_name_uk];
    const [label, ...others] = [...new Set(names.filter((n): n is string => n !== null && n.trim() !== ''))];
    return { ...base, label: label ?? entity.value, otherNames: others };
  }
  return base;
}

/** Adds one entity of the call's current analysis to its collection's register (idempotent). */
export async function protectEntity(
  db: Db,
  recordingId: string,
  kind: ProtectableEntityKind,
  value: string,
  actor: RegisterActor,
): Promise<{ entry: RegisterRow; created: boolean }> {
  const entity = await currentEntities(db, recordingId)
    .where('e.kind', '=', kind)
    .where('e.value', '=', value)
    .executeTakeFirst();
  if (!entity)
    throw new EntityNotInCall(
      `The current analysis of recording ${recordingId} found no ${kind.replace('_', ' ')} "${value}"`,
    );
  return addProtectedIdentity(db, entryFromEntity(entity, recordingId, actor));
}

/**
 * Adds every person, phone number, call sign, place and unit of the call's current analysis to its
 * collection's register, in the order they occur (so pseudonyms follow the call). Entities already
 * protected keep their entries. A call without an analysis is refused: protecting "everything"
 * when nothing was looked for would protect nothing and say nothing.
 */
export async function protectAllInCall(
  db: Db,
  recordingId: string,
  actor: RegisterActor,
): Promise<{ entries: RegisterRow[]; added: number }> {
  const analysed = await db
    .selectFrom('analysis_current')
    .select('run_id')
    .where('recording_id', '=', recordingId)
    .executeTakeFirst();
  if (!analysed)
    throw new EntityNotInCall(
      `Recording ${recordingId} has no analysis yet: analyse it before protecting its names`,
    );
  const entities = await currentEntities(db, recordingId)
    .innerJoin('transcript_segments as s', 's.id', 'e.transcript_segment_id')
    .where('e.kind', 'in', PROTECTABLE_ENTITY_KINDS)
    .clearOrderBy()
    .orderBy('s.position')
    .orderBy('e.start_offset')
    .orderBy('e.id')
    .execute();
  const seen = new Set<string>();
  const entries: RegisterRow[] = [];
  let added = 0;
  for (const entity of entities) {
    const key = `${entity.kind}\u0000${entity.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const result = await addProtectedIdentity(db, entryFromEntity(entity, recordingId, actor));
    entries.push(result.entry);
    if (result.created) added++;
  }
  return { entries, added };
}
