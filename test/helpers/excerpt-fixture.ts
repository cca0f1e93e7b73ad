import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Principal } from '../../src/accounts/principal.ts';
import { ExitCode } from '../../src/cli/exit-codes.ts';
import type { UserRole } from '../../src/db/schema.ts';
import {
  buildExcerptPlan,
  type ExcerptCall,
  type ExcerptPlanRequest,
} from '../../src/publication/excerpt/excerpt-plan.ts';
import { repositoryRoot } from '../../src/runtime/paths.ts';
import {
  appendTranscriptVersion,
  type NewTranscriptSegment,
} from '../../src/transcripts/transcript-store.ts';
import { insertTranscriptVersion } from './analysis-fixtures.ts';
import { runEarshot } from './cli-in-process.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { literalTestMatcher, testIdentity } from './literal-test-matcher.ts';
import { verifyCall } from './verified-call.ts';

// The excerpt's database fixture: a demo call ingested for real with the demo's sidecar metadata,
// a machine transcript with word timings and its English, a person's correction on top (the
// current version: its first segment edited, without word timings), a case file taken to
// verified by two people through the case store (verified-call.ts), a user of every role, and (on first use) a
// second call in the collection with a transcript and no case file. The register is a literal
// TEST matcher (literal-test-matcher.ts) over the forms listed here.

const DEMO_CALL = path.join(
  repositoryRoot,
  'demo',
  'calls',
  '20220306_194211_+380501734482_+79161234567.ogg',
);
/** The demo's sidecar: the call's cell id and location ("Kharkiv oblast, Ruska Lozova"). */
const DEMO_METADATA = path.join(repositoryRoot, 'demo', 'calls.csv');

export const soldier = testIdentity('person', 'Дмитрий Самойлов', 'Soldier A');
export const comrade = testIdentity('person', 'Виктор Соколов', 'Soldier B');
export const town = testIdentity('place', 'Харьков', 'Town 1');
export const number = testIdentity('phone', '+79165503172', 'Number 1');
export const FORMS = {
  soldier: ['Дима', 'Димочка', 'Dima'],
  comrade: ['Вити Соколова', "Vitya Sokolov's", 'Vitya Sokolov'],
  town: ['Харьковом', 'Kharkiv'],
  number: ['8 916 550 31 72'],
};
export const matcher = literalTestMatcher([
  { identity: soldier, forms: FORMS.soldier },
  { identity: comrade, forms: FORMS.comrade },
  { identity: town, forms: FORMS.town },
  { identity: number, forms: FORMS.number },
]);

/** The machine transcript: [lane, start, end, Russian, English]. */
export const MACHINE: [string, number, number, string, string][] = [
  [
    'channel-0',
    0.6,
    4.09,
    'Мам, привет. Это я, Дима. Это не мой номер.',
    "Mum, hi. It's me, Dima. This isn't my number.",
  ],
  ['channel-1', 4.61, 8.36, 'Димочка, живой! Ты где?', 'Dima, alive! Where are you?'],
  [
    'channel-0',
    8.76,
    11.98,
    'Мы под Харьковом. Стоим в посадке.',
    "We're near Kharkiv. We're in a tree line.",
  ],
  [
    'channel-0',
    60.8,
    66.9,
    'Запиши лучше номер Вити Соколова, он в соседнем батальоне: 8 916 550',
    "Better write down Vitya Sokolov's number, he's in the next battalion: 8 916 550",
  ],
  ['channel-0', 67.0, 68.11, '31 72.', '31 72.'],
];

export let database: TestDatabase;
export let dataDir: string;
export let call: ExcerptCall;
export let machineSegmentIds: string[];
export let currentSegmentIds: string[];
export const users = {} as Record<UserRole | 'editor2', Principal>;

/** Words 0.3 s apart from the segment's start, one per token, as a recogniser gives them. */
function timedWords(text: string, start: number) {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((w, i) => ({
      w: w.replace(/[.,!?:]/g, ''),
      start: start + i * 0.3,
      end: start + i * 0.3 + 0.25,
      conf: 0.9,
    }));
}

async function addUser(name: string, role: UserRole): Promise<Principal> {
  const row = await database.db
    .insertInto('users')
    .values({ name, role, password_hash: null, created_by: 'test' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { userId: row.id, name, role, collections: 'all' };
}

async function addTranscripts(recordingId: string): Promise<void> {
  const { db } = database;
  const segments: NewTranscriptSegment[] = MACHINE.map(([lane, start, end, text]) => ({
    channel: lane === 'channel-1' ? 1 : 0,
    lane,
    speaker: null,
    start,
    end,
    text,
    language: 'ru',
    confidence: 0.9,
    words: timedWords(text, start),
  }));
  const machine = await appendTranscriptVersion(
    db,
    {
      recordingId,
      kind: 'machine',
      basedOnId: null,
      createdBy: 'earshot',
      model: 'test-asr-ru',
      modelFiles: { 'model.onnx': 'b'.repeat(64) },
      decoding: {},
      vadRunId: null,
      language: 'ru',
    },
    segments,
  );
  const machineSegments = await db
    .selectFrom('transcript_segments')
    .select('id')
    .where('transcript_id', '=', machine.id)
    .orderBy('position')
    .execute();
  machineSegmentIds = machineSegments.map((s) => String(s.id));
  await db
    .insertInto('segment_translations')
    .values(
      MACHINE.map(([, , , , en], i) => ({
        transcript_segment_id: machineSegmentIds[i]!,
        transcript_id: machine.id,
        target_language: 'en',
        text: en,
        status: 'translated' as const,
        engine: 'opus-mt',
        model: 'opus-mt-ru-en',
        model_sha256: 'c'.repeat(64),
      })),
    )
    .execute();
  // A person corrects the first segment: a corrected segment keeps no word timings.
  const corrected = segments.map((s, i) => ({
    ...s,
    text: i === 0 ? 'Мам, привет. Это я, Дима. Это чужой номер.' : s.text,
    words: i === 0 ? [] : s.words,
    sourceSegmentId: machineSegmentIds[i]!,
  }));
  const human = await appendTranscriptVersion(
    db,
    {
      ...{ recordingId, kind: 'human', basedOnId: machine.id, createdBy: 'editor', model: null },
      modelFiles: {},
      decoding: {},
      vadRunId: null,
      language: 'ru',
      follows: machine.version,
    },
    corrected,
  );
  const humanSegments = await db
    .selectFrom('transcript_segments')
    .select('id')
    .where('transcript_id', '=', human.id)
    .orderBy('position')
    .execute();
  currentSegmentIds = humanSegments.map((s) => String(s.id));
}

/** Sets the fixture up before the file's tests and removes it after them. */
export function useExcerptFixture(label: string): void {
  beforeAll(async () => {
    database = await createTestDatabase(label);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-excerpt-'));
    const env = {
      DATABASE_URL: database.connectionString,
      EARSHOT_DATA_DIR: dataDir,
      EARSHOT_ACTOR: 'ingester',
    };
    const ingest = await runEarshot(
      env,
      'ingest',
      DEMO_CALL,
      '--collection',
      'Demo',
      '--metadata',
      DEMO_METADATA,
    );
    expect(ingest.code, ingest.err).toBe(ExitCode.Ok);
    call = await database.db
      .selectFrom('recordings as r')
      .innerJoin('collections as c', 'c.id', 'r.collection_id')
      .select([
        'r.id',
        'r.sha256',
        'r.collection_id',
        'c.name as collection_name',
        'r.duration_seconds',
        'r.call_started_at',
        'r.call_timezone',
        'r.location_text',
      ])
      .executeTakeFirstOrThrow();
    for (const role of ['admin', 'editor', 'reviewer', 'transcriber', 'viewer'] as const)
      users[role] = await addUser(`${role}-user`, role);
    users.editor2 = await addUser('second-editor', 'editor');
    await addTranscripts(call.id);
    await verifyCall(database.db, path.join(dataDir, 'attachments'), call, users.editor, users.editor2);
  });

  afterAll(async () => {
    await database?.drop();
    if (dataDir) {
      for (const file of fs.readdirSync(dataDir, { recursive: true, withFileTypes: true }))
        fs.chmodSync(path.join(file.parentPath, file.name), 0o755);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
}

export const plan = (extra: Partial<ExcerptPlanRequest> = {}) =>
  buildExcerptPlan(database.db, {
    principal: users.editor,
    call,
    selection: {},
    matcher,
    now: new Date('2026-01-02T03:04:05Z'),
    ...extra,
  });

let other: Promise<ExcerptCall> | undefined;
export let otherSegmentIds: string[];

/** An ingested-looking call in the same collection, with no case file (made once). */
export function unverifiedCall(): Promise<ExcerptCall> {
  other ??= insertUnverifiedCall();
  return other;
}

async function insertUnverifiedCall(): Promise<ExcerptCall> {
  const row = await database.db
    .insertInto('recordings')
    .values({
      sha256: 'd'.repeat(64),
      size_bytes: 10,
      collection_id: call.collection_id,
      original_filename: 'other.wav',
      store_path: 'dd/other',
      duration_seconds: 30,
      metadata_extra: {},
    })
    .returning([
      'id',
      'sha256',
      'collection_id',
      'duration_seconds',
      'call_started_at',
      'call_timezone',
      'location_text',
    ])
    .executeTakeFirstOrThrow();
  otherSegmentIds = (await insertTranscriptVersion(database.db, row.id, [{ text: 'Дима, это я' }]))
    .segmentIds;
  return { ...row, collection_name: call.collection_name };
}
