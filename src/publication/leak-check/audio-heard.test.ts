import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, database, dataDir, useExcerptFixture, users } from '../../../test/helpers/excerpt-fixture.ts';
import {
  pipelineTestModelsDir,
  TEST_ASR_MODEL,
  TEST_TRANSLATION_MODEL,
} from '../../../test/helpers/speech-models.ts';
import { repositoryRoot } from '../../runtime/paths.ts';
import type { SegmentDraft } from '../../speech/channel-transcription.ts';
import { transcribeFile } from '../../speech/transcribe-file.ts';
import type { TimedWord } from '../../speech/word-timing.ts';
import { decideMachineOffer } from '../../transcripts/machine-offer.ts';
import { appendTranscriptVersion } from '../../transcripts/transcript-store.ts';
import { buildExcerptPlan } from '../excerpt/excerpt-plan.ts';
import { assertNoLeak, exportExcerpt, ExcerptLeaked } from '../excerpt/export-excerpt.ts';
import { buildIdentityMatcher } from '../forms/identity-matcher.ts';
import { writeRedactedClip } from '../media/redacted-clip.ts';
import { decodeChannel, toneShare } from '../media/testing/pcm-analysis.ts';
import type { IdentityMatcher } from '../protected-identity.ts';
import { addProtectedIdentity, loadProtectedIdentities } from '../register/register-store.ts';
import {
  heardExportHits,
  LeakCheckModelMissing,
  openLeakListener,
  type LeakListener,
} from './audio-heard.ts';

// The audio side of the leak check with the real test recogniser (test-asr-ru from
// ../shared/models, installed by the test run; missing, the tests fail naming it) on a real demo
// call: the soldier's mother calls him «Димочка» (lane 2, about 4.9 s) and he says «под
// Харьковом» (lane 1, about 9.4 s). The call's current transcript is the recogniser's own, so its
// word timings are real and the excerpt's audio redaction lands on the words.

useExcerptFixture('audio_heard');

const DEMO_CALL = path.join(
  repositoryRoot,
  'demo',
  'calls',
  '20220306_194211_+380501734482_+79161234567.ogg',
);
const VAD_MODEL = 'silero-vad-v6.2' as const;
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-audio-heard-'));
const actor = { userId: null, name: 'tester' };
let listener: LeakListener;
let matcher: IdentityMatcher;
/** Where the recogniser placed «димочка» and the soldier's «под Харьковом» segment. */
let dimochka: TimedWord;
let townSegment: SegmentDraft;
let town: TimedWord;

const settings = () => ({
  originalsDir: path.join(dataDir, 'originals'),
  modelsDir: pipelineTestModelsDir(),
  asrModel: TEST_ASR_MODEL,
  vadModel: VAD_MODEL,
  translationModel: TEST_TRANSLATION_MODEL,
  speechThreads: 2,
});

beforeAll(async () => {
  const heard = await transcribeFile({
    file: DEMO_CALL,
    modelsDir: pipelineTestModelsDir(),
    threads: 2,
    asrModel: TEST_ASR_MODEL,
    vadModel: VAD_MODEL,
  });
  const version = await appendTranscriptVersion(
    database.db,
    {
      recordingId: call.id,
      kind: 'machine',
      basedOnId: null,
      createdBy: 'earshot (test)',
      model: heard.recogniser.model,
      modelFiles: heard.recogniser.modelFiles,
      decoding: {},
      vadRunId: null,
      language: 'ru',
    },
    heard.segments,
  );
  // The fixture's current transcript is a person's correction, which a machine run does not
  // replace: a person adopts the recogniser's version, as on the Call page.
  await decideMachineOffer(database.db, {
    recordingId: call.id,
    version: version.version,
    decision: 'adopted',
    author: 'editor',
  });
  const words = heard.segments.flatMap((s) => s.words);
  dimochka = words.find((w) => w.w === 'димочка')!;
  townSegment = heard.segments.find((s) => s.text.includes('харьковом'))!;
  town = townSegment.words.find((w) => w.w === 'харьковом')!;
  expect(dimochka, 'the recogniser hears «димочка» in the demo call').toBeDefined();
  expect(town, 'the recogniser hears «харьковом» in the demo call').toBeDefined();
  const collectionId = call.collection_id;
  await addProtectedIdentity(database.db, { collectionId, kind: 'person', label: 'Дмитрий Самойлов', actor });
  await addProtectedIdentity(database.db, { collectionId, kind: 'place', label: 'Харьков', actor });
  matcher = buildIdentityMatcher(await loadProtectedIdentities(database.db, collectionId));
  listener = openLeakListener({ modelsDir: pipelineTestModelsDir(), asr: TEST_ASR_MODEL, vad: VAD_MODEL }, 2);
}, 300_000);

describe('the audio leak check', () => {
  it('refuses a clip whose names are not withheld, naming the file, lane, time and identity', async () => {
    const folder = fs.mkdtempSync(path.join(out, 'unredacted-'));
    await writeRedactedClip({
      source: DEMO_CALL,
      from: 0,
      to: 12,
      marginSeconds: 0,
      redactions: [],
      out: { wav: path.join(folder, 'excerpt.wav'), mp3: path.join(folder, 'excerpt.mp3') },
    });
    const hits = await heardExportHits([path.join(folder, 'excerpt.wav')], listener, matcher);
    const mother = hits.find((h) => h.what === 'Soldier A');
    expect(mother).toMatchObject({ where: 'speech', channel: 1 });
    expect(mother!.file).toContain('excerpt.wav');
    expect(mother!.seconds).toBeGreaterThan(4.5);
    expect(mother!.seconds).toBeLessThan(5.3);
    const soldier = hits.find((h) => h.what === 'Place 1');
    expect(soldier).toMatchObject({ channel: 0 });
    expect(soldier!.seconds).toBeGreaterThan(9);
    expect(soldier!.seconds).toBeLessThan(10);
    // The guard refuses the folder, WAV and MP3 both, with the hit's time in the message.
    const refusal = await assertNoLeak(folder, matcher, listener).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ExcerptLeaked);
    const lines = (refusal as ExcerptLeaked).hits;
    expect(lines).toContainEqual(
      expect.stringMatching(/^excerpt\.wav \(channel 2, at 0:0[45]\.\d\): speech names Soldier A: "/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^excerpt\.wav \(channel 1, at 0:09\.\d\): speech names Place 1: "/),
    );
    expect(lines.some((line) => line.startsWith('excerpt.mp3 ('))).toBe(true);
  }, 300_000);

  it('passes the same excerpt exported with redaction', async () => {
    const dir = path.join(out, 'redacted');
    const summary = await exportExcerpt(database.db, settings(), {
      recordingId: call.id,
      selection: { from: 0, to: 12 },
      principal: users.editor,
      outDir: dir,
    });
    expect(summary.redactions.audioSpans).toBeGreaterThanOrEqual(2);
    // The export went through the guard; listening again to what was written finds nothing.
    expect(await heardExportHits(dir, listener, matcher)).toEqual([]);
  }, 300_000);

  it('withholds a name said in the margin before the selection, and times the captions from the clip', async () => {
    const dir = path.join(out, 'margin');
    // The selection starts just after «Димочка»; a margin of 0.75 s takes the word in.
    const from = round(dimochka.end + 0.2);
    await exportExcerpt(database.db, settings(), {
      recordingId: call.id,
      selection: { from, to: 8.3 },
      clipMarginSeconds: 0.75,
      principal: users.editor,
      outDir: dir,
    });
    const provenance = JSON.parse(fs.readFileSync(path.join(dir, 'provenance.json'), 'utf8')) as {
      selection: { clip: { from: number; to: number; marginSeconds: number } };
    };
    const { clip } = provenance.selection;
    expect(clip.from).toBeCloseTo(from - 0.75, 6);
    expect(clip.to).toBeCloseTo(9.05, 6);
    expect(clip.from).toBeLessThan(dimochka.start);
    const wav = path.join(dir, 'excerpt.wav');
    for (const channel of [0, 1]) {
      const samples = await decodeChannel(wav, channel, 16_000);
      // The word, in seconds of the clip: the tone, on both lanes.
      const [start, end] = [dimochka.start - clip.from, dimochka.end - clip.from];
      expect(toneShare(samples, 16_000, start, end, 1000)).toBeGreaterThan(0.9);
    }
    // The soldier's «под Харьковом» segment starts after the clip's start: its cue is timed from
    // the clip's first sample, not from the call's.
    const srt = fs.readFileSync(path.join(dir, 'captions.ru.srt'), 'utf8');
    expect(srt).toContain(`${srtTime(townSegment.start - clip.from)} --> `);
  }, 300_000);

  it('finds the spans of a segment the margin reaches that the selection does not', async () => {
    // A selection ending just before the soldier's «под Харьковом» segment: the clip's margin
    // of 1.3 s reaches into it, and the town is covered there although no caption carries it.
    const to = round(townSegment.start - 0.07);
    const plan = await buildExcerptPlan(database.db, {
      principal: users.editor,
      call,
      selection: { from: round(dimochka.end + 0.2), to },
      matcher,
      audio: { clipMarginSeconds: 1.3 },
    });
    expect(plan.segments.map((s) => s.ru).join(' ')).not.toContain('Place 1');
    expect(plan.clip.to).toBeCloseTo(to + 1.3, 6);
    expect(plan.clip.to).toBeGreaterThan(town.start);
    const covering = plan.audio.spans.find((s) => s.start <= town.start && s.end > town.start);
    expect(covering).toMatchObject({ end: plan.clip.to, reason: 'word-timing' });
  });

  it('refuses the export, naming the model and how to install it, when the recogniser is missing', async () => {
    const empty = fs.mkdtempSync(path.join(out, 'no-models-'));
    const dir = path.join(out, 'no-model');
    const refusal = exportExcerpt(
      database.db,
      { ...settings(), modelsDir: empty },
      {
        recordingId: call.id,
        selection: { from: 0, to: 12 },
        principal: users.editor,
        outDir: dir,
      },
    );
    await expect(refusal).rejects.toThrow(LeakCheckModelMissing);
    await expect(refusal).rejects.toThrow(/test-asr-ru.*earshot models install test-asr-ru/s);
    expect(fs.existsSync(dir)).toBe(false);
  });
});

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

/** HH:MM:SS,mmm as SRT writes it. */
function srtTime(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)},${pad(ms % 1000, 3)}`;
}
