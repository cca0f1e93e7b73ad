import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import {
  assembleBundle,
  editManifest,
  flipByte,
  keyFingerprint,
  newSigningKeys,
  replaceListedFile,
  signBundle,
  writeBundleZip,
  type BundleEntries,
  type SigningKeys,
} from '../../test/helpers/evidence-bundle.ts';
import { buildEvidenceFixture, type EvidenceFixture } from '../../test/helpers/evidence-fixture.ts';
import { verifyBundle, type VerificationReport } from './verify.mjs';

// The verifier against bundles written to the contract from a real ingested call: the intact
// bundle verifies, and each kind of tampering is detected and named (path and problem).

let database: TestDatabase;
let fixture: EvidenceFixture;
let keys: SigningKeys;
let intact: BundleEntries;
let dir: string;
let n = 0;

beforeAll(async () => {
  database = await createTestDatabase('evidence_verify');
  fixture = await buildEvidenceFixture(database.db);
  keys = newSigningKeys();
  intact = assembleBundle({ recordings: fixture.recordings, files: fixture.files, keys });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-verify-'));
});

afterAll(async () => {
  fixture?.remove();
  await database?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function verify(
  entries: BundleEntries,
  options: { expectKey?: string } = {},
): Promise<VerificationReport> {
  const zip = await writeBundleZip(entries, path.join(dir, `bundle-${++n}.zip`));
  return verifyBundle(zip, options);
}

function pathOf(kind: string): string {
  const manifest = JSON.parse(intact.get('manifest.json')!.data.toString()) as {
    files: Array<{ path: string; kind: string }>;
  };
  const file = manifest.files.find((f) => f.kind === kind);
  if (!file) throw new Error(`the fixture has no ${kind} file`);
  return file.path;
}

function messages(report: VerificationReport): string[] {
  return report.problems.map((p) => p.message);
}

/** A tampered bundle: not verified, exit code 1, and each expected problem named. */
function expectNamed(report: VerificationReport, ...expected: RegExp[]): void {
  expect(report.ok).toBe(false);
  expect(report.exitCode).toBe(1);
  expect(report.verdict).toMatch(/^NOT VERIFIED: \d+ problems? found/);
  for (const pattern of expected)
    expect(messages(report), String(pattern)).toContainEqual(expect.stringMatching(pattern));
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('verifyBundle', () => {
  it('verifies an intact bundle of a real ingested call, with its fingerprint', async () => {
    const report = await verify(intact, { expectKey: keyFingerprint(keys.publicKey) });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.exitCode).toBe(0);
    expect(report.checks.every((c) => c.ok)).toBe(true);
    expect(report.key.fingerprint).toBe(keyFingerprint(keys.publicKey));
    expect(report.key.matchesExpected).toBe(true);
    expect(report.verdict).toMatch(/^VERIFIED: all 12 files are present and unchanged/);
    expect(report.bundle.entries).toBe(15);
  });

  it.each([
    'original',
    'working-copy',
    'transcript',
    'translation',
    'analysis',
    'custody',
    'audit',
    'case',
    'attachment',
    'recording',
    'readme',
    'verifier',
  ])('names a changed %s file by its path', async (kind) => {
    const file = pathOf(kind);
    const report = await verify(flipByte(intact, file));
    expectNamed(
      report,
      new RegExp(
        `^${escape(file)} has been changed since the bundle was made: its SHA-256 is [0-9a-f]{64}, the manifest records`,
      ),
    );
    expect(report.checks.find((c) => c.id === 'files')?.ok).toBe(false);
  });

  it('names a changed manifest.json: the signature no longer matches', async () => {
    const report = await verify(flipByte(intact, 'manifest.json', 40));
    expectNamed(report, /^manifest\.sig: the signature does not match manifest\.json/);
  });

  it('names a changed manifest.sig', async () => {
    // Replace one base64 character by another valid one: flipping a bit of a key-dependent
    // character could leave a non-base64 character (a different, "damaged" message).
    const report = await verify(replaceSignatureCharacter(intact, 10));
    expectNamed(report, /^manifest\.sig: the signature does not match manifest\.json/);
  });

  it('names a manifest.sig that is not a signature at all', async () => {
    const entry = intact.get('manifest.sig')!;
    const report = await verify(
      new Map(intact).set('manifest.sig', { ...entry, data: Buffer.from('not a signature\n') }),
    );
    expectNamed(report, /^manifest\.sig is not an Ed25519 signature/);
  });

  it('names a changed public-key.pem', async () => {
    const report = await verify(flipByte(intact, 'public-key.pem', 40));
    expectNamed(report, /^public-key\.pem /);
    expect(report.checks.find((c) => c.id === 'key')?.ok).toBe(false);
  });

  it('names a removed file and an added file', async () => {
    const removed = new Map(intact);
    removed.delete(pathOf('transcript'));
    expectNamed(
      await verify(removed),
      new RegExp(`^${escape(pathOf('transcript'))} is listed in the manifest but missing`),
    );

    const added = new Map(intact).set('recordings/extra/planted.wav', {
      data: Buffer.from('RIFF'),
      compress: false,
    });
    expectNamed(
      await verify(added),
      /^recordings\/extra\/planted\.wav is in the bundle but not listed in the manifest/,
    );
  });

  it('names a reordered manifest, signed again or not', async () => {
    const reordered = editManifest(intact, (m) => m.files.reverse());
    expectNamed(
      await verify(reordered),
      /file list is out of order/,
      /^manifest\.sig: the signature does not match/,
    );
    const resigned = await verify(signBundle(reordered, keys));
    expectNamed(resigned, /file list is out of order/);
    expect(resigned.checks.find((c) => c.id === 'signature')?.ok).toBe(true);
  });

  it('names a file listed twice, and a listed path that would unpack outside the folder', async () => {
    const doubled = editManifest(intact, (m) => m.files.splice(1, 0, { ...m.files[1]! }));
    expectNamed(
      await verify(signBundle(doubled, keys)),
      new RegExp(`^${escape(pathOf('original'))} is listed twice`),
    );

    const hostile = editManifest(intact, (m) =>
      m.files.unshift({ ...m.files[0]!, path: '../../etc/cron.d/x' }),
    );
    expectNamed(
      await verify(signBundle(hostile, keys)),
      /^\.\.\/\.\.\/etc\/cron\.d\/x: the manifest's entry is malformed: its path is not a plain relative path\./,
    );
  });

  it('names a swapped key, and with --expect-key a bundle signed again in full with another key', async () => {
    const other = newSigningKeys();
    // The manifest still names the first key: the swap is named.
    expectNamed(
      await verify(signBundle(intact, other)),
      /^public-key\.pem is not the key the manifest names: .*The key was swapped\./,
    );

    // A forger who rewrites the manifest to name their own key passes every internal check...
    const forged = signBundle(
      editManifest(intact, (m) => (m.signingKey.publicKeySha256 = keyFingerprint(other.publicKey))),
      other,
    );
    const unchecked = await verify(forged);
    expect(unchecked.ok).toBe(true);
    expect(unchecked.key.fingerprint).toBe(keyFingerprint(other.publicKey));
    // ...and only the published fingerprint tells: --expect-key names it.
    const checked = await verify(forged, { expectKey: keyFingerprint(keys.publicKey) });
    expectNamed(
      checked,
      /^public-key\.pem: the bundle was signed with the key whose fingerprint is .*not with the key you expected/,
    );
    expect(checked.key.matchesExpected).toBe(false);
  });

  it('names an audit entry altered and hashed again the wrong way, even with the manifest re-signed', async () => {
    const file = pathOf('audit');
    const rows = JSON.parse(intact.get(file)!.data.toString()) as Array<Record<string, unknown>>;
    const victim = rows[1]!;
    victim.details = { channel: 1 };
    // Hashed over plain JSON.stringify, not the canonical form the log uses.
    victim.hash = (await import('node:crypto'))
      .createHash('sha256')
      .update(`${victim.prev_hash as string}\n${JSON.stringify(victim)}`)
      .digest('hex');
    const report = await verify(
      signBundle(replaceListedFile(intact, file, Buffer.from(JSON.stringify(rows))), keys),
    );
    expectNamed(
      report,
      new RegExp(`^${escape(file)}: audit entry ${String(victim.seq)} was changed after it was written`),
    );
    // The next entry linked to the old hash: the break is named too.
    expectNamed(
      report,
      new RegExp(`audit entry ${Number(victim.seq) + 1} does not link to entry ${String(victim.seq)}`),
    );
  });

  it('names custody events out of order or naming another SHA-256', async () => {
    const file = pathOf('custody');
    const rows = JSON.parse(intact.get(file)!.data.toString()) as Array<Record<string, unknown>>;
    const swapped = [...rows];
    [swapped[1], swapped[2]] = [swapped[2]!, swapped[1]!];
    const outOfOrder = await verify(
      signBundle(replaceListedFile(intact, file, Buffer.from(JSON.stringify(swapped))), keys),
    );
    expectNamed(
      outOfOrder,
      new RegExp(
        `^${escape(file)}: event ${String(rows[1]!.id)} \\(${String(rows[1]!.action)}\\) is out of order`,
      ),
    );

    const other = rows.map((r) => (r.action === 'stored' ? { ...r, sha256: 'f'.repeat(64) } : r));
    const renamed = await verify(
      signBundle(replaceListedFile(intact, file, Buffer.from(JSON.stringify(other))), keys),
    );
    expectNamed(
      renamed,
      new RegExp(`^${escape(file)}: event \\d+ \\(stored\\) names SHA-256 f{64}, but the call's original is`),
    );
  });

  it('orders custody events by when they were logged, not by the time each action reports', async () => {
    const file = pathOf('custody');
    const rows = JSON.parse(intact.get(file)!.data.toString()) as Array<Record<string, unknown>>;
    // Two copies of one file ingested side by side: the second logs a receipt time earlier than
    // the first copy's last event. Legitimate, and verified.
    const early = rows.map((r, i) => (i === 3 ? { ...r, occurred_at: '2020-01-01T00:00:00.000Z' } : r));
    const accepted = await verify(
      signBundle(replaceListedFile(intact, file, Buffer.from(JSON.stringify(early))), keys),
    );
    expect(accepted.problems).toEqual([]);
    // An event logged (recorded_at, stamped by the database) before the one numbered before it.
    const backdated = rows.map((r, i) => (i === 3 ? { ...r, recorded_at: '2020-01-01T00:00:00.000Z' } : r));
    const report = await verify(
      signBundle(replaceListedFile(intact, file, Buffer.from(JSON.stringify(backdated))), keys),
    );
    expectNamed(
      report,
      new RegExp(
        `^${escape(file)}: event ${String(rows[3]!.id)} \\(\\w+\\) was logged at 2020-01-01T00:00:00.000Z, before the event listed before it`,
      ),
    );
  });

  it('names a call whose chain of custody was left out, even with the manifest re-signed', async () => {
    const file = pathOf('custody');
    const without = editManifest(intact, (m) => (m.files = m.files.filter((f) => f.path !== file)));
    without.delete(file);
    expectNamed(
      await verify(signBundle(without, keys)),
      new RegExp(
        `^${escape(file)}: the bundle has no chain of custody for recording "${fixture.recordingId}"\\.`,
      ),
    );
  });

  it('names a working copy that no custody event records making', async () => {
    const file = pathOf('custody');
    const rows = JSON.parse(intact.get(file)!.data.toString()) as Array<Record<string, unknown>>;
    const withoutDerived = rows.filter((r) => r.action !== 'derived');
    const report = await verify(
      signBundle(replaceListedFile(intact, file, Buffer.from(JSON.stringify(withoutDerived))), keys),
    );
    expectNamed(report, new RegExp(`^${escape(pathOf('working-copy'))}: no 'derived' custody event`));
  });

  it('names a file whose bytes were damaged inside the zip, stored or deflated, small or large', async () => {
    // Small entries are read whole, large ones as a stream: a 1.4 MB transcript takes the stream.
    const transcript = pathOf('transcript');
    const segments = Array.from({ length: 20000 }, (_, i) => ({
      start: i,
      end: i + 1,
      text: `сегмент ${i}`,
    }));
    const large = signBundle(
      replaceListedFile(intact, transcript, Buffer.from(JSON.stringify({ segments }))),
      keys,
    );
    const zipFile = await writeBundleZip(large, path.join(dir, 'raw.zip'));
    expect((await verifyBundle(zipFile)).problems).toEqual([]);
    const zip = fs.readFileSync(zipFile);
    /** Where an entry's data starts: after its local header, which comes first in the zip. */
    const dataStart = (name: string): number => {
      const header = zip.indexOf(Buffer.from(name)) - 30;
      expect(zip.readUInt32LE(header)).toBe(0x04034b50);
      return header + 30 + zip.readUInt16LE(header + 26) + zip.readUInt16LE(header + 28);
    };
    /** The zip with the byte at offset inverted (some bits of it, with mask). */
    const damaged = async (offset: number, mask = 0xff): Promise<VerificationReport> => {
      const bytes = Buffer.from(zip);
      bytes[offset] = bytes[offset]! ^ mask;
      const file = path.join(dir, `damaged-${++n}.zip`);
      fs.writeFileSync(file, bytes);
      return verifyBundle(file);
    };
    for (const kind of ['original', 'working-copy', 'transcript', 'analysis']) {
      const file = pathOf(kind);
      const report = await damaged(dataStart(file) + 10);
      expect(report.ok, kind).toBe(false);
      expect(report.problems.map((p) => p.path)).toEqual([file]);
      expect(report.problems[0]!.message).toMatch(
        new RegExp(`^${escape(file)} (has been changed|cannot be read)`),
      );
    }

    const renamed = await damaged(zip.indexOf(Buffer.from(transcript)) + 12, 0x01);
    expectNamed(
      renamed,
      new RegExp(
        `^${escape(transcript)} cannot be read: the zip is damaged or forged: its data there is stored under another name`,
      ),
    );
  });

  it('says a truncated zip or a file that is not a zip cannot be read (exit code 2)', async () => {
    const zip = await writeBundleZip(intact, path.join(dir, 'whole.zip'));
    const cut = path.join(dir, 'cut.zip');
    fs.writeFileSync(cut, fs.readFileSync(zip).subarray(0, fs.statSync(zip).size - 100));
    const truncated = await verifyBundle(cut);
    expect(truncated.exitCode).toBe(2);
    expect(truncated.verdict).toMatch(
      /^NOT VERIFIED: cut\.zip is not a complete zip file: .*cut short \(truncated\)/,
    );

    const text = path.join(dir, 'notes.zip');
    fs.writeFileSync(text, 'These are my notes, not a zip file.\n'.repeat(5));
    const notZip = await verifyBundle(text);
    expect(notZip.exitCode).toBe(2);
    expect(notZip.verdict).toBe(
      'NOT VERIFIED: notes.zip is not a zip file (it does not start or end like one).',
    );
  });
});

function replaceSignatureCharacter(entries: BundleEntries, at: number): BundleEntries {
  const entry = entries.get('manifest.sig')!;
  const text = Buffer.from(entry.data).toString('ascii');
  const replacement = text[at] === 'A' ? 'B' : 'A';
  const data = Buffer.from(text.slice(0, at) + replacement + text.slice(at + 1), 'ascii');
  return new Map(entries).set('manifest.sig', { ...entry, data });
}
