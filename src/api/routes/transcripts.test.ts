import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiFixture,
  insertCollection,
  insertRecording,
  type ApiFixture,
} from '../../../test/helpers/api-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { pipelineRegistry } from '../../jobs/handlers.ts';
import { PGBOSS_SCHEMA, startJobQueue, type JobQueue } from '../../jobs/queue.ts';
import { scheduleStage } from '../../jobs/scheduling.ts';
import type { StageName } from '../../jobs/stages.ts';
import { insertMachineTranscriptFixture } from '../../transcripts/testing/transcript-fixtures.ts';
import { buildApiServer } from '../server.ts';
import { signedInApi, type SignedInApi } from '../../../test/helpers/signed-in-api.ts';

interface Segment {
  id: string;
  position: number;
  channel: number;
  lane: string;
  start: number;
  end: number;
  text: string;
  confidence: number | null;
  words: { w: string; estimated?: boolean }[];
  sourceSegmentId: string | null;
  translation: { text: string | null; stale: boolean } | null;
}
interface TranscriptBody {
  transcript: { id: string; version: number; kind: string; basedOnVersion: number | null; createdBy: string };
  isLatest: boolean;
  isCurrent: boolean;
  segments: Segment[];
}

let t: TestDatabase;
let fixture: ApiFixture;
let app: FastifyInstance;
let api: SignedInApi;
let queue: JobQueue<StageName>;
let recordingId = '';
let bareRecordingId = '';
let machine: { transcriptId: string; segmentIds: string[] };

const MISSING = '00000000-0000-4000-8000-000000000000';

/** Everything a correction could touch, to prove a rejected one touched nothing. */
async function storedState(): Promise<string> {
  const result = await sql<{ state: string }>`
    SELECT concat_ws('|',
      (SELECT count(*) FROM transcripts), (SELECT count(*) FROM transcript_segments),
      (SELECT count(*) FROM custody_events), (SELECT count(*) FROM latest_transcripts),
      (SELECT string_agg(recording_id || stage || status, ',' ORDER BY recording_id, stage) FROM stage_runs)
    ) AS state`.execute(t.db);
  return result.rows[0]!.state;
}

const post = (id: string, payload: unknown) =>
  api.inject({ method: 'POST', url: `/api/recordings/${id}/transcripts`, payload: payload as object });

beforeAll(async () => {
  t = await createTestDatabase('api_transcripts');
  fixture = createApiFixture(t.db);
  const collection = await insertCollection(t.db, 'Intercepts');
  recordingId = (
    await insertRecording(fixture, { collection_id: collection, channels: 2, duration_seconds: 30 })
  ).id;
  bareRecordingId = (await insertRecording(fixture, { collection_id: collection })).id;
  machine = await insertMachineTranscriptFixture(t.db, recordingId, [
    { channel: 0, start: 0.5, end: 3, text: 'у нас двое двухсотых', english: 'we have two two hundreds' },
    { channel: 1, start: 3.5, end: 6, text: 'понял тебя', english: 'I understand you' },
    { channel: 0, start: 6.5, end: 9, text: 'скажи матери', english: 'tell mother' },
  ]);
  // A real job queue on the test database: the correction must queue translate and analyse.
  queue = await startJobQueue({ connectionString: t.connectionString, registry: pipelineRegistry() });
  app = await buildApiServer({
    db: t.db,
    config: { ...fixture.config, actor: 'os-user' },
    scheduleStage: (stage, ids, options) => scheduleStage(queue, t.db, stage, ids, options),
  });
  api = await signedInApi(app, t.db, { name: 'Olena' });
});

afterAll(async () => {
  await app?.close();
  await queue?.stop({ graceful: false });
  fixture?.cleanup();
  await t?.drop();
});

describe('reading transcripts', () => {
  it('lists versions and reads the latest with words and translations', async () => {
    const versions = await api.inject({ url: `/api/recordings/${recordingId}/transcripts` });
    expect(versions.statusCode).toBe(200);
    expect(versions.json()).toMatchObject({
      versions: [{ version: 1, kind: 'machine', basedOnVersion: null, model: 'test-asr-ru', language: 'ru' }],
    });
    const read = await api.inject({ url: `/api/recordings/${recordingId}/transcript` });
    expect(read.statusCode).toBe(200);
    const body = read.json<TranscriptBody>();
    expect(body.isLatest).toBe(true);
    expect(body.segments.map((s) => s.text)).toEqual(['у нас двое двухсотых', 'понял тебя', 'скажи матери']);
    expect(body.segments[0]!.words).toHaveLength(4);
    expect(body.segments[1]!.translation).toMatchObject({ text: 'I understand you', stale: false });
    // The same translation fields as an excerpt's (segmentTranslationOf), the model's hash
    // included, and the quality estimate the Call page shows.
    expect(Object.keys(body.segments[1]!.translation!).sort()).toEqual([
      'createdBy',
      'engine',
      'kind',
      'model',
      'modelSha256',
      'quality',
      'stale',
      'status',
      'text',
      'translationId',
    ]);
  });

  it('answers 404 and 400 for what does not exist or is malformed', async () => {
    expect((await api.inject({ url: `/api/recordings/${MISSING}/transcripts` })).statusCode).toBe(404);
    const bare = await api.inject({ url: `/api/recordings/${bareRecordingId}/transcript` });
    expect(bare.statusCode).toBe(404);
    expect(bare.json<{ message: string }>().message).toMatch(/no transcript yet/);
    expect(
      (await api.inject({ url: `/api/recordings/${recordingId}/transcript?version=7` })).statusCode,
    ).toBe(404);
    expect(
      (await api.inject({ url: `/api/recordings/${recordingId}/transcript?version=x` })).statusCode,
    ).toBe(400);
    expect((await api.inject({ url: '/api/recordings/not-a-uuid/transcripts' })).statusCode).toBe(400);
  });
});

describe('corrections', () => {
  const [first, second, third] = [0, 1, 2];

  it('refuses bad input with a message naming the problem, and changes nothing', async () => {
    const before = await storedState();
    const ids = (): string[] => machine.segmentIds;
    const segment = (overrides: Record<string, unknown>) => ({
      sourceSegmentId: ids()[first],
      channel: 0,
      lane: 'channel-0',
      start: 0.5,
      end: 3,
      text: 'у нас трое двухсотых',
      ...overrides,
    });
    const cases: [unknown, RegExp][] = [
      [undefined, /body/],
      [{}, /baseVersion/],
      [{ baseVersion: 1, segments: [] }, /segments is empty/],
      [{ baseVersion: 1, segments: [segment({ end: 0.5 })] }, /end 0.5 must be after start 0.5/],
      [{ baseVersion: 1, segments: [segment({ start: 2, end: 1 })] }, /must be after start/],
      [{ baseVersion: 1, segments: [segment({ start: -1 })] }, /segments\.0\.start/],
      [{ baseVersion: 1, segments: [segment({ end: 45 })] }, /beyond the end of the recording \(30 s\)/],
      [
        { baseVersion: 1, segments: [segment({ channel: 2 })] },
        /channel 2 does not exist \(the recording has 2 channels/,
      ],
      [{ baseVersion: 1, segments: [segment({ text: '   ' })] }, /text is empty/],
      [{ baseVersion: 1, segments: [segment({ text: 'a\u0000b' })] }, /NUL/],
      [{ baseVersion: 1, segments: [segment({ sourceSegmentId: '999999' })] }, /not a segment of version 1/],
      [{ baseVersion: 1, segments: [segment({}), segment({})] }, /listed twice/],
      [{ baseVersion: 3, segments: [segment({})] }, /baseVersion 3 does not exist/],
      [{ baseVersion: 1, segments: [segment({})], extra: true }, /extra/],
    ];
    for (const [payload, message] of cases) {
      const response = await post(recordingId, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json<{ message: string }>().message, JSON.stringify(payload)).toMatch(message);
    }
    const unchanged = await post(recordingId, {
      baseVersion: 1,
      segments: [
        {
          sourceSegmentId: ids()[first],
          channel: 0,
          lane: 'channel-0',
          start: 0.5,
          end: 3,
          text: 'у нас двое двухсотых',
        },
        {
          sourceSegmentId: ids()[second],
          channel: 1,
          lane: 'channel-1',
          start: 3.5,
          end: 6,
          text: 'понял тебя',
        },
        {
          sourceSegmentId: ids()[third],
          channel: 0,
          lane: 'channel-0',
          start: 6.5,
          end: 9,
          text: 'скажи матери',
        },
      ],
    });
    expect(unchanged.statusCode).toBe(400);
    expect(unchanged.json<{ message: string }>().message).toMatch(/nothing changed/);
    expect((await post(MISSING, { baseVersion: 1, segments: [segment({})] })).statusCode).toBe(404);
    expect(await storedState()).toBe(before);
  });

  it('saves an edit as a new human version, keeps the machine version, and re-runs the stages', async () => {
    const ids = machine.segmentIds;
    const response = await post(recordingId, {
      baseVersion: 1,
      // A body that claims another author: the custody event and the version name the signed-in user.
      author: 'Editor-in-chief',
      segments: [
        // Text corrected: the unchanged words keep their timings, the new one is estimated;
        // the translation is stale.
        {
          sourceSegmentId: ids[first],
          channel: 0,
          lane: 'channel-0',
          start: 0.5,
          end: 3,
          text: 'у нас трое двухсотых',
        },
        // Speaker reassigned, same words: timings and translation still hold.
        {
          sourceSegmentId: ids[second],
          channel: 1,
          lane: 'commander',
          speaker: 'Гром',
          start: 3.5,
          end: 6,
          text: 'понял тебя',
        },
        // Third removed; a new segment added.
        { channel: 1, lane: 'channel-1', start: 9.5, end: 11, text: 'триста у нас' },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      transcript: { version: 2, kind: 'human', basedOnVersion: 1, createdBy: 'Olena', model: null },
      segments: { kept: 0, edited: 2, added: 1, removed: 1 },
      rerun: { stages: ['translate', 'analyse'], queued: true },
    });
    // No recogniser is installed here: the changed words keep estimated times, and the answer says why.
    const { wordTiming } = response.json<{
      wordTiming: { aligned: number; estimated: number; notes: string[] };
    }>();
    expect(wordTiming).toMatchObject({ aligned: 0, estimated: 4 });
    expect(wordTiming.notes.join(' ')).toMatch(/is not installed/);

    const latest = (
      await api.inject({ url: `/api/recordings/${recordingId}/transcript` })
    ).json<TranscriptBody>();
    expect(latest.transcript).toMatchObject({ version: 2, kind: 'human', createdBy: 'Olena' });
    const [edited, reassigned, added] = latest.segments;
    expect(edited).toMatchObject({
      text: 'у нас трое двухсотых',
      words: [{ w: 'у' }, { w: 'нас' }, { w: 'трое', conf: null, estimated: true }, { w: 'двухсотых' }],
      confidence: null,
      sourceSegmentId: ids[first],
    });
    expect(edited!.words.filter((w) => w.estimated).map((w) => w.w)).toEqual(['трое']);
    expect(edited!.translation).toMatchObject({ text: 'we have two two hundreds', stale: true });
    expect(reassigned).toMatchObject({ lane: 'commander', confidence: 0.8, sourceSegmentId: ids[second] });
    expect(reassigned!.words).toHaveLength(2);
    expect(reassigned!.translation).toMatchObject({ text: 'I understand you', stale: false });
    expect(added).toMatchObject({ text: 'триста у нас', sourceSegmentId: null, translation: null });

    const old = (
      await api.inject({ url: `/api/recordings/${recordingId}/transcript?version=1` })
    ).json<TranscriptBody>();
    expect(old.isLatest).toBe(false);
    expect(old.isCurrent).toBe(false);
    expect(old.segments.map((s) => s.text)).toEqual(['у нас двое двухсотых', 'понял тебя', 'скажи матери']);
    expect(old.segments[0]!.translation).toMatchObject({ stale: false });

    const custody = await t.db
      .selectFrom('custody_events')
      .selectAll()
      .where('recording_id', '=', recordingId)
      .execute();
    expect(custody).toHaveLength(1);
    expect(custody[0]).toMatchObject({
      action: 'corrected',
      actor: 'Olena',
      details: { stage: 'correction', kind: 'human', version: 2, basedOnVersion: 1 },
    });
    const runs = await t.db
      .selectFrom('stage_runs')
      .select(['stage', 'status'])
      .where('recording_id', '=', recordingId)
      .orderBy('stage')
      .execute();
    expect(runs).toEqual([
      { stage: 'analyse', status: 'pending' },
      { stage: 'translate', status: 'pending' },
    ]);
    const jobs = await sql<{ name: string; data: { recordingId: string; force?: boolean } }>`
      SELECT name, data FROM ${sql.table(`${PGBOSS_SCHEMA}.job`)} ORDER BY name`.execute(t.db);
    expect(jobs.rows).toEqual([
      { name: 'stage.analyse', data: { recordingId, force: true } },
      { name: 'stage.translate', data: { recordingId, force: true } },
    ]);
  });

  it('answers 409 to an edit of a version that is no longer the latest, and changes nothing', async () => {
    const before = await storedState();
    const response = await post(recordingId, {
      baseVersion: 1,
      segments: [
        {
          sourceSegmentId: machine.segmentIds[first],
          channel: 0,
          lane: 'channel-0',
          start: 0.5,
          end: 3,
          text: 'другое',
        },
      ],
    });
    expect(response.statusCode).toBe(409);
    const conflict = response.json<{ error: string; message: string }>();
    expect(conflict.error).toBe('conflict');
    expect(conflict.message).toMatch(/version 1 is no longer the current one: version 2 was saved by Olena/);
    expect(await storedState()).toBe(before);
  });

  it('names the signed-in user as author when the body names none, and chains corrections', async () => {
    const v2 = (
      await api.inject({ url: `/api/recordings/${recordingId}/transcript` })
    ).json<TranscriptBody>();
    const segments = v2.segments.map((s) => ({
      sourceSegmentId: s.id,
      channel: s.channel,
      lane: s.lane,
      start: s.start,
      end: s.end,
      text: s.text,
    }));
    segments[0]!.text = 'у нас четверо двухсотых';
    const response = await post(recordingId, { baseVersion: 2, segments });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      transcript: { version: 3, createdBy: 'Olena', basedOnVersion: 2 },
    });
    const v3 = (
      await api.inject({ url: `/api/recordings/${recordingId}/transcript` })
    ).json<TranscriptBody>();
    // Two versions back, still the English of the machine version: stale, as the words changed.
    expect(v3.segments[0]!.translation).toMatchObject({ text: 'we have two two hundreds', stale: true });
    expect(v3.segments[1]!.translation).toMatchObject({ text: 'I understand you', stale: false });
  });
});

describe('diff', () => {
  it('shows added, removed and changed segments with a word-level diff', async () => {
    const response = await api.inject({ url: `/api/recordings/${recordingId}/transcripts/diff?from=1&to=2` });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{
      summary: Record<string, number>;
      changes: {
        type: string;
        textChanged: boolean;
        laneChanged: boolean;
        speakerChanged: boolean;
        words: unknown[];
      }[];
    }>();
    expect(body.summary).toEqual({ added: 1, removed: 1, changed: 2, unchanged: 0 });
    expect(body.changes.map((c) => c.type)).toEqual(['changed', 'changed', 'removed', 'added']);
    expect(body.changes[0]).toMatchObject({
      textChanged: true,
      laneChanged: false,
      words: [
        { op: 'equal', text: 'у нас' },
        { op: 'delete', text: 'двое' },
        { op: 'insert', text: 'трое' },
        { op: 'equal', text: 'двухсотых' },
      ],
    });
    expect(body.changes[1]).toMatchObject({
      textChanged: false,
      laneChanged: true,
      speakerChanged: true,
      words: [],
    });

    // Across two corrections the first segment is still traced back to the machine one.
    const across = (
      await api.inject({ url: `/api/recordings/${recordingId}/transcripts/diff?from=1&to=3` })
    ).json<{
      summary: Record<string, number>;
    }>();
    expect(across.summary).toEqual({ added: 1, removed: 1, changed: 2, unchanged: 0 });
  });

  it('refuses a reversed or missing version', async () => {
    const reversed = await api.inject({ url: `/api/recordings/${recordingId}/transcripts/diff?from=2&to=1` });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json<{ message: string }>().message).toMatch(/from must be an earlier version/);
    expect(
      (await api.inject({ url: `/api/recordings/${recordingId}/transcripts/diff?from=1&to=9` })).statusCode,
    ).toBe(404);
    expect(
      (await api.inject({ url: `/api/recordings/${recordingId}/transcripts/diff?from=1` })).statusCode,
    ).toBe(400);
  });
});
