import fs from 'node:fs';
import zlib from 'node:zlib';
import yazl from 'yazl';

export interface ZipFixtureEntry {
  name: string;
  data: Buffer;
  /** Store without compression (to make declared sizes easy to reason about). */
  store?: boolean;
}

/** Writes a zip with yazl; entry names are taken as given (yazl refuses `..`, see rawZipEntryName). */
export function writeZip(file: string, entries: ZipFixtureEntry[]): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) zip.addBuffer(entry.data, entry.name, { compress: !entry.store });
  zip.end();
  return new Promise((resolve, reject) => {
    zip.outputStream.pipe(fs.createWriteStream(file)).on('close', resolve).on('error', reject);
  });
}

/**
 * Replaces an entry name in a finished zip, in both the local header and the central directory,
 * keeping its length: how hostile names (`../x`, `/etc/x`) that zip writers refuse are made.
 */
export function rewriteEntryName(file: string, from: string, to: string | Buffer): void {
  const replacement = Buffer.from(to);
  if (Buffer.byteLength(from) !== replacement.length) throw new Error('names must have the same byte length');
  const bytes = fs.readFileSync(file);
  const needle = Buffer.from(from);
  let at = bytes.indexOf(needle);
  let replaced = 0;
  while (at !== -1) {
    replacement.copy(bytes, at);
    replaced += 1;
    at = bytes.indexOf(needle, at + needle.length);
  }
  if (replaced < 2) throw new Error(`entry name ${from} found ${replaced} times`);
  fs.writeFileSync(file, bytes);
}

const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** Byte offset of an entry's central directory record in a finished zip. */
function centralRecord(bytes: Buffer, name: string): number {
  const needle = Buffer.from(name);
  for (let at = bytes.lastIndexOf(needle); at !== -1; at = bytes.lastIndexOf(needle, at - 1)) {
    const record = at - 46;
    if (record >= 0 && bytes.readUInt32LE(record) === CENTRAL_HEADER) return record;
  }
  throw new Error(`no central directory record for ${name}`);
}

function patchZip(file: string, patch: (bytes: Buffer) => void): void {
  const bytes = fs.readFileSync(file);
  patch(bytes);
  fs.writeFileSync(file, bytes);
}

/**
 * Damages an entry's deflate data: its first byte becomes a block of the reserved type 3, which
 * every inflater refuses ("invalid block type").
 */
export function corruptEntryData(file: string, name: string): void {
  patchZip(file, (bytes) => {
    bytes[entryData(bytes, name).start] = 0x07;
  });
}

/** Flips every bit of the byte in the middle of an entry's compressed data. */
export function flipMiddleByte(file: string, name: string): void {
  patchZip(file, (bytes) => {
    const { start, length } = entryData(bytes, name);
    const at = start + Math.floor(length / 2);
    bytes[at] = bytes[at]! ^ 0xff;
  });
}

function entryData(bytes: Buffer, name: string): { start: number; length: number } {
  const record = centralRecord(bytes, name);
  const local = bytes.readUInt32LE(record + 42);
  if (bytes.readUInt32LE(local) !== LOCAL_HEADER) throw new Error('local header not found');
  const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
  return { start, length: bytes.readUInt32LE(record + 20) };
}

/** Changes the CRC-32 the central directory records for an entry (what `unzip -t` calls "bad CRC"). */
export function setRecordedCrc(file: string, name: string, crc: number): void {
  patchZip(file, (bytes) => bytes.writeUInt32LE(crc >>> 0, centralRecord(bytes, name) + 16));
}

/** Changes the uncompressed size the central directory declares for an entry. */
export function setDeclaredSize(file: string, name: string, size: number): void {
  patchZip(file, (bytes) => bytes.writeUInt32LE(size, centralRecord(bytes, name) + 24));
}

/** Halves the compressed size the central directory declares: the inflater runs out of input. */
export function halveCompressedSize(file: string, name: string): void {
  patchZip(file, (bytes) => {
    const at = centralRecord(bytes, name) + 20;
    bytes.writeUInt32LE(Math.floor(bytes.readUInt32LE(at) / 2), at);
  });
}

/**
 * Writes, byte by byte, a zip whose central directory lists every name in `names` at the same
 * local header and data (stored, uncompressed): the overlap that turns a small zip into a bomb.
 */
export function writeOverlappingZip(file: string, names: string[], data: Buffer): void {
  const crc = zlib.crc32(data);
  const first = Buffer.from(names[0] ?? 'x');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(LOCAL_HEADER, 0);
  local.writeUInt16LE(20, 4); // version needed
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(first.length, 26);
  const central = names.map((name) => {
    const nameBytes = Buffer.from(name);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(CENTRAL_HEADER, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt32LE(crc, 16);
    record.writeUInt32LE(data.length, 20);
    record.writeUInt32LE(data.length, 24);
    record.writeUInt16LE(nameBytes.length, 28);
    // Local header offset 0 for all of them.
    return Buffer.concat([record, nameBytes]);
  });
  const body = Buffer.concat([local, first, data]);
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(body.length, 16);
  fs.writeFileSync(file, Buffer.concat([body, directory, end]));
}
