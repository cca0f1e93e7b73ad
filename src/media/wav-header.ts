import fs from 'node:fs';

/**
 * The one reader of RIFF/WAVE headers: ingest's truncation check, the decode stage's duration
 * of what ffmpeg wrote and the speech stages' sample reader all walk the chunks here.
 */

export interface WavFormat {
  /** 1 is integer PCM. */
  audioFormat: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
}

export interface WavHeader {
  /** The fmt chunk, when it comes before the data chunk and is whole in the bytes given. */
  format: WavFormat | undefined;
  /** Where the data chunk's bytes start and how many its header announces. */
  data: { offset: number; declaredBytes: number } | undefined;
}

/**
 * Walks the chunks of a RIFF/WAVE file's first bytes up to the data chunk. Null when the bytes
 * are not RIFF/WAVE. `data` is undefined when no data chunk starts within the bytes given.
 */
export function parseWavHeader(bytes: Buffer): WavHeader | null {
  if (
    bytes.length < 12 ||
    bytes.toString('latin1', 0, 4) !== 'RIFF' ||
    bytes.toString('latin1', 8, 12) !== 'WAVE'
  ) {
    return null;
  }
  let format: WavFormat | undefined;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('latin1', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'data') return { format, data: { offset: body, declaredBytes: size } };
    if (id === 'fmt ' && body + 16 <= bytes.length) {
      format = {
        audioFormat: bytes.readUInt16LE(body),
        channels: bytes.readUInt16LE(body + 2),
        sampleRate: bytes.readUInt32LE(body + 4),
        bitsPerSample: bytes.readUInt16LE(body + 14),
      };
    }
    // Chunks are padded to an even length.
    offset = body + size + (size % 2);
  }
  return { format, data: undefined };
}

/** How many bytes of a file's head hold its header, however many chunks precede the data. */
const HEAD_BYTES = 64 * 1024;

/** The header of a WAV file on disk (its first 64 KiB), with the file's size. */
export function readWavFileHeader(file: string): { header: WavHeader | null; fileSize: number } {
  const fd = fs.openSync(file, 'r');
  try {
    const fileSize = fs.fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(HEAD_BYTES, fileSize));
    fs.readSync(fd, head, 0, head.length, 0);
    return { header: parseWavHeader(head), fileSize };
  } finally {
    fs.closeSync(fd);
  }
}

/** The data chunk's length as far as the file holds it (a streamed header may claim more). */
export function presentDataBytes(data: { offset: number; declaredBytes: number }, fileSize: number): number {
  return Math.min(data.declaredBytes, fileSize - data.offset);
}
