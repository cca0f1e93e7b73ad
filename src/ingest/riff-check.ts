import fs from 'node:fs';

const HEADER_BYTES = 64 * 1024;

/**
 * ffmpeg quietly plays a WAV file cut short (it trusts the bytes present, not the header), so a
 * truncated WAV looks whole to a decoder. The RIFF header says how long the data chunk should be:
 * when the file ends before that, it was cut. Returns the problem, or null for non-RIFF files
 * and complete ones.
 */
export function riffTruncation(file: string): string | null {
  const fd = fs.openSync(file, 'r');
  let header: Buffer;
  let fileSize: number;
  try {
    fileSize = fs.fstatSync(fd).size;
    header = Buffer.alloc(Math.min(HEADER_BYTES, fileSize));
    fs.readSync(fd, header, 0, header.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (
    header.length < 12 ||
    header.toString('latin1', 0, 4) !== 'RIFF' ||
    header.toString('latin1', 8, 12) !== 'WAVE'
  ) {
    return null;
  }
  let offset = 12;
  while (offset + 8 <= header.length) {
    const id = header.toString('latin1', offset, offset + 4);
    const size = header.readUInt32LE(offset + 4);
    if (id === 'data') {
      // 0 and 0xFFFFFFFF mean "unknown length" (streamed or RF64 writers): nothing to compare.
      if (size === 0 || size === 0xffffffff) return null;
      const present = fileSize - (offset + 8);
      if (present < size) {
        return `the WAV header announces ${size} bytes of audio but only ${present} are present (file cut short)`;
      }
      return null;
    }
    offset += 8 + size + (size % 2);
  }
  return null;
}
