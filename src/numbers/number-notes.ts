import type { Db } from '../db/database.ts';
import type { AttributionConfidence, NumberNotesTable } from '../db/schema.ts';
import type { Selectable } from 'kysely';
import { collectionCondition, type CollectionScope } from '../accounts/collection-scope.ts';

/**
 * Notes and attributions on a phone number, shared across a collection (migration 0022). The one
 * owner of number_notes: entries are only ever added; a correction is a new entry that supersedes
 * an earlier one of the same collection and number.
 */

/** The confidence scale of an attribution, weakest first (docs/phone-numbers.md says what each means). */
export const ATTRIBUTION_CONFIDENCES: readonly AttributionConfidence[] = ['low', 'medium', 'high'];

export type NumberNoteRow = Selectable<NumberNotesTable> & {
  collection_name: string;
  /** The entry that corrects this one, if any. */
  superseded_by: string | null;
};

/** A note or attribution that cannot be stored as asked (names the problem). */
export class NumberNoteRejected extends Error {}

/** The entry to correct has been corrected already (by someone else, most likely): reload. */
export class NumberNoteAlreadySuperseded extends Error {}

export interface NewNumberNote {
  collectionId: string;
  number: string;
  kind: 'note' | 'attribution';
  text: string;
  /** Attributions: who the subscriber is believed to be, from what source, how sure. */
  attribution?: { subscriber: string; source: string; confidence: AttributionConfidence };
  supersedesId?: string;
  userId: string | null;
  author: string;
}

function notesQuery(db: Db) {
  return db
    .selectFrom('number_notes as n')
    .innerJoin('collections as c', 'c.id', 'n.collection_id')
    .leftJoin('number_notes as later', 'later.supersedes_id', 'n.id')
    .selectAll('n')
    .select(['c.name as collection_name', 'later.id as superseded_by']);
}

/** The entries on a number in the collections of the scope, oldest first. */
export async function listNumberNotes(
  db: Db,
  number: string,
  scope: CollectionScope,
): Promise<NumberNoteRow[]> {
  return notesQuery(db)
    .where('n.number', '=', number)
    .where(collectionCondition('n.collection_id', scope))
    .orderBy('n.id')
    .execute();
}

/**
 * Adds an entry. The collection must be in scope (the caller has checked it); a superseded entry
 * must be of the same collection and number and not already superseded, so that corrections form
 * one line per entry.
 */
export async function addNumberNote(db: Db, note: NewNumberNote): Promise<NumberNoteRow> {
  const text = note.text.trim();
  if (text === '') throw new NumberNoteRejected('the note is empty');
  if (note.kind === 'attribution' && !note.attribution)
    throw new NumberNoteRejected('an attribution needs the subscriber, a source and a confidence');
  if (note.kind === 'note' && note.attribution)
    throw new NumberNoteRejected('a note has no subscriber, source or confidence: make it an attribution');
  if (note.supersedesId !== undefined) await checkSupersedable(db, note);
  const inserted = await db
    .insertInto('number_notes')
    .values({
      collection_id: note.collectionId,
      number: note.number,
      kind: note.kind,
      text,
      subscriber: note.attribution?.subscriber.trim() ?? null,
      source: note.attribution?.source.trim() ?? null,
      confidence: note.attribution?.confidence ?? null,
      supersedes_id: note.supersedesId ?? null,
      user_id: note.userId,
      author: note.author,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
    .catch((error: unknown) => {
      // Two corrections of one entry at once: the unique index lets one through.
      if (isUniqueViolation(error, 'number_notes_supersedes_idx'))
        throw new NumberNoteAlreadySuperseded(
          `entry ${note.supersedesId} has just been superseded by someone else: reload and correct the newer entry`,
        );
      throw error;
    });
  return notesQuery(db).where('n.id', '=', inserted.id).executeTakeFirstOrThrow();
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string };
  return e.code === '23505' && e.constraint === constraint;
}

async function checkSupersedable(db: Db, note: NewNumberNote): Promise<void> {
  const earlier = await db
    .selectFrom('number_notes')
    .select(['id', 'collection_id', 'number'])
    .where('id', '=', note.supersedesId!)
    .executeTakeFirst();
  if (!earlier || earlier.collection_id !== note.collectionId || earlier.number !== note.number)
    throw new NumberNoteRejected(
      `entry ${note.supersedesId} is not an entry on ${note.number} in this collection`,
    );
  const later = await db
    .selectFrom('number_notes')
    .select('id')
    .where('supersedes_id', '=', note.supersedesId!)
    .executeTakeFirst();
  if (later)
    throw new NumberNoteAlreadySuperseded(
      `entry ${note.supersedesId} is already superseded by entry ${later.id}: correct that one instead`,
    );
}
