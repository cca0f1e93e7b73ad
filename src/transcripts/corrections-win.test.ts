import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPipeline, type TestPipeline } from '../../test/helpers/pipeline.ts';
import { insertRecording } from '../../test/helpers/recordings.ts';
import { signedInApi, type SignedInApi } from '../../test/helpers/signed-in-api.ts';
import { demoDir, speechTestEnv } from '../../test/helpers/speech-models.ts';
import { buildApiServer } from '../api/server.ts';
import { runPipelineUntilIdle } from '../jobs/run-until-idle.ts';
import { scheduleStage } from '../jobs/scheduling.ts';
import { appendTranscriptVersion } from './transcript-store.ts';

// Corrections win (issue 15), end to end on the real pipeline (pg-boss, Silero VAD, the test
// recogniser and translator) and the real API: a person corrects a casualty count and a name;
// a forced machine re-run (`earshot redo transcribe --force`) adds a machine version that does
// NOT become current; the analysis and search still follow the correction; a person adopts the
// machine version, and only then do the analysis and search follow it.

// «… за месяц одиннадцать двухсотых …»: the analyser reads 11 killed from the machine transcript.
const CALL = '20240512_200733_+79024417730_+79024417791.amr';
// The person hears «шестнадцать» (16) and the name of who said it.
const corrected = (text: string): string => `${text.replace('одиннадцать', 'шестнадцать')} сказал Ковальчук`;

interface Version {
  id: string;
  version: number;
  kind: 'machine' | 'human';
  isCurrent: boolean;
}
interface Segment {
  id: string;
  channel: number;
  lane: string;
  speaker: string | null;
  start: number;
  end: number;
  text: string;
  words: { w: string; start: number; end: number; estimated?: boolean; aligned?: boolean }[];
}

let tp: TestPipeline;
let app: FastifyInstance;
let api: SignedInApi;
let recordingId: string;

beforeAll(async () => {
  tp = await openTestPipeline('corrections-win', { EARSHOT_WORKER_CONCURRENCY: '2', ...speechTestEnv() });
  const recording = await insertRecording(tp.database.db, tp.store, path.join(demoDir, 'calls', CALL));
  recordingId = recording.id;
  await tp.pipeline.schedulePipeline([recordingId]);
  expect((await runPipelineUntilIdle(tp.pipeline)).failures).toEqual([]);
  const { queue } = tp.pipeline;
  app = await buildApiServer({
    db: tp.database.db,
    config: tp.config,
    scheduleStage: (stage, ids, options) => scheduleStage(queue, tp.database.db, stage, ids, options),
  });
  api = await signedInApi(app, tp.database.db, { name: 'Olena' });
}, 600_000);

afterAll(async () => {
  await app?.close();
  await tp?.close();
});

async function getJson<T>(url: string): Promise<T> {
  const response = await api.inject({ url });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
}

const versionsOf = () =>
  getJson<{ versions: Version[]; newerMachineVersion: number | null }>(
    `/api/recordings/${recordingId}/transcripts`,
  );
const transcriptOf = () =>
  getJson<{ transcript: Version; segments: Segment[] }>(`/api/recordings/${recordingId}/transcript`);
const analysisOf = () =>
  getJson<{ transcriptVersion: number; casualties: { killed: number | null } }>(
    `/api/recordings/${recordingId}/analysis`,
  );
const searchHits = async (q: string) =>
  (
    await getJson<{ hits: { recordingId: string; transcriptVersion: number }[] }>(
      `/api/search?${new URLSearchParams({ q }).toString()}`,
    )
  ).hits.filter((h) => h.recordingId === recordingId);

describe('corrections win over a machine re-run', () => {
  it('keeps the correction current, offers the machine version, and follows the person’s decision', async () => {
    const machine = await transcriptOf();
    expect(machine.transcript).toMatchObject({ version: 1, kind: 'machine' });
    const machineKilled = (await analysisOf()).casualties.killed;
    expect(machineKilled).toBe(11);
    const counted = machine.segments.find((s) => s.text.includes('одиннадцать двухсот'));
    expect(counted, machine.segments.map((s) => s.text).join(' | ')).toBeDefined();

    // A person corrects the count and adds the name they heard.
    const correction = await api.inject({
      method: 'POST',
      url: `/api/recordings/${recordingId}/transcripts`,
      payload: {
        baseVersion: 1,
        segments: machine.segments.map((s) => ({
          sourceSegmentId: s.id,
          channel: s.channel,
          lane: s.lane,
          speaker: s.speaker,
          start: s.start,
          end: s.end,
          text: s.id === counted!.id ? corrected(s.text) : s.text,
        })),
      },
    });
    expect(correction.statusCode, correction.body).toBe(201);
    // The changed count is aligned to the audio with the collection's recogniser, where the
    // machine heard «одиннадцать»; the unchanged words keep the recogniser's times.
    expect(correction.json<{ wordTiming: { aligned: number } }>().wordTiming.aligned).toBeGreaterThanOrEqual(
      1,
    );
    const edited = (await transcriptOf()).segments.find((s) => s.text.includes('шестнадцать'))!;
    const before = counted!.words.find((w) => w.w === 'одиннадцать')!;
    const after = edited.words.find((w) => w.w === 'шестнадцать')!;
    expect(after).toMatchObject({ aligned: true });
    expect(after.estimated).toBeUndefined();
    expect(Math.abs(after.start - before.start)).toBeLessThan(0.2);
    const unchanged = edited.words.filter((w) => !w.aligned && !w.estimated).map((w) => [w.w, w.start]);
    const machineWords = counted!.words.map((w) => [w.w, w.start]);
    expect(unchanged.length).toBeGreaterThan(0);
    expect(machineWords).toEqual(expect.arrayContaining(unchanged));
    expect((await runPipelineUntilIdle(tp.pipeline)).failures).toEqual([]);
    expect(await analysisOf()).toMatchObject({ transcriptVersion: 2, casualties: { killed: 16 } });

    // A better model is installed: `earshot redo transcribe --force`.
    await scheduleStage(tp.pipeline.queue, tp.database.db, 'transcribe', [recordingId], { force: true });
    expect((await runPipelineUntilIdle(tp.pipeline)).failures).toEqual([]);
    const offered = await versionsOf();
    expect(offered.versions.map((v) => [v.version, v.kind, v.isCurrent])).toEqual([
      [1, 'machine', false],
      [2, 'human', true],
      [3, 'machine', false],
    ]);
    expect(offered.newerMachineVersion).toBe(3);
    expect((await transcriptOf()).transcript).toMatchObject({ version: 2, kind: 'human' });
    expect(await analysisOf()).toMatchObject({ transcriptVersion: 2, casualties: { killed: 16 } });
    expect((await searchHits('Ковальчук')).map((h) => h.transcriptVersion)).toEqual([2]);

    // The diff the desk shows with the offer: current → offered.
    const diff = await getJson<{ summary: { changed: number } }>(
      `/api/recordings/${recordingId}/transcripts/diff?from=2&to=3`,
    );
    expect(diff.summary.changed).toBeGreaterThan(0);

    // A decision on anything but the offered version is refused and changes nothing.
    const wrong = await api.inject({
      method: 'POST',
      url: `/api/recordings/${recordingId}/transcripts/machine-offer`,
      payload: { version: 1, decision: 'adopt' },
    });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json<{ message: string }>().message).toMatch(/version 3 is/);

    const adopted = await api.inject({
      method: 'POST',
      url: `/api/recordings/${recordingId}/transcripts/machine-offer`,
      payload: { version: 3, decision: 'adopt' },
    });
    expect(adopted.statusCode, adopted.body).toBe(200);
    expect(adopted.json()).toMatchObject({
      decision: 'adopted',
      currentVersion: 3,
      rerun: { stages: ['translate', 'analyse'], queued: true },
    });
    expect((await runPipelineUntilIdle(tp.pipeline)).failures).toEqual([]);
    expect((await versionsOf()).newerMachineVersion).toBeNull();
    expect((await transcriptOf()).transcript).toMatchObject({ version: 3, kind: 'machine' });
    expect(await analysisOf()).toMatchObject({ transcriptVersion: 3, casualties: { killed: machineKilled } });
    expect(await searchHits('Ковальчук')).toEqual([]);

    const custody = await tp.database.db
      .selectFrom('custody_events')
      .select(['actor', 'details'])
      .where('recording_id', '=', recordingId)
      .where('action', '=', 'corrected')
      .orderBy('id')
      .execute();
    expect(custody.map((e) => [e.actor, (e.details as { stage: string }).stage])).toEqual([
      ['Olena', 'correction'],
      ['Olena', 'machine-transcript-decision'],
    ]);
    // The custody log says how the changed words were timed.
    expect(
      (custody[0]!.details as { wordTiming: { aligned: number } }).wordTiming.aligned,
    ).toBeGreaterThanOrEqual(1);
    const audit = await tp.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'decide-machine-transcript')
      .execute();
    expect(audit.map((a) => a.details)).toContainEqual({ version: 3, decision: 'adopt' });
  });

  it('keeping the correction withdraws the offer and leaves everything as it was', async () => {
    const current = await transcriptOf();
    const edited = current.segments.map((s, i) => ({ ...s, text: i === 0 ? `${s.text} Гриценко` : s.text }));
    const saved = await api.inject({
      method: 'POST',
      url: `/api/recordings/${recordingId}/transcripts`,
      payload: {
        baseVersion: current.transcript.version,
        segments: edited.map((s) => ({
          sourceSegmentId: s.id,
          channel: s.channel,
          lane: s.lane,
          speaker: s.speaker,
          start: s.start,
          end: s.end,
          text: s.text,
        })),
      },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const human = saved.json<{ transcript: { version: number } }>().transcript.version;
    // Another machine run, as the transcribe stage stores it.
    const machine = await appendTranscriptVersion(
      tp.database.db,
      {
        recordingId,
        kind: 'machine',
        basedOnId: null,
        createdBy: 'earshot (test)',
        model: 'test-asr-ru',
        modelFiles: {},
        decoding: {},
        vadRunId: null,
        language: 'ru',
      },
      current.segments.map((s) => ({ ...s, language: 'ru', confidence: 0.5, words: [] })),
    );
    expect((await versionsOf()).newerMachineVersion).toBe(machine.version);
    const kept = await api.inject({
      method: 'POST',
      url: `/api/recordings/${recordingId}/transcripts/machine-offer`,
      payload: { version: machine.version, decision: 'keep' },
    });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json()).toMatchObject({ decision: 'kept', currentVersion: human, rerun: { stages: [] } });
    expect((await versionsOf()).newerMachineVersion).toBeNull();
    expect((await transcriptOf()).transcript.version).toBe(human);
    expect((await searchHits('Гриценко')).map((h) => h.transcriptVersion)).toEqual([human]);
    // A second decision on the same version is refused.
    const again = await api.inject({
      method: 'POST',
      url: `/api/recordings/${recordingId}/transcripts/machine-offer`,
      payload: { version: machine.version, decision: 'adopt' },
    });
    expect(again.statusCode).toBe(409);
  });
});
