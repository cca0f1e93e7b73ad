import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiFixture,
  insertCollection,
  insertRecording,
  type ApiFixture,
} from '../../../test/helpers/api-fixtures.ts';
import { storeAnalysis } from '../../../test/helpers/analysis-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { signedInApi, type SignedInApi } from '../../../test/helpers/signed-in-api.ts';
import { analyseCall } from '../../analysis/analyse-text.ts';
import { insertMachineTranscriptFixture } from '../../transcripts/testing/transcript-fixtures.ts';
import { parseSearchQuery } from '../../search/query-parser.ts';
import { searchSegments } from '../queries/search.ts';
import { buildApiServer } from '../server.ts';

// Search over the demo corpus as the recogniser writes it (demo/ground-truth: «spoken» is the
// lower-case text with numbers as words, what test-asr-ru outputs), with the demo translations,
// on the real embedded PostgreSQL, through GET /api/search. Every call is analysed by the real
// analyser, so the place filter and phone entities are the ones a user sees.

interface TruthSegment {
  start: number;
  end: number;
  spoken: string;
  translation_en: string;
}
interface Truth {
  file: string;
  metadata: { caller: string; callee: string; start_time: string };
  lanes: { channel: number; segments: TruthSegment[] }[];
}
interface Hit {
  recordingId: string;
  segmentId: string;
  source: 'transcript' | 'translation';
  snippet: { text: string; match: boolean }[];
}

const GROUND_TRUTH = path.resolve('demo/ground-truth');

let t: TestDatabase;
let fixture: ApiFixture;
let app: FastifyInstance;
let api: SignedInApi;

async function search(params: Record<string, string>): Promise<{ total: number; hits: Hit[] }> {
  const response = await api.inject({ url: `/api/search?${new URLSearchParams(params).toString()}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** The words a search marked as matches, lower case, over all its hits. */
async function matchedWords(params: Record<string, string>): Promise<string[]> {
  const body = await search({ limit: '100', ...params });
  return body.hits.flatMap((h) => h.snippet.filter((p) => p.match).map((p) => p.text.toLowerCase()));
}

beforeAll(async () => {
  t = await createTestDatabase('search_demo_corpus');
  fixture = createApiFixture(t.db);
  const collection = await insertCollection(t.db, 'Demo');
  const files = fs.readdirSync(GROUND_TRUTH).filter((f) => f.endsWith('.json'));
  expect(files.length).toBeGreaterThanOrEqual(20);
  for (const file of files) {
    const truth = JSON.parse(fs.readFileSync(path.join(GROUND_TRUTH, file), 'utf8')) as Truth;
    const recording = await insertRecording(fixture, {
      collection_id: collection,
      caller_number: truth.metadata.caller,
      callee_number: truth.metadata.callee,
      call_started_at: new Date(truth.metadata.start_time),
    });
    const segments = truth.lanes
      .flatMap((lane) => lane.segments.map((s) => ({ ...s, channel: lane.channel })))
      .sort((a, b) => a.start - b.start);
    const stored = await insertMachineTranscriptFixture(
      t.db,
      recording.id,
      segments.map((s) => ({
        channel: s.channel,
        start: s.start,
        end: s.end,
        text: s.spoken,
        english: s.translation_en,
      })),
    );
    const analysis = analyseCall(segments.map((s, i) => ({ key: stored.segmentIds[i]!, text: s.spoken })));
    await storeAnalysis(t.db, recording.id, stored.transcriptId, analysis);
  }
  app = await buildApiServer({ db: t.db, config: fixture.config });
  api = await signedInApi(app, t.db);
}, 120_000);

afterAll(async () => {
  await app?.close();
  fixture?.cleanup();
  await t?.drop();
});

describe('search over the demo corpus: numbers however written', () => {
  it('"груз 200" finds «грузом двести» in the transcripts; «двести» finds "cargo 200" in the translations', async () => {
    const transcript = await search({ q: '"груз 200"', lang: 'ru' });
    expect(transcript.total).toBeGreaterThanOrEqual(2);
    for (const hit of transcript.hits) {
      expect(hit.snippet.map((p) => p.text).join('')).toMatch(/грузом двести/);
    }
    const words = await matchedWords({ q: '"груз 200"', lang: 'ru' });
    expect(words).toEqual(expect.arrayContaining(['грузом', 'двести']));
    expect(await matchedWords({ q: 'двести', lang: 'en' })).toEqual(expect.arrayContaining(['200']));
  });

  it('300 finds «трехсотых»; «двухсотых» finds 200 written in digits; 200-х finds both', async () => {
    const words = await matchedWords({ q: '300', lang: 'ru' });
    expect(words).toEqual(expect.arrayContaining(['трехсотых']));
    // Numbers only as typed (the bench's baseline): the demo transcripts write none in digits.
    const typed = await searchSegments(t.db, {
      parsed: parseSearchQuery('300'),
      lang: 'ru',
      translit: false,
      numbers: false,
      filters: {},
      limit: 20,
      offset: 0,
    });
    expect(typed.total).toBe(0);
    expect(await matchedWords({ q: 'двухсотых', lang: 'en' })).toEqual(expect.arrayContaining(['200']));
    expect(await matchedWords({ q: '200-х', lang: 'ru' })).toEqual(
      expect.arrayContaining(['двести', 'двухсотых']),
    );
  });

  it('number words in a query find digits and number words in any form', async () => {
    // «сорок трехсотых»: 40 as a word in the transcript; "forty" nowhere in English, so ru only.
    expect(await matchedWords({ q: '"40 трехсотых"', lang: 'ru' })).toEqual(['сорок', 'трехсотых']);
    expect(await matchedWords({ q: 'двенадцать', lang: 'ru' })).toEqual(
      expect.arrayContaining(['двенадцать']),
    );
    expect(await matchedWords({ q: '12 пятисотых', lang: 'ru' })).toEqual(
      expect.arrayContaining(['двенадцать', 'пятисотых']),
    );
  });
});

describe('search over the demo corpus: transliteration both ways', () => {
  it('Kharkiv, Kharkov and Charkiw find «харьков» and «харьковом» with the switch on', async () => {
    for (const q of ['Kharkiv', 'Kharkov', 'Charkiw']) {
      const words = await matchedWords({ q, lang: 'ru', translit: 'true' });
      expect(words, q).toEqual(expect.arrayContaining(['харьковом', 'харьков']));
    }
    expect(await matchedWords({ q: 'Kharkiv', lang: 'ru' })).toEqual([]);
  });

  it('Cyrillic finds Latin in the translations: «Бахмут» finds Bakhmut, «Харьков» finds Kharkiv', async () => {
    expect(await matchedWords({ q: 'Бахмут', lang: 'en', translit: 'true' })).toEqual(
      expect.arrayContaining(['bakhmut']),
    );
    expect(await matchedWords({ q: 'Харьков', lang: 'en', translit: 'true' })).toEqual(
      expect.arrayContaining(['kharkiv']),
    );
    expect(await matchedWords({ q: 'Бахмут', lang: 'en' })).toEqual([]);
  });

  it('the place filter accepts the name in Cyrillic and in any usual romanisation', async () => {
    const bakhmut = await search({ q: 'мам', place: 'Bakhmut', limit: '100' });
    expect(bakhmut.total).toBeGreaterThan(0);
    for (const place of ['Бахмут', 'бахмут', 'BAKHMUT']) {
      expect((await search({ q: 'мам', place, limit: '100' })).hits, place).toEqual(bakhmut.hits);
    }
    const kharkiv = await search({ q: 'мам', place: 'Kharkiv', limit: '100' });
    expect(kharkiv.total).toBeGreaterThan(0);
    expect((await search({ q: 'мам', place: 'Харьков', limit: '100' })).hits).toEqual(kharkiv.hits);
    expect((await search({ q: 'мам', place: 'Kharkov', limit: '100' })).hits).toEqual(kharkiv.hits);
    expect((await search({ q: 'мам', place: 'Нигде', limit: '100' })).total).toBe(0);
  });
});

describe('search over the demo corpus: the person filter', () => {
  it('takes a name in either script', async () => {
    const cyrillic = await search({ q: 'номер', person: 'Соколов', limit: '100' });
    expect(cyrillic.total).toBeGreaterThan(0);
    expect(cyrillic.total).toBeLessThan((await search({ q: 'номер', limit: '100' })).total);
    expect((await search({ q: 'номер', person: 'Sokolov', limit: '100' })).hits).toEqual(cyrillic.hits);
    expect((await search({ q: 'номер', person: 'Nobody', limit: '100' })).total).toBe(0);
  });
});

describe('search over the demo corpus: the phone filter', () => {
  it('accepts an international prefix and the national format', async () => {
    const all = await search({ q: 'мам', limit: '100' });
    const callers = (await search({ q: 'мам', phone: '+7916', limit: '100' })).hits;
    expect(callers.length).toBeGreaterThan(0);
    expect(callers.length).toBeLessThan(all.hits.length);
    const national = await search({ q: 'мам', phone: '8 916 123-45-67', limit: '100' });
    const international = await search({ q: 'мам', phone: '+79161234567', limit: '100' });
    expect(national.hits).toEqual(international.hits);
    expect(national.total).toBeGreaterThan(0);
    expect((await search({ q: 'мам', phone: '8916', limit: '100' })).hits).toEqual(callers);
  });
});
