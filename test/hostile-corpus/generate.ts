import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import { wavBuffer, wavHeader } from '../../src/ingest/testing/audio-fixtures.ts';
import {
  corruptEntryData,
  rewriteEntryName,
  setDeclaredSize,
  setRecordedCrc,
  writeOverlappingZip,
} from '../../src/ingest/testing/zip-fixtures.ts';
import { repositoryRoot } from '../helpers/cli-process.ts';

/**
 * A hostile leak, built in a temp folder: every damage case of issue 11 and a few more, each with
 * the outcome ingest must give it. Good files are the demo corpus's real recordings; damaged
 * ones are cut, patched or forged from them (or from synthetic WAVs where every byte must differ).
 */

export type Expected =
  | { kind: 'ingested' }
  | { kind: 'rejected'; code: string; reason?: RegExp }
  | { kind: 'warning'; pattern: RegExp };

export interface HostileCase {
  id: string;
  /**
   * Set where ingest does not yet do what it should: `expected` is then what it does today, so
   * the summary counts the gap openly and a fix shows up as a changed outcome.
   */
  knownGap?: string;
  /** A substring of the recorded source path (or of the warning) that names this case only. */
  match: string;
  expected: Expected;
}

export interface HostileCorpus {
  /** The folder ingested as a whole. */
  input: string;
  /** Call records for the corpus: cp1251, with a duplicate row and a duplicate column. */
  sidecarCsv: string;
  /** A second run's call records: UTF-16LE JSON with a key written twice. */
  sidecarJson: string;
  cases: HostileCase[];
  /** Raw paths of the input's regular files (hashed before and after); FIFO and links left out. */
  regularFiles: Buffer[];
  /** Whether this process can read a chmod 000 file anyway (root). */
  readsUnreadable: boolean;
}

const DEMO_CALLS = path.join(repositoryRoot, 'demo', 'calls');
const GOOD = {
  wav: '20220716_112503_+380672205916_+79106650932.wav',
  ogg: '20220306_194211_+380501734482_+79161234567.ogg',
  mp3: '20220321_221047_+380672205916_+79203316845.mp3',
};

const ingested: Expected = { kind: 'ingested' };
const rejected = (code: string, reason?: RegExp): Expected => ({ kind: 'rejected', code, reason });

export async function generateHostileCorpus(root: string): Promise<HostileCorpus> {
  const input = path.join(root, 'leak');
  const outside = path.join(root, 'outside');
  fs.mkdirSync(path.join(input, 'archives'), { recursive: true });
  fs.mkdirSync(outside, { recursive: true });
  const cases: HostileCase[] = [];
  const add = (id: string, match: string, expected: Expected, knownGap?: string): void => {
    cases.push({ id, match, expected, ...(knownGap ? { knownGap } : {}) });
  };
  const file = (name: string | Buffer, bytes: Buffer): void => {
    const target = Buffer.concat([Buffer.from(`${input}/`), Buffer.from(name)]);
    fs.writeFileSync(target, bytes);
  };
  const demo = (name: string): Buffer => fs.readFileSync(path.join(DEMO_CALLS, name));

  // Good files, real recordings.
  for (const [ext, name] of Object.entries(GOOD)) {
    file(`good-${ext}.${ext}`, demo(name));
    add(`good ${ext}`, `good-${ext}.${ext}`, ingested);
  }

  // Broken audio on disk.
  file('empty.wav', Buffer.alloc(0));
  add('zero-byte file', 'empty.wav', rejected('empty-file'));
  for (const ext of ['wav', 'ogg', 'mp3'] as const) {
    const bytes = demo(GOOD[ext]);
    file(`truncated-${ext}.${ext}`, bytes.subarray(0, Math.floor(bytes.length * 0.4)));
  }
  add('truncated WAV', 'truncated-wav.wav', rejected('truncated-audio'));
  add('truncated OGG (cut inside a page)', 'truncated-ogg.ogg', rejected('truncated-audio', /inside a page/));
  const ogg = demo(GOOD.ogg);
  file('ogg-page-cut.ogg', ogg.subarray(0, ogg.lastIndexOf(Buffer.from('OggS'))));
  add('OGG cut at a page boundary', 'ogg-page-cut.ogg', rejected('truncated-audio', /end-of-stream/));
  add('truncated MP3', 'truncated-mp3.mp3', rejected('truncated-audio'));
  const lying = wavBuffer({ seed: 9001 });
  lying.writeUInt32LE(lying.length * 10, 4);
  lying.writeUInt32LE(lying.length * 10, 40);
  file('lying-header.wav', lying);
  add('WAV whose header claims 10x its data', 'lying-header.wav', rejected('truncated-audio'));
  file('report.mp3', Buffer.from('Quarterly report, not a call.\n'.repeat(200)));
  add('text with an audio extension', 'report.mp3', rejected('not-audio'));

  // Names on disk.
  const cp1251 = Buffer.from([0xe7, 0xe2, 0xee, 0xed, 0xee, 0xea]); // "звонок" in cp1251
  const cp866 = Buffer.from([0xa7, 0xa2, 0xae, 0xad, 0xae, 0xaa]); // "звонок" in cp866
  file(Buffer.concat([Buffer.from('name-cp1251-'), cp1251, Buffer.from('.wav')]), wavBuffer({ seed: 9011 }));
  file(Buffer.concat([Buffer.from('name-cp866-'), cp866, Buffer.from('.wav')]), wavBuffer({ seed: 9012 }));
  file(Buffer.from('name-latin1-caf\xe9.wav', 'latin1'), wavBuffer({ seed: 9013 }));
  add('cp1251 name on disk', 'name-cp1251-', ingested);
  add('cp866 name on disk', 'name-cp866-', ingested);
  add('latin-1 name on disk', 'name-latin1-caf', ingested);
  file('name-control-\u001b[31m.wav', wavBuffer({ seed: 9014 }));
  add('control characters in a name', 'name-control-', rejected('unsafe-file-name'));
  file('name-back\\slash.wav', wavBuffer({ seed: 9015 }));
  // Kept as a printable character (escaped as `\\` in the recorded path, as the README says).
  add('backslash in a name on disk', 'name-back\\\\slash.wav', ingested);

  // Not regular files.
  fs.writeFileSync(path.join(outside, 'secret.wav'), wavBuffer({ seed: 9021 }));
  fs.symlinkSync(path.join(outside, 'secret.wav'), path.join(input, 'link-outside.wav'));
  add('symlink out of the tree', 'link-outside.wav', rejected('symlink-outside-input'));
  fs.symlinkSync(path.join(input, 'link-loop-b.wav'), path.join(input, 'link-loop-a.wav'));
  fs.symlinkSync(path.join(input, 'link-loop-a.wav'), path.join(input, 'link-loop-b.wav'));
  add('symlink loop (a)', 'link-loop-a.wav', rejected('unreadable', /symbolic link loop/));
  add('symlink loop (b)', 'link-loop-b.wav', rejected('unreadable', /symbolic link loop/));
  const fifo = path.join(input, 'pipe.wav');
  // mkfifo(2) has no Node binding: the coreutils tool makes it.
  execFileSync('mkfifo', [fifo]);
  add('FIFO', 'pipe.wav', rejected('not-a-regular-file', /FIFO/));
  const locked = path.join(input, 'locked.wav');
  fs.writeFileSync(locked, wavBuffer({ seed: 9022 }));
  fs.chmodSync(locked, 0o000);
  const readsUnreadable = canRead(locked);
  // As root, chmod 000 does not stop a read: the file is then simply ingested.
  add(
    'chmod 000 file',
    'locked.wav',
    readsUnreadable ? ingested : rejected('unreadable', /permission denied/),
  );
  // A sparse 64 MiB file with an audio name and no audio in it: read through, hashed, refused.
  const sparse = path.join(input, 'sparse.wav');
  fs.closeSync(fs.openSync(sparse, 'w'));
  fs.truncateSync(sparse, 64 * 1024 * 1024);
  add('huge sparse file', 'sparse.wav', rejected('not-audio'));

  await writeArchives(path.join(input, 'archives'), add);

  const sidecarCsv = path.join(root, 'calls-cp1251.csv');
  fs.writeFileSync(sidecarCsv, cp1251Csv());
  add('cp1251 sidecar', 'is not UTF-8: read as windows-1251', {
    kind: 'warning',
    pattern: /calls-cp1251\.csv is not UTF-8: read as windows-1251/,
  });
  add('duplicate sidecar row', 'both describe "good-wav.wav"', {
    kind: 'warning',
    pattern: /calls-cp1251\.csv line 2 and line 3 both describe "good-wav\.wav"/,
  });
  add('duplicate sidecar column', 'appears twice (columns 2 and 4)', {
    kind: 'warning',
    pattern: /column "caller" appears twice \(columns 2 and 4\)/,
  });
  const sidecarJson = path.join(root, 'calls-utf16.json');
  const json = '[\n  {"file": "good-ogg.ogg", "caller": "111",\n   "caller": "222"}\n]\n';
  fs.writeFileSync(sidecarJson, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]));
  add('UTF-16 JSON sidecar with a key twice', 'key "caller" appears twice', {
    kind: 'warning',
    pattern: /calls-utf16\.json: key "caller" appears twice in one object \(lines 2 and 3\)/,
  });

  return { input, sidecarCsv, sidecarJson, cases, regularFiles: regularFiles(input), readsUnreadable };
}

type Add = (id: string, match: string, expected: Expected) => void;

/**
 * The damaged zip archives of the corpus, written into `dir` (also used by the ingest benchmark
 * for its folder with damaged archives); `add` hears each case.
 */
export async function writeArchives(dir: string, add: Add = () => undefined): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  const zip = (name: string) => path.join(dir, name);
  const damaged = zip('damaged.zip');
  await writeZipEntries(damaged, [
    { name: 'ok-1.wav', data: wavBuffer({ seed: 9101 }) },
    { name: 'deflate.wav', data: wavBuffer({ seed: 9102 }) },
    { name: 'crc.wav', data: wavBuffer({ seed: 9103 }) },
    { name: 'size.wav', data: wavBuffer({ seed: 9104 }) },
    { name: 'ok-2.wav', data: wavBuffer({ seed: 9105 }) },
  ]);
  corruptEntryData(damaged, 'deflate.wav');
  setRecordedCrc(damaged, 'crc.wav', 0x12345678);
  setDeclaredSize(damaged, 'size.wav', 100);
  add('good entry before damage', 'damaged.zip!/ok-1.wav', ingested);
  add(
    'corrupt deflate',
    'damaged.zip!/deflate.wav',
    rejected('corrupt-archive-entry', /deflate data is corrupt/),
  );
  add('CRC mismatch', 'damaged.zip!/crc.wav', rejected('crc-mismatch', /12345678/));
  add('size mismatch', 'damaged.zip!/size.wav', rejected('size-mismatch'));
  add('good entry after damage', 'damaged.zip!/ok-2.wav', ingested);

  writeOverlappingZip(zip('overlap.zip'), ['o1.wav', 'o2.wav', 'o3.wav'], wavBuffer({ seed: 9111 }));
  add('overlapping-entry bomb', 'overlap.zip!/o2.wav', rejected('zip-bomb', /overlaps another entry/));

  const zeros = 20 * 1000 * 1000;
  await writeZipEntries(zip('ratio.zip'), [
    { name: 'zeros.wav', data: Buffer.concat([wavHeader(zeros, 8000, 1), Buffer.alloc(zeros)]) },
  ]);
  add('high-ratio bomb', 'ratio.zip!/zeros.wav', rejected('zip-bomb', /compression ratio/));

  const inner = path.join(dir, '.inner.zip.tmp');
  await writeZipEntries(inner, [{ name: 'x.wav', data: wavBuffer({ seed: 9121 }) }]);
  await writeZipEntries(zip('nested.zip'), [{ name: 'inner.zip', data: fs.readFileSync(inner) }]);
  fs.rmSync(inner);
  add('nested zip', 'nested.zip!/inner.zip', rejected('nested-archive'));

  const paths = zip('paths.zip');
  await writeZipEntries(paths, [
    { name: 'aa/bb/climb.wav', data: wavBuffer({ seed: 9131 }) },
    { name: 'xetc/abs.wav', data: wavBuffer({ seed: 9132 }) },
    { name: 'calls/2022/win.wav', data: wavBuffer({ seed: 9133 }) },
    { name: 'link.wav', data: Buffer.from('/etc/passwd'), mode: 0o120777 },
  ]);
  rewriteEntryName(paths, 'aa/bb/climb.wav', '../../climb.wav');
  rewriteEntryName(paths, 'xetc/abs.wav', '/etc/abs.wav');
  rewriteEntryName(paths, 'calls/2022/win.wav', 'calls\\2022\\win.wav');
  add('zip entry with ..', 'climb.wav', rejected('unsafe-archive-path', /climbs out/));
  add(
    'zip entry with an absolute path',
    'paths.zip!//etc/abs.wav',
    rejected('unsafe-archive-path', /absolute/),
  );
  add('zip entry with backslashes', 'paths.zip!/calls/2022/win.wav', ingested);
  add('symlink inside a zip', 'paths.zip!/link.wav', rejected('not-a-regular-file', /symbolic link/));

  fs.writeFileSync(zip('not-a.zip'), Buffer.from('PK\u0003\u0004 but nothing after it'.repeat(10)));
  add('garbage with a .zip name', 'not-a.zip', rejected('corrupt-archive'));
  const cut = zip('cut.zip');
  await writeZipEntries(cut, [{ name: 'c.wav', data: wavBuffer({ seed: 9141 }) }]);
  fs.truncateSync(cut, Math.floor(fs.statSync(cut).size / 2));
  add('truncated zip (no directory)', 'cut.zip', rejected('corrupt-archive'));
}

interface Entry {
  name: string;
  data: Buffer;
  mode?: number;
}

function writeZipEntries(file: string, entries: Entry[]): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(e.data, e.name, e.mode ? { mode: e.mode } : {});
  zip.end();
  return new Promise((resolve, reject) => {
    zip.outputStream.pipe(fs.createWriteStream(file)).on('close', resolve).on('error', reject);
  });
}

/** "file;caller;note;caller" with good-wav.wav twice, in cp1251 (Cyrillic notes). */
function cp1251Csv(): Buffer {
  const text = 'file;caller;note;caller\ngood-wav.wav;111;звонок;999\ngood-wav.wav;222;повтор;888\n';
  return Buffer.from(
    [...text].map((ch) => {
      const code = ch.charCodeAt(0);
      return code < 0x80 ? code : 0xc0 + (code - 0x410);
    }),
  );
}

function canRead(file: string): boolean {
  try {
    fs.closeSync(fs.openSync(file, 'r'));
    return true;
  } catch {
    return false;
  }
}

/** Raw paths (names on disk may not be UTF-8) of every regular file under `dir`. */
function regularFiles(dir: Buffer | string): Buffer[] {
  const out: Buffer[] = [];
  const base = Buffer.from(dir);
  for (const name of fs.readdirSync(base, { encoding: 'buffer' })) {
    const full = Buffer.concat([base, Buffer.from('/'), name]);
    const stat = fs.lstatSync(full);
    if (stat.isDirectory()) out.push(...regularFiles(full));
    else if (stat.isFile()) out.push(full);
  }
  return out;
}
