import { readWavFileHeader } from '../media/wav-header.ts';

/**
 * ffmpeg quietly plays a WAV file cut short (it trusts the bytes present, not the header), so a
 * truncated WAV looks whole to a decoder. The RIFF header says how long the data chunk should be:
 * when the file ends before that, it was cut. Returns the problem, or null for non-RIFF files
 * and complete ones.
 */
export function riffTruncation(file: string): string | null {
  const { header, fileSize } = readWavFileHeader(file);
  const data = header?.data;
  if (!data) return null;
  const size = data.declaredBytes;
  // 0 and 0xFFFFFFFF mean "unknown length" (streamed or RF64 writers): nothing to compare.
  if (size === 0 || size === 0xffffffff) return null;
  const present = fileSize - data.offset;
  if (present < size) {
    return `the WAV header announces ${size} bytes of audio but only ${present} are present (file cut short)`;
  }
  return null;
}
