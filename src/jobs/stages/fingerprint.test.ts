import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CALL_VARIANTS,
  makeCallVariant,
  TRIM_START_SECONDS,
  type CallVariant,
} from '../../../test/helpers/call-variants.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { createTestDataDir, insertRecording, type TestDataDir } from '../../../test/helpers/recordings.ts';
import { demoDir } from '../../../test/helpers/speech-models.ts';
import { loadConfig } from '../../config/config.ts';
import { MATCH_SCORE } from '../../fingerprint/alignment.ts';
import { openPipeline, type Pipeline } from '../pipeline.ts';
import { createStageRegistry } from '../registry.ts';
import { runPipelineUntilIdle } from '../run-until-idle.ts';
import { decodeStage } from './decode.ts';
import { fingerprintStage } from './fingerprint.ts';

// decode → fingerprint on real Postgres and pg-boss with the real fpcalc, over the 20 demo calls
// and leak-like copies of three of them (re-encoded mp3, opus and amr-nb, trimmed, mixed to mono).

const SOURCES = [0, 5, 11];

let database: TestDatabase;
let store: TestDataDir;
let pipeline: Pipeline;
let scratch: string;
const demo: { name: string; id: string }[] = [];
const variants: { source: string; sourceId: string; variant: CallVariant; id: string }[] = [];

beforeAll(async () => {
  database = await createTestDatabase('fingerprint_stage');
  store = createTestDataDir('fingerprint-stage');
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-variants-'));
  const config = loadConfig({ EARSHOT_DATA_DIR: store.dataDir, EARSHOT_WORKER_CONCURRENCY: '2' });
  pipeline = await openPipeline({
    connection: { db: database.db, connectionString: database.connectionString, embedded: undefined },
    config,
    registry: createStageRegistry(['decode', 'fingerprint'], [decodeStage, fingerprintStage]),
  });
  const names = fs.readdirSync(path.join(demoDir, 'calls')).sort();
  for (const name of names) {
    const recording = await insertRecording(database.db, store, path.join(demoDir, 'calls', name));
    demo.push({ name, id: recording.id });
  }
  for (const index of SOURCES) {
    const source = demo[index]!;
    for (const variant of Object.keys(CALL_VARIANTS) as CallVariant[]) {
      const file = makeCallVariant(path.join(demoDir, 'calls', source.name), variant, scratch);
      const recording = await insertRecording(database.db, store, file);
      variants.push({ source: source.name, sourceId: source.id, variant, id: recording.id });
    }
  }
  await pipeline.schedulePipeline([...demo, ...variants].map((r) => r.id));
  const status = await runPipelineUntilIdle(pipeline);
  expect(status.failures).toEqual([]);
}, 600_000);

afterAll(async () => {
  await pipeline?.stop();
  await database?.drop();
  store?.remove();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

async function leadsOf(id: string) {
  return database.db
    .selectFrom('duplicate_leads')
    .selectAll()
    .where((eb) => eb.or([eb('recording_a', '=', id), eb('recording_b', '=', id)]))
    .execute();
}

/** Where `other` starts in `id`, seconds, whichever way round the lead row is stored. */
function offsetOf(lead: { recording_a: string; offset_seconds: number }, id: string): number {
  return lead.recording_a === id ? lead.offset_seconds : -lead.offset_seconds;
}

describe('fingerprint stage', () => {
  it('fingerprints every channel and the mono mix, with the fpcalc version and a custody event', async () => {
    const rows = await database.db
      .selectFrom('recording_fingerprints')
      .select(['channel', 'fpcalc_version', 'duration_seconds', 'items'])
      .where('recording_id', '=', demo[0]!.id)
      .orderBy('channel')
      .execute();
    expect(rows.map((r) => r.channel)).toEqual(['0', '1', 'mix']);
    for (const row of rows) {
      expect(row.fpcalc_version).toMatch(/^\d+\.\d+/);
      // About 8 items a second (Chromaprint's hop is 0.124 s).
      expect(row.items.length).toBeGreaterThan(row.duration_seconds * 6);
    }
    const mono = variants.find((v) => v.variant === 'amr-nb')!;
    const monoChannels = await database.db
      .selectFrom('recording_fingerprints')
      .select('channel')
      .where('recording_id', '=', mono.id)
      .execute();
    expect(monoChannels.map((r) => r.channel)).toEqual(['0']);
    const custody = await database.db
      .selectFrom('custody_events')
      .select(['details', 'tool_versions'])
      .where('recording_id', '=', demo[0]!.id)
      .where('action', '=', 'derived')
      .execute();
    const event = custody.find((e) => (e.details as { stage?: string }).stage === 'fingerprint');
    expect(event?.tool_versions).toHaveProperty('fpcalc', rows[0]!.fpcalc_version);
  });

  it('finds every re-encoded, trimmed and downmixed copy as the same call, at the right offset', async () => {
    const found: string[] = [];
    for (const v of variants) {
      const lead = (await leadsOf(v.id)).find((l) => [l.recording_a, l.recording_b].includes(v.sourceId));
      expect(lead, `${v.variant} of ${v.source}`).toBeDefined();
      expect(lead!.score).toBeGreaterThanOrEqual(MATCH_SCORE);
      expect(lead!.status).toBe('proposed');
      const expected = v.variant === 'trimmed' ? TRIM_START_SECONDS : 0;
      // Within one Chromaprint item (0.124 s) and the encoder's start padding.
      expect(Math.abs(offsetOf(lead!, v.sourceId) - expected)).toBeLessThan(0.3);
      const overlap = v.variant === 'trimmed' ? 15 : undefined;
      if (overlap) expect(Math.abs(lead!.overlap_seconds - overlap)).toBeLessThan(1);
      found.push(`${v.variant} ${lead!.score.toFixed(3)}`);
    }
    console.log(`variant scores: ${found.join(', ')}`);
  });

  it('proposes no lead between different calls', async () => {
    const groupOf = new Map<string, string>();
    for (const d of demo) groupOf.set(d.id, d.name);
    for (const v of variants) groupOf.set(v.id, v.source);
    const leads = await database.db.selectFrom('duplicate_leads').selectAll().execute();
    const wrong = leads.filter((l) => groupOf.get(l.recording_a) !== groupOf.get(l.recording_b));
    expect(wrong).toEqual([]);
    // Every copy matches its source and the other copies of it: 6 calls per source, all pairs.
    expect(leads.length).toBe(SOURCES.length * 15);
  });
});
