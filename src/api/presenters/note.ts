import type { NoteRow } from '../../transcripts/notes.ts';
import type { NoteResponse } from '../schemas/notes.ts';
import { iso } from './dates.ts';

export function presentNote(n: NoteRow): NoteResponse {
  return {
    id: String(n.id),
    recordingId: n.recording_id,
    segmentId: n.transcript_segment_id === null ? null : String(n.transcript_segment_id),
    transcriptVersion: n.transcript_version,
    text: n.text,
    author: n.author,
    createdAt: iso(n.created_at),
  };
}
