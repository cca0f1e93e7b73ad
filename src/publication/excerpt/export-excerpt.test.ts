import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  call,
  currentSegmentIds,
  database,
  dataDir,
  unverifiedCall,
  useExcerptFixture,
} from '../../../test/helpers/excerpt-fixture.ts';
import { runEarshot } from '../../../test/helpers/cli-in-process.ts';
import { pipelineTestModelsDir, speechTestEnv, TEST_ASR_MODEL } from '../../../test/helpers/speech-models.ts';
import { readBundle } from '../../../test/helpers/evidence-bundle-reader.ts';
import { insertTranscriptVersion, storeAnalysis } from '../../../test/helpers/analysis-fixtures.ts';
import { analyseCall } from '../../analysis/analyse-text.ts';
import { ExitCode } from '../../cli/exit-codes.ts';
import { repositoryRoot } from '../../runtime/paths.ts';
import { buildIdentityMatcher } from '../forms/identity-matcher.ts';
import { openLeakListener } from '../leak-check/audio-heard.ts';
import { addProtectedIdentity, loadProtectedIdentities } from '../register/register-store.ts';
import { readTranscriptVersion, segmentTranslations } from '../../transcripts/transcript-store.ts';
import { saveTranslationCorrection } from '../../translation/translation-correction.ts';
import { assertNoLeak, ExcerptLeaked, publishCheckedPackage } from './export-excerpt.ts';

// `earshot export excerpt` over a real ingested demo call whose case file is verified, with the
// soldier, his town and his number in the collection's real register: the package is written,
// hashed and free of every name; an unverified call needs an admin's reason; and the leak check
// refuses a folder that names a protected person.

useExcerptFixture('export_excerpt');

const ROMAN_CALL = [
  'Мама, привет. Это Рома. Мне дали позвонить пять минут.',
  'Ромочка! Где ты?',
  'Я в Вагнере, мам. Под Бахмутом стоим.',
  'Запиши номер Тимура, он со мной. 8 927 118 40 56.',
];
const NAMES = ['Дима', 'Димочка', 'Dima', 'Харьков', 'Kharkiv', '916 550'];
const actor = { userId: null, name: 'tester' };
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-excerpt-out-'));
const env = () => ({
  DATABASE_URL: database.connectionString,
  EARSHOT_DATA_DIR: dataDir,
  EARSHOT_ACTOR: 'desk-owner',
  // The audio leak check listens with the collection's recogniser: the test models.
  ...speechTestEnv(),
});
const listener = () =>
  openLeakListener({ modelsDir: pipelineTestModelsDir(), asr: TEST_ASR_MODEL, vad: 'silero-vad-v6.2' }, 2);

async function protectTheSoldier(): Promise<void> {
  const collectionId = call.collection_id;
  if ((await loadProtectedIdentities(database.db, collectionId)).length > 0) return;
  await addProtectedIdentity(database.db, { collectionId, kind: 'person', label: 'Дмитрий Самойлов', actor });
  await addProtectedIdentity(database.db, { collectionId, kind: 'place', label: 'Харьков', actor });
  await addProtectedIdentity(database.db, { collectionId, kind: 'phone', label: '+79165503172', actor });
}

const auditOf = (recordingId: string) =>
  database.db
    .selectFrom('audit_log')
    .select(['action', 'actor', 'user_id', 'details'])
    .where('target', '=', recordingId)
    .where('action', 'in', ['export-excerpt', 'publication-override'])
    .orderBy('seq')
    .execute();

describe('earshot export excerpt', () => {
  // The whole 85-second call: the recogniser listens to its WAV and its MP3, both lanes.
  it('writes a package with hashed files whose texts carry pseudonyms and no protected form', async () => {
    await protectTheSoldier();
    const dir = path.join(out, 'verified');
    const result = await runEarshot(env(), 'export', 'excerpt', '--recording', call.id, '--out', dir);
    expect(result.code, result.err).toBe(ExitCode.Ok);
    const names = fs.readdirSync(dir).sort();
    expect(names).toEqual([
      'captions.en.srt',
      'captions.en.vtt',
      'captions.ru.srt',
      'captions.ru.vtt',
      'excerpt.mp3',
      'excerpt.wav',
      'provenance.json',
      'transcript.docx',
    ]);
    const provenance = JSON.parse(fs.readFileSync(path.join(dir, 'provenance.json'), 'utf8')) as {
      files: { name: string; sha256: string; bytes: number }[];
      exported: { by: unknown };
    };
    // The command line's local operator: named, with no user row.
    expect(provenance.exported.by).toEqual({ userId: null, name: 'desk-owner' });
    expect(provenance.files.map((f) => f.name)).toEqual(names.filter((n) => n !== 'provenance.json'));
    for (const file of provenance.files) {
      const bytes = fs.readFileSync(path.join(dir, file.name));
      expect(file.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(file.bytes).toBe(bytes.length);
    }
    const ru = fs.readFileSync(path.join(dir, 'captions.ru.srt'), 'utf8');
    const en = fs.readFileSync(path.join(dir, 'captions.en.vtt'), 'utf8');
    expect(ru).toContain('[Soldier A]');
    expect(en).toContain('[Soldier A]');
    for (const name of NAMES) {
      expect(ru).not.toContain(name);
      expect(en).not.toContain(name);
    }
    const docx = (await readBundle(path.join(dir, 'transcript.docx'))).entries.get('word/document.xml');
    const documentXml = docx!.toString('utf8');
    expect(documentXml).toContain('Soldier A');
    for (const name of NAMES) expect(documentXml).not.toContain(name);
    // The real scanner over the written package finds nothing (the DOCX XML included).
    const matcher = buildIdentityMatcher(await loadProtectedIdentities(database.db, call.collection_id));
    await expect(assertNoLeak(dir, matcher, listener())).resolves.toBeUndefined();
    const [entry] = await auditOf(call.id);
    expect(entry).toMatchObject({ action: 'export-excerpt', actor: 'desk-owner', user_id: null });
    const details = entry!.details as { files: { name: string; sha256: string }[] };
    expect(details.files).toEqual(provenance.files);
    // Hashes and ids are hex: «916» turns up in one run in ten by chance, so they are left out.
    const readable = JSON.stringify(entry!.details).replace(/\b[0-9a-f]{64}\b|\b[0-9a-f-]{36}\b/g, '');
    expect(readable).not.toMatch(/Дмитрий|Самойлов|Харьков|916/);
  }, 300_000);

  it('refuses an unverified call and an unknown id, writing nothing', async () => {
    await protectTheSoldier();
    const other = await unverifiedCall();
    const dir = path.join(out, 'unverified');
    const refused = await runEarshot(env(), 'export', 'excerpt', '--recording', other.id, '--out', dir);
    expect(refused.code).toBe(ExitCode.Fatal);
    expect(refused.err).toContain('is not verified');
    expect(fs.existsSync(dir)).toBe(false);
    const unknown = await runEarshot(env(), 'export', 'excerpt', '--recording', 'nope', '--out', dir);
    expect(unknown.code).toBe(ExitCode.Fatal);
    expect(unknown.err).toContain('There is no recording with id nope');
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('exports the segments named with --segment, and only them', async () => {
    await protectTheSoldier();
    const dir = path.join(out, 'segment');
    const result = await runEarshot(
      env(),
      ...['export', 'excerpt', '--recording', call.id, '--segment', currentSegmentIds[2]!, '--out', dir],
    );
    expect(result.code, result.err).toBe(ExitCode.Ok);
    const ru = fs.readFileSync(path.join(dir, 'captions.ru.srt'), 'utf8');
    expect(ru).toMatch(/Speaker 1: Мы под \[Place 1\]\. Стоим в\s+посадке\./);
    expect(ru).not.toContain('живой');
    const provenance = JSON.parse(fs.readFileSync(path.join(dir, 'provenance.json'), 'utf8')) as {
      selection: { segmentIds: string[] };
    };
    expect(provenance.selection.segmentIds).toEqual([currentSegmentIds[2]]);
  });

  it('exports an unverified call when given a reason, recording the override and the export', async () => {
    await protectTheSoldier();
    const second = path.join(
      repositoryRoot,
      'demo',
      'calls',
      '20220716_112503_+380672205916_+79106650932.wav',
    );
    const ingest = await runEarshot(env(), 'ingest', second, '--collection', 'Demo');
    expect(ingest.code, ingest.err).toBe(ExitCode.Ok);
    const recording = await database.db
      .selectFrom('recordings')
      .select('id')
      .where('original_filename', '=', path.basename(second))
      .executeTakeFirstOrThrow();
    await insertTranscriptVersion(database.db, recording.id, [
      { text: 'Дима, это я.' },
      { text: 'Стоим в посадке.' },
    ]);
    const dir = path.join(out, 'overridden');
    const args = ['export', 'excerpt', '--recording', recording.id, '--out', dir];
    const refused = await runEarshot(env(), ...args);
    expect(refused.code).toBe(ExitCode.Fatal);
    expect(fs.existsSync(dir)).toBe(false);
    const result = await runEarshot(env(), ...args, '--override', 'the family asked us to publish');
    expect(result.code, result.err).toBe(ExitCode.Ok);
    expect(fs.readFileSync(path.join(dir, 'captions.ru.srt'), 'utf8')).toContain('[Soldier A], это я.');
    const entries = await auditOf(recording.id);
    expect(entries.map((e) => e.action)).toEqual(['publication-override', 'export-excerpt']);
    expect(entries[0]!.details).toMatchObject({ reason: 'the family asked us to publish' });
  });

  it('with --protect-all first protects every person, number, call sign and place of the analysis', async () => {
    const third = path.join(
      repositoryRoot,
      'demo',
      'calls',
      '20230308_100217_+380713308251_+79226649180.wav',
    );
    const ingest = await runEarshot(env(), 'ingest', third, '--collection', 'Demo');
    expect(ingest.code, ingest.err).toBe(ExitCode.Ok);
    const recording = await database.db
      .selectFrom('recordings')
      .select('id')
      .where('original_filename', '=', path.basename(third))
      .executeTakeFirstOrThrow();
    const transcript = await insertTranscriptVersion(
      database.db,
      recording.id,
      ROMAN_CALL.map((text) => ({ text })),
    );
    const analysis = analyseCall(transcript.segmentIds.map((key, i) => ({ key, text: ROMAN_CALL[i]! })));
    await storeAnalysis(database.db, recording.id, transcript.id, analysis);
    const dir = path.join(out, 'protect-all');
    const result = await runEarshot(
      env(),
      ...['export', 'excerpt', '--recording', recording.id, '--protect-all', '--out', dir],
      ...['--override', 'published with the family'],
    );
    expect(result.code, result.err).toBe(ExitCode.Ok);
    expect(result.out).toMatch(/Added \d+ identity/);
    const ru = fs.readFileSync(path.join(dir, 'captions.ru.srt'), 'utf8');
    expect(ru).toContain('стоим');
    expect(ru).toMatch(/\[Number \d+\]/);
    for (const form of ['Рома', 'Тимур', 'Бахмут', '927 118']) expect(ru).not.toContain(form);
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('target', '=', recording.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((e) => e.action)).toEqual([
      'protect-identity',
      'publication-override',
      'export-excerpt',
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/Рома|Роман|Тимур|Бахмут|927/);
  });

  it('refuses a non-empty target, a bad range, and --protect-all on a call with no analysis', async () => {
    await protectTheSoldier();
    const full = fs.mkdtempSync(path.join(out, 'full-'));
    fs.writeFileSync(path.join(full, 'keep.txt'), 'mine');
    const base = ['export', 'excerpt', '--recording', call.id];
    const taken = await runEarshot(env(), ...base, '--out', full);
    expect(taken.code).toBe(ExitCode.Fatal);
    expect(taken.err).toContain('is not an empty folder');
    expect(fs.readdirSync(full)).toEqual(['keep.txt']);
    const dir = path.join(out, 'refused');
    const badRange = await runEarshot(env(), ...base, '--from', 'soon', '--out', dir);
    expect(badRange.code).toBe(ExitCode.Fatal);
    expect(badRange.err).toContain('--from must be a number of seconds');
    const both = await runEarshot(env(), ...base, '--from', '1', '--segment', '1', '--out', dir);
    expect(both.err).toContain('not both');
    const protectAll = await runEarshot(env(), ...base, '--protect-all', '--out', dir);
    expect(protectAll.code).toBe(ExitCode.Fatal);
    expect(protectAll.err).toContain('has no analysis yet');
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('refuses a folder that names a protected person, and leaves nothing at the target', async () => {
    await protectTheSoldier();
    const matcher = buildIdentityMatcher(await loadProtectedIdentities(database.db, call.collection_id));
    const leaky = fs.mkdtempSync(path.join(out, 'leaky-'));
    fs.writeFileSync(path.join(leaky, 'captions.ru.srt'), '1\n00:00:00,000 --> 00:00:02,000\nЭто я, Дима.\n');
    fs.writeFileSync(path.join(leaky, 'provenance.json'), '{"note": "call +7 916 550-31-72"}\n');
    const target = path.join(out, 'leaked');
    const refusal = await publishCheckedPackage(leaky, target, matcher, listener()).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ExcerptLeaked);
    const hits = (refusal as ExcerptLeaked).hits.join('\n');
    expect(hits).toContain('captions.ru.srt');
    expect(hits).toContain('provenance.json');
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.existsSync(leaky)).toBe(false);
  });

  it('labels English a person corrected as such in the DOCX and the provenance', async () => {
    await protectTheSoldier();
    const segmentId = currentSegmentIds[2]!;
    const current = (await readTranscriptVersion(database.db, call.id))!;
    const base = (await segmentTranslations(database.db, current.transcript.id)).get(segmentId)!;
    await saveTranslationCorrection(database.db, {
      recordingId: call.id,
      segmentId,
      baseTranslationId: base.translationId,
      text: 'We are outside the town, in a tree line.',
      author: 'editor',
    });
    const dir = path.join(out, 'human-english');
    const result = await runEarshot(
      env(),
      ...['export', 'excerpt', '--recording', call.id, '--segment', segmentId, '--out', dir],
    );
    expect(result.code, result.err).toBe(ExitCode.Ok);
    const docx = (await readBundle(path.join(dir, 'transcript.docx'))).entries.get('word/document.xml');
    const documentXml = docx!.toString('utf8');
    expect(documentXml).toContain('We are outside the town, in a tree line.');
    expect(documentXml).toContain('translation corrected by a person');
    expect(documentXml).not.toContain('machine translation');
    const provenance = JSON.parse(fs.readFileSync(path.join(dir, 'provenance.json'), 'utf8')) as {
      models: { translator: unknown[]; humanTranslationSegmentIds: string[] };
    };
    expect(provenance.models.humanTranslationSegmentIds).toEqual([segmentId]);
    // No translator made this English: none is named for it.
    expect(provenance.models.translator).toEqual([]);
  });
});
