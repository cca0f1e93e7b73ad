import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { rejectControlCharactersInField } from '../control-characters.ts';
import { checkName } from '../../ingest/printable-name.ts';
import { unsafeRelativePath, withForwardSlashes } from '../../ingest/relative-path.ts';
import { formatBytes } from '../../ingest/progress-reporter.ts';

/** An upload that cannot be taken: 400 (bad names, bad form) or 413 (over a limit). */
export class UploadRejected extends Error {
  constructor(
    readonly statusCode: 400 | 413,
    message: string,
  ) {
    super(message);
  }
}

export interface UploadLimits {
  /** All files of one upload together, in bytes. */
  maxBytes: number;
  maxFiles: number;
}

export interface ReceivedUpload {
  /** Each top-level file or folder of the upload, as `earshot ingest` would be given them. */
  inputs: string[];
  /** The call-records file sent with the upload, if any. */
  metadataFile: string | undefined;
  /** Text fields of the form (collection name...). */
  fields: Map<string, string>;
  files: number;
  bytes: number;
}

const FORM_FIELDS = ['collection', 'fileCount'] as const;
/** Multipart framing and text fields on top of the files' own bytes. */
const FORM_OVERHEAD_BYTES = 1024 * 1024;
const MAX_NAME_BYTES = 255;
const MAX_DEPTH = 32;
/** Upload folders left by a server that stopped mid-upload are removed after this long. */
const STALE_UPLOAD_MS = 24 * 60 * 60 * 1000;

/** Removes upload folders older than a day: a crash mid-upload leaves its folder behind. */
function removeStaleUploads(uploadsDir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(uploadsDir);
  } catch {
    return;
  }
  for (const name of names) {
    const folder = path.join(uploadsDir, name);
    try {
      if (Date.now() - fs.statSync(folder).mtimeMs > STALE_UPLOAD_MS)
        fs.rmSync(folder, { recursive: true, force: true });
    } catch {
      // Removed meanwhile by another request: nothing to do.
    }
  }
}

const tooLarge = (limits: UploadLimits): UploadRejected =>
  new UploadRejected(
    413,
    `The upload is larger than the limit of ${formatBytes(limits.maxBytes)} (${limits.maxBytes} bytes) ` +
      'for all files together ' +
      '(EARSHOT_UPLOAD_MAX_BYTES); ingest large folders with `earshot ingest`.',
  );

/**
 * A file's path inside the upload, as the browser sent it ("leak/2022/call.wav"): relative, no
 * '.' or '..' part, no empty part, no control characters. A backslash separates folders, as in
 * zip entries (one rule: ingest/relative-path.ts). Anything else is a crafted request, not a
 * browser's; the whole upload is refused, naming the path.
 */
export function safeRelativePath(name: string): string[] {
  const shown = checkName(name).printable;
  const refuse = (why: string): UploadRejected =>
    new UploadRejected(400, `Refused file name "${shown}": ${why}. Nothing was ingested.`);
  if (name.length === 0) throw refuse('the name is empty');
  const unsafe = unsafeRelativePath(name);
  if (unsafe) throw refuse(`${unsafe}: not accepted`);
  const normalised = withForwardSlashes(name);
  const problem = checkName(normalised).problem;
  if (problem) throw refuse(problem);
  const parts = normalised.split('/');
  if (parts.length > MAX_DEPTH) throw refuse(`folders nest deeper than ${MAX_DEPTH} levels`);
  for (const part of parts) {
    if (part === '' || part === '.') throw refuse('"." and empty path parts are not accepted');
    if (Buffer.byteLength(part) > MAX_NAME_BYTES)
      throw refuse(`a part is longer than ${MAX_NAME_BYTES} bytes`);
  }
  return parts;
}

/** Counts bytes across every file of the upload and stops the stream past the limit. */
function byteCounter(state: { bytes: number }, limits: UploadLimits): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      state.bytes += chunk.length;
      if (state.bytes > limits.maxBytes) done(tooLarge(limits));
      else done(null, chunk);
    },
  });
}

/** @fastify/multipart's own limit errors, re-worded with the limit a person can act on. */
function asLimitError(error: unknown, limits: UploadLimits): unknown {
  const code = (error as { code?: unknown }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(limits);
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT')
    return new UploadRejected(
      413,
      `The upload has more than ${limits.maxFiles} files (EARSHOT_UPLOAD_MAX_FILES).`,
    );
  return error;
}

/** Streams one file part to its place; the same path twice, or a file where a folder is, is a 400. */
async function writePart(file: Readable, target: string, name: string, counter: Transform): Promise<void> {
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // 'wx': the same path sent twice must not overwrite the first file.
    await pipeline(file, counter, fs.createWriteStream(target, { flags: 'wx' }));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR' || code === 'EISDIR')
      throw new UploadRejected(
        400,
        `The file "${checkName(name).printable}" was sent twice, or as both a file and a folder; nothing was ingested.`,
      );
    throw error;
  }
}

/**
 * Streams a multipart upload to a new folder under `uploadsDir`, part by part, never holding a
 * file in memory: text fields, then the call-records file (`metadata`) and the audio (`files`,
 * each named by its path relative to what the user dropped). The caller removes `dir` when done.
 */
export async function receiveUpload(
  request: FastifyRequest,
  uploadsDir: string,
  limits: UploadLimits,
): Promise<ReceivedUpload & { dir: string }> {
  const declared = Number(request.headers['content-length'] ?? NaN);
  if (declared > limits.maxBytes + FORM_OVERHEAD_BYTES) throw tooLarge(limits);
  if (!request.isMultipart()) throw new UploadRejected(400, 'Send the files as multipart/form-data.');

  removeStaleUploads(uploadsDir);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dir = path.join(uploadsDir, `${stamp}-${randomBytes(4).toString('hex')}`);
  const filesDir = path.join(dir, 'files');
  fs.mkdirSync(filesDir, { recursive: true });
  const received: ReceivedUpload = {
    inputs: [],
    metadataFile: undefined,
    fields: new Map(),
    files: 0,
    bytes: 0,
  };
  const tops = new Set<string>();
  try {
    const parts = request.parts({
      preservePath: true,
      limits: { fileSize: limits.maxBytes, files: limits.maxFiles + 1, fields: 10, fieldSize: 4096 },
    });
    for await (const part of parts) {
      if (part.type === 'field') {
        if (!(FORM_FIELDS as readonly string[]).includes(part.fieldname)) continue;
        rejectControlCharactersInField(part.fieldname, String(part.value));
        received.fields.set(part.fieldname, String(part.value));
        continue;
      }
      if (part.fieldname !== 'files' && part.fieldname !== 'metadata')
        throw new UploadRejected(
          400,
          `Unknown file field "${checkName(part.fieldname).printable}": use files or metadata.`,
        );
      if (part.fieldname === 'metadata' && received.metadataFile)
        throw new UploadRejected(400, 'Send at most one call-records file.');
      const relative = safeRelativePath(part.filename);
      const target =
        part.fieldname === 'metadata'
          ? path.join(dir, 'metadata', relative[relative.length - 1]!)
          : path.join(filesDir, ...relative);
      if (part.fieldname === 'files') {
        received.files += 1;
        if (received.files > limits.maxFiles) throw asLimitError({ code: 'FST_FILES_LIMIT' }, limits);
        tops.add(relative[0]!);
      } else received.metadataFile = target;
      await writePart(part.file, target, part.filename, byteCounter(received, limits));
    }
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw asLimitError(error, limits);
  }
  const announced = received.fields.get('fileCount');
  if (announced !== undefined && Number(announced) !== received.files) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new UploadRejected(
      400,
      `The form announced ${announced} files but ${received.files} arrived (names with line breaks are dropped by the parser); nothing was ingested.`,
    );
  }
  received.inputs = [...tops].sort().map((top) => path.join(filesDir, top));
  return { ...received, dir };
}
