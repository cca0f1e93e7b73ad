import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '../../analysis/entities/types.ts';
import {
  BAKHMUT,
  callAnalysisOf,
  insertTranscriptVersion,
  storeAnalysis,
} from '../../../test/helpers/analysis-fixtures.ts';
import {
  createApiFixture,
  insertCollection,
  insertRecording,
  type ApiFixture,
} from '../../../test/helpers/api-fixtures.ts';
import { buildApiServerAsUsers, insertUser, TEST_USER_HEADER } from '../../../test/helpers/as-principal.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import type { NumberNoteResponse, NumberPageResponse } from '../schemas/numbers.ts';

// The number page's API on a small graph in two collections: what it shows, how it reads the
// number in the path, notes and attributions with corrections, and what a user granted one
// collection does not see of the other.

const NUMBER = '+380501734482';
const MOTHER = '+79161234567';
const FRIEND = '+79203316845';
const MOTHERS_FRIEND = '+79990001122';
const SECRET = '+79085550000';

let t: TestDatabase;
let fixture: ApiFixture;
let app: FastifyInstance;
let leakA = '';
let leakB = '';
let viewerA = '';
let editorA = '';
const calls: Record<string, string> = {};

async function call(
  name: string,
  collection: string,
  caller: string,
  callee: string,
  startedAt: string | null,
  extra: { cell_id?: string; location_text?: string } = {},
): Promise<string> {
  const { id } = await insertRecording(fixture, {
    collection_id: collection,
    caller_number: caller,
    caller_raw: caller,
    callee_number: callee,
    callee_raw: callee,
    call_started_at: startedAt ? new Date(startedAt) : null,
    ...extra,
  });
  calls[name] = id;
  return id;
}

function entityIn(text: string, surface: string, kind: Entity['kind'], value: string): Entity {
  const start = text.indexOf(surface);
  if (start < 0) throw new Error(`"${surface}" is not in "${text}"`);
  return { kind, start, end: start + surface.length, surface, value, confidence: 0.9, rule: `${kind}:test` };
}

/** A transcript of one segment and its analysis with these entities (places come with BAKHMUT). */
async function analysed(recordingId: string, text: string, entities: Entity[], place = false): Promise<void> {
  const transcript = await insertTranscriptVersion(t.db, recordingId, [{ text }]);
  const analysis = callAnalysisOf([
    {
      key: transcript.segmentIds[0]!,
      text,
      places: place ? [{ surface: 'бахмутом', place: BAKHMUT }] : [],
    },
  ]);
  analysis.segments[0]!.entities.push(...entities);
  await storeAnalysis(t.db, recordingId, transcript.id, analysis);
}

const as = (userId: string) => ({ [TEST_USER_HEADER]: userId });
const page = async (number: string, userId?: string) =>
  app.inject({ url: `/api/numbers/${encodeURIComponent(number)}`, headers: userId ? as(userId) : {} });
const addNote = (number: string, payload: object, userId?: string) =>
  app.inject({
    method: 'POST',
    url: `/api/numbers/${encodeURIComponent(number)}/notes`,
    payload,
    headers: userId ? as(userId) : {},
  });

beforeAll(async () => {
  t = await createTestDatabase('api_numbers');
  fixture = createApiFixture(t.db);
  leakA = await insertCollection(t.db, 'Leak A');
  leakB = await insertCollection(t.db, 'Leak B');
  const first = await call('first', leakA, NUMBER, MOTHER, '2022-03-06T16:42:11Z', {
    cell_id: '255-01-30215-41177',
    location_text: 'Ruska Lozova',
  });
  await call('back', leakA, MOTHER, NUMBER, '2022-03-08T09:00:00Z', { cell_id: '255-01-30215-41177' });
  await call('friend', leakA, NUMBER, FRIEND, '2022-04-01T12:00:00Z', { cell_id: '255-01-30215-99999' });
  await call('undated', leakA, NUMBER, MOTHER, null);
  await call('mothers', leakA, MOTHER, MOTHERS_FRIEND, '2022-05-01T12:00:00Z');
  const spokenIn = await call('spoken', leakA, '+380672205916', '+79106650932', '2022-07-16T08:25:03Z');
  await call('secret', leakB, NUMBER, SECRET, '2023-01-01T00:00:00Z', { cell_id: 'SECRET-CELL' });
  const said = 'Дмитрий под бахмутом';
  await analysed(first, said, [entityIn(said, 'Дмитрий', 'person', 'Дмитрий')], true);
  const spoken = 'запиши номер плюс 380 50 173 44 82';
  await analysed(spokenIn, spoken, [entityIn(spoken, 'плюс 380 50 173 44 82', 'phone', NUMBER)]);
  viewerA = await insertUser(t.db, 'viewer-a', 'viewer', [leakA]);
  editorA = await insertUser(t.db, 'editor-a', 'editor', [leakA]);
  app = await buildApiServerAsUsers({ db: t.db, config: fixture.config });
  // A note in the collection only admins (and the test's own admin) see.
  expect((await addNote(NUMBER, { collectionId: leakB, kind: 'note', text: 'SECRET NOTE' })).statusCode).toBe(
    201,
  );
});

afterAll(async () => {
  await app?.close();
  fixture?.cleanup();
  await t?.drop();
});

describe('GET /api/numbers/{number}', () => {
  it('shows its calls, counterparts, graph, cells, places, people and where it is spoken', async () => {
    const response = await page(NUMBER, viewerA);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<NumberPageResponse>();
    expect(body.number).toBe(NUMBER);
    expect(body.totalCalls).toBe(4);
    expect(body.firstSeen).toBe('2022-03-06T16:42:11.000Z');
    expect(body.lastSeen).toBe('2022-04-01T12:00:00.000Z');
    expect(body.calls.map((c) => c.id)).toEqual([calls.first, calls.back, calls.friend, calls.undated]);
    expect(body.calls.map((c) => [c.direction, c.counterpart])).toEqual([
      ['outgoing', MOTHER],
      ['incoming', MOTHER],
      ['outgoing', FRIEND],
      ['outgoing', MOTHER],
    ]);
    expect(body.counterparts).toEqual([
      {
        number: MOTHER,
        calls: 3,
        outgoing: 2,
        incoming: 1,
        firstSeen: '2022-03-06T16:42:11.000Z',
        lastSeen: '2022-03-08T09:00:00.000Z',
      },
      {
        number: FRIEND,
        calls: 1,
        outgoing: 1,
        incoming: 0,
        firstSeen: body.lastSeen,
        lastSeen: body.lastSeen,
      },
    ]);
    expect(body.graph.nodes).toEqual([
      { number: NUMBER, hop: 0, calls: 4 },
      { number: MOTHER, hop: 1, calls: 3 },
      { number: FRIEND, hop: 1, calls: 1 },
      { number: MOTHERS_FRIEND, hop: 2, calls: 1 },
    ]);
    expect(body.graph.edges).toEqual(
      expect.arrayContaining([
        { caller: NUMBER, callee: MOTHER, calls: 2 },
        { caller: MOTHER, callee: NUMBER, calls: 1 },
        { caller: NUMBER, callee: FRIEND, calls: 1 },
        { caller: MOTHER, callee: MOTHERS_FRIEND, calls: 1 },
      ]),
    );
    expect(body.graph.edges).toHaveLength(4);
    expect(body.cells).toEqual([
      {
        cellId: '255-01-30215-41177',
        locationText: 'Ruska Lozova',
        calls: 1,
        firstSeen: '2022-03-06T16:42:11.000Z',
        lastSeen: '2022-03-06T16:42:11.000Z',
      },
      {
        cellId: '255-01-30215-41177',
        locationText: null,
        calls: 1,
        firstSeen: '2022-03-08T09:00:00.000Z',
        lastSeen: '2022-03-08T09:00:00.000Z',
      },
      {
        cellId: '255-01-30215-99999',
        locationText: null,
        calls: 1,
        firstSeen: '2022-04-01T12:00:00.000Z',
        lastSeen: '2022-04-01T12:00:00.000Z',
      },
    ]);
    expect(body.places).toMatchObject([{ placeId: BAKHMUT.id, nameEn: 'Bakhmut', mentions: 1, calls: 1 }]);
    expect(body.persons).toEqual([{ name: 'Дмитрий', mentions: 1, calls: 1 }]);
    expect(body.spoken).toMatchObject([
      { recordingId: calls.spoken, surface: 'плюс 380 50 173 44 82', callerNumber: '+380672205916' },
    ]);
  });

  it('reads the number as call records write it, and names what is not a phone number', async () => {
    const written = await page('8 (916) 123-45-67', viewerA);
    expect(written.statusCode, written.body).toBe(200);
    expect(written.json<NumberPageResponse>().number).toBe(MOTHER);
    const bad = await page('not-a-number', viewerA);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toContain('"not-a-number" is not a phone number');
    const short = await page('12345', viewerA);
    expect(short.statusCode).toBe(400);
    expect(short.json<{ message: string }>().message).toContain('is not a valid phone number');
  });

  it('is a 404 for a number with no call, mention or note in the collections', async () => {
    const response = await page('+79990009999', viewerA);
    expect(response.statusCode).toBe(404);
    expect(response.json<{ error: string }>().error).toBe('not_found');
  });

  it('has a page for a number that is only spoken', async () => {
    await call('spoken-only', leakA, '+380672205916', '+79106650932', '2022-08-01T00:00:00Z');
    const said = 'его номер восемь девятьсот восемь';
    await analysed(calls['spoken-only']!, said, [
      entityIn(said, 'восемь девятьсот восемь', 'phone', '+79087781263'),
    ]);
    const response = await page('+79087781263', viewerA);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<NumberPageResponse>();
    expect(body.totalCalls).toBe(0);
    expect(body.spoken.map((s) => s.recordingId)).toEqual([calls['spoken-only']]);
  });

  it('shows a user granted one collection nothing of another', async () => {
    const body = (await page(NUMBER, viewerA)).body;
    for (const hidden of [SECRET, 'SECRET-CELL', 'SECRET NOTE', calls.secret!, leakB, 'Leak B'])
      expect(body).not.toContain(hidden);
    // ...which an admin sees: the check above can fail.
    const admin = (await page(NUMBER)).json<NumberPageResponse>();
    expect(admin.totalCalls).toBe(5);
    expect(admin.lastSeen).toBe('2023-01-01T00:00:00.000Z');
    expect(admin.counterparts.map((c) => c.number)).toContain(SECRET);
    expect(admin.cells.map((c) => c.cellId)).toContain('SECRET-CELL');
    expect(admin.notes.map((n) => n.text)).toEqual(['SECRET NOTE']);
    expect((await page(SECRET, viewerA)).statusCode).toBe(404);
    expect((await page(SECRET)).statusCode).toBe(200);
  });
});

describe('POST /api/numbers/{number}/notes', () => {
  it('adds an attribution, shared with the collection, and corrects it with a new entry', async () => {
    const first = await addNote(
      NUMBER,
      {
        collectionId: leakA,
        kind: 'attribution',
        text: 'Named in a social-network profile that lists this number',
        subscriber: 'Ivan Petrenko',
        source: 'VK profile (archived 2022-03-10)',
        confidence: 'low',
      },
      editorA,
    );
    expect(first.statusCode, first.body).toBe(201);
    const entry = first.json<NumberNoteResponse>();
    expect(entry).toMatchObject({
      kind: 'attribution',
      subscriber: 'Ivan Petrenko',
      confidence: 'low',
      author: 'editor-a',
      collection: { id: leakA, name: 'Leak A' },
      supersedes: null,
      supersededBy: null,
    });
    const correction = await addNote(
      NUMBER,
      {
        collectionId: leakA,
        kind: 'attribution',
        text: 'Relative confirmed the name by phone interview',
        subscriber: 'Ivan Petrenko',
        source: 'Interview with his sister, 2022-04-02',
        confidence: 'medium',
        supersedes: entry.id,
      },
      editorA,
    );
    expect(correction.statusCode, correction.body).toBe(201);
    const corrected = correction.json<NumberNoteResponse>();
    // The viewer of the same collection sees both, the first marked as superseded.
    const notes = (await page(NUMBER, viewerA)).json<NumberPageResponse>().notes;
    expect(notes.map((n) => [n.id, n.supersedes, n.supersededBy])).toEqual([
      [entry.id, null, corrected.id],
      [corrected.id, entry.id, null],
    ]);
    const again = await addNote(
      NUMBER,
      { collectionId: leakA, kind: 'note', text: 'second correction', supersedes: entry.id },
      editorA,
    );
    expect(again.statusCode).toBe(409);
    expect(again.json<{ message: string }>().message).toContain(
      `already superseded by entry ${corrected.id}`,
    );
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'target', 'actor', 'details'])
      .where('action', '=', 'add-number-note')
      .orderBy('seq')
      .execute();
    expect(audit.filter((a) => a.actor === 'editor-a')).toEqual([
      {
        action: 'add-number-note',
        target: NUMBER,
        actor: 'editor-a',
        details: { collectionId: leakA, kind: 'attribution', supersedes: null },
      },
      {
        action: 'add-number-note',
        target: NUMBER,
        actor: 'editor-a',
        details: { collectionId: leakA, kind: 'attribution', supersedes: entry.id },
      },
    ]);
    const views = await t.db
      .selectFrom('audit_log')
      .select('target')
      .where('action', '=', 'view-number')
      .execute();
    expect(views.map((v) => v.target)).toContain(NUMBER);
  });

  it('refuses an attribution without its parts, a correction of another number, and a collection not granted', async () => {
    const partial = await addNote(
      NUMBER,
      { collectionId: leakA, kind: 'attribution', text: 'who?', subscriber: 'Somebody' },
      editorA,
    );
    expect(partial.statusCode).toBe(400);
    expect(partial.body).toContain('an attribution needs a source');
    expect(partial.body).toContain('an attribution needs a confidence');
    const noteWithConfidence = await addNote(
      NUMBER,
      { collectionId: leakA, kind: 'note', text: 'x', confidence: 'high' },
      editorA,
    );
    expect(noteWithConfidence.statusCode).toBe(400);
    const other = await addNote(MOTHER, { collectionId: leakA, kind: 'note', text: 'mother' }, editorA);
    expect(other.statusCode).toBe(201);
    const wrong = await addNote(
      NUMBER,
      { collectionId: leakA, kind: 'note', text: 'fix', supersedes: other.json<NumberNoteResponse>().id },
      editorA,
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ message: string }>().message).toContain(
      `is not an entry on ${NUMBER} in this collection`,
    );
    const notGranted = await addNote(NUMBER, { collectionId: leakB, kind: 'note', text: 'sneak' }, editorA);
    expect(notGranted.statusCode).toBe(404);
    const viewer = await addNote(NUMBER, { collectionId: leakA, kind: 'note', text: 'viewer' }, viewerA);
    expect(viewer.statusCode).toBe(403);
    const texts = (await page(NUMBER)).json<NumberPageResponse>().notes.map((n) => n.text);
    expect(texts).not.toContain('sneak');
    expect(texts).not.toContain('viewer');
  });
});
