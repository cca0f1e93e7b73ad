import type { FastifyInstance } from 'fastify';
import { grantCollection } from '../../src/accounts/grants.ts';
import { USER_ROLES } from '../../src/accounts/users.ts';
import type { Db } from '../../src/db/database.ts';
import type { UserRole } from '../../src/db/schema.ts';
import { addNote } from '../../src/transcripts/notes.ts';
import {
  BAKHMUT,
  KHARKIV,
  callAnalysisOf,
  insertTranscriptVersion,
  matchIn,
  storeAnalysis,
} from './analysis-fixtures.ts';
import {
  createApiFixture,
  insertCollection,
  insertRecording,
  insertStageRun,
  insertWorkingCopy,
  type ApiFixture,
} from './api-fixtures.ts';
import { buildApiServerAsUsers, insertUser } from './as-principal.ts';
import type { TestDatabase } from './database.ts';
import { speechTestEnv } from './speech-models.ts';

/**
 * Two collections with one call each, every kind of thing a route can show of a call (working
 * copy, transcript, analysis with a place, note, failed stage run), and one user of every role
 * granted the first collection only. Each call carries markers (ids, numbers, month, place) that
 * a response showing anything of it must contain.
 */
export interface CollectionSide {
  collectionId: string;
  collectionName: string;
  recordingId: string;
  /** Strings found only in what the API shows of this collection. */
  markers: string[];
}

export interface AccessFixture {
  fixture: ApiFixture;
  app: FastifyInstance;
  granted: CollectionSide;
  other: CollectionSide;
  /** User ids by role, each granted `granted` only (admins see every collection). */
  users: Record<UserRole, string>;
  /** A viewer nobody acts as: the target of the user-management routes. */
  subjectUserId: string;
  /** Recording ids the pipeline scheduler was asked to run, in order. */
  scheduled: string[];
}

/** Every role, in the order of the table of roles. */
export const ROLES: readonly UserRole[] = USER_ROLES;

/** A short 16 kHz mono 16-bit WAV (a tone): something ffmpeg decodes, for the peaks route. */
export function toneWav(seconds = 0.5, hz = 440): Buffer {
  const samples = Math.round(16000 * seconds);
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(16000, 24);
  wav.writeUInt32LE(32000, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) {
    wav.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * hz * i) / 16000)), 44 + i * 2);
  }
  return wav;
}

interface SideSpec {
  name: string;
  startedAt: string;
  caller: string;
  callee: string;
  text: string;
  place: { surface: string; place: typeof BAKHMUT };
}

async function insertSide(fixture: ApiFixture, spec: SideSpec): Promise<CollectionSide> {
  const { db } = fixture;
  const collectionId = await insertCollection(db, spec.name);
  const { id } = await insertRecording(fixture, {
    collection_id: collectionId,
    call_started_at: new Date(spec.startedAt),
    caller_number: spec.caller,
    callee_number: spec.callee,
    duration_seconds: 30,
    channels: 1,
  });
  await insertWorkingCopy(fixture, { recordingId: id, channel: 0, content: toneWav() });
  // Two versions, so that there is a difference to read; the analysis is of the latest.
  await insertTranscriptVersion(db, id, [{ text: `${spec.text}?`, channel: 0 }]);
  const transcript = await insertTranscriptVersion(db, id, [{ text: spec.text, channel: 0 }], 'human');
  const analysis = callAnalysisOf(
    [
      {
        key: transcript.segmentIds[0]!,
        text: spec.text,
        matches: [matchIn(spec.text, 'двухсотых', 'casualties_killed', { count: 2 })],
        places: [spec.place],
      },
    ],
    50,
  );
  await storeAnalysis(db, id, transcript.id, analysis);
  await addNote(db, { recordingId: id, text: `note on ${spec.name}`, author: 'tester' });
  await insertStageRun(db, { recordingId: id, stage: 'translate', status: 'failed', error: 'test failure' });
  return {
    collectionId,
    collectionName: spec.name,
    recordingId: id,
    markers: [id, collectionId, spec.caller, spec.callee, spec.startedAt.slice(0, 7), spec.place.place.id],
  };
}

export async function createAccessFixture(t: TestDatabase): Promise<AccessFixture> {
  // The test recogniser: exporting an excerpt listens to it (src/publication/leak-check/audio-heard.ts).
  const fixture = createApiFixture(t.db, speechTestEnv());
  const granted = await insertSide(fixture, {
    name: 'Granted leak',
    startedAt: '2022-03-14T10:00:00Z',
    caller: '+380501111111',
    callee: '+380502222222',
    text: 'у нас двое двухсотых под бахмутом',
    place: { surface: 'бахмутом', place: BAKHMUT },
  });
  const other = await insertSide(fixture, {
    name: 'Other leak',
    startedAt: '2019-07-02T10:00:00Z',
    caller: '+79161234567',
    callee: '+79169876543',
    text: 'там трое двухсотых в харькове',
    place: { surface: 'харькове', place: KHARKIV },
  });
  const users = {} as Record<UserRole, string>;
  for (const role of ROLES)
    users[role] = await insertUser(t.db, `${role}-user`, role, [granted.collectionId]);
  const subjectUserId = await insertUser(t.db, 'subject-user', 'viewer');
  const scheduled: string[] = [];
  const app = await buildApiServerAsUsers({
    db: t.db,
    config: fixture.config,
    // The queue is not what is tested here: which recordings a retry reaches is.
    scheduleStage: (_stage, ids) => {
      scheduled.push(...ids);
      return Promise.resolve();
    },
  });
  return { fixture, app, granted, other, users, subjectUserId, scheduled };
}

/** Grants the user every collection there is now (benchmarks: an editor who sees what an admin sees). */
export async function grantEveryCollection(db: Db, userId: string): Promise<void> {
  const collections = await db.selectFrom('collections').select('id').execute();
  for (const { id } of collections)
    await grantCollection(db, { userId, collectionId: id, grantedBy: 'bench' });
}
