import type { FastifyInstance, InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTranscriptVersion, storeAnalysis } from '../../../test/helpers/analysis-fixtures.ts';
import {
  createApiFixture,
  insertCollection,
  insertRecording,
  type ApiFixture,
} from '../../../test/helpers/api-fixtures.ts';
import { buildApiServerAsUsers, insertUser, TEST_USER_HEADER } from '../../../test/helpers/as-principal.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { analyseCall } from '../../analysis/analyse-text.ts';
import type { EntryFormsResponse, ProtectedIdentityResponse, RegisterResponse } from '../schemas/register.ts';

// The register's API: one click from a call's analysis, by hand, rename and retire; reading for
// everyone who reads the collection, changes for editors and admins; another collection's
// register is a 404; every change is in the audit log, by pseudonym, never by the name protected.

let t: TestDatabase;
let fixture: ApiFixture;
let app: FastifyInstance;
let leakA = '';
let leakB = '';
let callA = '';
const users: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase('api_register');
  fixture = createApiFixture(t.db);
  leakA = await insertCollection(t.db, 'Leak A');
  leakB = await insertCollection(t.db, 'Leak B');
  callA = (await insertRecording(fixture, { collection_id: leakA })).id;
  const lines = ['Запиши номер Тимура. 8 927 118 40 56.', 'Под Бахмутом стоим, позывной Бес.'];
  const transcript = await insertTranscriptVersion(
    t.db,
    callA,
    lines.map((text) => ({ text })),
  );
  const analysis = analyseCall(transcript.segmentIds.map((key, i) => ({ key, text: lines[i]! })));
  await storeAnalysis(t.db, callA, transcript.id, analysis);
  for (const role of ['editor', 'reviewer', 'viewer'] as const)
    users[role] = await insertUser(t.db, `${role}-a`, role, [leakA]);
  app = await buildApiServerAsUsers({ db: t.db, config: fixture.config });
});
afterAll(async () => {
  await app?.close();
  fixture?.cleanup();
  await t?.drop();
});

const as = (user: string, options: InjectOptions) =>
  app.inject({ ...options, headers: { ...options.headers, [TEST_USER_HEADER]: users[user]! } });
const protect = (user: string, kind: string, value: string, recordingId = callA) =>
  as(user, { method: 'POST', url: `/api/recordings/${recordingId}/register`, payload: { kind, value } });
const register = (user: string, collectionId = leakA) =>
  as(user, { url: `/api/collections/${collectionId}/register` });

describe('the register API', () => {
  it('protects an entity of the call in one click, once, and lists it for every reader', async () => {
    const first = await protect('editor', 'person', 'Тимур');
    expect(first.statusCode, first.body).toBe(200);
    const { entry, created } = first.json<{ entry: ProtectedIdentityResponse; created: boolean }>();
    expect(created).toBe(true);
    expect(entry).toMatchObject({
      kind: 'person',
      label: 'Тимур',
      pseudonym: 'Soldier A',
      person: { firstName: 'Тимур' },
      source: { kind: 'analysis', recordingId: callA },
      addedBy: 'editor-a',
      retired: null,
    });
    const again = await protect('editor', 'person', 'Тимур');
    expect(again.json<{ entry: ProtectedIdentityResponse; created: boolean }>()).toMatchObject({
      created: false,
      entry: { id: entry.id },
    });
    expect((await protect('editor', 'phone', '+79271184056')).json()).toMatchObject({
      entry: { pseudonym: 'Number 1', label: '+79271184056' },
    });
    const listed = await register('viewer');
    expect(listed.statusCode).toBe(200);
    const body = listed.json<RegisterResponse>();
    expect(body.collection).toEqual({ id: leakA, name: 'Leak A' });
    expect(body.entries.map((e) => e.pseudonym)).toEqual(['Soldier A', 'Number 1']);
  });

  it('refuses an entity the analysis did not find, and a bad entry by hand, naming the problem', async () => {
    const missing = await protect('editor', 'person', 'Никто');
    expect(missing.statusCode).toBe(404);
    expect(missing.json<{ message: string }>().message).toContain('found no person "Никто"');
    const badPhone = await as('editor', {
      method: 'POST',
      url: `/api/collections/${leakA}/register`,
      payload: { kind: 'phone', label: 'twelve' },
    });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json<{ message: string }>().message).toContain('not a phone number');
    const badKind = await as('editor', {
      method: 'POST',
      url: `/api/collections/${leakA}/register`,
      payload: { kind: 'nickname', label: 'x' },
    });
    expect(badKind.statusCode).toBe(400);
  });

  it('adds by hand with a role as pseudonym, renames, refuses a used name and retires keeping the entry', async () => {
    const added = await as('editor', {
      method: 'POST',
      url: `/api/collections/${leakA}/register`,
      payload: { kind: 'person', label: 'Людмила Петровна', firstName: 'Людмила', pseudonym: "A's mother" },
    });
    expect(added.statusCode, added.body).toBe(201);
    const mother = added.json<{ entry: ProtectedIdentityResponse }>().entry;
    expect(mother.pseudonym).toBe("A's mother");
    const base = `/api/collections/${leakA}/register/${mother.id}`;
    const taken = await as('editor', {
      method: 'POST',
      url: `${base}/pseudonym`,
      payload: { pseudonym: 'soldier a' },
    });
    expect(taken.statusCode).toBe(409);
    const renamed = await as('editor', {
      method: 'POST',
      url: `${base}/pseudonym`,
      payload: { pseudonym: 'The mother' },
    });
    expect(renamed.json<ProtectedIdentityResponse>()).toMatchObject({
      pseudonym: 'The mother',
      formerPseudonyms: ["A's mother"],
    });
    const retired = await as('editor', {
      method: 'POST',
      url: `${base}/retire`,
      payload: { reason: 'she asked to be named' },
    });
    expect(retired.json<ProtectedIdentityResponse>().retired).toMatchObject({
      by: 'editor-a',
      reason: 'she asked to be named',
    });
    const entries = (await register('viewer')).json<RegisterResponse>().entries;
    expect(entries.find((e) => e.id === mother.id)?.retired?.reason).toBe('she asked to be named');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'target', 'details'])
      .where('action', 'in', ['rename-pseudonym', 'retire-identity'])
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      {
        action: 'rename-pseudonym',
        target: leakA,
        details: {
          collectionId: leakA,
          entryId: mother.id,
          kind: 'person',
          pseudonym: 'The mother',
          previous: "A's mother",
        },
      },
      {
        action: 'retire-identity',
        target: leakA,
        details: {
          collectionId: leakA,
          entryId: mother.id,
          kind: 'person',
          pseudonym: 'The mother',
          reason: 'she asked to be named',
        },
      },
    ]);
    // The name protected is in no audit entry of the register.
    const protects = await t.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'protect-identity')
      .execute();
    expect(protects.length).toBeGreaterThan(0);
    expect(JSON.stringify(protects)).not.toContain('Людмила');
  });

  it('lets readers read, editors change, and nobody reach another collection', async () => {
    for (const role of ['reviewer', 'viewer']) {
      expect((await register(role)).statusCode).toBe(200);
      const refused = await protect(role, 'place', 'Bakhmut');
      expect(refused.statusCode).toBe(403);
      expect(refused.json<{ message: string }>().message).toContain('protected-identity register');
    }
    expect((await register('editor', leakB)).statusCode).toBe(404);
    const elsewhere = await as('editor', {
      method: 'POST',
      url: `/api/collections/${leakB}/register`,
      payload: { kind: 'unit', label: 'в/ч 22179' },
    });
    expect(elsewhere.statusCode).toBe(404);
    const callB = (await insertRecording(fixture, { collection_id: leakB })).id;
    expect((await protect('editor', 'place', 'Bakhmut', callB)).statusCode).toBe(404);
    // An entry of A is not reachable under B's id, even by an admin (no header: an admin).
    const entryOfA = (await register('viewer')).json<RegisterResponse>().entries[0]!;
    const crossed = await app.inject({
      method: 'POST',
      url: `/api/collections/${leakB}/register/${entryOfA.id}/retire`,
      payload: { reason: 'wrong collection' },
    });
    expect(crossed.statusCode).toBe(404);
  });

  it("answers an entry's forms grouped by origin, for every reader, audited without the name", async () => {
    const added = await as('editor', {
      method: 'POST',
      url: `/api/collections/${leakA}/register`,
      payload: { kind: 'person', label: 'Дмитрий Самойлов' },
    });
    const soldier = added.json<{ entry: ProtectedIdentityResponse }>().entry;
    const url = `/api/collections/${leakA}/register/${soldier.id}/forms`;
    const answer = await as('viewer', { url });
    expect(answer.statusCode, answer.body).toBe(200);
    const forms = answer.json<EntryFormsResponse>();
    expect(forms.entryId).toBe(soldier.id);
    const origins = forms.groups.map((g) => g.origin);
    expect(origins).toEqual(['as-entered', 'inflection', 'diminutive', 'transliteration']);
    const all = forms.groups.flatMap((g) => g.forms.map((f) => ({ origin: g.origin, ...f })));
    expect(forms.total).toBe(all.length);
    expect(all).toContainEqual({ origin: 'inflection', text: 'дмитрия самойлова', detail: 'genitive' });
    expect(all.find((f) => f.text === 'дима')?.origin).toBe('diminutive');
    expect(all).toContainEqual(
      expect.objectContaining({ origin: 'transliteration', text: 'dmitriy samoylov', detail: 'BGN/PCGN' }),
    );
    // A number: its groupings and its words.
    const phone = (await register('viewer'))
      .json<RegisterResponse>()
      .entries.find((e) => e.kind === 'phone')!;
    const numberForms = (
      await as('viewer', { url: `/api/collections/${leakA}/register/${phone.id}/forms` })
    ).json<EntryFormsResponse>();
    expect(numberForms.groups.map((g) => g.origin)).toEqual(
      expect.arrayContaining(['number-grouping', 'number-words']),
    );
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['target', 'details'])
      .where('action', '=', 'view-register')
      .where(sql<boolean>`details->>'entryId' = ${soldier.id}`)
      .execute();
    expect(audit).toEqual([{ target: leakA, details: { entryId: soldier.id } }]);
    // Another collection's id, or no such entry: 404.
    expect(
      (await as('editor', { url: `/api/collections/${leakB}/register/${soldier.id}/forms` })).statusCode,
    ).toBe(404);
    expect((await as('viewer', { url: `/api/collections/${leakA}/register/999999/forms` })).statusCode).toBe(
      404,
    );
  });
});
