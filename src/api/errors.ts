import {
  errorCodes,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ActionForbidden } from '../accounts/permissions.ts';
import { CollectionNotFound, UserNotFound } from '../accounts/grants.ts';
import { NotSignedInError } from '../accounts/principal.ts';
import { LastAdminRole } from '../accounts/user-roles.ts';
import { AccountProblem } from '../accounts/account-errors.ts';
import { SignInFailed, SignInThrottled } from '../accounts/sign-in.ts';
import { IngestUsageError } from '../ingest/errors.ts';
import { PeaksSourceMissingError, PeaksSourceUndecodable } from '../media/waveform-peaks-cache.ts';
import { RecordingNotFound } from '../recordings/recording-not-found.ts';
import { QueryParseError } from '../search/query-parser.ts';
import { NoteRejected } from '../transcripts/notes.ts';
import { NumberNoteAlreadySuperseded, NumberNoteRejected } from '../numbers/number-notes.ts';
import { DuplicateLeadNotFound } from '../fingerprint/duplicate-leads.ts';
import { EnvironmentError } from '../runtime/environment-error.ts';
import { CorrectionConflict, CorrectionRejected } from '../transcripts/correction.ts';
import { MachineOfferConflict, MachineVersionNotFound } from '../transcripts/machine-offer.ts';
import {
  SegmentNotInCall,
  TranslationCorrectionConflict,
  TranslationCorrectionRejected,
} from '../translation/translation-correction.ts';
import { StoredFileQuarantined } from '../ingest/store-quarantine.ts';
import { BundleSourceChanged } from '../evidence/bundle-writer.ts';
import { ExportNotFound } from '../evidence/desk-exports.ts';
import { ExportCollectionNotFound, ExportRefused, ExportTooLarge } from '../evidence/export-evidence.ts';
import { SigningKeyError } from '../evidence/signing-key.ts';
import { StoredFileChanged } from './audio/served-file-check.ts';
import { CrossSiteWriteRefused, FormBodyRefused, HostNotAllowed } from './security/request-guard.ts';
import { AuditUnavailable } from './audit-hook.ts';
import { SavedSearchNotFound, TriageRejected } from '../triage/triage-errors.ts';
import { CsrfRejected } from './session-errors.ts';
import { UploadRejected } from './uploads/receive-upload.ts';
import type { ErrorResponse } from './schemas/common.ts';
import { AttachmentTooLarge } from '../verification/attachments.ts';
import { CaseChanged } from '../verification/case-store.ts';
import { EvidenceRejected } from '../verification/evidence-input.ts';
import { CaseStepForbidden, CaseStepRefused } from '../verification/workflow.ts';
import { SelectionRejected } from '../publication/excerpt/selection.ts';
import { CallNotVerified, PublicationOverrideRefused } from '../publication/excerpt/publish-policy.ts';
import { ExcerptLeaked } from '../publication/excerpt/export-excerpt.ts';
import { LeakCheckModelMissing } from '../publication/leak-check/audio-heard.ts';
import { ExcerptPreviewNotFound } from '../publication/excerpt/excerpt-preview.ts';
import { ExcerptExportNotFound } from '../publication/excerpt/desk-excerpts.ts';
import { ClipRequestError } from '../publication/media/redaction-spans.ts';
import { EntityNotInCall } from '../publication/register/from-analysis.ts';
import {
  ProtectedIdentityNotFound,
  ProtectedIdentityRejected,
  PseudonymTaken,
} from '../publication/register/register-store.ts';

/** Thrown by handlers for answers other than 200; the error handler turns it into JSON. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 416 | 421 | 422 | 429 | 503,
    readonly code: ErrorResponse['error'],
    message: string,
    /** One entry per invalid value, for a 400 that names several fields. */
    readonly issues?: ErrorResponse['issues'],
  ) {
    super(message);
  }
}

export const notFound = (message: string): ApiError => new ApiError(404, 'not_found', message);

interface DomainErrorAnswer {
  status: ApiError['statusCode'];
  code: ErrorResponse['error'];
  /** The message the client reads; the error's own message when left out. */
  message?: string;
  /** Logged at error level: something stored is damaged or missing, not a bad request. */
  logAsError?: boolean;
  /** Response headers the answer needs (Retry-After on a throttled sign-in). */
  headers?: Record<string, string>;
  /** One entry per problem, when there are several (each hit of a refused leak check). */
  issues?: ErrorResponse['issues'];
}

interface DomainErrorRule<E extends Error> {
  type: abstract new (...args: never[]) => E;
  answer: (error: E) => DomainErrorAnswer;
}

const rule = <E extends Error>(
  type: DomainErrorRule<E>['type'],
  answer: DomainErrorRule<E>['answer'],
): DomainErrorRule<Error> => ({
  type,
  answer: answer as DomainErrorRule<Error>['answer'],
});

/**
 * The one table from domain errors to HTTP answers. Routes let these errors propagate and the
 * error handler answers them here; a new domain error a client can cause gets a row, not a
 * try/catch in its route. The first matching row wins.
 */
const DOMAIN_ERRORS: readonly DomainErrorRule<Error>[] = [
  rule(NotSignedInError, () => ({ status: 401, code: 'not_signed_in' })),
  // A role that may not do this: 403, said the same way whatever the target, so it reveals nothing.
  // A target outside the user's collections is a RecordingNotFound (404) like one that does not exist.
  rule(ActionForbidden, () => ({ status: 403, code: 'forbidden' })),
  rule(CsrfRejected, () => ({ status: 403, code: 'forbidden' })),
  rule(SignInFailed, () => ({ status: 401, code: 'sign_in_failed' })),
  rule(SignInThrottled, (e) => ({
    status: 429,
    code: 'too_many_attempts',
    headers: { 'retry-after': String(e.retryAfterSeconds) },
  })),
  rule(AccountProblem, () => ({ status: 400, code: 'bad_request' })),
  rule(RecordingNotFound, () => ({ status: 404, code: 'not_found' })),
  rule(UserNotFound, () => ({ status: 404, code: 'not_found' })),
  rule(CollectionNotFound, () => ({ status: 404, code: 'not_found' })),
  rule(LastAdminRole, () => ({ status: 409, code: 'conflict' })),
  rule(CorrectionRejected, () => ({ status: 400, code: 'bad_request' })),
  rule(CorrectionConflict, () => ({ status: 409, code: 'conflict' })),
  rule(MachineOfferConflict, () => ({ status: 409, code: 'conflict' })),
  rule(MachineVersionNotFound, () => ({ status: 404, code: 'not_found' })),
  // A correction of the English: empty or unchanged text, English changed since, a foreign segment.
  rule(TranslationCorrectionRejected, () => ({ status: 400, code: 'bad_request' })),
  rule(TranslationCorrectionConflict, () => ({ status: 409, code: 'conflict' })),
  rule(SegmentNotInCall, () => ({ status: 404, code: 'not_found' })),
  rule(NoteRejected, () => ({ status: 400, code: 'bad_request' })),
  rule(NumberNoteRejected, () => ({ status: 400, code: 'bad_request' })),
  rule(NumberNoteAlreadySuperseded, () => ({ status: 409, code: 'conflict' })),
  rule(DuplicateLeadNotFound, () => ({ status: 404, code: 'not_found' })),
  // Triage: a tag or selection refused, a saved search that is not (or no longer) the user's.
  rule(TriageRejected, () => ({ status: 400, code: 'bad_request' })),
  rule(SavedSearchNotFound, () => ({ status: 404, code: 'not_found' })),
  // The protected-identity register: a bad entry, a pseudonym in use, an entry or entity not there.
  rule(ProtectedIdentityRejected, () => ({ status: 400, code: 'bad_request' })),
  rule(PseudonymTaken, () => ({ status: 409, code: 'conflict' })),
  rule(ProtectedIdentityNotFound, () => ({ status: 404, code: 'not_found' })),
  rule(EntityNotInCall, () => ({ status: 404, code: 'not_found' })),
  // Verification case files: a step the workflow refuses, one that is not this user's to take
  // (a sign-off of one's own proposal), a case someone else moved first, evidence refused.
  rule(CaseStepRefused, () => ({ status: 400, code: 'bad_request' })),
  rule(CaseStepForbidden, () => ({ status: 403, code: 'forbidden' })),
  rule(CaseChanged, () => ({ status: 409, code: 'conflict' })),
  rule(EvidenceRejected, () => ({ status: 400, code: 'bad_request' })),
  rule(AttachmentTooLarge, () => ({ status: 413, code: 'payload_too_large' })),
  // Publication (issue 14): a selection that is no excerpt, a call not verified for publication,
  // an override by a non-admin (403) or without a reason (400).
  rule(SelectionRejected, () => ({ status: 400, code: 'bad_request' })),
  rule(CallNotVerified, () => ({ status: 409, code: 'conflict' })),
  rule(PublicationOverrideRefused, (e) =>
    e.byRole ? { status: 403, code: 'forbidden' } : { status: 400, code: 'bad_request' },
  ),
  // The leak check found protected forms in what an export wrote (nothing was kept): every hit.
  rule(ExcerptLeaked, (e) => ({ status: 422, code: 'leak_found', issues: e.hits.map(leakIssue) })),
  // The audio check is never skipped: without its model nothing is exported (the message says how to install it).
  rule(LeakCheckModelMissing, () => ({ status: 503, code: 'unavailable' })),
  rule(ClipRequestError, () => ({ status: 400, code: 'bad_request' })),
  rule(ExcerptPreviewNotFound, () => ({ status: 404, code: 'not_found' })),
  rule(ExcerptExportNotFound, () => ({ status: 404, code: 'not_found' })),
  rule(QueryParseError, (e) => ({
    status: 400,
    code: 'bad_request',
    message: `Invalid search query: ${e.message}`,
  })),
  rule(PeaksSourceMissingError, (e) => ({
    status: 404,
    code: 'not_found',
    message: `The ${e.source.description} is missing from the store on disk`,
    logAsError: true,
  })),
  rule(PeaksSourceUndecodable, (e) => ({
    status: 422,
    code: 'undecodable_media',
    message:
      `The ${e.source.description} could not be decoded (${e.message}); ` +
      'the original is untouched; `earshot redo decode --force` makes the working copies again',
    logAsError: true,
  })),
  rule(UploadRejected, (e) => ({
    status: e.statusCode,
    code: e.statusCode === 413 ? 'payload_too_large' : 'bad_request',
  })),
  rule(IngestUsageError, () => ({ status: 400, code: 'bad_request' })),
  // Evidence exports: a collection outside the user's reach is a 404 like a call; over the limit, 413.
  rule(ExportNotFound, () => ({ status: 404, code: 'not_found' })),
  rule(ExportCollectionNotFound, () => ({ status: 404, code: 'not_found' })),
  rule(ExportTooLarge, () => ({ status: 413, code: 'payload_too_large' })),
  rule(ExportRefused, () => ({ status: 400, code: 'bad_request' })),
  rule(BundleSourceChanged, () => ({ status: 503, code: 'unavailable', logAsError: true })),
  rule(SigningKeyError, () => ({ status: 503, code: 'unavailable', logAsError: true })),
  // Local-web hardening (security/request-guard.ts): refused before any route runs, with no data.
  rule(HostNotAllowed, () => ({ status: 421, code: 'host_not_allowed' })),
  rule(CrossSiteWriteRefused, () => ({ status: 403, code: 'cross_site_refused' })),
  rule(FormBodyRefused, () => ({ status: 415, code: 'unsupported_media_type' })),
  rule(errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE, (e) => ({
    status: 415,
    code: 'unsupported_media_type',
    message: `${e.message}: the API takes application/json bodies (uploads: multipart/form-data)`,
  })),
  rule(errorCodes.FST_ERR_CTP_BODY_TOO_LARGE, () => ({
    status: 413,
    code: 'payload_too_large',
    message:
      'The request body is over the limit for JSON bodies (EARSHOT_BODY_MAX_BYTES, 1 MiB unless set); ' +
      'audio is uploaded through /api/ingest, which has its own limits.',
  })),
  // Evidence that is not what was stored: refused, and logged for whoever keeps the store.
  rule(StoredFileChanged, () => ({ status: 503, code: 'unavailable', logAsError: true })),
  rule(StoredFileQuarantined, () => ({ status: 503, code: 'unavailable', logAsError: true })),
  // A read that could not be recorded (the hook has logged why): refused, never served unrecorded.
  rule(AuditUnavailable, () => ({ status: 503, code: 'unavailable' })),
  // The server's own disk (full, read-only): nothing the client can fix by asking differently.
  rule(EnvironmentError, () => ({ status: 503, code: 'unavailable', logAsError: true })),
];

/** A leak hit's line ("file (place): what was found") as an issue: where, and what. */
function leakIssue(hit: string): { path: string; message: string } {
  const colon = hit.indexOf(': ');
  return colon > 0
    ? { path: hit.slice(0, colon), message: hit.slice(colon + 2) }
    : { path: 'excerpt', message: hit };
}

/** The HTTP answer for a domain error, or undefined for anything the table does not know. */
export function domainErrorAnswer(
  error: unknown,
): (Required<Omit<DomainErrorAnswer, 'issues'>> & Pick<DomainErrorAnswer, 'issues'>) | undefined {
  if (!(error instanceof Error)) return undefined;
  const match = DOMAIN_ERRORS.find((r) => error instanceof r.type);
  if (!match) return undefined;
  const answer = match.answer(error);
  return {
    ...answer,
    message: answer.message ?? error.message,
    logAsError: answer.logAsError ?? false,
    headers: answer.headers ?? {},
  };
}

/**
 * Every error leaves as `{ error, message, issues? }` JSON. Validation failures name each bad
 * value; client errors raised by Fastify itself keep their message; anything else is logged and
 * answered with a bare 500, so no stack trace or SQL ever reaches the client.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    reply.type('application/json; charset=utf-8');
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = error.validationContext ?? 'request';
      const issues = error.validation.map((issue) => ({
        path: [context, ...issue.instancePath.split('/').filter((part) => part !== '')].join('.'),
        message: issue.message ?? 'invalid value',
      }));
      const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
      return reply.code(400).send(body('bad_request', `Invalid request: ${summary}`, issues));
    }
    if (error instanceof ApiError) {
      return reply.code(error.statusCode).send(body(error.code, error.message, error.issues));
    }
    const domain = domainErrorAnswer(error);
    if (domain) {
      if (domain.logAsError) request.log.error({ err: error }, domain.message);
      return reply
        .code(domain.status)
        .headers(domain.headers)
        .send(body(domain.code, domain.message, domain.issues));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (malformed URL, unsupported media type, body too large...).
      const code = status === 404 ? 'not_found' : 'bad_request';
      return reply.code(status).send(body(code, error.message));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send(body('internal_error', 'Internal error: the server log has details.'));
  });

  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send(body('not_found', `No route for ${request.method} ${request.url.split('?')[0] ?? ''}`)),
  );
}

/** Malformed URLs are rejected by the router before any route runs: same JSON shape as the rest. */
export function answerFrameworkError(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  void reply
    .code(400)
    .type('application/json; charset=utf-8')
    .send(body('bad_request', `Invalid request: ${error.message}`));
}

function body(
  code: ErrorResponse['error'],
  message: string,
  issues?: ErrorResponse['issues'],
): ErrorResponse {
  return issues ? { error: code, message, issues } : { error: code, message };
}
