import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { addNote, listNotes } from '../../transcripts/notes.ts';
import { recordingTarget } from '../audit-hook.ts';
import { presentNote } from '../presenters/note.ts';
import { requireRecording } from '../queries/recording-detail.ts';
import { errorResponseSchema, recordingIdParamsSchema } from '../schemas/common.ts';
import { noteBodySchema, noteSchema, notesResponseSchema } from '../schemas/notes.ts';
import { scopeToCollections } from '../../accounts/collection-scope.ts';
import { principalOf } from '../../accounts/principal.ts';
import { assertMay } from '../../accounts/permissions.ts';
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
      await requireRecording(db, id, scopeToCollections(principalOf(request)));
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
        response: {
          201: noteSchema,
          400: errorResponseSchema,
          403: errorResponseSchema,
          404: errorResponseSchema,
        },
      },
      config: {
        audit: {
          action: 'add-note',
          target: recordingTarget,
          details: (request) => ({ segmentId: (request.body as { segmentId?: string }).segmentId ?? null }),
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const principal = principalOf(request);
      assertMay(principal, 'add_notes');
      await requireRecording(db, id, scopeToCollections(principal));
      const note = await addNote(db, {
        recordingId: id,
        segmentId: request.body.segmentId,
        text: request.body.text,
        author: principal.name,
      });
      return reply.code(201).send(presentNote(note));
    },
  );
}
