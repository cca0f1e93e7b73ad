import type { Db } from '../db/database.ts';
import { recordingOfSegment } from './transcript-store.ts';

/** Notes on a call or one of its segments: append-only, newest last. */

export interface NoteRow {
  id: string;
  recording_id: string;
  transcript_segment_id: string | null;
  transcript_version: number | null;
  text: string;
  author: string;
  created_at: Date;
}

export class NoteRejected extends Error {}

function notesQuery(db: Db) {
  return db
    .selectFrom('desk_notes as n')
    .leftJoin('transcript_segments as s', 's.id', 'n.transcript_segment_id')
    .leftJoin('transcripts as t', 't.id', 's.transcript_id')
    .select([
      'n.id',
      'n.recording_id',
      'n.transcript_segment_id',
      't.version as transcript_version',
      'n.text',
      'n.author',
      'n.created_at',
    ]);
}

export async function listNotes(db: Db, recordingId: string): Promise<NoteRow[]> {
  return notesQuery(db).where('n.recording_id', '=', recordingId).orderBy('n.id').execute();
}

/** Adds a note; a segment must belong to one of the recording's transcript versions. */
export async function addNote(
  db: Db,
  note: { recordingId: string; segmentId?: string; text: string; author: string },
): Promise<NoteRow> {
  const text = note.text.trim();
  if (text === '') throw new NoteRejected('the note is empty');
  if (note.segmentId !== undefined) {
    if ((await recordingOfSegment(db, note.segmentId)) !== note.recordingId) {
      throw new NoteRejected(`segment ${note.segmentId} is not a segment of this recording's transcripts`);
    }
  }
  const inserted = await db
    .insertInto('desk_notes')
    .values({
      recording_id: note.recordingId,
      transcript_segment_id: note.segmentId ?? null,
      text,
      author: note.author,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return notesQuery(db).where('n.id', '=', inserted.id).executeTakeFirstOrThrow();
}
