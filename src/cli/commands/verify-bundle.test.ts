import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEarshot } from '../../../test/helpers/cli-in-process.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import {
  assembleBundle,
  flipByte,
  keyFingerprint,
  newSigningKeys,
  writeBundleZip,
  type BundleEntries,
  type SigningKeys,
} from '../../../test/helpers/evidence-bundle.ts';
import { buildEvidenceFixture, type EvidenceFixture } from '../../../test/helpers/evidence-fixture.ts';
import type { VerificationReport } from '../../evidence/verify.mjs';
import { ExitCode } from '../exit-codes.ts';

// `earshot verify-bundle`: the bundle's own verify.mjs run from the CLI, its report printed and
// its verdict turned into exit codes. It needs no database: the environment here has none.

let database: TestDatabase;
let fixture: EvidenceFixture;
let keys: SigningKeys;
let intact: BundleEntries;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase('cli_verify_bundle');
  fixture = await buildEvidenceFixture(database.db);
  keys = newSigningKeys();
  intact = assembleBundle({ recordings: fixture.recordings, files: fixture.files, keys });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-cli-verify-'));
});

afterAll(async () => {
  fixture?.remove();
  await database?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const earshot = (...args: string[]) => runEarshot({ PATH: process.env.PATH }, 'verify-bundle', ...args);

describe('earshot verify-bundle', () => {
  it('prints VERIFIED and the fingerprint for an intact bundle (exit 0)', async () => {
    const zip = await writeBundleZip(intact, path.join(dir, 'intact.zip'));
    const result = await earshot(zip, '--expect-key', keyFingerprint(keys.publicKey));
    expect(result.code, result.out + result.err).toBe(ExitCode.Ok);
    expect(result.out).toContain(keyFingerprint(keys.publicKey));
    expect(result.out.trimEnd().split('\n').pop()).toMatch(
      /^VERIFIED: all 12 files are present and unchanged/,
    );
  });

  it('names a changed original and exits 1; --json gives the report', async () => {
    const original = `originals/${fixture.recordings[0]!.sha256}`;
    const zip = await writeBundleZip(flipByte(intact, original), path.join(dir, 'changed.zip'));
    const result = await earshot(zip);
    expect(result.code).toBe(ExitCode.SomeRejected);
    expect(result.out).toContain(`${original} has been changed since the bundle was made`);
    expect(result.out.trimEnd().split('\n').pop()).toMatch(/^NOT VERIFIED: 1 problem found/);

    const json = await earshot(zip, '--json');
    expect(json.code).toBe(ExitCode.SomeRejected);
    const report = JSON.parse(json.out) as VerificationReport;
    expect(report.problems.map((p) => p.path)).toEqual([original]);
  });

  it('exits 2 for a file that is not a zip, and for a malformed --expect-key', async () => {
    const text = path.join(dir, 'letter.zip');
    fs.writeFileSync(text, 'Dear prosecutor, '.repeat(10));
    const result = await earshot(text);
    expect(result.code).toBe(ExitCode.Fatal);
    expect(result.out).toContain('NOT VERIFIED: letter.zip is not a zip file');

    const usage = await earshot(text, '--expect-key', 'abc');
    expect(usage.code).toBe(ExitCode.Fatal);
    expect(usage.err).toContain('expected the 64 hex digits');
  });
});
