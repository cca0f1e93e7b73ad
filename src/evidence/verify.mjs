#!/usr/bin/env node
// Earshot evidence bundle verifier (bundle format version 1).
//
//   node verify.mjs BUNDLE.zip [--expect-key <sha256 of the public key>] [--json]
//   node verify.mjs                  (inside an unpacked bundle: checks the folder it is in)
//
// Plain Node 18 or later, no dependencies: it reads the zip itself (central directory, ZIP64,
// stored and deflated entries) and hashes every entry as a stream, so bundles of any size are
// checked without being held in memory. It is the one verifier: `earshot verify-bundle` runs this
// same file, and a copy travels inside every bundle so that anyone can check one offline.
// It checks, and names each failure: the manifest's format; its Ed25519 signature; that the key
// in the bundle is the one the manifest names (and, given --expect-key, the one published); the
// manifest's order; every file's presence, size and SHA-256; that nothing was added; and, per
// call, the chain of custody and the audit entries (hash chain as src/audit/audit-log.ts writes it).
// Exit code 0: verified; 1: problems found; 2: not a readable zip, or a usage error.

import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { TextDecoder } from 'node:util';
import { createInflateRaw, inflateRawSync } from 'node:zlib';

export const BUNDLE_FORMAT = 'earshot-evidence-bundle';
export const BUNDLE_FORMAT_VERSION = 1;
const UNLISTED = ['manifest.json', 'manifest.sig', 'public-key.pem'];
const FILE_KINDS = [
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
];
/** Files read whole (they are parsed): the manifest, the signature, the key, custody and audit. */
const READ_LIMIT = 1024 * 1024 * 1024;
const SMALL_LIMIT = 64 * 1024;
/** Entries up to this size are read through one shared 1 MiB window instead of a stream each. */
const SMALL_ENTRY = 256 * 1024;
const WINDOW = 1024 * 1024;
const HEX64 = /^[0-9a-f]{64}$/;

export const CHECKS = [
  {
    id: 'manifest',
    title: 'The manifest (the list of every file in the bundle) is readable and in a known format',
  },
  { id: 'signature', title: 'The manifest carries a valid Ed25519 signature' },
  { id: 'key', title: 'The public key in the bundle is the key the manifest names' },
  { id: 'order', title: 'The manifest lists each file once, in order' },
  { id: 'files', title: 'Every listed file is present, with the recorded size and SHA-256' },
  { id: 'unlisted', title: 'The bundle holds no file the manifest does not list' },
  { id: 'custody', title: "Each call's chain of custody and audit entries are internally consistent" },
];

/** A zip that cannot be read at all (exit code 2). */
export class UnreadableBundleError extends Error {}

// ---------------------------------------------------------------------------------------------
// Reading the zip: end record, ZIP64, central directory, then each entry as a stream.

const SIG = {
  eocd: 0x06054b50,
  zip64Eocd: 0x06064b50,
  zip64Locator: 0x07064b50,
  central: 0x02014b50,
  local: 0x04034b50,
};

async function readAt(handle, position, length) {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/**
 * Reads of small ranges served from a 1 MiB window of the file: entries are mostly read in the
 * order they lie in the zip, so a bundle of many small files costs a few large reads instead of
 * two small ones per file.
 */
function windowedReader(handle, size) {
  let window = { start: 0, bytes: Buffer.alloc(0) };
  return async (position, length) => {
    if (length > SMALL_ENTRY) return readAt(handle, position, length);
    if (position < window.start || position + length > window.start + window.bytes.length) {
      window = { start: position, bytes: await readAt(handle, position, Math.min(WINDOW, size - position)) };
    }
    return window.bytes.subarray(position - window.start, position - window.start + length);
  };
}

function u64(buffer, at) {
  const value = buffer.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER))
    throw new UnreadableBundleError(
      'the zip is damaged: its directory holds an impossibly large size or offset.',
    );
  return Number(value);
}

/** Where the central directory is and how many entries it has (ZIP64 when the zip needs it). */
async function readEndRecord(handle, size, label) {
  const tail = await readAt(handle, Math.max(0, size - 22 - 65535), Math.min(size, 22 + 65535));
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === SIG.eocd && i + 22 + tail.readUInt16LE(i + 20) === tail.length) {
      at = i;
      break;
    }
  }
  if (at < 0) {
    const head = await readAt(handle, 0, 4);
    const looksLikeZip = head.length === 4 && head.readUInt32LE(0) === SIG.local;
    throw new UnreadableBundleError(
      looksLikeZip
        ? `${label} is not a complete zip file: its end, the directory of its contents, is missing. The file was probably cut short (truncated) while being copied or downloaded.`
        : `${label} is not a zip file (it does not start or end like one).`,
    );
  }
  const eocdOffset = size - tail.length + at;
  const eocd = tail.subarray(at, at + 22);
  let record = {
    disk: eocd.readUInt16LE(4),
    count: eocd.readUInt16LE(10),
    cdSize: eocd.readUInt32LE(12),
    cdOffset: eocd.readUInt32LE(16),
    zip64: false,
  };
  const locator = eocdOffset >= 20 ? await readAt(handle, eocdOffset - 20, 20) : Buffer.alloc(0);
  if (locator.length === 20 && locator.readUInt32LE(0) === SIG.zip64Locator) {
    const z = await readAt(handle, u64(locator, 8), 56);
    if (z.length < 56 || z.readUInt32LE(0) !== SIG.zip64Eocd)
      throw new UnreadableBundleError(`${label} is damaged: its ZIP64 end record is missing or broken.`);
    record = {
      disk: z.readUInt32LE(16),
      count: u64(z, 32),
      cdSize: u64(z, 40),
      cdOffset: u64(z, 48),
      zip64: true,
    };
  }
  if (record.disk !== 0)
    throw new UnreadableBundleError(
      `${label} is one part of a split (multi-part) zip; join the parts first.`,
    );
  if (record.cdOffset + record.cdSize > eocdOffset)
    throw new UnreadableBundleError(
      `${label} is damaged or truncated: its directory points past the end of the file.`,
    );
  if (record.cdSize > READ_LIMIT)
    throw new UnreadableBundleError(
      `${label} has a directory of ${record.cdSize} bytes, more than this verifier reads.`,
    );
  return record;
}

/** Sizes and offset from the ZIP64 extra field, for the fields the directory marks as 0xFFFFFFFF. */
function applyZip64Extra(entry, extra) {
  for (let i = 0; i + 4 <= extra.length;) {
    const id = extra.readUInt16LE(i);
    const length = extra.readUInt16LE(i + 2);
    if (id === 0x0001) {
      let at = i + 4;
      for (const field of ['size', 'compressedSize', 'localOffset']) {
        if (entry[field] !== 0xffffffff) continue;
        if (at + 8 > i + 4 + length)
          throw new UnreadableBundleError(
            `the directory entry of ${entry.name} is damaged (short ZIP64 field)`,
          );
        entry[field] = u64(extra, at);
        at += 8;
      }
    }
    i += 4 + length;
  }
}

function parseCentralDirectory(cd, count, label) {
  const entries = [];
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > cd.length || cd.readUInt32LE(at) !== SIG.central)
      throw new UnreadableBundleError(
        `${label} is damaged: its directory breaks off at entry ${n + 1} of ${count}.`,
      );
    const flags = cd.readUInt16LE(at + 8);
    const nameLength = cd.readUInt16LE(at + 28);
    const extraLength = cd.readUInt16LE(at + 30);
    const commentLength = cd.readUInt16LE(at + 32);
    const nameBytes = cd.subarray(at + 46, at + 46 + nameLength);
    const entry = {
      name: nameBytes.toString(flags & 0x800 ? 'utf8' : 'latin1'),
      rawName: Buffer.from(nameBytes),
      flags,
      method: cd.readUInt16LE(at + 10),
      compressedSize: cd.readUInt32LE(at + 20),
      size: cd.readUInt32LE(at + 24),
      localOffset: cd.readUInt32LE(at + 42),
    };
    applyZip64Extra(entry, cd.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The zip as a container: its entry names, and each entry's bytes as a stream. */
export async function openZipContainer(zipPath) {
  const label = path.basename(zipPath);
  let handle;
  try {
    handle = await fs.promises.open(zipPath, 'r');
  } catch (error) {
    throw new UnreadableBundleError(
      `${zipPath} cannot be opened: ${error.code === 'ENOENT' ? 'there is no such file' : error.message}.`,
    );
  }
  try {
    const { size } = await handle.stat();
    if (size < 22)
      throw new UnreadableBundleError(`${label} is not a zip file (it is only ${size} bytes long).`);
    const record = await readEndRecord(handle, size, label);
    const cd = await readAt(handle, record.cdOffset, record.cdSize);
    const entries = parseCentralDirectory(cd, record.count, label).filter(
      (e) => !(e.name.endsWith('/') && e.size === 0),
    );
    const read = windowedReader(handle, size);
    const byName = new Map();
    const duplicates = new Set();
    for (const entry of entries) {
      if (byName.has(entry.name)) duplicates.add(entry.name);
      else byName.set(entry.name, entry);
    }
    return {
      label,
      sizeBytes: size,
      zip64: record.zip64,
      names: [...byName.keys()],
      duplicates: [...duplicates],
      has: (name) => byName.has(name),
      open: async (name) => openZipEntry(zipPath, read, byName.get(name), record.cdOffset),
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

async function openZipEntry(zipPath, read, entry, cdOffset) {
  if (entry.flags & 0x1) throw new Error('it is encrypted');
  if (entry.method !== 0 && entry.method !== 8)
    throw new Error(`it is compressed with a method this verifier cannot read (${entry.method})`);
  const local = await read(entry.localOffset, 30 + entry.rawName.length);
  if (local.length < 30 || local.readUInt32LE(0) !== SIG.local)
    throw new Error('the zip is damaged where this file should start');
  // The local header must name the same file: a zip whose two directories disagree shows one file
  // to this verifier and another to an unzip tool that reads the local headers.
  const nameLength = local.readUInt16LE(26);
  if (!local.subarray(30, 30 + nameLength).equals(entry.rawName))
    throw new Error('the zip is damaged or forged: its data there is stored under another name');
  const start = entry.localOffset + 30 + nameLength + local.readUInt16LE(28);
  if (start + entry.compressedSize > cdOffset)
    throw new Error('the zip is damaged: the file runs past the end of the data');
  // Small entries whole, from the shared window: a bundle of many small files would otherwise
  // spend most of its time setting up a stream per file.
  if (entry.compressedSize <= SMALL_ENTRY && entry.size <= SMALL_ENTRY) {
    const data = await read(start, entry.compressedSize);
    return { bytes: entry.method === 0 ? data : inflateSmall(data), declaredSize: entry.size };
  }
  const raw = fs.createReadStream(zipPath, { start, end: start + entry.compressedSize - 1 });
  if (entry.method === 0) return { stream: raw, declaredSize: entry.size };
  const stream = raw.pipe(createInflateRaw());
  raw.on('error', (error) => stream.destroy(error));
  // A damaged stream ends the hashing early: let go of the file as well.
  stream.on('close', () => raw.destroy());
  return { stream, declaredSize: entry.size };
}

/** A small deflated entry; one that inflates past the small size is damaged (or a zip bomb). */
function inflateSmall(data) {
  try {
    return inflateRawSync(data, { maxOutputLength: SMALL_ENTRY + 1 });
  } catch (error) {
    throw new Error(`its compressed data is damaged (${error.code ?? error.message})`);
  }
}

/** An unpacked bundle: every file under the folder, named with '/' as in the zip. */
export async function openFolderContainer(folder) {
  const names = [];
  const walk = async (dir, prefix) => {
    for (const item of await fs.promises.readdir(dir, { withFileTypes: true })) {
      const name = prefix + item.name;
      if (item.isDirectory()) await walk(path.join(dir, item.name), `${name}/`);
      else names.push(name);
    }
  };
  await walk(folder, '');
  const set = new Set(names);
  return {
    label: `folder ${folder}`,
    sizeBytes: null,
    zip64: false,
    names,
    duplicates: [],
    has: (name) => set.has(name),
    open: async (name) => ({
      stream: fs.createReadStream(path.join(folder, ...name.split('/'))),
      declaredSize: null,
    }),
    close: async () => {},
  };
}

/** SHA-256 and length of one entry, streamed; with keep, also its bytes (up to limit). */
async function digestEntry(container, name, { keep = false, limit = READ_LIMIT } = {}) {
  const opened = await container.open(name);
  const tooLarge = () =>
    new Error(`it is larger than ${limit} bytes, more than expected for this kind of file`);
  const hash = createHash('sha256');
  const chunks = [];
  let size = 0;
  if (opened.bytes) {
    if (keep && opened.bytes.length > limit) throw tooLarge();
    hash.update(opened.bytes);
    size = opened.bytes.length;
    chunks.push(opened.bytes);
  } else {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        if (keep && size > limit) return done(tooLarge());
        if (keep) chunks.push(chunk);
        done();
      },
    });
    await pipeline(opened.stream, sink);
  }
  if (opened.declaredSize !== null && opened.declaredSize !== size) {
    throw new Error(
      `the zip is damaged: its directory says ${opened.declaredSize} bytes, ${size} were found`,
    );
  }
  return { sha256: hash.digest('hex'), size, bytes: keep ? Buffer.concat(chunks) : null };
}

// ---------------------------------------------------------------------------------------------
// Canonical JSON (RFC 8785, JCS), as the audit log hashes its entries (src/audit/audit-log.ts
// uses the 'canonicalize' package; this is the same serialisation, tested against it).

export function canonicalJson(value) {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('a number that is not finite has no canonical JSON form');
    return JSON.stringify(value);
  }
  if (typeof value === 'string') {
    if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value))
      throw new Error('a string with a lone surrogate has no canonical JSON form');
    return JSON.stringify(value);
  }
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (typeof value.toJSON === 'function') return canonicalJson(value.toJSON());
  if (Array.isArray(value))
    return `[${value.map((v) => canonicalJson(v === undefined || typeof v === 'symbol' ? null : v)).join(',')}]`;
  const parts = [];
  for (const key of Object.keys(value).sort()) {
    const v = value[key];
    if (v === undefined || typeof v === 'symbol') continue;
    parts.push(`${canonicalJson(key)}:${canonicalJson(v)}`);
  }
  return `{${parts.join(',')}}`;
}

/** The hash of one audit_log row, exactly as src/audit/audit-log.ts auditHash computes it. */
export function auditEntryHash(row) {
  const content = {
    seq: Number(row.seq),
    occurredAt: new Date(row.occurred_at).toISOString(),
    actor: row.actor,
    userId: row.user_id,
    action: row.action,
    target: row.target,
    address: row.address,
    details: row.details,
  };
  return createHash('sha256')
    .update(`${row.prev_hash}\n${canonicalJson(content)}`, 'utf8')
    .digest('hex');
}

// ---------------------------------------------------------------------------------------------
// The checks.

class Findings {
  constructor() {
    this.problems = [];
  }
  add(check, path, message) {
    this.problems.push({ check, path, message });
  }
  of(check) {
    return this.problems.filter((p) => p.check === check);
  }
}

function parseManifest(bytes, findings) {
  let manifest;
  try {
    manifest = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    findings.add(
      'manifest',
      'manifest.json',
      'manifest.json is not readable JSON: it is damaged or was edited by hand.',
    );
    return null;
  }
  if (manifest === null || typeof manifest !== 'object' || manifest.format !== BUNDLE_FORMAT) {
    findings.add(
      'manifest',
      'manifest.json',
      `manifest.json does not describe an Earshot evidence bundle (format is ${JSON.stringify(manifest?.format)}).`,
    );
    return null;
  }
  if (manifest.formatVersion !== BUNDLE_FORMAT_VERSION) {
    findings.add(
      'manifest',
      'manifest.json',
      `manifest.json is format version ${JSON.stringify(manifest.formatVersion)}; this verifier knows version ${BUNDLE_FORMAT_VERSION} only. Use the verifier that came with the bundle.`,
    );
    return null;
  }
  if (!Array.isArray(manifest.files) || !Array.isArray(manifest.recordings)) {
    findings.add('manifest', 'manifest.json', 'manifest.json has no list of files or of recordings.');
    return null;
  }
  return manifest;
}

/** Files whose entry in the manifest is well formed; the others are named. */
function wellFormedFiles(manifest, findings) {
  const files = [];
  manifest.files.forEach((file, i) => {
    const name = typeof file?.path === 'string' ? file.path : `entry ${i + 1} of the file list`;
    const wrong = [];
    if (typeof file?.path !== 'string' || !isSafePath(file.path))
      wrong.push('its path is not a plain relative path');
    if (typeof file?.sha256 !== 'string' || !HEX64.test(file.sha256))
      wrong.push('its SHA-256 is not 64 lower-case hex digits');
    if (!Number.isSafeInteger(file?.size) || file.size < 0)
      wrong.push('its size is not a whole number of bytes');
    if (!FILE_KINDS.includes(file?.kind))
      wrong.push(`its kind ${JSON.stringify(file?.kind)} is not one this verifier knows`);
    if (UNLISTED.includes(file?.path)) wrong.push('this file must not be listed');
    if (wrong.length)
      findings.add('manifest', name, `${name}: the manifest's entry is malformed: ${wrong.join('; ')}.`);
    else files.push(file);
  });
  return files;
}

/** ASCII, relative, with no empty, '.' or '..' step: unpacks inside the folder it is unpacked in. */
function isSafePath(p) {
  const steps = p.split('/');
  return (
    /^[\x20-\x7e]+$/.test(p) && !p.includes('\\') && steps.every((s) => s !== '' && s !== '.' && s !== '..')
  );
}

function checkSignature(manifestBytes, sigBytes, key, findings) {
  const text = sigBytes.toString('latin1').replace(/\r?\n$/, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || Buffer.from(text, 'base64').length !== 64) {
    findings.add(
      'signature',
      'manifest.sig',
      'manifest.sig is not an Ed25519 signature (expected one line of base64 holding 64 bytes): it is damaged or was replaced.',
    );
    return;
  }
  if (key && !verifySignature(null, manifestBytes, key, Buffer.from(text, 'base64'))) {
    findings.add(
      'signature',
      'manifest.sig',
      'manifest.sig: the signature does not match manifest.json with the key in public-key.pem: the manifest was changed after it was signed, or the signature or key was replaced.',
    );
  }
}

/** The key in public-key.pem and its fingerprint (SHA-256 of its DER SPKI bytes), or null. */
function readPublicKey(pemBytes, findings) {
  try {
    const key = createPublicKey({ key: pemBytes, format: 'pem' });
    if (key.asymmetricKeyType !== 'ed25519')
      throw new Error(`it is a ${key.asymmetricKeyType} key, not Ed25519`);
    if (key.export({ type: 'spki', format: 'pem' }) !== pemBytes.toString('latin1'))
      throw new Error('its text is not the standard SPKI PEM form of the key it holds: it was edited');
    return {
      key,
      fingerprint: createHash('sha256')
        .update(key.export({ type: 'spki', format: 'der' }))
        .digest('hex'),
    };
  } catch (error) {
    findings.add(
      'key',
      'public-key.pem',
      `public-key.pem is not a usable Ed25519 public key: ${error.message}.`,
    );
    return null;
  }
}

function checkKey(manifest, keyInfo, expectKey, findings) {
  const named = manifest?.signingKey?.publicKeySha256;
  if (keyInfo && manifest && named !== keyInfo.fingerprint) {
    findings.add(
      'key',
      'public-key.pem',
      `public-key.pem is not the key the manifest names: its fingerprint is ${keyInfo.fingerprint}, the manifest names ${JSON.stringify(named)}. The key was swapped.`,
    );
  }
  if (expectKey && keyInfo && keyInfo.fingerprint !== expectKey) {
    findings.add(
      'key',
      'public-key.pem',
      `public-key.pem: the bundle was signed with the key whose fingerprint is ${keyInfo.fingerprint}, not with the key you expected (${expectKey}). It was not signed by the holder of the key you expected.`,
    );
  }
}

/** One problem per duplicated path; one for the order, naming where it first breaks. */
function checkOrder(files, findings) {
  const seen = new Set();
  let firstBreak = null;
  let breaks = 0;
  for (const [i, file] of files.entries()) {
    if (seen.has(file.path))
      findings.add('order', file.path, `${file.path} is listed twice in the manifest.`);
    seen.add(file.path);
    if (i > 0 && files[i - 1].path > file.path) {
      breaks++;
      firstBreak ??= [files[i - 1].path, file.path];
    }
  }
  if (firstBreak) {
    const [a, b] = firstBreak;
    const where = breaks === 1 ? '' : ` (in ${breaks} places)`;
    const what = `The manifest's file list is out of order${where}: "${b}" comes after "${a}". Bundles are written with the list sorted by path; the list was reordered after the bundle was made.`;
    findings.add('order', 'manifest.json', what);
  }
}

const ROWS_FILE = /^recordings\/([^/]+)\/(custody|audit)\.json$/;

/** Checks 5 and 6; hands each custody and audit file's bytes to onRows as soon as it is read. */
async function checkFiles(container, files, findings, { onFile, onRows }) {
  const listed = new Set(files.map((f) => f.path));
  for (const file of files) {
    if (!container.has(file.path)) {
      findings.add('files', file.path, `${file.path} is listed in the manifest but missing from the bundle.`);
      continue;
    }
    const keep = ROWS_FILE.test(file.path);
    let found;
    try {
      found = await digestEntry(container, file.path, { keep });
    } catch (error) {
      findings.add('files', file.path, `${file.path} cannot be read: ${error.message}.`);
      continue;
    }
    if (found.size !== file.size || found.sha256 !== file.sha256) {
      const what =
        found.size !== file.size
          ? `it is ${found.size} bytes long, the manifest records ${file.size} bytes`
          : `its SHA-256 is ${found.sha256}, the manifest records ${file.sha256}`;
      findings.add('files', file.path, `${file.path} has been changed since the bundle was made: ${what}.`);
    }
    if (keep) onRows(file, found.bytes);
    onFile?.(file.path);
  }
  for (const name of container.names) {
    if (!listed.has(name) && !UNLISTED.includes(name))
      findings.add(
        'unlisted',
        name,
        `${name} is in the bundle but not listed in the manifest: it was added after the bundle was made.`,
      );
  }
  for (const name of container.duplicates)
    findings.add(
      'unlisted',
      name,
      `${name} appears twice in the zip: a second file was added under the same name.`,
    );
}

function parseRows(bytes, file, findings) {
  try {
    const rows = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (Array.isArray(rows) && rows.every((r) => r && typeof r === 'object')) return rows;
  } catch {
    // named below
  }
  findings.add('custody', file, `${file} is not a readable list of entries (JSON array).`);
  return null;
}

const time = (value) =>
  typeof value === 'string' || typeof value === 'number' ? new Date(value).getTime() : NaN;
const bigint = (value) => {
  try {
    return BigInt(value);
  } catch {
    return null;
  }
};
/** Custody actions whose sha256 column names the call's original. */
const ORIGINAL_ACTIONS = new Set([
  'received',
  'hashed',
  'stored',
  'duplicate',
  'probed',
  'metadata',
  'derived',
  'corrected',
  'restored',
]);

/**
 * When each event was written to the log: recorded_at, stamped by the database on insert, so it
 * follows the event numbers. occurred_at is the writer's time of the action and may legitimately
 * run backwards across events (two copies of one file ingested side by side log their own
 * receipt times), so it is the order only for events logged before recorded_at existed.
 */
function loggedAt(row) {
  return row.recorded_at != null ? row.recorded_at : row.occurred_at;
}

function checkEventOrder(row, id, previous, problem) {
  if (id === null) problem('has no event number');
  else if (previous && previous.id !== null && id <= previous.id)
    problem(`is out of order: it comes after event ${previous.id}`);
  const at = loggedAt(row);
  if (Number.isNaN(time(at))) problem('has no readable time');
  else if (previous && time(at) < time(previous.at))
    problem(`was logged at ${at}, before the event listed before it (${previous.at})`);
}

/** The SHA-256 values an event names agree with the original and with the files in the bundle. */
function checkEventHashes(row, recording, byPath, problem) {
  const original = recording.sha256;
  const quarantinedOriginal = row.action === 'quarantined' && row.details?.kind === 'original';
  if (
    (ORIGINAL_ACTIONS.has(row.action) || quarantinedOriginal) &&
    row.sha256 != null &&
    row.sha256 !== original
  )
    problem(`names SHA-256 ${row.sha256}, but the call's original is ${original}`);
  if (row.action === 'hashed' && row.details?.sha256 !== original)
    problem(
      `records the original's SHA-256 as ${row.details?.sha256}, but the call's original is ${original}`,
    );
  const input = row.action === 'derived' ? row.details?.input?.sha256 : null;
  if (input && input !== original)
    problem(`says it was made from SHA-256 ${input}, not from the call's original ${original}`);
  const attachment = `recordings/${recording.id}/case/attachments/${row.sha256}`;
  if (row.action === 'attached' && row.sha256 && row.sha256 !== original && !byPath.has(attachment))
    problem(`names attachment SHA-256 ${row.sha256}, which is not in the bundle`);
}

function checkCustodyEvents(recording, rows, file, { byPath, workingCopies }, findings) {
  const workingShas = new Set();
  let previous = null;
  let hashed = false;
  for (const [i, row] of rows.entries()) {
    const id = bigint(row.id);
    const name = `event ${id ?? `#${i + 1}`} (${row.action})`;
    const problem = (text) => findings.add('custody', file, `${file}: ${name} ${text}.`);
    if (row.recording_id !== recording.id)
      problem(`belongs to another call (${JSON.stringify(row.recording_id)})`);
    checkEventOrder(row, id, previous, problem);
    checkEventHashes(row, recording, byPath, problem);
    if (row.action === 'hashed') hashed = true;
    if (row.action === 'derived' && Array.isArray(row.details?.outputs))
      for (const o of row.details.outputs) if (o?.sha256) workingShas.add(o.sha256);
    previous = { id, at: loggedAt(row) };
  }
  if (!hashed)
    findings.add(
      'custody',
      file,
      `${file}: no event records the original being hashed when it was received.`,
    );
  for (const f of workingCopies) {
    if (!workingShas.has(f.sha256)) {
      findings.add(
        'custody',
        f.path,
        `${f.path}: no 'derived' custody event of the call records making this working copy (SHA-256 ${f.sha256}).`,
      );
    }
  }
}

function checkAuditRows(rows, file, findings) {
  let previous = null;
  for (const [i, row] of rows.entries()) {
    const seq = bigint(row.seq);
    const name = `audit entry ${seq ?? `#${i + 1}`}`;
    const problem = (text) => findings.add('custody', file, `${file}: ${name} ${text}.`);
    if (seq === null) problem('has no sequence number');
    else if (previous && previous.seq !== null && seq <= previous.seq)
      problem(`is out of order: it comes after entry ${previous.seq}`);
    else if (
      previous &&
      previous.seq !== null &&
      seq === previous.seq + 1n &&
      row.prev_hash !== previous.hash
    )
      problem(
        `does not link to entry ${previous.seq} before it (its prev_hash is not that entry's hash): an entry was replaced`,
      );
    let expected = null;
    try {
      expected = auditEntryHash(row);
    } catch (error) {
      problem(`cannot be hashed: ${error.message}`);
    }
    if (expected !== null && expected !== row.hash)
      problem(
        `was changed after it was written: its content no longer matches its hash (${row.occurred_at}, ${row.action}, ${row.actor ?? 'no actor'})`,
      );
    previous = { seq, hash: row.hash };
  }
}

/** Originals and attachments are stored under their own SHA-256. */
function checkNamedByHash(files, findings) {
  for (const f of files) {
    if ((f.kind === 'original' || f.kind === 'attachment') && f.path.split('/').pop() !== f.sha256) {
      const what = `${f.path}: an ${f.kind} is stored under its SHA-256, but this one's SHA-256 is ${f.sha256}.`;
      findings.add('custody', f.path, what);
    }
  }
}

/** The call's original is listed where the manifest says, with the call's SHA-256 and size. */
function checkOriginalListed(recording, label, byPath, findings) {
  const original = byPath.get(recording.original);
  if (recording.original !== `originals/${recording.sha256}` || !original) {
    const given = JSON.stringify(recording.original);
    const what = `the original of ${label} should be listed as originals/${recording.sha256}, the manifest gives ${given}`;
    findings.add('custody', 'manifest.json', `manifest.json: ${what}.`);
  } else if (original.sha256 !== recording.sha256 || original.size !== Number(recording.sizeBytes)) {
    const call = `${recording.sizeBytes} bytes, SHA-256 ${recording.sha256}`;
    const what = `the listed file (${original.size} bytes) is not the original of ${label} (${call})`;
    findings.add('custody', original.path, `${original.path}: ${what}.`);
  }
}

/** What the custody checks need: files by path, the calls by id, each call's working copies. */
function custodyContext(manifest, files) {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const recordings = new Map();
  for (const r of manifest.recordings) if (typeof r?.id === 'string') recordings.set(r.id, r);
  const workingCopies = new Map();
  for (const f of files) {
    if (f.kind !== 'working-copy') continue;
    if (!workingCopies.has(f.recordingId)) workingCopies.set(f.recordingId, []);
    workingCopies.get(f.recordingId).push(f);
  }
  return { byPath, recordings, workingCopies };
}

/** One custody.json or audit.json, checked as soon as it is read so that none is kept. */
function checkRowsFile(file, bytes, context, findings) {
  const [, recordingId, kind] = ROWS_FILE.exec(file.path);
  const recording = context.recordings.get(recordingId);
  if (!recording || !HEX64.test(recording.sha256 ?? '')) {
    findings.add('custody', file.path, `${file.path} belongs to no call the manifest lists.`);
    return;
  }
  const rows = parseRows(bytes, file.path, findings);
  if (rows && kind === 'audit') checkAuditRows(rows, file.path, findings);
  if (rows && kind === 'custody') {
    const own = { byPath: context.byPath, workingCopies: context.workingCopies.get(recordingId) ?? [] };
    checkCustodyEvents(recording, rows, file.path, own, findings);
  }
}

/** Per call: its original listed under its SHA-256, and a custody and an audit file present. */
function checkCustody(manifest, context, findings) {
  checkNamedByHash([...context.byPath.values()], findings);
  for (const recording of manifest.recordings) {
    const label = `recording ${JSON.stringify(recording?.id)}`;
    if (typeof recording?.id !== 'string' || !HEX64.test(recording?.sha256 ?? '')) {
      findings.add('custody', 'manifest.json', `manifest.json: ${label} is malformed (no id or SHA-256).`);
      continue;
    }
    checkOriginalListed(recording, label, context.byPath, findings);
    for (const [kind, what] of [
      ['custody', 'chain of custody'],
      ['audit', 'audit entries'],
    ]) {
      const file = `recordings/${recording.id}/${kind}.json`;
      if (!context.byPath.has(file))
        findings.add('custody', file, `${file}: the bundle has no ${what} for ${label}.`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The whole run and its report.

/**
 * Verifies a bundle (a .zip file, or the folder of an unpacked bundle). Never throws for a bad
 * bundle: the report says what is wrong (exitCode 2 when the file is not a readable zip).
 * options.expectKey: the published fingerprint (hex SHA-256 of the public key) to compare.
 */
export async function verifyBundle(bundlePath, options = {}) {
  const expectKey = options.expectKey ? normaliseFingerprint(options.expectKey) : null;
  const base = { bundle: path.resolve(bundlePath), expectedKey: expectKey };
  let container;
  try {
    const folder = (await fs.promises.stat(bundlePath).catch(() => null))?.isDirectory();
    container = folder ? await openFolderContainer(bundlePath) : await openZipContainer(bundlePath);
  } catch (error) {
    if (!(error instanceof UnreadableBundleError)) throw error;
    return finish({ ...base, readable: false, unreadable: error.message }, new Findings(), null, null);
  }
  try {
    const findings = new Findings();
    const must = async (name, limit) => {
      if (!container.has(name)) {
        findings.add(
          name === 'public-key.pem' ? 'key' : name === 'manifest.sig' ? 'signature' : 'manifest',
          name,
          `${name} is missing from the bundle.`,
        );
        return null;
      }
      try {
        return (await digestEntry(container, name, { keep: true, limit })).bytes;
      } catch (error) {
        findings.add('manifest', name, `${name} cannot be read: ${error.message}.`);
        return null;
      }
    };
    const manifestBytes = await must('manifest.json', READ_LIMIT);
    const sigBytes = await must('manifest.sig', SMALL_LIMIT);
    const pemBytes = await must('public-key.pem', SMALL_LIMIT);
    const manifest = manifestBytes ? parseManifest(manifestBytes, findings) : null;
    const keyInfo = pemBytes ? readPublicKey(pemBytes, findings) : null;
    if (manifestBytes && sigBytes) checkSignature(manifestBytes, sigBytes, keyInfo?.key ?? null, findings);
    checkKey(manifest, keyInfo, expectKey, findings);
    const files = manifest ? wellFormedFiles(manifest, findings) : [];
    if (manifest) {
      checkOrder(
        manifest.files.filter((f) => typeof f?.path === 'string'),
        findings,
      );
      const context = custodyContext(manifest, files);
      const onRows = (file, bytes) => checkRowsFile(file, bytes, context, findings);
      await checkFiles(container, files, findings, { onFile: options.onFile, onRows });
      checkCustody(manifest, context, findings);
    }
    const bundle = {
      ...base,
      readable: true,
      kind: container.sizeBytes === null ? 'folder' : 'zip',
      sizeBytes: container.sizeBytes,
      entries: container.names.length,
      zip64: container.zip64,
    };
    return finish(bundle, findings, manifest, keyInfo?.fingerprint ?? null);
  } finally {
    await container.close();
  }
}

export function normaliseFingerprint(text) {
  const hex = String(text)
    .toLowerCase()
    .replace(/[^0-9a-f]/g, '');
  return hex.length === 64 ? hex : String(text);
}

function finish(bundle, findings, manifest, fingerprint) {
  const checks = CHECKS.map((c) => ({ ...c, ok: bundle.readable && findings.of(c.id).length === 0 }));
  const problems = bundle.readable
    ? findings.problems
    : [{ check: 'zip', path: null, message: bundle.unreadable }];
  const ok = bundle.readable && problems.length === 0;
  const files = Array.isArray(manifest?.files) ? manifest.files.length : 0;
  const calls = Array.isArray(manifest?.recordings) ? manifest.recordings.length : 0;
  const verdict = ok
    ? `VERIFIED: ${files === 1 ? 'the 1 file is' : `all ${files} files are`} present and unchanged, the manifest is signed by the key with fingerprint ${fingerprint}, and the chain of custody of ${calls} call${calls === 1 ? '' : 's'} is consistent.`
    : bundle.readable
      ? `NOT VERIFIED: ${problems.length} problem${problems.length === 1 ? '' : 's'} found (listed above). Do not rely on this bundle until each is explained.`
      : `NOT VERIFIED: ${bundle.unreadable}`;
  return {
    ok,
    exitCode: ok ? 0 : bundle.readable ? 1 : 2,
    verdict,
    bundle: {
      path: bundle.bundle,
      readable: bundle.readable,
      kind: bundle.kind ?? null,
      sizeBytes: bundle.sizeBytes ?? null,
      entries: bundle.entries ?? null,
      zip64: bundle.zip64 ?? false,
    },
    manifest: manifest
      ? {
          createdAt: manifest.createdAt ?? null,
          createdBy: manifest.createdBy ?? null,
          software: manifest.software ?? null,
          scope: manifest.scope ?? null,
          recordings: calls,
          files,
        }
      : null,
    key: {
      fingerprint,
      manifestNames: manifest?.signingKey?.publicKeySha256 ?? null,
      expected: bundle.expectedKey,
      matchesExpected: bundle.expectedKey ? fingerprint === bundle.expectedKey : null,
    },
    checks,
    problems,
  };
}

/** The report as a person reads it; its last line is the verdict. */
export function formatReport(report) {
  const lines = ['Earshot evidence bundle verification', `Bundle: ${report.bundle.path}`];
  if (report.manifest) {
    const m = report.manifest;
    const by = m.createdBy?.name ? ` by ${m.createdBy.name}` : '';
    const sw = m.software ? ` with ${m.software.name} ${m.software.version}` : '';
    lines.push(
      `Made: ${m.createdAt ?? 'unknown time'}${by}${sw}`,
      `Covers: ${m.recordings} call${m.recordings === 1 ? '' : 's'}, ${m.files} files listed${describeScope(m.scope)}`,
    );
  }
  if (report.bundle.readable) {
    lines.push(
      '',
      'Signing key fingerprint (SHA-256 of the public key in the bundle):',
      `  ${report.key.fingerprint ?? '(none: public-key.pem is missing or unreadable)'}`,
    );
    if (report.key.expected)
      lines.push(
        report.key.matchesExpected
          ? '  It is the fingerprint you expected (--expect-key).'
          : `  It is NOT the fingerprint you expected (${report.key.expected}).`,
      );
    else
      lines.push(
        '  A valid signature only shows that whoever holds this key made the bundle. Compare this',
        '  fingerprint with the one the publishing organisation gave out (on its website, in a letter),',
        '  or run again with --expect-key <that fingerprint>.',
      );
    lines.push('', 'Checks:');
    report.checks.forEach((c, i) => lines.push(`  ${c.ok ? '[ok]  ' : '[FAIL]'} ${i + 1}. ${c.title}`));
  }
  if (report.problems.length && report.bundle.readable) {
    lines.push('', 'Problems:');
    report.problems.forEach((p, i) => lines.push(`  ${i + 1}. ${p.message}`));
  }
  if (report.ok) {
    lines.push(
      '',
      'What this shows: the files are, byte for byte, those the holder of the key above signed, and the',
      "record of each call's custody and audit entries is consistent. It does not show that a recording",
      'is authentic (who speaks, when, where): that is for the case file and for the investigators.',
    );
  }
  lines.push('', report.verdict);
  return `${lines.join('\n')}\n`;
}

function describeScope(scope) {
  if (scope?.collection) return ` (collection "${scope.collection}")`;
  if (Array.isArray(scope?.recordings))
    return ` (${scope.recordings.length} call${scope.recordings.length === 1 ? '' : 's'} chosen by id)`;
  return '';
}

// ---------------------------------------------------------------------------------------------
// Command line.

const USAGE =
  'Usage: node verify.mjs BUNDLE.zip [--expect-key <sha256 fingerprint>] [--json]\n' +
  '       node verify.mjs   (inside an unpacked bundle, or next to a single .zip)\n';

/** The command line's options, or the usage error to print. */
function parseArguments(argv) {
  const args = { paths: [], expectKey: null, json: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--help' || a === '-h') args.help = true;
    else if (a === '--expect-key') args.expectKey = argv[++i] ?? '';
    else if (a.startsWith('--expect-key=')) args.expectKey = a.slice('--expect-key='.length);
    else if (a.startsWith('-')) return { error: `Unknown option ${a}` };
    else args.paths.push(a);
  }
  if (args.expectKey !== null && !HEX64.test(normaliseFingerprint(args.expectKey))) {
    const got = JSON.stringify(args.expectKey);
    return { error: `--expect-key needs the 64 hex digits of a SHA-256 fingerprint, got ${got}` };
  }
  if (args.paths.length > 1) return { error: 'Give one bundle at a time.' };
  return { args };
}

/** Runs the command line; returns the exit code. */
export async function main(argv, out = process.stdout, err = process.stderr) {
  const { args, error } = parseArguments(argv);
  if (error) {
    err.write(`${error}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    out.write(USAGE);
    return 0;
  }
  const target = args.paths[0] ?? defaultTarget();
  if (!target) {
    err.write(`No bundle named, and none found here.\n${USAGE}`);
    return 2;
  }
  const report = await verifyBundle(target, { expectKey: args.expectKey });
  out.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  return report.exitCode;
}

/** With no argument: the unpacked bundle this file is in, or the one .zip beside it or here. */
function defaultTarget() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  if (fs.existsSync(path.join(here, 'manifest.json'))) return here;
  for (const dir of [...new Set([process.cwd(), here])]) {
    const zips = fs.readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.zip'));
    if (zips.length === 1) return path.join(dir, zips[0]);
  }
  return null;
}

/** True when this file is the script node was started with (not imported by earshot or a test). */
function invokedDirectly() {
  try {
    return (
      Boolean(process.argv[1]) &&
      fs.realpathSync(path.resolve(process.argv[1])) === fileURLToPath(import.meta.url)
    );
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`verify.mjs failed unexpectedly: ${error?.stack ?? error}\n`);
      process.exitCode = 2;
    },
  );
}
