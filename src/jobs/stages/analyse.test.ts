import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiFixture,
  insertCollection,
  insertRecording,
  type ApiFixture,
} from '../../../test/helpers/api-fixtures.ts';
import {
  callAnalysisOf,
  insertTranscriptVersion,
  storeAnalysis,
} from '../../../test/helpers/analysis-fixtures.ts';
import { CLASSIFIER_VERSION, classifyMeaning } from '../../analysis/classifier/classify-meaning.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { readCurrentAnalysis } from '../../analysis/analysis-store.ts';
import { openPipeline, type Pipeline } from '../pipeline.ts';
import { runPipelineUntilIdle } from '../run-until-idle.ts';
import { analyseStage, currentAnalyserVersions, scheduleAnalysis } from './analyse.ts';
import { buildApiServer } from '../../api/server.ts';
import { signedInApi, type SignedInApi } from '../../../test/helpers/signed-in-api.ts';

// The analyse stage on the real database with the real analyser, over transcripts written the
// way the transcribe stage and human corrections write them.

const CASUALTIES = 'у нас пять двухсотых и десять трёхсотых';
const REFUSAL = 'опять отказники пятисотые';
const QUIET = 'привет мама всё хорошо';

let t: TestDatabase;
let fixture: ApiFixture;
let collectionId: string;
let pipeline: Pipeline;
let app: FastifyInstance;
let api: SignedInApi;

beforeAll(async () => {
  t = await createTestDatabase('analyse_stage');
  fixture = createApiFixture(t.db);
  collectionId = await insertCollection(t.db, 'Leak');
  pipeline = await openPipeline({
    connection: { db: t.db, connectionString: t.connectionString, embedded: undefined },
    config: fixture.config,
  });
  app = await buildApiServer({ db: t.db, config: fixture.config });
  api = await signedInApi(app, t.db);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await pipeline?.stop();
  fixture?.cleanup();
  await t?.drop();
});

/** Runs the handler and commits its writes, as a worker does. */
async function analyse(recordingId: string, force = false) {
  const outcome = await analyseStage.run(
    { recordingId, ...(force ? { force } : {}) },
    { db: t.db, config: fixture.config, worker: 'test', jobId: 'job' },
  );
  await t.db.transaction().execute(async (trx) => outcome.record?.(trx));
  return outcome.result;
}

async function runCount(recordingId: string): Promise<number> {
  const rows = await t.db
    .selectFrom('analysis_runs')
    .select('id')
    .where('recording_id', '=', recordingId)
    .execute();
  return rows.length;
}

describe('analyse stage', () => {
  let recordingId = '';
  let segmentIds: string[] = [];

  it('stores code-word matches with their offsets, casualty counts and what it read', async () => {
    recordingId = (await insertRecording(fixture, { collection_id: collectionId })).id;
    const transcript = await insertTranscriptVersion(t.db, recordingId, [
      { text: CASUALTIES, channel: 0 },
      { text: REFUSAL, channel: 1 },
      { text: QUIET, channel: 0 },
    ]);
    segmentIds = transcript.segmentIds;
    await t.db
      .insertInto('segment_translations')
      .values({
        transcript_segment_id: segmentIds[0]!,
        transcript_id: transcript.id,
        target_language: 'en',
        text: 'we have five 200s',
        status: 'translated',
        engine: 'test',
        model: 'test-mt',
        model_sha256: 'f'.repeat(64),
      })
      .execute();

    const result = await analyse(recordingId);
    expect(result).toMatchObject({ transcriptId: transcript.id, version: 1, segments: 3 });

    const stored = (await readCurrentAnalysis(t.db, recordingId))!;
    expect(stored.run.transcript_id).toBe(transcript.id);
    expect(stored.run.translation).toMatchObject({ targetLanguage: 'en', rows: 1, models: ['test-mt'] });
    expect(stored.run.casualties).toEqual({ killed: 5, wounded: 10, missing: null });
    expect(stored.run.counts).toMatchObject({
      casualties_killed: 1,
      casualties_wounded: 1,
      refusal_to_fight: 2,
    });
    expect(stored.run.triage_score).toBeGreaterThan(0);
    const texts = new Map([
      [segmentIds[0]!, CASUALTIES],
      [segmentIds[1]!, REFUSAL],
      [segmentIds[2]!, QUIET],
    ]);
    for (const m of stored.matches) {
      expect(texts.get(String(m.transcript_segment_id))!.slice(m.start_offset, m.end_offset)).toBe(m.surface);
    }
    const killed = stored.matches.find((m) => m.category === 'casualties_killed')!;
    expect(killed).toMatchObject({
      transcript_segment_id: segmentIds[0],
      start_offset: CASUALTIES.indexOf('двухсотых'),
      end_offset: CASUALTIES.indexOf('двухсотых') + 'двухсотых'.length,
      count: 5,
    });
    expect(stored.matches.filter((m) => String(m.transcript_segment_id) === segmentIds[1])).toHaveLength(2);
    expect(stored.matches.some((m) => String(m.transcript_segment_id) === segmentIds[2])).toBe(false);

    const events = await t.db
      .selectFrom('custody_events')
      .select('details')
      .where('recording_id', '=', recordingId)
      .where(sql<string>`details->>'stage'`, '=', 'analyse')
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]!.details).toMatchObject({ runId: stored.run.id, transcriptId: transcript.id });
  });

  it('does nothing when run again without force, and adds a run when forced', async () => {
    const again = await analyse(recordingId);
    expect(again).toMatchObject({ skipped: 'already analysed', ...currentAnalyserVersions() });
    expect(await runCount(recordingId)).toBe(1);
    await analyse(recordingId, true);
    expect(await runCount(recordingId)).toBe(2);
  });

  it('analyses a new transcript version when rescheduled; the list and analysis endpoints show it', async () => {
    const before = (await readCurrentAnalysis(t.db, recordingId))!;
    const corrected = await insertTranscriptVersion(
      t.db,
      recordingId,
      [{ text: 'у нас три двухсотых' }, { text: QUIET }],
      'human',
    );
    // Until analyse has run on it, the recording has no current analysis.
    expect((await api.inject({ url: `/api/recordings/${recordingId}/analysis` })).statusCode).toBe(404);

    expect(await scheduleAnalysis(pipeline.queue, t.db, [recordingId])).toBe(1);
    const status = await runPipelineUntilIdle(pipeline);
    expect(status.failures).toEqual([]);

    const response = await api.inject({ url: `/api/recordings/${recordingId}/analysis` });
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      runId: string;
      transcriptId: string;
      transcriptVersion: number;
      casualties: { killed: number | null };
      matches: { segmentId: string; surface: string; start: number; end: number }[];
      language: { code: string; lexiconCovers: boolean; segments: Record<string, { code: string }> };
    }>();
    expect(body.runId).not.toBe(before.run.id);
    // The call's verdict and each segment's, keyed by segment id, as the API schema describes them.
    expect(body.language).toMatchObject({ code: 'ru', lexiconCovers: true });
    expect(body.language.segments[corrected.segmentIds[0]!]).toMatchObject({ code: 'ru' });
    expect(body).toMatchObject({
      transcriptId: corrected.id,
      transcriptVersion: 2,
      casualties: { killed: 3 },
    });
    expect(body.matches.map((m) => [m.segmentId, m.surface, m.start, m.end])).toEqual([
      [corrected.segmentIds[0], 'двухсотых', 10, 19], // «у нас три |двухсотых|»
    ]);

    const list = await api.inject({ url: '/api/recordings?category=casualties_killed' });
    const items = list.json<{
      items: { id: string; lanes: number; analysis: { casualties: { killed: number } } }[];
    }>().items;
    const item = items.find((i) => i.id === recordingId)!;
    expect(item.analysis.casualties.killed).toBe(3);
    expect(item.lanes).toBe(1);
    const refusals = await api.inject({ url: '/api/recordings?category=refusal_to_fight' });
    expect(refusals.json<{ items: { id: string }[] }>().items.map((i) => i.id)).not.toContain(recordingId);
  });

  it("stores the classifier's meaning flags with its version, as the API serves them", async () => {
    const id = (await insertRecording(fixture, { collection_id: collectionId })).id;
    const transcript = await insertTranscriptVersion(t.db, id, [{ text: CASUALTIES }, { text: QUIET }]);
    const result = await analyse(id);
    const expected = transcript.segmentIds.flatMap((segmentId, i) =>
      classifyMeaning([CASUALTIES, QUIET][i]!, 'ru').map((f) => ({ segmentId, ...f })),
    );
    // The real classifier flags the casualty report by meaning too: words and meaning agree.
    expect(expected.map((f) => [f.segmentId, f.category])).toContainEqual([
      transcript.segmentIds[0],
      'casualties_killed',
    ]);
    expect(result).toMatchObject({ classifierVersion: CLASSIFIER_VERSION, meaningFlags: expected.length });

    const body = (await api.inject({ url: `/api/recordings/${id}/analysis` })).json<{
      classifierVersion: string;
      meaning: {
        segmentId: string;
        category: string;
        confidence: number;
        source: string;
        lexiconAgrees: boolean;
        phrases: { start: number; end: number; surface: string; weight: number }[];
      }[];
    }>();
    expect(body.classifierVersion).toBe(CLASSIFIER_VERSION);
    expect(body.meaning.map((f) => [f.segmentId, f.category, f.source]).sort()).toEqual(
      expected.map((f) => [f.segmentId, f.category, 'classifier']).sort(),
    );
    const killed = body.meaning.find((f) => f.category === 'casualties_killed')!;
    expect(killed.lexiconAgrees).toBe(true);
    expect(killed.confidence).toBeCloseTo(
      expected.find((f) => f.category === 'casualties_killed')!.confidence,
      5,
    );
    for (const p of body.meaning.flatMap((f) => f.phrases))
      expect(CASUALTIES.slice(p.start, p.end)).toBe(p.surface);
  });

  it('analyses again, unforced, when the classifier version changes', async () => {
    const id = (await insertRecording(fixture, { collection_id: collectionId })).id;
    const transcript = await insertTranscriptVersion(t.db, id, [{ text: REFUSAL }]);
    const old = await storeAnalysis(t.db, id, transcript.id, {
      ...callAnalysisOf([{ key: transcript.segmentIds[0]!, text: REFUSAL }]),
      ...currentAnalyserVersions(),
      classifierVersion: 'meaning-0+retired00000',
    });
    const result = await analyse(id);
    expect(result).not.toHaveProperty('skipped');
    const stored = (await readCurrentAnalysis(t.db, id))!;
    expect(stored.run.id).not.toBe(old);
    expect(stored.run.classifier_version).toBe(CLASSIFIER_VERSION);
    expect(await runCount(id)).toBe(2);
  });

  it('completes with an empty analysis for a recording without transcript or without speech', async () => {
    const untranscribed = (await insertRecording(fixture, { collection_id: collectionId })).id;
    expect(await analyse(untranscribed)).toMatchObject({ transcriptId: null, segments: 0, matches: 0 });
    const empty = (await readCurrentAnalysis(t.db, untranscribed))!;
    expect(empty).toMatchObject({ transcriptVersion: null, matches: [], entities: [] });
    expect(empty.run).toMatchObject({ triage_score: 0, counts: {} });

    const silent = (await insertRecording(fixture, { collection_id: collectionId })).id;
    const transcript = await insertTranscriptVersion(t.db, silent, []);
    expect(await analyse(silent)).toMatchObject({ transcriptId: transcript.id, segments: 0 });
    expect((await readCurrentAnalysis(t.db, silent))?.transcriptVersion).toBe(1);
  });
});
