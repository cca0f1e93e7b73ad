import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { scopeToCollections } from '../../accounts/collection-scope.ts';
import { assertMay } from '../../accounts/permissions.ts';
import { principalOf } from '../../accounts/principal.ts';
import type { JsonObject } from '../../db/schema.ts';
import { protectEntity } from '../../publication/register/from-analysis.ts';
import {
  addProtectedIdentity,
  getRegisterEntry,
  registerOf,
  renamePseudonym,
  retireProtectedIdentity,
  type RegisterRow,
} from '../../publication/register/register-store.ts';
import { auditUnavailableResponse, recordingTarget } from '../audit-hook.ts';
import { presentEntryForms, presentRegisterEntry } from '../presenters/register.ts';
import { requireCollectionInScope } from '../queries/collections.ts';
import { requireRecording } from '../queries/recording-detail.ts';
import { errorResponseSchema, recordingIdParamsSchema } from '../schemas/common.ts';
import {
  addEntryBodySchema,
  entryFormsSchema,
  protectedIdentitySchema,
  protectEntityBodySchema,
  protectEntityResponseSchema,
  registerEntryParamsSchema,
  registerParamsSchema,
  registerSchema,
  renameBodySchema,
  retireBodySchema,
} from '../schemas/register.ts';
import type { RouteContext } from './context.ts';

/** What each change did, for its audit entry: which entry, under which pseudonym (never the label). */
const changeDetails = new WeakMap<FastifyRequest, JsonObject>();
const collectionTarget = (request: FastifyRequest): string =>
  (request.params as { collectionId: string }).collectionId;
const audited = (
  action: 'protect-identity' | 'rename-pseudonym' | 'retire-identity',
  target = collectionTarget,
) => ({
  audit: { action, target, details: (request: FastifyRequest) => changeDetails.get(request) ?? {} },
});
const entryDetails = (row: RegisterRow): JsonObject => ({
  collectionId: row.collection_id,
  entryId: row.id,
  kind: row.kind,
  pseudonym: row.pseudonym,
});

const changeErrors = {
  400: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema.describe('The pseudonym is, or was, another entry\u2019s in this collection'),
};

export function registerRegisterRoutes(app: FastifyInstance, { db }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/collections/:collectionId/register',
    {
      schema: {
        tags: ['publication'],
        summary: "A collection's protected-identity register, retired entries included",
        params: registerParamsSchema,
        response: {
          200: registerSchema,
          400: errorResponseSchema,
          404: errorResponseSchema,
          ...auditUnavailableResponse,
        },
      },
      config: { audit: { action: 'view-register', target: collectionTarget } },
    },
    async (request) => {
      const principal = principalOf(request);
      assertMay(principal, 'read');
      const register = await registerOf(db, request.params.collectionId, scopeToCollections(principal));
      return { collection: register.collection, entries: register.entries.map(presentRegisterEntry) };
    },
  );

  api.get(
    '/api/collections/:collectionId/register/:entryId/forms',
    {
      schema: {
        tags: ['publication'],
        summary:
          'Every form the matcher looks for to find an entry: inflections, diminutives, transliterations, ' +
          'numbers grouped and in words',
        params: registerEntryParamsSchema,
        response: {
          200: entryFormsSchema,
          400: errorResponseSchema,
          404: errorResponseSchema,
          ...auditUnavailableResponse,
        },
      },
      // The forms spell the name out: reading them is reading the register.
      config: {
        audit: {
          action: 'view-register',
          target: collectionTarget,
          details: (request: FastifyRequest) => ({
            entryId: (request.params as { entryId: string }).entryId,
          }),
        },
      },
    },
    async (request) => {
      const { collectionId, entryId } = request.params;
      const principal = principalOf(request);
      assertMay(principal, 'read');
      await requireCollectionInScope(db, collectionId, scopeToCollections(principal));
      return presentEntryForms(await getRegisterEntry(db, collectionId, entryId));
    },
  );

  api.post(
    '/api/collections/:collectionId/register',
    {
      schema: {
        tags: ['publication'],
        summary: 'Add an entry to the register by hand (the same identity again gives its live entry)',
        params: registerParamsSchema,
        body: addEntryBodySchema,
        response: { 201: protectEntityResponseSchema, ...changeErrors },
      },
      config: audited('protect-identity'),
    },
    async (request, reply) => {
      const { collectionId } = request.params;
      const body = request.body;
      const principal = principalOf(request);
      assertMay(principal, 'manage_register');
      await requireCollectionInScope(db, collectionId, scopeToCollections(principal));
      const person =
        body.kind === 'person'
          ? {
              firstName: body.firstName,
              patronymic: body.patronymic,
              surname: body.surname,
              gender: body.gender,
            }
          : undefined;
      const result = await addProtectedIdentity(db, {
        collectionId,
        kind: body.kind,
        label: body.label,
        pseudonym: body.pseudonym,
        person,
        otherNames: body.otherNames,
        voice: body.voice,
        actor: principal,
      });
      changeDetails.set(request, { ...entryDetails(result.entry), source: 'hand', created: result.created });
      return reply.code(201).send({ entry: presentRegisterEntry(result.entry), created: result.created });
    },
  );

  api.post(
    '/api/recordings/:id/register',
    {
      schema: {
        tags: ['publication'],
        summary:
          "Protect a person, number, place, call sign or unit of the call's current analysis in its collection's register " +
          '(one click; the same entity again gives its entry)',
        params: recordingIdParamsSchema,
        body: protectEntityBodySchema,
        response: { 200: protectEntityResponseSchema, ...changeErrors },
      },
      config: audited('protect-identity', recordingTarget),
    },
    async (request) => {
      const { id } = request.params;
      const principal = principalOf(request);
      assertMay(principal, 'manage_register');
      await requireRecording(db, id, scopeToCollections(principal));
      const result = await protectEntity(db, id, request.body.kind, request.body.value, principal);
      changeDetails.set(request, {
        ...entryDetails(result.entry),
        source: 'analysis',
        created: result.created,
      });
      return { entry: presentRegisterEntry(result.entry), created: result.created };
    },
  );

  api.post(
    '/api/collections/:collectionId/register/:entryId/pseudonym',
    {
      schema: {
        tags: ['publication'],
        summary: "Rename an entry's pseudonym (never to one the collection uses or used)",
        params: registerEntryParamsSchema,
        body: renameBodySchema,
        response: { 200: protectedIdentitySchema, ...changeErrors },
      },
      config: audited('rename-pseudonym'),
    },
    async (request) => {
      const { collectionId, entryId } = request.params;
      const principal = principalOf(request);
      assertMay(principal, 'manage_register');
      await requireCollectionInScope(db, collectionId, scopeToCollections(principal));
      const { entry, previous } = await renamePseudonym(
        db,
        collectionId,
        entryId,
        request.body.pseudonym,
        principal,
      );
      changeDetails.set(request, { ...entryDetails(entry), previous });
      return presentRegisterEntry(entry);
    },
  );

  api.post(
    '/api/collections/:collectionId/register/:entryId/retire',
    {
      schema: {
        tags: ['publication'],
        summary: 'Retire an entry: it is no longer protected, and is kept with who retired it, when and why',
        params: registerEntryParamsSchema,
        body: retireBodySchema,
        response: { 200: protectedIdentitySchema, ...changeErrors },
      },
      config: audited('retire-identity'),
    },
    async (request) => {
      const { collectionId, entryId } = request.params;
      const principal = principalOf(request);
      assertMay(principal, 'manage_register');
      await requireCollectionInScope(db, collectionId, scopeToCollections(principal));
      const entry = await retireProtectedIdentity(db, collectionId, entryId, request.body.reason, principal);
      changeDetails.set(request, { ...entryDetails(entry), reason: request.body.reason });
      return presentRegisterEntry(entry);
    },
  );
}
