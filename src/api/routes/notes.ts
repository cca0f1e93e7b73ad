import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { addNote, listNotes } from '../../transcripts/notes.ts';
import { presentNote } from '../presenters/note.ts';
import { requireRecording } from '../queries/recording-detail.ts';
import { errorResponseSchema, recordingIdParamsSchema } from '../schemas/common.ts';
import { noteBodySchema, noteSchema, notesResponseSchema } from '../schemas/notes.ts';
import { signedInName } from '../session-guard.ts';
import type { RouteContext } from './context.ts';

export function registerNoteRoutes(app: FastifyInstance, { db }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/recordings/:id/notes',
    {
      schema: {
        tags: ['notes'],
        summary: 'Notes on a call and its segments, oldest first',
        params: recordingIdParamsSchema,
        response: { 200: notesResponseSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      await requireRecording(db, id);
      return { notes: (await listNotes(db, id)).map(presentNote) };
    },
  );

  api.post(
    '/api/recordings/:id/notes',
    {
      schema: {
        tags: ['notes'],
        summary: 'Add a note on the call or on one segment (notes are never changed or removed)',
        params: recordingIdParamsSchema,
        body: noteBodySchema,
        response: { 201: noteSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await requireRecording(db, id);
      const note = await addNote(db, {
        recordingId: id,
        segmentId: request.body.segmentId,
        text: request.body.text,
        author: signedInName(request),
      });
      return reply.code(201).send(presentNote(note));
    },
  );
}
