import { z } from 'zod';
import { isoDateTime } from './common.ts';
import { oneLineText } from './transcripts.ts';

export const noteSchema = z
  .object({
    id: z.string().describe('Note id; notes are numbered in the order they were written'),
    recordingId: z.string().describe('Recording id (UUID)'),
    segmentId: z.string().nullable().describe('The segment the note is on (null: the whole call)'),
    transcriptVersion: z.number().int().nullable().describe('Transcript version of that segment'),
    text: z.string().describe('The note'),
    author: z.string().describe('Who wrote it'),
    createdAt: isoDateTime.describe('When it was written'),
  })
  .describe('A note on a call or segment (notes are never changed or removed)');

export const notesResponseSchema = z
  .object({ notes: z.array(noteSchema).describe('Notes, oldest first') })
  .describe('Notes of a recording');

export const noteBodySchema = z
  .strictObject({
    segmentId: z
      .string()
      .regex(/^\d{1,18}$/, 'expected a segment id (digits)')
      .optional()
      .describe('Segment the note is on; leave out for a note on the whole call'),
    text: z.string().trim().min(1, 'the note is empty').max(10_000).describe('The note'),
    author: oneLineText
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe(
        'Ignored: the author is always the signed-in user (accepted so that older clients are not refused)',
      ),
  })
  .describe('A new note');

export type NoteResponse = z.infer<typeof noteSchema>;
