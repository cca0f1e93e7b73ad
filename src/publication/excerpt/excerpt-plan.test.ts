import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEarshot } from '../../../test/helpers/cli-in-process.ts';
import { insertTranscriptVersion } from '../../../test/helpers/analysis-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { literalTestMatcher, testIdentity } from '../../../test/helpers/literal-test-matcher.ts';
import { ActionForbidden } from '../../accounts/permissions.ts';
import type { Principal } from '../../accounts/principal.ts';
import { ExitCode } from '../../cli/exit-codes.ts';
import type { UserRole } from '../../db/schema.ts';
import { repositoryRoot } from '../../runtime/paths.ts';
import { appendTranscriptVersion, type NewTranscriptSegment } from '../../transcripts/transcript-store.ts';
import { recordCaseStep } from '../../verification/case-store.ts';
import { buildExcerptPlan, type ExcerptCall, type ExcerptPlanRequest } from './excerpt-plan.ts';
import { addExportedFiles } from './provenance.ts';
import { CallNotVerified, PublicationOverrideRefused } from './publish-policy.ts';
import { SelectionRejected } from './selection.ts';

// The excerpt plan against the real database: a demo call ingested for real, a machine transcript
// with word timings and its translation, a person's correction on top (the current version), and
// a case file taken to verified by two people through the case store.

const DEMO_CALL = path.join(
  repositoryRoot,
  'demo',
  'calls',
  '20220306_194211_+380501734482_+79161234567.ogg',
);
/** The demo's sidecar: the call's cell id and location ("Kharkiv oblast, Ruska Lozova"). */
const DEMO_METADATA = path.join(repositoryRoot, 'demo', 'calls.csv');

const soldier = testIdentity('person', 'Дмитрий Самойлов', 'Soldier A');
const comrade = testIdentity('person', 'Виктор Соколов', 'Soldier B');
const town = testIdentity('place', 'Харьков', 'Town 1');
const number = testIdentity('phone', '+79165503172', 'Number 1');
const FORMS = {
  soldier: ['Дима', 'Димочка', 'Dima'],
  comrade: ['Вити Соколова', "Vitya Sokolov's", 'Vitya Sokolov'],
  town: ['Харьковом', 'Kharkiv'],
  number: ['8 916 550 31 72'],
};
const matcher = literalTestMatcher([
  { identity: soldier, forms: FORMS.soldier },
  { identity: comrade, forms: FORMS.comrade },
  { identity: town, forms: FORMS.town },
  { identity: number, forms: FORMS.number },
]);

/** The machine transcript: [lane, start, end, Russian, English]. */
const MACHINE: [string, number, number, string, string][] = [
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

let database: TestDatabase;
let dataDir: string;
let call: ExcerptCall;
let machineSegmentIds: string[];
let currentSegmentIds: string[];
const users = {} as Record<UserRole | 'editor2', Principal>;

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

/** unverified → … → context_confirmed by one editor, proposed by them, signed off by another. */
async function verify(recordingId: string, collectionId: string, sha256: string): Promise<void> {
  const step = async (
    user: Principal,
    action: 'advance' | 'propose_verified' | 'sign_off',
    expectedStatus: 'unverified' | 'number_attributed' | 'identity_corroborated' | 'context_confirmed',
    to?: 'number_attributed' | 'identity_corroborated' | 'context_confirmed',
  ) =>
    recordCaseStep(database.db, path.join(dataDir, 'attachments'), {
      recordingId,
      collectionId,
      recordingSha256: sha256,
      action,
      expectedStatus,
      to,
      note: `${action} ${to ?? ''}: checked`,
      links: [],
      attachments: [],
      user: { id: user.userId, name: user.name, maySignOff: true },
    });
  await step(users.editor, 'advance', 'unverified', 'number_attributed');
  await step(users.editor, 'advance', 'number_attributed', 'identity_corroborated');
  await step(users.editor, 'advance', 'identity_corroborated', 'context_confirmed');
  await step(users.editor, 'propose_verified', 'context_confirmed');
  await step(users.editor2, 'sign_off', 'context_confirmed');
}

beforeAll(async () => {
  database = await createTestDatabase('excerpt_plan');
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
  await verify(call.id, call.collection_id, call.sha256);
});

afterAll(async () => {
  await database?.drop();
  if (dataDir) {
    for (const file of fs.readdirSync(dataDir, { recursive: true, withFileTypes: true }))
      fs.chmodSync(path.join(file.parentPath, file.name), 0o755);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

const plan = (extra: Partial<ExcerptPlanRequest> = {}) =>
  buildExcerptPlan(database.db, {
    principal: users.editor,
    call,
    selection: {},
    matcher,
    now: new Date('2026-01-02T03:04:05Z'),
    ...extra,
  });

let other: Promise<ExcerptCall> | undefined;
let otherSegmentIds: string[];

/** An ingested-looking call in the same collection, with no case file (made once). */
function unverifiedCall(): Promise<ExcerptCall> {
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

describe('who may publish', () => {
  it('lets a role with the export permission export a verified call', async () => {
    const result = await plan({ selection: { from: 0, to: 12 } });
    expect(result.provenance.publication).toEqual({
      caseStatus: 'verified',
      overriddenByAdmin: false,
      overrideAuditSeq: null,
    });
  });

  it('refuses a role without the export permission, even for a verified call', async () => {
    for (const role of ['reviewer', 'transcriber', 'viewer'] as const) {
      await expect(plan({ principal: users[role] })).rejects.toThrow(ActionForbidden);
      await expect(plan({ principal: users[role] })).rejects.toThrow(`Your role (${role}) may not export.`);
    }
  });

  it('refuses an unverified call, naming its case status', async () => {
    const unverified = await unverifiedCall();
    const refused = plan({ call: unverified });
    await expect(refused).rejects.toThrow(CallNotVerified);
    await expect(plan({ call: unverified })).rejects.toThrow(
      `Call ${unverified.id} is not verified (its case file is "unverified")`,
    );
  });

  it('refuses an override by a non-admin and one without a reason', async () => {
    const unverified = await unverifiedCall();
    await expect(plan({ call: unverified, override: { reason: 'urgent' } })).rejects.toThrow(
      'Only an admin may export an unverified call for publication; your role is editor.',
    );
    await expect(
      plan({ call: unverified, principal: users.admin, override: { reason: '   ' } }),
    ).rejects.toThrow(PublicationOverrideRefused);
  });

  it('lets an admin override with a reason, recorded in the audit log and named in the provenance', async () => {
    const unverified = await unverifiedCall();
    const reason = 'the family asked us to publish now; verification continues';
    const result = await plan({
      call: unverified,
      principal: users.admin,
      override: { reason },
      address: '127.0.0.9',
    });
    const entry = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'publication-override')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actor: 'admin-user', user_id: users.admin.userId, target: unverified.id });
    expect(entry.address).toBe('127.0.0.9');
    expect(entry.details).toEqual({ collectionId: call.collection_id, caseStatus: 'unverified', reason });
    expect(result.provenance.publication).toEqual({
      caseStatus: 'unverified',
      overriddenByAdmin: true,
      overrideAuditSeq: String(entry.seq),
    });
    // The reason is the audit log's; the published record does not carry a person's free text.
    expect(JSON.stringify(result.provenance)).not.toContain(reason);
  });
});

describe('selection', () => {
  const refused = async (selection: ExcerptPlanRequest['selection'], message: string) => {
    const attempt = plan({ selection });
    await expect(attempt).rejects.toThrow(SelectionRejected);
    await expect(plan({ selection })).rejects.toThrow(message);
  };

  it('takes the range of the selected segments and every segment of either lane inside it', async () => {
    const result = await plan({ selection: { segmentIds: [currentSegmentIds[0]!, currentSegmentIds[2]!] } });
    expect([result.from, result.to]).toEqual([0.6, 11.98]);
    expect(result.segments.map((s) => s.id)).toEqual(currentSegmentIds.slice(0, 3));
    expect(result.provenance.selection.requestedSegmentIds).toEqual([
      currentSegmentIds[0],
      currentSegmentIds[2],
    ]);
  });

  it('takes a time range, and the whole call when nothing is given', async () => {
    const ranged = await plan({ selection: { from: 60, to: 70 } });
    expect(ranged.segments.map((s) => s.id)).toEqual(currentSegmentIds.slice(3));
    const whole = await plan();
    expect([whole.from, whole.to]).toEqual([0, call.duration_seconds]);
    expect(whole.segments).toHaveLength(MACHINE.length);
  });

  it('refuses overlapping selections', async () => {
    await refused(
      { segmentIds: [currentSegmentIds[0]!], from: 2, to: 9 },
      'Overlapping selections: the segments (0.6 s–4.09 s) and the time range (2 s–9 s) overlap',
    );
    await refused(
      { segmentIds: [currentSegmentIds[1]!, currentSegmentIds[1]!] },
      `Overlapping selections: segment ${currentSegmentIds[1]} is selected more than once.`,
    );
  });

  it('refuses an empty selection', async () => {
    await refused({ segmentIds: [] }, 'Empty selection: no segment was selected.');
    await refused({ from: 30, to: 33 }, 'Empty selection: 30 s–33 s holds no transcribed speech.');
  });

  it('refuses a selection beyond the call, and one that ends before it starts', async () => {
    const duration = Number(call.duration_seconds!.toFixed(2));
    await refused(
      { from: 80, to: 200 },
      `The selection 80 s–200 s goes beyond the call, which lasts ${duration} s.`,
    );
    await refused({ from: 200, to: 210 }, 'goes beyond the call');
    await refused({ from: -1, to: 5 }, 'The selection starts before the call: from is -1 s.');
    await refused({ from: 10, to: 10 }, 'from (10 s) must be less than to (10 s)');
    await refused({ from: 12, to: 8 }, 'from (12 s) must be less than to (8 s)');
  });

  it('refuses unknown segments, segments of another call and of an older version, naming each', async () => {
    await unverifiedCall();
    await refused({ segmentIds: ['999999999'] }, 'segment 999999999 does not exist');
    await refused({ segmentIds: ['not-a-segment'] }, 'segment not-a-segment does not exist');
    await refused(
      { segmentIds: [otherSegmentIds[0]!] },
      `segment ${otherSegmentIds[0]} belongs to another call`,
    );
    await refused(
      { segmentIds: [machineSegmentIds[0]!] },
      `segment ${machineSegmentIds[0]} is of an older transcript version (the current is v2)`,
    );
  });
});

describe('the redaction plan of a call that names a soldier, his town, a comrade and a number', () => {
  const everyForm = Object.values(FORMS).flat();

  it('leaves no protected form in the Russian or the English of the excerpt', async () => {
    const result = await plan();
    const text = result.segments.flatMap((s) => [s.ru, s.en ?? '']).join('\n');
    for (const form of everyForm) expect(text.toLowerCase()).not.toContain(form.toLowerCase());
    expect(result.segments.map((s) => s.ru)).toEqual([
      'Мам, привет. Это я, [Soldier A]. Это чужой номер.',
      '[Soldier A], живой! Ты где?',
      'Мы под [Town 1]. Стоим в посадке.',
      'Запиши лучше номер [Soldier B], он в соседнем батальоне: [Number 1]',
      '[Number 1].',
    ]);
    expect(result.segments[3]!.en).toBe(
      "Better write down [Soldier B] number, he's in the next battalion: [Number 1]",
    );
    expect(result.segments.map((s) => s.speaker)).toEqual([
      'Speaker 1',
      'Speaker 2',
      'Speaker 1',
      'Speaker 1',
      'Speaker 1',
    ]);
  });

  it('covers each protected word from its word timing, and the corrected segment whole, saying so', async () => {
    const result = await plan();
    const spans = result.audio.spans.map((s) => [
      Number(s.start.toFixed(2)),
      Number(s.end.toFixed(2)),
      s.reason,
    ]);
    expect(spans).toEqual([
      // "Дима" in the corrected first segment: no word timing, the whole segment.
      [0.6, 4.09, 'segment-fallback'],
      // "Димочка", the first word of the mother's segment: 4.61–4.86 s with 0.15 s each side.
      [4.46, 5.01, 'word-timing'],
      // "Харьковом", third word: 9.36–9.61 s.
      [9.21, 9.76, 'word-timing'],
      // "Вити Соколова", words 4–5: 61.7–62.25 s.
      [61.55, 62.4, 'word-timing'],
      // The number over two segments: "8 916 550" (words 9–11, 63.5–64.35 s) then "31 72" (67.0–67.55 s).
      [63.35, 64.5, 'word-timing'],
      [66.85, 67.7, 'word-timing'],
    ]);
    expect(result.audio.spans[0]!.fallbackSegmentIds).toEqual([currentSegmentIds[0]]);
    expect(result.audio.usedSegmentFallback).toBe(true);
    expect(result.provenance.redactions.audio).toMatchObject({
      mode: 'tone',
      spans: 6,
      wordTimingSpans: 5,
      segmentFallbackSpans: 1,
      segmentFallbackIds: [currentSegmentIds[0]],
    });
  });

  it('records a provenance that names the source, the versions, the models and the redactions', async () => {
    const { provenance } = await plan({ selection: { from: 0, to: 12 } });
    expect(provenance.source).toEqual({
      recordingId: call.id,
      sha256: call.sha256,
      collection: { id: call.collection_id, name: 'Demo' },
    });
    expect(provenance.selection).toEqual({
      from: 0,
      to: 12,
      segmentIds: currentSegmentIds.slice(0, 3),
      requestedSegmentIds: null,
    });
    // The call was made in Kharkiv oblast, but "Kharkiv" is a protected town here: the region,
    // which would name it, is withheld.
    expect(provenance.call).toEqual({ month: '2022-03', region: 'withheld' });
    expect(provenance.transcript).toEqual({
      version: 2,
      kind: 'human',
      correctedByPerson: true,
      correctedSegmentIds: [currentSegmentIds[0]],
      machineSegmentIds: currentSegmentIds.slice(1, 3),
    });
    expect(provenance.models).toEqual({
      recogniser: { model: 'test-asr-ru', transcriptVersion: 1, files: { 'model.onnx': 'b'.repeat(64) } },
      translator: [{ engine: 'opus-mt', model: 'opus-mt-ru-en', modelSha256: 'c'.repeat(64) }],
      untranslatedSegmentIds: [],
      // The English of the corrected segment was made for the machine's text.
      staleTranslationSegmentIds: [currentSegmentIds[0]],
    });
    expect(provenance.redactions.text).toEqual({ total: 6, byKind: { person: 4, place: 2 }, ru: 3, en: 3 });
    expect(provenance.redactions.identities.map((i) => i.pseudonym).sort()).toEqual(['Soldier A', 'Town 1']);
    expect(provenance.exported).toEqual({
      by: { userId: users.editor.userId, name: 'editor-user' },
      at: '2026-01-02T03:04:05.000Z',
    });
  });

  it('holds no protected form, number, cell id, file name, place or exact time of the call', async () => {
    const { provenance } = await plan();
    const recording = await database.db
      .selectFrom('recordings')
      .selectAll()
      .where('id', '=', call.id)
      .executeTakeFirstOrThrow();
    const json = JSON.stringify(provenance).toLowerCase();
    const withheld = [
      ...everyForm,
      recording.original_filename,
      recording.cell_id!,
      recording.caller_number!,
      recording.callee_number!,
      '1734482',
      '1234567',
      'ruska lozova',
      recording.call_started_at!.toISOString().slice(0, 10),
      '19:42',
      '16:42',
    ];
    for (const value of withheld) expect(json).not.toContain(value.toLowerCase());
  });

  it('adds the exported files with their hashes, refusing a name twice or a hash that is not SHA-256', async () => {
    const { provenance } = await plan();
    const files = [
      { name: 'excerpt.mp3', sha256: 'e'.repeat(64), bytes: 1000 },
      { name: 'excerpt.en.srt', sha256: 'f'.repeat(64), bytes: 200 },
    ];
    const withFiles = addExportedFiles(provenance, files);
    expect(withFiles.files).toEqual(files);
    expect(provenance.files).toEqual([]);
    expect(() => addExportedFiles(withFiles, [files[0]!])).toThrow('lists excerpt.mp3 twice');
    expect(() => addExportedFiles(provenance, [{ name: 'a.wav', sha256: 'XYZ', bytes: 1 }])).toThrow(
      'not a SHA-256 hex digest',
    );
  });
});
