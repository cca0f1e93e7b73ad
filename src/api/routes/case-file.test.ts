import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiFixture,
  insertCollection,
  insertRecording,
  sha256Of,
  type ApiFixture,
} from '../../../test/helpers/api-fixtures.ts';
import { caseStepRequest, type StepFields, type StepFile } from '../../../test/helpers/case-step-form.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { signedInApi, type SignedInApi } from '../../../test/helpers/signed-in-api.ts';
import { grantCollection } from '../../accounts/grants.ts';
import { buildApiServer } from '../server.ts';
import type { CaseFileResponse } from '../schemas/case-file.ts';

const MAX_BYTES = 4096;

let t: TestDatabase;
let fixture: ApiFixture;
let app: FastifyInstance;
let proposer: SignedInApi;
let reviewer: SignedInApi;
let viewer: SignedInApi;
let outsider: SignedInApi;
let collectionId = '';

beforeAll(async () => {
  t = await createTestDatabase('api_case_file');
  fixture = createApiFixture(t.db);
  collectionId = await insertCollection(t.db, 'Intercepts');
  const otherCollection = await insertCollection(t.db, 'Elsewhere');
  app = await buildApiServer({ db: t.db, config: { ...fixture.config, attachmentMaxBytes: MAX_BYTES } });
  proposer = await signedInApi(app, t.db, { name: 'olena', role: 'editor' });
  reviewer = await signedInApi(app, t.db, { name: 'mark', role: 'reviewer' });
  viewer = await signedInApi(app, t.db, { name: 'vic', role: 'viewer' });
  outsider = await signedInApi(app, t.db, { name: 'otto', role: 'editor' });
  for (const user of [proposer, reviewer, viewer])
    await grantCollection(t.db, { userId: user.userId, collectionId, grantedBy: 'test' });
  await grantCollection(t.db, { userId: outsider.userId, collectionId: otherCollection, grantedBy: 'test' });
});

afterAll(async () => {
  await app?.close();
  fixture?.cleanup();
  await t?.drop();
});

const newCall = async () => (await insertRecording(fixture, { collection_id: collectionId })).id;
const step = (api: SignedInApi, id: string, fields: StepFields, files: StepFile[] = []) =>
  api.inject(caseStepRequest(id, fields, files));
const caseOf = async (api: SignedInApi, id: string) => {
  const response = await api.inject({ url: `/api/recordings/${id}/case` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<CaseFileResponse>();
};
const message = (response: { json: () => unknown }) => (response.json() as { message: string }).message;

/** Files under the attachments store, temp space included: what a refused upload must not leave. */
function storedFiles(): string[] {
  const root = fixture.config.attachmentsDir;
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) =>
    fs.statSync(path.join(root, f)).isFile(),
  );
}

async function walkTo(id: string, status: 'context_confirmed'): Promise<void> {
  const steps = ['number_attributed', 'identity_corroborated', 'context_confirmed'] as const;
  let from = 'unverified';
  for (const to of steps) {
    const r = await step(proposer, id, { action: 'advance', expectedStatus: from, to, note: `${to} done` });
    expect(r.statusCode, r.body).toBe(201);
    from = to;
  }
  expect((await caseOf(proposer, id)).status).toBe(status);
}

describe('case file', () => {
  it('walks a call to verified with evidence, two people, every step audited', async () => {
    const id = await newCall();
    const fresh = await caseOf(proposer, id);
    expect(fresh).toMatchObject({
      status: 'unverified',
      events: [],
      proposal: null,
      nextStep: 'number_attributed',
    });
    expect(fresh.allowedActions).toContain('advance');
    expect(fresh.allowedActions).not.toContain('sign_off');

    const scan = Buffer.from('%PDF-1.4 subscriber record of +380501111111\n');
    const first = await step(
      proposer,
      id,
      {
        action: 'advance',
        expectedStatus: 'unverified',
        to: 'number_attributed',
        note: 'Operator record names the subscriber',
        links: ['https://example.org/registry/380501111111'],
      },
      [{ bytes: scan, name: 'Абонент — record.pdf', type: 'application/pdf' }],
    );
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      status: 'number_attributed',
      attachments: [{ sha256: sha256Of(scan) }],
    });

    await step(proposer, id, {
      action: 'advance',
      expectedStatus: 'number_attributed',
      note: 'voice matched',
    });
    await step(proposer, id, {
      action: 'advance',
      expectedStatus: 'identity_corroborated',
      note: 'unit confirmed',
    });
    const proposed = await step(proposer, id, {
      action: 'propose_verified',
      expectedStatus: 'context_confirmed',
      note: 'all three steps hold',
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const pending = await caseOf(reviewer, id);
    expect(pending).toMatchObject({ status: 'context_confirmed', proposal: { proposedBy: 'olena' } });
    expect(pending.allowedActions).toContain('sign_off');

    // The two-person rule: the proposer (an editor, who may sign off) cannot sign their own.
    expect((await caseOf(proposer, id)).allowedActions).not.toContain('sign_off');
    const own = await step(proposer, id, { action: 'sign_off', expectedStatus: 'context_confirmed' });
    expect(own.statusCode).toBe(403);
    expect(message(own)).toMatch(/second person must sign it off/);

    const signed = await step(reviewer, id, { action: 'sign_off', expectedStatus: 'context_confirmed' });
    expect(signed.statusCode, signed.body).toBe(201);
    const done = await caseOf(viewer, id);
    expect(done.status).toBe('verified');
    expect(done.allowedActions).toEqual([]);
    expect(done.events.map((e) => [e.kind, e.actor, e.toStatus])).toEqual([
      ['advance', 'olena', 'number_attributed'],
      ['advance', 'olena', 'identity_corroborated'],
      ['advance', 'olena', 'context_confirmed'],
      ['propose_verified', 'olena', 'context_confirmed'],
      ['sign_off', 'mark', 'verified'],
    ]);
    const attachment = done.events[0]!.attachments[0]!;
    expect(done.events[0]!.links).toEqual(['https://example.org/registry/380501111111']);

    const download = await viewer.inject({ url: `/api/recordings/${id}/case/attachments/${attachment.id}` });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(scan)).toBe(true);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="_______ _ record.pdf"; filename*=UTF-8''${encodeURIComponent('Абонент — record.pdf')}`,
    );

    const custody = await t.db
      .selectFrom('custody_events')
      .select(['action', 'actor', 'details'])
      .where('recording_id', '=', id)
      .execute();
    expect(custody).toEqual([
      {
        action: 'attached',
        actor: 'olena',
        details: expect.objectContaining({
          attachmentId: attachment.id,
          fileName: 'Абонент — record.pdf',
          sizeBytes: scan.length,
          storePath: path.join(
            attachment.sha256.slice(0, 2),
            attachment.sha256.slice(2, 4),
            attachment.sha256,
          ),
        }) as unknown,
      },
    ]);
    const stored = path.join(
      fixture.config.attachmentsDir,
      attachment.sha256.slice(0, 2),
      attachment.sha256.slice(2, 4),
      attachment.sha256,
    );
    expect(fs.statSync(stored).mode & 0o777).toBe(0o444);

    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor', 'details'])
      .where('target', '=', id)
      .orderBy('seq')
      .execute();
    const steps = audit.filter((a) => a.action === 'case-step');
    expect(steps.map((a) => [a.actor, a.details.step])).toEqual([
      ['olena', 'advance'],
      ['olena', 'advance'],
      ['olena', 'advance'],
      ['olena', 'propose_verified'],
      ['mark', 'sign_off'],
    ]);
    expect(audit.some((a) => a.action === 'view-case-file' && a.actor === 'vic')).toBe(true);
    expect(
      audit.some((a) => a.action === 'download-attachment' && a.details.attachmentId === attachment.id),
    ).toBe(true);
  });

  it('refuses a jump over a step, naming the next one, and verified without the two-person step', async () => {
    const id = await newCall();
    const jump = await step(proposer, id, {
      action: 'advance',
      expectedStatus: 'unverified',
      to: 'identity_corroborated',
      note: 'voice matched',
    });
    expect(jump.statusCode).toBe(400);
    expect(message(jump)).toBe(
      'A case moves one step at a time: from "unverified" the next step is "number attributed", not "identity corroborated".',
    );
    const straight = await step(proposer, id, {
      action: 'advance',
      expectedStatus: 'unverified',
      to: 'verified',
      note: 'x',
    });
    expect(straight.statusCode).toBe(400);
    expect(message(straight)).toMatch(/propose it, and a second person signs it off/);
    const bare = await step(proposer, id, { action: 'advance', expectedStatus: 'unverified' });
    expect(message(bare)).toMatch(/needs evidence: a note, a link or a file/);
    expect((await caseOf(proposer, id)).events).toEqual([]);
  });

  it('answers 409 to a step from a status the case has left, and to the second of two at once', async () => {
    const id = await newCall();
    await step(proposer, id, { action: 'advance', expectedStatus: 'unverified', note: 'record found' });
    const stale = await step(reviewer, id, {
      action: 'advance',
      expectedStatus: 'unverified',
      note: 'me too',
    });
    expect(stale.statusCode).toBe(409);
    expect(message(stale)).toMatch(/it is now "number attributed"/);

    const racing = await Promise.all([
      step(proposer, id, { action: 'advance', expectedStatus: 'number_attributed', note: 'voice A' }),
      step(reviewer, id, { action: 'reject', expectedStatus: 'number_attributed', reason: 'wrong number' }),
    ]);
    expect(racing.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect((await caseOf(proposer, id)).events).toHaveLength(2);
  });

  it('disputes and rejects with a reason only, and reopens to the step held before', async () => {
    const id = await newCall();
    await walkTo(id, 'context_confirmed');
    const noReason = await step(reviewer, id, { action: 'dispute', expectedStatus: 'context_confirmed' });
    expect(noReason.statusCode).toBe(400);
    expect(message(noReason)).toBe('A reason is required to mark the case "disputed".');
    await step(proposer, id, { action: 'propose_verified', expectedStatus: 'context_confirmed', note: 'ok' });
    const disputed = await step(reviewer, id, {
      action: 'dispute',
      expectedStatus: 'context_confirmed',
      reason: 'relative says the voice is not his',
    });
    expect(disputed.statusCode, disputed.body).toBe(201);
    expect(await caseOf(reviewer, id)).toMatchObject({
      status: 'disputed',
      heldStatus: 'context_confirmed',
      proposal: null,
    });
    const rejected = await step(reviewer, id, {
      action: 'reject',
      expectedStatus: 'disputed',
      reason: 'staged call',
    });
    expect(rejected.statusCode).toBe(201);
    const reopened = await step(proposer, id, {
      action: 'reopen',
      expectedStatus: 'rejected',
      reason: 'new interview',
    });
    expect(reopened.json()).toMatchObject({ status: 'context_confirmed' });
  });

  it('withdraws a proposal; only the proposer or a sign-off user may', async () => {
    const id = await newCall();
    await walkTo(id, 'context_confirmed');
    await step(proposer, id, { action: 'propose_verified', expectedStatus: 'context_confirmed', note: 'ok' });
    const withdrawn = await step(proposer, id, {
      action: 'withdraw_proposal',
      expectedStatus: 'context_confirmed',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(201);
    expect((await caseOf(proposer, id)).proposal).toBeNull();
    const nothing = await step(reviewer, id, { action: 'sign_off', expectedStatus: 'context_confirmed' });
    expect(nothing.statusCode).toBe(400);
    expect(message(nothing)).toMatch(/Nothing to sign off/);
  });

  it('refuses a note too long for a field rather than storing it cut short', async () => {
    const id = await newCall();
    const r = await step(proposer, id, {
      action: 'evidence',
      expectedStatus: 'unverified',
      note: 'я'.repeat(60_000),
    });
    expect(r.statusCode).toBe(400);
    expect(message(r)).toBe('The field "note" is too long.');
  });

  it('refuses links that are not http or https', async () => {
    const id = await newCall();
    for (const link of ['javascript:alert(1)', 'file:///etc/passwd', 'not a url']) {
      const r = await step(proposer, id, { action: 'evidence', expectedStatus: 'unverified', links: [link] });
      expect(r.statusCode, link).toBe(400);
    }
  });

  it('refuses empty, oversized and hostile files, leaving nothing behind', async () => {
    const id = await newCall();
    const before = storedFiles();
    const attempt = (file: StepFile) =>
      step(proposer, id, { action: 'evidence', expectedStatus: 'unverified', note: 'screenshot' }, [file]);
    const empty = await attempt({ bytes: new Uint8Array(0), name: 'empty.png' });
    expect(empty.statusCode).toBe(400);
    expect(message(empty)).toBe('The file "empty.png" is empty; nothing was stored.');

    const huge = await attempt({ bytes: new Uint8Array(MAX_BYTES + 1).fill(7), name: 'huge.wav' });
    expect(huge.statusCode).toBe(413);
    expect(message(huge)).toMatch(/larger than the limit .*EARSHOT_ATTACHMENT_MAX_BYTES/);

    const hostile: [string, RegExp][] = [
      ['../../etc/passwd', /path separator/],
      ['scans/record.pdf', /path separator/],
      ['scans\\record.pdf', /path separator/],
      ['..', /not file names/],
      ['bell\u0007.pdf', /control characters/],
      ['esc\u001b[31mred.pdf', /control characters/],
      ['invoice\u202Efdp.exe', /right-to-left override/],
      [`${'a'.repeat(300)}.pdf`, /longer than 255 bytes/],
    ];
    for (const [name, why] of hostile) {
      const r = await attempt({ bytes: Buffer.from('evidence'), name });
      expect(r.statusCode, JSON.stringify(name)).toBe(400);
      expect(message(r), JSON.stringify(name)).toMatch(why);
    }
    expect(storedFiles()).toEqual(before);
    expect((await caseOf(proposer, id)).events).toEqual([]);
    const attached = await t.db
      .selectFrom('case_attachments')
      .select('id')
      .where('recording_id', '=', id)
      .execute();
    expect(attached).toEqual([]);
  });

  it('stores nothing of a step the workflow refuses, files included', async () => {
    const id = await newCall();
    const before = storedFiles();
    const r = await step(proposer, id, { action: 'sign_off', expectedStatus: 'unverified' }, [
      { bytes: Buffer.from('x'.repeat(100)), name: 'sig.png' },
    ]);
    expect(r.statusCode).toBe(400);
    expect(storedFiles()).toEqual(before);
  });

  it('keeps the case to those who may: viewers read only, other collections are not found', async () => {
    const id = await newCall();
    const asViewer = await step(viewer, id, { action: 'evidence', expectedStatus: 'unverified', note: 'x' });
    expect(asViewer.statusCode).toBe(403);
    expect((await outsider.inject({ url: `/api/recordings/${id}/case` })).statusCode).toBe(404);
    const asOutsider = await step(outsider, id, {
      action: 'evidence',
      expectedStatus: 'unverified',
      note: 'x',
    });
    expect(asOutsider.statusCode).toBe(404);
  });

  it('refuses to serve an attachment whose bytes changed on disk', async () => {
    const id = await newCall();
    const r = await step(proposer, id, { action: 'evidence', expectedStatus: 'unverified' }, [
      { bytes: Buffer.from('original screenshot bytes'), name: 'shot.png', type: 'image/png' },
    ]);
    const { id: attachmentId, sha256 } = r.json<{ attachments: { id: string; sha256: string }[] }>()
      .attachments[0]!;
    const dir = path.join(fixture.config.attachmentsDir, sha256.slice(0, 2), sha256.slice(2, 4));
    const file = path.join(dir, sha256);
    fs.chmodSync(file, 0o644);
    fs.writeFileSync(file, 'changed screenshot bytes!');
    const served = await proposer.inject({ url: `/api/recordings/${id}/case/attachments/${attachmentId}` });
    expect(served.statusCode).toBe(503);
    const other = await proposer.inject({
      url: `/api/recordings/${await newCall()}/case/attachments/${attachmentId}`,
    });
    expect(other.statusCode).toBe(404);
  });
});
