import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BAKHMUT,
  callAnalysisOf,
  insertTranscriptVersion,
  KHARKIV,
  matchIn,
  storeAnalysis,
} from '../../../test/helpers/analysis-fixtures.ts';
import {
  createApiFixture,
  insertCollection,
  insertRecording,
  type ApiFixture,
} from '../../../test/helpers/api-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import type { Category } from '../../analysis/types.ts';
import { buildApiServer } from '../server.ts';
import { signedInApi, type SignedInApi } from '../../../test/helpers/signed-in-api.ts';

// Trend charts against the recordings list: every chart point, opened as a list with the filters
// the chart documents, must list exactly as many calls as the point counts.

interface Period {
  calls: number;
  analysed: number;
  mentions: Record<string, number>;
  callsWith: Record<string, number>;
  casualties: { killed: number | null; wounded: number | null; missing: number | null };
}
interface Monthly {
  months: (Period & { month: string; from: string; to: string })[];
  undated: Period;
}
interface Places {
  places: { id: string; nameEn: string; lat: number; lon: number; mentions: number; calls: number }[];
}
interface Graph {
  nodes: { phone: string; calls: number }[];
  edges: { caller: string; callee: string; calls: number }[];
  totalNodes: number;
  truncated: boolean;
}
interface List {
  total: number;
  items: {
    id: string;
    analysis: { triageScore: number; categories: string[] } | null;
    lanes: number;
    languages: string[];
  }[];
}

let t: TestDatabase;
let fixture: ApiFixture;
let app: FastifyInstance;
let api: SignedInApi;

const KILLED = 'у нас пять двухсотых под бахмутом';
const REFUSED = 'отказники в харькове и под бахмутом';
const QUIET = 'всё спокойно';

interface CallSpec {
  collection: string;
  startedAt: string | null;
  caller: string | null;
  callee: string | null;
  /** undefined: no transcript or analysis at all. */
  text?: string;
  triage?: number;
  /** Languages of the quiet segments on the second lane (default one Russian segment). */
  otherLanguages?: (string | null)[];
}

const A = '+79161110001';
const B = '+79161110002';
const C = '+380501110003';
const CALLS: CallSpec[] = [
  { collection: 'Leak A', startedAt: '2022-03-01T00:10:00Z', caller: A, callee: B, text: KILLED, triage: 80 },
  {
    collection: 'Leak A',
    startedAt: '2022-03-31T23:59:00Z',
    caller: A,
    callee: B,
    text: REFUSED,
    triage: 60,
  },
  { collection: 'Leak A', startedAt: '2022-04-01T00:00:00Z', caller: B, callee: A, text: QUIET, triage: 5 },
  { collection: 'Leak A', startedAt: '2022-04-15T12:00:00Z', caller: A, callee: C, text: KILLED, triage: 70 },
  {
    collection: 'Leak B',
    startedAt: '2022-04-20T12:00:00Z',
    caller: C,
    callee: null,
    text: REFUSED,
    triage: 40,
  },
  { collection: 'Leak B', startedAt: '2022-03-10T12:00:00Z', caller: A, callee: A },
  {
    collection: 'Leak A',
    startedAt: null,
    caller: null,
    callee: B,
    text: KILLED,
    triage: 90,
    otherLanguages: ['uk', null, 'uk'],
  },
  { collection: 'Leak B', startedAt: null, caller: null, callee: null },
];

function analysisFor(key: string, text: string, triage: number) {
  const matches = [];
  const places = [];
  if (text.includes('двухсотых')) matches.push(matchIn(text, 'двухсотых', 'casualties_killed', { count: 5 }));
  if (text.includes('отказники')) {
    matches.push(matchIn(text, 'отказники', 'refusal_to_fight'));
    // A low-confidence match is stored but counts towards nothing.
    matches.push(matchIn(text, 'харькове', 'general', { confidence: 0.3 }));
  }
  if (text.includes('бахмутом')) places.push({ surface: 'бахмутом', place: BAKHMUT });
  if (text.includes('харькове')) places.push({ surface: 'харькове', place: KHARKIV });
  return callAnalysisOf([{ key, text, matches, places }], triage);
}

beforeAll(async () => {
  t = await createTestDatabase('api_trends');
  fixture = createApiFixture(t.db);
  const collections = new Map([
    ['Leak A', await insertCollection(t.db, 'Leak A')],
    ['Leak B', await insertCollection(t.db, 'Leak B')],
  ]);
  for (const spec of CALLS) {
    const { id } = await insertRecording(fixture, {
      collection_id: collections.get(spec.collection)!,
      call_started_at: spec.startedAt ? new Date(spec.startedAt) : null,
      caller_number: spec.caller,
      callee_number: spec.callee,
    });
    if (spec.text === undefined) continue;
    const transcript = await insertTranscriptVersion(t.db, id, [
      { text: spec.text, channel: 0 },
      ...(spec.otherLanguages ?? ['ru']).map((language) => ({ text: QUIET, channel: 1, language })),
    ]);
    await storeAnalysis(
      t.db,
      id,
      transcript.id,
      analysisFor(transcript.segmentIds[0]!, spec.text, spec.triage!),
    );
  }
  app = await buildApiServer({ db: t.db, config: fixture.config });
  api = await signedInApi(app, t.db);
});

afterAll(async () => {
  await app?.close();
  fixture?.cleanup();
  await t?.drop();
});

async function get<T>(url: string): Promise<T> {
  const response = await api.inject({ method: 'GET', url });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json<T>();
}

const listTotal = async (query: string) => (await get<List>(`/api/recordings?${query}`)).total;

describe('GET /api/trends/monthly', () => {
  it('counts calls, mentions, calls per category and casualties per UTC month, undated apart', async () => {
    const body = await get<Monthly>('/api/trends/monthly');
    expect(body.months.map((m) => [m.month, m.from, m.to, m.calls, m.analysed])).toEqual([
      ['2022-03', '2022-03-01', '2022-03-31', 3, 2],
      ['2022-04', '2022-04-01', '2022-04-30', 3, 3],
    ]);
    expect(body.months[0]).toMatchObject({
      mentions: { casualties_killed: 1, refusal_to_fight: 1 },
      callsWith: { casualties_killed: 1, refusal_to_fight: 1 },
      // No call of the month stated a number wounded or missing: unknown, not 0.
      casualties: { killed: 5, wounded: null, missing: null },
    });
    expect(body.months[1]).toMatchObject({
      mentions: { casualties_killed: 1, refusal_to_fight: 1 },
      casualties: { killed: 5 },
    });
    expect(body.months[0]!.mentions).not.toHaveProperty('general');
    expect(body.undated).toMatchObject({ calls: 2, analysed: 1, callsWith: { casualties_killed: 1 } });
  });

  it.each(['', 'collection=Leak%20A', 'collection=Leak%20B&from=2022-04-01'])(
    'every month and category opens as a list of as many calls (%s)',
    async (scope) => {
      const body = await get<Monthly>(`/api/trends/monthly?${scope}`);
      const scoped = (extra: string) => [scope, extra].filter((p) => p !== '').join('&');
      let calls = body.undated.calls;
      for (const month of body.months) {
        calls += month.calls;
        // A month inside a from/to scope opens with the month's own range, which lies inside it.
        const range = `from=${month.from}&to=${month.to}`;
        const collection = scope.split('&').filter((p) => p.startsWith('collection='));
        const monthScope = [...collection, range].join('&');
        expect(await listTotal(monthScope)).toBe(month.calls);
        for (const [category, n] of Object.entries(month.callsWith)) {
          expect(await listTotal(`${monthScope}&category=${category}`)).toBe(n);
        }
      }
      if (!scope.includes('from')) {
        const collection = scope.split('&').filter((p) => p.startsWith('collection='));
        const undated = [...collection, 'undated=true'].join('&');
        expect(await listTotal(undated)).toBe(body.undated.calls);
        for (const [category, n] of Object.entries(body.undated.callsWith)) {
          expect(await listTotal(`${undated}&category=${category}`)).toBe(n);
        }
        expect(calls).toBe(await listTotal(scoped('')));
      }
    },
  );
});

describe('GET /api/trends/monthly when a call start is filled in later', () => {
  it('moves the call and its analysis to the new month together', async () => {
    // Ingest fills in missing call metadata from a later copy; analysis_current copies the start.
    const moved = await t.db
      .selectFrom('recordings')
      .select(['id', 'call_started_at'])
      .where('call_started_at', '=', new Date('2022-04-20T12:00:00Z'))
      .executeTakeFirstOrThrow();
    const setStart = (at: Date | null) =>
      t.db.updateTable('recordings').set({ call_started_at: at }).where('id', '=', moved.id).execute();
    await setStart(new Date('2022-07-02T08:00:00Z'));
    try {
      const body = await get<Monthly>('/api/trends/monthly');
      // Months between without calls are listed empty: the charts' month axis runs continuously.
      expect(body.months.map((m) => m.month)).toEqual([
        '2022-03',
        '2022-04',
        '2022-05',
        '2022-06',
        '2022-07',
      ]);
      expect(body.months.find((m) => m.month === '2022-05')).toMatchObject({
        calls: 0,
        analysed: 0,
        mentions: {},
        casualties: { killed: null, wounded: null, missing: null },
      });
      expect(await listTotal('from=2022-05-01&to=2022-05-31')).toBe(0);
      const july = body.months.find((m) => m.month === '2022-07');
      expect(july).toMatchObject({ calls: 1, analysed: 1, callsWith: { refusal_to_fight: 1 } });
      expect(body.months.find((m) => m.month === '2022-04')).toMatchObject({ calls: 2, analysed: 2 });
      expect(await listTotal('from=2022-07-01&to=2022-07-31&category=refusal_to_fight')).toBe(1);
      await setStart(null);
      const undated = (await get<Monthly>('/api/trends/monthly')).undated;
      expect(undated).toMatchObject({
        calls: 3,
        analysed: 2,
        callsWith: { casualties_killed: 1, refusal_to_fight: 1 },
      });
    } finally {
      await setStart(moved.call_started_at);
    }
    const restored = await get<Monthly>('/api/trends/monthly');
    expect(restored.months.map((m) => [m.month, m.calls, m.analysed])).toEqual([
      ['2022-03', 3, 2],
      ['2022-04', 3, 3],
    ]);
  });
});

describe('GET /api/trends/places', () => {
  it('lists places with coordinates; each opens as a list of as many calls, by id or by name', async () => {
    const body = await get<Places>('/api/trends/places');
    expect(body.places.map((p) => [p.nameEn, p.mentions, p.calls])).toEqual([
      ['Bakhmut', 5, 5],
      ['Kharkiv', 2, 2],
    ]);
    expect(body.places[0]).toMatchObject({ id: BAKHMUT.id, lat: BAKHMUT.lat, lon: BAKHMUT.lon });
    for (const place of body.places) {
      expect(await listTotal(`place=${place.id}`)).toBe(place.calls);
      expect(await listTotal(`place=${encodeURIComponent(place.nameEn.toLowerCase())}`)).toBe(place.calls);
    }
    const leakB = await get<Places>('/api/trends/places?collection=Leak%20B');
    for (const place of leakB.places) {
      expect(await listTotal(`collection=Leak%20B&place=${place.id}`)).toBe(place.calls);
    }
    expect(leakB.places.map((p) => p.calls)).toEqual([1, 1]);
  });
});

describe('GET /api/trends/call-graph', () => {
  it('counts calls per number and per caller → callee; each number opens as its calls', async () => {
    const body = await get<Graph>('/api/trends/call-graph');
    expect(body.nodes).toEqual([
      { phone: A, calls: 5 },
      { phone: B, calls: 4 },
      { phone: C, calls: 2 },
    ]);
    expect(body.edges).toEqual([
      { caller: A, callee: B, calls: 2 },
      // Ties in number order.
      { caller: A, callee: C, calls: 1 },
      { caller: A, callee: A, calls: 1 },
      { caller: B, callee: A, calls: 1 },
    ]);
    for (const node of body.nodes) {
      expect(await listTotal(`phone=${encodeURIComponent(node.phone)}`)).toBe(node.calls);
    }
    for (const edge of body.edges) {
      const query = `caller=${encodeURIComponent(edge.caller)}&callee=${encodeURIComponent(edge.callee)}`;
      expect(await listTotal(query)).toBe(edge.calls);
    }
    const scoped = await get<Graph>('/api/trends/call-graph?from=2022-04-01&to=2022-04-30&limit=2');
    expect(scoped).toMatchObject({ totalNodes: 3, truncated: true });
    expect(scoped.nodes).toHaveLength(2);
    for (const node of scoped.nodes) {
      expect(await listTotal(`from=2022-04-01&to=2022-04-30&phone=${encodeURIComponent(node.phone)}`)).toBe(
        node.calls,
      );
    }
  });
});

describe('GET /api/recordings with analysis', () => {
  it('sorts by triage score, unanalysed calls last, and filters by minimum score', async () => {
    const body = await get<List>('/api/recordings?sort=triage&limit=200');
    const scores = body.items.map((i) => i.analysis?.triageScore ?? null);
    expect(scores).toEqual([90, 80, 70, 60, 40, 5, null, null]);
    const asc = await get<List>('/api/recordings?sort=triage&order=asc');
    expect(asc.items.map((i) => i.analysis?.triageScore ?? null)).toEqual([
      5,
      40,
      60,
      70,
      80,
      90,
      null,
      null,
    ]);
    expect(await listTotal('minTriage=60')).toBe(4);
    expect(body.items[0]).toMatchObject({ lanes: 2, analysis: { categories: ['casualties_killed'] } });
    expect(body.items.at(-1)).toMatchObject({ lanes: 0, analysis: null });
  });

  it('lists the languages of the latest transcript, most segments first, none without one', async () => {
    const body = await get<List>('/api/recordings?sort=triage&limit=200');
    // Triage 90: one Russian segment, two Ukrainian, one without a language.
    expect(body.items.map((i) => i.languages)).toEqual([
      ['uk', 'ru'],
      ['ru'],
      ['ru'],
      ['ru'],
      ['ru'],
      ['ru'],
      [],
      [],
    ]);
    // A call corrected into another language: only the latest version counts.
    const collection = await t.db
      .selectFrom('collections')
      .select('id')
      .where('name', '=', 'Leak B')
      .executeTakeFirstOrThrow();
    const { id } = await insertRecording(fixture, { collection_id: collection.id });
    await insertTranscriptVersion(t.db, id, [{ text: QUIET, language: 'ru' }]);
    await insertTranscriptVersion(
      t.db,
      id,
      [
        { text: QUIET, language: 'uk' },
        { text: QUIET, language: 'ru', channel: 1 },
        { text: QUIET, language: 'uk' },
      ],
      'human',
    );
    const after = await get<List>('/api/recordings?sort=triage&limit=200');
    expect(after.items.find((i) => i.id === id)).toMatchObject({ languages: ['uk', 'ru'], lanes: 2 });
  });

  it.each(['', 'collection=Leak%20A&', 'order=asc&'])(
    'pages through the triage order without gaps or repeats across analysed and unanalysed calls (%s)',
    async (scope) => {
      const all = await get<List>(`/api/recordings?${scope}sort=triage&limit=200`);
      for (const limit of [1, 3, 4]) {
        const paged: string[] = [];
        for (let offset = 0; offset < all.total + limit; offset += limit) {
          const page = await get<List>(`/api/recordings?${scope}sort=triage&limit=${limit}&offset=${offset}`);
          paged.push(...page.items.map((i) => i.id));
        }
        expect(paged, `limit ${limit}`).toEqual(all.items.map((i) => i.id));
      }
    },
  );

  it.each<[string, string]>([
    ['category=killed', 'querystring.category'],
    ['minTriage=abc', 'querystring.minTriage'],
    ['minTriage=101', 'querystring.minTriage'],
    ['place=', 'querystring.place'],
    ['undated=yes', 'querystring.undated'],
    ['undated=true&from=2022-01-01', 'querystring.undated'],
    ['sort=score', 'querystring.sort'],
    ['caller=12345', 'querystring.caller'],
  ])('rejects %s with 400 naming %s', async (query, path) => {
    const response = await api.inject({ method: 'GET', url: `/api/recordings?${query}` });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ error: string; issues?: { path: string }[] }>();
    expect(body.error).toBe('bad_request');
    expect(body.issues?.map((i) => i.path)).toContain(path);
  });
});

describe('trend filters', () => {
  it.each<[string, string]>([
    ['/api/trends/monthly?from=2022-05-01&to=2022-04-01', 'querystring.from'],
    ['/api/trends/monthly?from=yesterday', 'querystring.from'],
    ['/api/trends/places?collectionId=42', 'querystring.collectionId'],
    ['/api/trends/places?category=casualties_killed', 'querystring'],
    ['/api/trends/call-graph?limit=0', 'querystring.limit'],
    [
      '/api/trends/call-graph?collection=A&collectionId=00000000-0000-4000-8000-000000000000',
      'querystring.collection',
    ],
  ])('rejects %s with 400 naming %s', async (url, path) => {
    const response = await api.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ error: string; message: string; issues?: { path: string }[] }>();
    expect(body.error).toBe('bad_request');
    expect(body.issues?.map((i) => i.path)).toContain(path);
  });
});

describe('GET /api/recordings/:id/analysis', () => {
  it('answers 404 for an unknown recording or one not analysed, 400 for a bad id', async () => {
    const unknown = await api.inject({
      url: '/api/recordings/00000000-0000-4000-8000-000000000000/analysis',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<{ message: string }>().message).toMatch(/No recording/);
    const list = await get<List>('/api/recordings?sort=triage&order=asc');
    const unanalysed = list.items.at(-1)!.id;
    const notYet = await api.inject({ url: `/api/recordings/${unanalysed}/analysis` });
    expect(notYet.statusCode).toBe(404);
    expect(notYet.json<{ message: string }>().message).toMatch(/no analysis/);
    expect((await api.inject({ url: '/api/recordings/nope/analysis' })).statusCode).toBe(400);
  });

  it('returns matches and entities with offsets into the segment texts', async () => {
    const top = (await get<List>('/api/recordings?sort=triage&limit=1')).items[0]!;
    const body = await get<{
      transcriptVersion: number;
      triage: { score: number; reasons: string[] };
      matches: { segmentId: string; start: number; end: number; surface: string; category: Category }[];
      entities: { kind: string; start: number; end: number; surface: string; place?: { id: string } }[];
    }>(`/api/recordings/${top.id}/analysis`);
    expect(body.transcriptVersion).toBe(1);
    expect(body.triage).toEqual({ score: 90, reasons: ['scored 90 in a test'] });
    expect(body.matches).toMatchObject([{ surface: 'двухсотых', category: 'casualties_killed' }]);
    expect(KILLED.slice(body.matches[0]!.start, body.matches[0]!.end)).toBe('двухсотых');
    expect(body.entities).toMatchObject([{ kind: 'place', surface: 'бахмутом', place: { id: BAKHMUT.id } }]);
    expect(KILLED.slice(body.entities[0]!.start, body.entities[0]!.end)).toBe('бахмутом');
  });
});
