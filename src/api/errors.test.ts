import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CollectionNotFound, UserNotFound } from '../accounts/grants.ts';
import { ActionForbidden } from '../accounts/permissions.ts';
import { NotSignedInError } from '../accounts/principal.ts';
import { LastAdminRole } from '../accounts/user-roles.ts';
import { MediaDecodeError } from '../media/transcode.ts';
import { PeaksSourceMissingError, PeaksSourceUndecodable } from '../media/waveform-peaks-cache.ts';
import { RecordingNotFound } from '../recordings/recording-not-found.ts';
import { QueryParseError } from '../search/query-parser.ts';
import { CorrectionConflict, CorrectionRejected } from '../transcripts/correction.ts';
import { NoteRejected } from '../transcripts/notes.ts';
import { SignInFailed, SignInThrottled } from '../accounts/sign-in.ts';
import { ApiError, domainErrorAnswer, installErrorHandling } from './errors.ts';
import { CsrfRejected } from './session-errors.ts';
import { AttachmentTooLarge } from '../verification/attachments.ts';
import { CaseChanged } from '../verification/case-store.ts';
import { EvidenceRejected } from '../verification/evidence-input.ts';
import { CaseStepForbidden, CaseStepRefused } from '../verification/workflow.ts';
import { CallNotVerified, PublicationOverrideRefused } from '../publication/excerpt/publish-policy.ts';
import { SelectionRejected } from '../publication/excerpt/selection.ts';

const source = { audioPath: '/data/derived/x.wav', sha256: 'ab', description: 'working copy of channel 1' };

// Each domain error a route may let through, and the answer the client must get.
const cases: [string, Error, number, string, string][] = [
  ['recording', new RecordingNotFound('r-1'), 404, 'not_found', 'No recording with id r-1'],
  [
    'forbidden',
    new ActionForbidden('viewer', 'add_notes'),
    403,
    'forbidden',
    'Your role (viewer) may not add notes and work verification case files (evidence, steps, disputes).',
  ],
  [
    'case step',
    new CaseStepRefused('A reason is required to reopen the case.'),
    400,
    'bad_request',
    'A reason is required to reopen the case.',
  ],
  [
    'own sign-off',
    new CaseStepForbidden('a second person must sign it off'),
    403,
    'forbidden',
    'a second person must sign it off',
  ],
  ['case changed', new CaseChanged('The case changed'), 409, 'conflict', 'The case changed'],
  ['evidence', new EvidenceRejected('not http or https'), 400, 'bad_request', 'not http or https'],
  [
    'attachment size',
    new AttachmentTooLarge(1024),
    413,
    'payload_too_large',
    'The attached file is larger than the limit of 1.0 KB (1024 bytes, EARSHOT_ATTACHMENT_MAX_BYTES); nothing was stored.',
  ],
  ['user', new UserNotFound('u-1'), 404, 'not_found', 'No user with id u-1'],
  ['collection', new CollectionNotFound('c-1'), 404, 'not_found', 'No collection with id c-1'],
  [
    'last-admin',
    new LastAdminRole('olena'),
    409,
    'conflict',
    'olena is the last enabled admin: make another user admin first',
  ],
  ['correction', new CorrectionRejected('segments is empty'), 400, 'bad_request', 'segments is empty'],
  [
    'conflict',
    new CorrectionConflict('version 1 is no longer the latest'),
    409,
    'conflict',
    'version 1 is no longer the latest',
  ],
  ['note', new NoteRejected('the note is empty'), 400, 'bad_request', 'the note is empty'],
  ['signed-out', new NotSignedInError(), 401, 'not_signed_in', new NotSignedInError().message],
  ['csrf', new CsrfRejected(), 403, 'forbidden', new CsrfRejected().message],
  ['sign-in', new SignInFailed(), 401, 'sign_in_failed', 'Wrong name or password.'],
  [
    'query',
    new QueryParseError('unbalanced quote'),
    400,
    'bad_request',
    'Invalid search query: unbalanced quote',
  ],
  [
    'missing',
    new PeaksSourceMissingError(source),
    404,
    'not_found',
    'The working copy of channel 1 is missing from the store on disk',
  ],
  [
    'undecodable',
    new PeaksSourceUndecodable(source, new MediaDecodeError('no audio stream')),
    422,
    'undecodable_media',
    'The working copy of channel 1 could not be decoded (no audio stream); the original is untouched; ' +
      '`earshot redo decode --force` makes the working copies again',
  ],
  [
    'excerpt selection',
    new SelectionRejected('Empty selection: no segment was selected.'),
    400,
    'bad_request',
    'Empty selection: no segment was selected.',
  ],
  [
    'not verified',
    new CallNotVerified('r-2', 'context_confirmed'),
    409,
    'conflict',
    'Call r-2 is not verified (its case file is "context confirmed"): only a verified call may be ' +
      'exported for publication. Take the case file to "verified", or an admin may override with a reason.',
  ],
  [
    'override by role',
    new PublicationOverrideRefused('Only an admin may …', true),
    403,
    'forbidden',
    'Only an admin may …',
  ],
  [
    'override reason',
    new PublicationOverrideRefused('An override needs a reason…', false),
    400,
    'bad_request',
    'An override needs a reason…',
  ],
];

let app: FastifyInstance;
beforeAll(async () => {
  app = Fastify();
  installErrorHandling(app);
  for (const [name, error] of cases) {
    app.get(`/${name}`, () => Promise.reject(error));
  }
  app.get('/api-error', () => Promise.reject(new ApiError(416, 'range_not_satisfiable', 'past the end')));
  app.get('/unknown', () => Promise.reject(new Error('SELECT * FROM secrets failed')));
  await app.ready();
});
afterAll(async () => app?.close());

describe('domain errors table', () => {
  it.each(cases)(
    'answers %s with its status, code and message',
    async (name, _error, status, code, message) => {
      const response = await app.inject({ method: 'GET', url: `/${name}` });
      expect(response.statusCode).toBe(status);
      expect(response.json()).toEqual({ error: code, message });
    },
  );

  it('leaves ApiError as it is and hides anything it does not know behind a bare 500', async () => {
    const ranged = await app.inject({ method: 'GET', url: '/api-error' });
    expect([ranged.statusCode, ranged.json()]).toEqual([
      416,
      { error: 'range_not_satisfiable', message: 'past the end' },
    ]);
    const unknown = await app.inject({ method: 'GET', url: '/unknown' });
    expect(unknown.statusCode).toBe(500);
    expect(unknown.body).not.toContain('secrets');
    expect(domainErrorAnswer(new Error('plain'))).toBeUndefined();
    expect(domainErrorAnswer('not an error')).toBeUndefined();
  });

  it('answers a throttled sign-in with 429 and the wait in Retry-After', () => {
    expect(domainErrorAnswer(new SignInThrottled(90))).toMatchObject({
      status: 429,
      code: 'too_many_attempts',
      headers: { 'retry-after': '90' },
    });
  });

  it('matches subclasses of a listed error', () => {
    class SpecialNotFound extends RecordingNotFound {}
    expect(domainErrorAnswer(new SpecialNotFound('r-2'))).toMatchObject({ status: 404, code: 'not_found' });
  });
});
