import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { IdentityMatcher } from '../protected-identity.ts';
import { audioTags } from './audio-tags.ts';
import type { LeakHit } from './leak-hit.ts';
import {
  decodedChunks,
  scanString,
  scanTextStream,
  type PositionedHit,
  type TextEncoding,
} from './text-scan.ts';
import { xmlText } from './xml-text.ts';

/**
 * The text side of the leak check: reads every file an export produced (and every entry of an
 * archive, every XML part of a DOCX, every tag of an audio container, every file and entry name)
 * for every protected form and every phone-number pattern. It has no way to be skipped: it
 * returns the hits, and a caller refuses the export when there are any.
 */

const CHUNK_BYTES = 1024 * 1024;
/** XML parts and nested archives are read whole; past this they are read as plain text. */
const WHOLE_READ_LIMIT = 256 * 1024 * 1024;
const AUDIO_EXTENSIONS = /\.(mp3|wav|wave|m4a|mp4|aac|ogg|oga|opus|flac|webm|mka|wma|aif|aiff|amr)$/i;
const XML_PART = /\.(xml|rels|vml)$/i;

type Where = Pick<LeakHit, 'file'> & { entry?: string };

/** Scans an export folder (recursively) or a list of files; returns every hit, in file order. */
export async function scanExportFiles(
  target: string | readonly string[],
  matcher: IdentityMatcher,
): Promise<LeakHit[]> {
  const files =
    typeof target === 'string' ? await listFiles(target) : target.map((file) => ({ file, shown: file }));
  const hits: LeakHit[] = [];
  for (const { file, shown } of files) {
    hits.push(...withPlace(scanString(shown, matcher), { file: shown }, 'file name'));
    hits.push(...(await scanFile(file, shown, matcher)));
  }
  return hits;
}

/** One line per hit for a refusal message: file, place, identity, the text found. */
export function describeLeakHit(hit: LeakHit): string {
  const place = [
    hit.entry ? `entry ${hit.entry}` : '',
    hit.tag ? `tag ${hit.tag}` : '',
    hit.line !== undefined ? `line ${hit.line}, column ${hit.column}` : '',
    hit.channel !== undefined ? `channel ${hit.channel + 1}` : '',
    hit.seconds !== undefined ? `at ${clipTime(hit.seconds)}` : '',
  ].filter(Boolean);
  return `${hit.file}${place.length ? ` (${place.join(', ')})` : ''}: ${hit.where} names ${hit.what}: "${hit.matched}"`;
}

/** m:ss.s into the clip, as a listener would look for it in a player. */
function clipTime(seconds: number): string {
  const tenths = Math.round(seconds * 10);
  const minutes = Math.floor(tenths / 600);
  const rest = ((tenths % 600) / 10).toFixed(1).padStart(4, '0');
  return `${minutes}:${rest}`;
}

/** The audio files of an export (known by name or by their first bytes), for the recogniser's pass. */
export async function exportAudioFiles(
  target: string | readonly string[],
): Promise<Array<{ file: string; shown: string }>> {
  const files =
    typeof target === 'string' ? await listFiles(target) : target.map((file) => ({ file, shown: file }));
  const audio: Array<{ file: string; shown: string }> = [];
  for (const entry of files) if (isAudio(await head(entry.file), entry.file)) audio.push(entry);
  return audio;
}

async function head(file: string): Promise<Buffer> {
  const buffer = Buffer.alloc(64 * 1024);
  const handle = await fs.promises.open(file, 'r');
  const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0).finally(() => handle.close());
  return buffer.subarray(0, bytesRead);
}

async function listFiles(root: string): Promise<Array<{ file: string; shown: string }>> {
  const stat = await fs.promises.lstat(root);
  if (!stat.isDirectory()) return [{ file: root, shown: path.basename(root) }];
  const out: Array<{ file: string; shown: string }> = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await fs.promises.readdir(folder, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else out.push({ file: full, shown: path.relative(root, full) });
    }
  };
  await walk(root);
  return out;
}

function withPlace(
  hits: readonly PositionedHit[],
  where: Where,
  kind: LeakHit['where'],
  tag?: string,
): LeakHit[] {
  return hits.map((hit) => ({
    file: where.file,
    ...(where.entry !== undefined ? { entry: where.entry } : {}),
    where: kind,
    ...(kind === 'text' || kind === 'metadata tag'
      ? { line: hit.line, column: hit.column, encoding: hit.encoding }
      : {}),
    ...(tag ? { tag } : {}),
    ...(hit.identityId ? { identityId: hit.identityId } : {}),
    what: hit.what,
    matched: hit.matched,
  }));
}

async function scanFile(file: string, shown: string, matcher: IdentityMatcher): Promise<LeakHit[]> {
  const stat = await fs.promises.lstat(file);
  // A link or device would hide what the package really holds: the check cannot vouch for it.
  if (!stat.isFile()) throw new Error(`the leak check reads only regular files, and ${shown} is not one`);
  const sample = await head(file);
  if (isZip(sample)) return scanZip(await openZipFile(file), { file: shown }, matcher);
  if (isAudio(sample, file)) return scanAudio(file, { file: shown }, matcher);
  const hits: LeakHit[] = [];
  for (const encoding of textEncodings(sample)) {
    const stream = fs.createReadStream(file, { highWaterMark: CHUNK_BYTES });
    hits.push(
      ...withPlace(
        await scanTextStream(decodedChunks(stream, encoding), matcher, encoding),
        { file: shown },
        'text',
      ),
    );
  }
  return hits;
}

function isZip(sample: Buffer): boolean {
  return sample.length >= 4 && sample.readUInt32LE(0) === 0x04034b50;
}

function isAudio(sample: Buffer, name: string): boolean {
  const text = sample.subarray(0, 12).toString('latin1');
  return (
    AUDIO_EXTENSIONS.test(name) ||
    text.startsWith('ID3') ||
    text.startsWith('fLaC') ||
    text.startsWith('OggS') ||
    (text.startsWith('RIFF') && text.slice(8, 12) === 'WAVE') ||
    text.slice(4, 8) === 'ftyp'
  );
}

/** UTF-8 always; UTF-16 when a byte-order mark or many zero bytes say the text is in it. */
function textEncodings(sample: Buffer): TextEncoding[] {
  if (sample[0] === 0xff && sample[1] === 0xfe) return ['utf-16le'];
  if (sample[0] === 0xfe && sample[1] === 0xff) return ['utf-16be'];
  let zeros = 0;
  for (const byte of sample) if (byte === 0) zeros += 1;
  return zeros > sample.length / 10 ? ['utf-8', 'utf-16le', 'utf-16be'] : ['utf-8'];
}

async function scanAudio(file: string, where: Where, matcher: IdentityMatcher): Promise<LeakHit[]> {
  const hits: LeakHit[] = [];
  for (const { tag, value } of await audioTags(file)) {
    hits.push(...withPlace(scanString(value, matcher), where, 'metadata tag', tag));
  }
  return hits;
}

function openZipFile(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    );
  });
}

function openZipBuffer(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => (error ? reject(error) : resolve(zip)));
  });
}

function entryStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream)));
  });
}

async function readWhole(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Every entry of an archive: its name, and its content by kind (XML part, archive, audio, text). */
async function scanZip(zip: yauzl.ZipFile, where: Where, matcher: IdentityMatcher): Promise<LeakHit[]> {
  const hits: LeakHit[] = [];
  const entries: yauzl.Entry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  try {
    for (const entry of entries) await scanZipEntry(zip, entry, where, matcher, hits);
  } finally {
    zip.close();
  }
  return hits;
}

async function scanZipEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  where: Where,
  matcher: IdentityMatcher,
  hits: LeakHit[],
): Promise<void> {
  const name = entry.fileName;
  const place = { file: where.file, entry: where.entry ? `${where.entry}/${name}` : name };
  hits.push(...withPlace(scanString(name, matcher), place, 'entry name'));
  if (name.endsWith('/')) return;
  hits.push(...(await scanEntry(zip, entry, place, matcher)));
}

async function scanEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  place: Where,
  matcher: IdentityMatcher,
): Promise<LeakHit[]> {
  const name = entry.fileName;
  const small = entry.uncompressedSize <= WHOLE_READ_LIMIT;
  if (small && XML_PART.test(name)) {
    const xml = (await readWhole(await entryStream(zip, entry))).toString('utf8');
    return scanXml(xml, place, matcher);
  }
  if (small && /\.(zip|docx|xlsx|pptx|odt)$/i.test(name)) {
    return scanZip(await openZipBuffer(await readWhole(await entryStream(zip, entry))), place, matcher);
  }
  if (AUDIO_EXTENSIONS.test(name)) {
    const folder = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'earshot-leak-check-'));
    const copy = path.join(folder, `entry${path.extname(name)}`);
    try {
      await fs.promises.writeFile(copy, await entryStream(zip, entry));
      return await scanAudio(copy, place, matcher);
    } finally {
      await fs.promises.rm(folder, { recursive: true, force: true });
    }
  }
  const stream = await entryStream(zip, entry);
  return withPlace(await scanTextStream(decodedChunks(stream, 'utf-8'), matcher, 'utf-8'), place, 'text');
}

/** An XML part read as its text, hits placed at their line and column in the XML. */
function scanXml(xml: string, place: Where, matcher: IdentityMatcher): LeakHit[] {
  const view = xmlText(xml);
  const hits = scanString(view.text, matcher).map((hit) => ({
    ...hit,
    ...lineAndColumn(xml, view.origins[hit.start]!),
  }));
  return withPlace(hits, place, 'text');
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - lastBreak };
}
