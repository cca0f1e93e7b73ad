import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Of } from '../../../test/helpers/api-fixtures.ts';
import {
  callAnalysisOf,
  insertTranscriptVersion,
  matchIn,
  storeAnalysis,
} from '../../../test/helpers/analysis-fixtures.ts';
import { runEarshot, type CliResult } from '../../../test/helpers/cli-in-process.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import {
  checkSignature,
  readBundle,
  sha256Hex,
  type BundleManifest,
} from '../../../test/helpers/evidence-bundle-reader.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { decodeStage } from '../../jobs/stages/decode.ts';
import { stageAttachment } from '../../verification/attachments.ts';
import { recordCaseStep } from '../../verification/case-store.ts';
import { loadConfig, type EarshotConfig } from '../../config/config.ts';
import { repositoryRoot } from '../../runtime/paths.ts';
import { ExitCode } from '../exit-codes.ts';

// `earshot export evidence`: demo calls ingested for real, with transcripts, a translation, an
// analysis, a case file with an attachment and audit entries, exported and read back against the
// bundle contract with node:crypto alone; then every refusal leaves nothing behind.

const DEMO = path.join(repositoryRoot, 'demo', 'calls');
const FIRST = '20220716_112503_+380672205916_+79106650932.wav';
const SECOND = '20230308_100217_+380713308251_+79226649180.wav';

let database: TestDatabase;
let dataDir: string;
let outDir: string;
let env: NodeJS.ProcessEnv;
let config: EarshotConfig;
let first: { id: string; sha256: string; storePath: string };
let second: { id: string };
const attachment = Buffer.from('%PDF-1.4 interview notes\n');

const earshot = (...args: string[]): Promise<CliResult> => runEarshot(env, ...args);
const out = (name: string) => path.join(outDir, name);

async function recordingOf(fileName: string) {
  return database.db
    .selectFrom('recordings')
    .select(['id', 'sha256', 'store_path as storePath'])
    .where('original_filename', '=', fileName)
    .executeTakeFirstOrThrow();
}

/** A case with one step and one attachment, taken through the case store as the desk does. */
async function addCaseFile(recordingId: string, collectionId: string): Promise<void> {
  const user = await database.db
    .insertInto('users')
    .values({ name: 'case-editor', role: 'editor', password_hash: null, created_by: 'test' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const staged = await stageAttachment(
    config.attachmentsDir,
    { stream: Readable.from([attachment]), fileName: 'interview.pdf', mimetype: 'application/pdf' },
    config.attachmentMaxBytes,
  );
  await recordCaseStep(database.db, config.attachmentsDir, {
    recordingId,
    collectionId,
    recordingSha256: first.sha256,
    action: 'advance',
    expectedStatus: 'unverified',
    note: 'subscriber found in a leaked directory',
    links: ['https://example.org/directory'],
    attachments: [staged],
    user: { id: user.id, name: 'case-editor', maySignOff: true },
  });
}

beforeAll(async () => {
  database = await createTestDatabase('cli_export_evidence');
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-export-'));
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-export-out-'));
  env = { DATABASE_URL: database.connectionString, EARSHOT_DATA_DIR: dataDir, EARSHOT_ACTOR: 'exporter' };
  config = loadConfig(env);
  expect((await earshot('ingest', path.join(DEMO, FIRST), '--collection', 'Demo')).code).toBe(ExitCode.Ok);
  expect((await earshot('ingest', path.join(DEMO, SECOND), '--collection', 'Demo')).code).toBe(ExitCode.Ok);
  first = await recordingOf(FIRST);
  second = await recordingOf(SECOND);
  const { db } = database;
  // The working copies made by the real decode stage, with its 'derived' custody event.
  const decoded = await decodeStage.run(
    { recordingId: first.id, force: false },
    { db, config, worker: 'export-test', jobId: 'export-test' },
  );
  await db.transaction().execute(async (trx) => decoded.record?.(trx));
  await insertTranscriptVersion(db, first.id, [{ text: 'у нас двое двухсотых' }]);
  const human = await insertTranscriptVersion(db, first.id, [{ text: 'у нас двое двухсотых.' }], 'human');
  await db
    .insertInto('segment_translations')
    .values({
      transcript_segment_id: human.segmentIds[0]!,
      transcript_id: human.id,
      target_language: 'en',
      text: 'we have two killed.',
      status: 'translated',
      engine: 'opus-mt',
      model: 'opus-mt-ru-en',
      model_sha256: 'a'.repeat(64),
    })
    .execute();
  const text = 'у нас двое двухсотых.';
  await storeAnalysis(
    db,
    first.id,
    human.id,
    callAnalysisOf([
      { key: human.segmentIds[0]!, text, matches: [matchIn(text, 'двухсотых', 'casualties_killed')] },
    ]),
  );
  await recordAudit(db, {
    actor: 'viewer',
    userId: null,
    action: 'view-call',
    target: first.id,
    address: '127.0.0.1',
  });
  const collection = await db
    .selectFrom('collections')
    .select('id')
    .where('name', '=', 'Demo')
    .executeTakeFirstOrThrow();
  await addCaseFile(first.id, collection.id);
});

afterAll(async () => {
  await database?.drop();
  for (const dir of [dataDir, outDir]) {
    if (!dir) continue;
    for (const f of fs.readdirSync(dir, { recursive: true, withFileTypes: true }))
      fs.chmodSync(path.join(f.parentPath, f.name), 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** Runs the verify.mjs a bundle carries with plain node, from a folder holding only it and the zip. */
async function verifyWithItsOwnVerifier(bundle: string) {
  const { entries } = await readBundle(bundle);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-verify-'));
  fs.writeFileSync(path.join(folder, 'verify.mjs'), entries.get('verify.mjs')!);
  fs.copyFileSync(bundle, path.join(folder, 'bundle.zip'));
  const run = spawnSync(process.execPath, ['verify.mjs', 'bundle.zip'], { cwd: folder, encoding: 'utf8' });
  fs.rmSync(folder, { recursive: true });
  return run;
}

describe('earshot export evidence', () => {
  it('writes a bundle that holds to the contract: every file listed, hashed, sorted and signed', async () => {
    const result = await earshot('export', 'evidence', '--recording', first.id, '--out', out('one.zip'));
    expect(result.code, result.err).toBe(ExitCode.Ok);
    expect(result.err).toMatch(/Created the evidence-signing key .*publish its fingerprint [0-9a-f]{64}/);
    const fingerprint = /fingerprint is ([0-9a-f]{64})/.exec(result.out)?.[1];
    expect(result.out).toContain('1 call(s)');
    expect(result.out).toContain(`node verify.mjs ${out('one.zip')} --expect-key ${fingerprint}`);

    const { entries, stored } = await readBundle(out('one.zip'));
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as BundleManifest;
    expect(manifest).toMatchObject({ format: 'earshot-evidence-bundle', formatVersion: 1 });
    expect(manifest.createdBy).toEqual({ userId: null, name: 'exporter' });
    expect(manifest.scope).toEqual({ recordings: [first.id] });
    expect(checkSignature(entries)).toEqual({ valid: true, fingerprint });
    expect(manifest.signingKey).toEqual({ algorithm: 'Ed25519', publicKeySha256: fingerprint });

    const paths = manifest.files.map((f) => f.path);
    expect(paths).toEqual([...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(paths).size).toBe(paths.length);
    const unlisted = ['manifest.json', 'manifest.sig', 'public-key.pem'];
    expect([...entries.keys()].filter((p) => !unlisted.includes(p)).sort()).toEqual([...paths].sort());
    for (const file of manifest.files) {
      const bytes = entries.get(file.path)!;
      expect({ path: file.path, sha256: sha256Hex(bytes), size: bytes.length }).toEqual({
        path: file.path,
        sha256: file.sha256,
        size: file.size,
      });
      expect(file.path).toMatch(/^[\x21-\x7e]+$/);
      const derived = ['working-copy', 'transcript', 'translation', 'analysis'].includes(file.kind);
      if (derived)
        expect(
          [
            typeof file.producedBy?.stage,
            typeof file.producedBy?.tool,
            Date.parse(file.producedBy?.at ?? '') > 0,
          ],
          file.path,
        ).toEqual(['string', 'string', true]);
      else expect(file.producedBy, file.path).toBeNull();
    }

    const base = `recordings/${first.id}`;
    const kinds = Object.fromEntries(manifest.files.map((f) => [f.path, f.kind]));
    expect(kinds).toMatchObject({
      [`originals/${first.sha256}`]: 'original',
      [`${base}/recording.json`]: 'recording',
      [`${base}/transcripts/v1.json`]: 'transcript',
      [`${base}/transcripts/v2.json`]: 'transcript',
      [`${base}/translations/v2-en.json`]: 'translation',
      [`${base}/custody.json`]: 'custody',
      [`${base}/audit.json`]: 'audit',
      [`${base}/case/case.json`]: 'case',
      [`${base}/case/attachments/${sha256Of(attachment)}`]: 'attachment',
      'README.txt': 'readme',
      'verify.mjs': 'verifier',
    });
    expect(manifest.files.filter((f) => f.kind === 'analysis')).toHaveLength(1);
    // The analysis names the meaning classifier beside the lexicon and analyser.
    expect(manifest.files.find((f) => f.kind === 'analysis')?.producedBy).toMatchObject({
      parameters: {
        lexiconVersion: 'lex-test',
        analyserVersion: 'test-1',
        classifierVersion: 'meaning-test',
      },
    });
    expect(manifest.files.filter((f) => f.kind === 'working-copy')).toHaveLength(2);
    expect(kinds[`${base}/working/decode/ch1.wav`]).toBe('working-copy');
    expect(manifest.files.find((f) => f.kind === 'translation')?.producedBy).toMatchObject({
      stage: 'translate',
      tool: 'opus-mt',
      model: 'opus-mt-ru-en',
      modelSha256: 'a'.repeat(64),
    });
    expect(manifest.files.find((f) => f.kind === 'working-copy')?.producedBy).toMatchObject({
      stage: 'decode',
      tool: expect.stringMatching(/ffmpeg N-/) as unknown,
    });

    // The original byte for byte, stored uncompressed; the verifier verbatim.
    expect(entries.get(`originals/${first.sha256}`)).toEqual(fs.readFileSync(path.join(DEMO, FIRST)));
    expect(stored.has(`originals/${first.sha256}`)).toBe(true);
    expect(entries.get('verify.mjs')).toEqual(
      fs.readFileSync(path.join(repositoryRoot, 'src/evidence/verify.mjs')),
    );
    expect(manifest.recordings).toEqual([
      expect.objectContaining({
        id: first.id,
        originalFileName: FIRST,
        original: `originals/${first.sha256}`,
      }),
    ]);

    const custody = JSON.parse(entries.get(`${base}/custody.json`)!.toString()) as {
      action: string;
      sha256: string;
    }[];
    expect(custody.map((e) => e.action)).toEqual(expect.arrayContaining(['received', 'hashed', 'stored']));
    const audit = JSON.parse(entries.get(`${base}/audit.json`)!.toString()) as {
      action: string;
      hash: string;
    }[];
    expect(audit.map((e) => e.action)).toEqual(['view-call']);
    expect(audit[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
    const caseFile = JSON.parse(entries.get(`${base}/case/case.json`)!.toString()) as {
      status: string;
      events: unknown[];
    };
    expect(caseFile.status).toBe('number_attributed');
    expect(caseFile.events).toHaveLength(1);

    // The export itself is in the audit log, once per call.
    const entriesNow = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'export')
      .execute();
    expect(entriesNow.map((e) => [e.actor, e.target, e.details.via])).toEqual([
      ['exporter', first.id, 'cli'],
    ]);
  });

  it('keeps one key: made once with private permissions, printed by `earshot export key`', async () => {
    const shown = await earshot('export', 'key');
    expect(shown.code).toBe(ExitCode.Ok);
    const { entries } = await readBundle(out('one.zip'));
    expect(shown.out).toContain(checkSignature(entries).fingerprint);
    expect(shown.err).toBe('');
    expect(fs.statSync(config.keysDir).mode & 0o777).toBe(0o700);
    const [keyFile] = fs.readdirSync(config.keysDir).filter((f) => f.endsWith('key.pem'));
    expect(fs.statSync(path.join(config.keysDir, keyFile!)).mode & 0o777).toBe(0o600);
  });

  it('exports a whole collection; a call without a case is unverified', async () => {
    const result = await earshot('export', 'evidence', '--collection', 'Demo', '--out', out('demo.zip'));
    expect(result.code, result.err).toBe(ExitCode.Ok);
    expect(result.err).toBe('');
    const { entries } = await readBundle(out('demo.zip'));
    const manifest = JSON.parse(entries.get('manifest.json')!.toString()) as BundleManifest;
    expect(manifest.scope).toEqual({ collection: 'Demo' });
    expect(manifest.recordings.map((r) => r.id).sort()).toEqual([first.id, second.id].sort());
    const caseFile = JSON.parse(entries.get(`recordings/${second.id}/case/case.json`)!.toString()) as {
      status: string;
      events: unknown[];
    };
    expect(caseFile).toMatchObject({ status: 'unverified', events: [] });
  });

  it("passes `earshot verify-bundle` and the bundle's own verify.mjs, and fails them once a byte changes", async () => {
    for (const bundle of [out('one.zip'), out('demo.zip')]) {
      const verified = await earshot('verify-bundle', bundle);
      expect(verified.code, verified.out + verified.err).toBe(ExitCode.Ok);
      expect(verified.out).toMatch(/^VERIFIED/m);
    }
    const standalone = await verifyWithItsOwnVerifier(out('demo.zip'));
    expect(standalone.status, standalone.stdout + standalone.stderr).toBe(0);

    // The same bundle with one byte of the original changed inside the zip (stored, so the
    // original's bytes lie in the zip as they are).
    const bytes = fs.readFileSync(out('one.zip'));
    const original = fs.readFileSync(path.join(config.originalsDir, first.storePath));
    const at = bytes.indexOf(original.subarray(4096, 4160));
    expect(at).toBeGreaterThan(0);
    bytes[at] = bytes[at]! ^ 0xff;
    fs.writeFileSync(out('tampered.zip'), bytes);
    const tampered = await earshot('verify-bundle', out('tampered.zip'));
    expect(tampered.code).toBe(1);
    expect(tampered.out).toContain(`originals/${first.sha256}`);
    expect(tampered.out).toMatch(/^NOT VERIFIED/m);
    fs.rmSync(out('tampered.zip'));
  });

  it('refuses to overwrite a bundle unless --force', async () => {
    const before = fs.readFileSync(out('one.zip'));
    const again = await earshot('export', 'evidence', '-r', first.id, '-o', out('one.zip'));
    expect(again.code).toBe(ExitCode.Fatal);
    expect(again.err).toContain(`${out('one.zip')} already exists; nothing was written (use --force`);
    expect(fs.readFileSync(out('one.zip'))).toEqual(before);
    const forced = await earshot('export', 'evidence', '-r', first.id, '-o', out('one.zip'), '--force');
    expect(forced.code, forced.err).toBe(ExitCode.Ok);
    expect(fs.readFileSync(out('one.zip'))).not.toEqual(before);
  });

  it('names an unknown recording or collection, and leaves nothing', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const missing = await earshot('export', 'evidence', '-r', unknown, '-o', out('x.zip'));
    expect(missing.code).toBe(ExitCode.Fatal);
    expect(missing.err).toContain(`There is no recording with id ${unknown}`);
    const noCollection = await earshot('export', 'evidence', '-c', 'Nope', '-o', out('x.zip'));
    expect(noCollection.err).toContain('There is no collection named "Nope"');
    const both = await earshot('export', 'evidence', '-c', 'Demo', '-r', first.id, '-o', out('x.zip'));
    expect(both.err).toContain('not both');
    expect(fs.existsSync(out('x.zip'))).toBe(false);
  });

  it('refuses a bundle over the size limit before writing anything', async () => {
    const before = fs.readdirSync(outDir);
    const result = await earshot(
      'export',
      'evidence',
      '-c',
      'Demo',
      '-o',
      out('big.zip'),
      '--max-bytes',
      '1000',
    );
    expect(result.code).toBe(ExitCode.Fatal);
    expect(result.err).toMatch(
      /The bundle would hold .* of stored files \(\d+ bytes\), over the limit of 1\.0 KB \(1000 bytes\); nothing was written/,
    );
    expect(fs.readdirSync(outDir)).toEqual(before);
    const viaEnv = await runEarshot(
      { ...env, EARSHOT_EXPORT_MAX_BYTES: '1000' },
      'export',
      'evidence',
      '-c',
      'Demo',
      '-o',
      out('big.zip'),
    );
    expect(viaEnv.err).toContain('over the limit of 1.0 KB (1000 bytes)');
    expect(fs.readdirSync(outDir)).toEqual(before);
  });

  it('stops at a changed original, names it, and leaves no bundle or partial file', async () => {
    const original = path.join(config.originalsDir, first.storePath);
    const bytes = fs.readFileSync(original);
    const changed = Buffer.from(bytes);
    changed[changed.length - 1] = (changed[changed.length - 1] ?? 0) ^ 0xff;
    fs.chmodSync(original, 0o644);
    fs.writeFileSync(original, changed);
    const before = fs.readdirSync(outDir);
    try {
      const result = await earshot('export', 'evidence', '-c', 'Demo', '-o', out('changed.zip'));
      expect(result.code).toBe(ExitCode.Fatal);
      expect(result.err).toContain(`original of recording ${first.id} (${FIRST})`);
      expect(result.err).toContain(`is not what was stored: its SHA-256 is ${sha256Hex(changed)}`);
      expect(result.err).toContain(`recorded ${first.sha256}`);
      expect(fs.readdirSync(outDir)).toEqual(before);
    } finally {
      fs.writeFileSync(original, bytes);
      fs.chmodSync(original, 0o444);
    }
  });
});
