import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import {
  assembleBundle,
  flipByte,
  keyFingerprint,
  newSigningKeys,
  VERIFIER_SOURCE,
  writeBundleFolder,
  writeBundleZip,
  type BundleEntries,
  type SigningKeys,
} from '../../test/helpers/evidence-bundle.ts';
import { buildEvidenceFixture, type EvidenceFixture } from '../../test/helpers/evidence-fixture.ts';
import { auditContentOf, auditHash } from '../audit/audit-log.ts';
import { auditEntryHash, verifyBundle, type VerificationReport } from './verify.mjs';

// verify.mjs as a recipient runs it: copied alone beside the zip into an empty folder (no
// node_modules, no project), started with `node`. That it runs there proves it needs nothing
// but Node. Also: an unpacked bundle, ZIP64, and the audit hash against the product's own.

let database: TestDatabase;
let fixture: EvidenceFixture;
let keys: SigningKeys;
let intact: BundleEntries;
let root: string;

beforeAll(async () => {
  database = await createTestDatabase('evidence_standalone');
  fixture = await buildEvidenceFixture(database.db);
  keys = newSigningKeys();
  intact = assembleBundle({ recordings: fixture.recordings, files: fixture.files, keys });
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-verify-alone-'));
});

afterAll(async () => {
  fixture?.remove();
  await database?.drop();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

/** A fresh folder holding only verify.mjs and, if given, the bundle as bundle.zip. */
async function folderWith(name: string, entries?: BundleEntries): Promise<string> {
  const dir = path.join(root, name);
  fs.mkdirSync(dir);
  fs.copyFileSync(VERIFIER_SOURCE, path.join(dir, 'verify.mjs'));
  if (entries) await writeBundleZip(entries, path.join(dir, 'bundle.zip'));
  return dir;
}

function node(cwd: string, ...args: string[]): { code: number | null; out: string; err: string } {
  const run = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { PATH: process.env.PATH } });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

const lastLine = (text: string): string => text.trimEnd().split('\n').pop() ?? '';

describe('verify.mjs run with node, alone in a folder', () => {
  it('verifies an intact bundle, prints the fingerprint with advice, exit 0', async () => {
    const dir = await folderWith('intact', intact);
    expect(fs.readdirSync(dir).sort()).toEqual(['bundle.zip', 'verify.mjs']);
    const run = node(dir, 'verify.mjs', 'bundle.zip');
    expect(run.code, run.out + run.err).toBe(0);
    expect(lastLine(run.out)).toMatch(/^VERIFIED: all 12 files are present and unchanged/);
    expect(run.out).toContain(keyFingerprint(keys.publicKey));
    expect(run.out).toContain('Compare this');
    expect(run.out).not.toContain('[FAIL]');

    // No argument: the one zip in the folder.
    const bare = node(dir, 'verify.mjs');
    expect(bare.code, bare.out + bare.err).toBe(0);
    expect(lastLine(bare.out)).toMatch(/^VERIFIED: /);
  });

  it('names a changed file and ends NOT VERIFIED, exit 1; --json gives the same report', async () => {
    const transcript = [...intact.keys()].find((p) => p.includes('/transcripts/'))!;
    const dir = await folderWith('changed', flipByte(intact, transcript));
    const run = node(dir, 'verify.mjs', 'bundle.zip');
    expect(run.code).toBe(1);
    expect(run.out).toContain(`1. ${transcript} has been changed since the bundle was made`);
    expect(run.out).toMatch(/\[FAIL\] 5\. Every listed file is present/);
    expect(lastLine(run.out)).toBe(
      'NOT VERIFIED: 1 problem found (listed above). Do not rely on this bundle until each is explained.',
    );

    const json = node(dir, 'verify.mjs', 'bundle.zip', '--json');
    expect(json.code).toBe(1);
    const report = JSON.parse(json.out) as VerificationReport;
    expect(report.problems).toEqual([expect.objectContaining({ check: 'files', path: transcript })]);
  });

  it('checks the published fingerprint given with --expect-key', async () => {
    const dir = await folderWith('expect', intact);
    const good = node(
      dir,
      'verify.mjs',
      'bundle.zip',
      '--expect-key',
      keyFingerprint(keys.publicKey).toUpperCase(),
    );
    expect(good.code, good.out).toBe(0);
    expect(good.out).toContain('It is the fingerprint you expected');
    const other = keyFingerprint(newSigningKeys().publicKey);
    const bad = node(dir, 'verify.mjs', 'bundle.zip', `--expect-key=${other}`);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`not with the key you expected (${other})`);
    const malformed = node(dir, 'verify.mjs', 'bundle.zip', '--expect-key', 'abc');
    expect(malformed.code).toBe(2);
    expect(malformed.err).toContain('--expect-key needs the 64 hex digits');
  });

  it('says a file that is not a zip cannot be read, exit 2', async () => {
    const dir = await folderWith('not-zip');
    fs.writeFileSync(path.join(dir, 'bundle.zip'), 'not a zip');
    const run = node(dir, 'verify.mjs', 'bundle.zip');
    expect(run.code).toBe(2);
    expect(lastLine(run.out)).toBe('NOT VERIFIED: bundle.zip is not a zip file (it is only 9 bytes long).');
    const missing = node(dir, 'verify.mjs', 'nowhere.zip');
    expect(missing.code).toBe(2);
    expect(missing.out).toContain('there is no such file');
  });

  it('verifies an unpacked bundle from inside its folder, and names a file added there', () => {
    const dir = writeBundleFolder(intact, path.join(root, 'unpacked'));
    const run = node(dir, 'verify.mjs');
    expect(run.code, run.out + run.err).toBe(0);
    expect(lastLine(run.out)).toMatch(/^VERIFIED: /);
    fs.writeFileSync(path.join(dir, 'originals', 'extra'), 'planted');
    const added = node(dir, 'verify.mjs');
    expect(added.code).toBe(1);
    expect(added.out).toContain('originals/extra is in the bundle but not listed in the manifest');
  });
});

describe('verifyBundle on ZIP64 and on the product audit hash', () => {
  it('reads a ZIP64 bundle (ZIP64 end record and extra fields throughout)', async () => {
    const zip = await writeBundleZip(intact, path.join(root, 'zip64.zip'), { forceZip64: true });
    const report = await verifyBundle(zip);
    expect(report.problems).toEqual([]);
    expect(report.bundle.zip64).toBe(true);
    const tampered = await verifyBundle(
      await writeBundleZip(
        flipByte(intact, `originals/${fixture.recordings[0]!.sha256}`),
        path.join(root, 'z2.zip'),
        {
          forceZip64: true,
        },
      ),
    );
    expect(tampered.problems.map((p) => p.path)).toEqual([`originals/${fixture.recordings[0]!.sha256}`]);
  });

  it('hashes exported audit rows exactly as src/audit/audit-log.ts does', async () => {
    const rows = await database.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) {
      const exported = JSON.parse(JSON.stringify(row)) as Record<string, unknown>;
      expect(auditEntryHash(exported)).toBe(auditHash(row.prev_hash, auditContentOf(row)));
      expect(auditEntryHash(exported)).toBe(row.hash);
    }
  });
});
