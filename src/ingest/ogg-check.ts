import fs from 'node:fs';

const CAPTURE = Buffer.from('OggS');
const END_OF_STREAM = 0x04;
/** An Ogg page is at most 27 + 255 + 255 × 255 bytes: the last one lies within this tail. */
const TAIL_BYTES = 27 + 255 + 255 * 255;

/**
 * An Ogg stream cut short decodes cleanly up to the cut and declares no length, so a decoder
 * sees a shorter, whole call. Its writer ends it with a page flagged end-of-stream: when the file
 * does not end with a complete such page, it was cut. Returns the problem, or null for files that
 * are not Ogg and for complete ones.
 */
export function oggTruncation(file: string): string | null {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const head = Buffer.alloc(4);
    if (fs.readSync(fd, head, 0, 4, 0) < 4 || !head.equals(CAPTURE)) return null;
    const start = Math.max(0, size - TAIL_BYTES);
    const tail = Buffer.alloc(size - start);
    fs.readSync(fd, tail, 0, tail.length, start);
    // The last page that ends exactly at the end of the file (a capture pattern can also occur
    // inside packet data, so each candidate is checked by its own length).
    for (
      let at = tail.lastIndexOf(CAPTURE);
      at !== -1;
      at = at > 0 ? tail.lastIndexOf(CAPTURE, at - 1) : -1
    ) {
      if (at + 27 > tail.length) continue;
      const segments = tail[at + 26]!;
      if (at + 27 + segments > tail.length) continue;
      let body = 0;
      for (let i = 0; i < segments; i++) body += tail[at + 27 + i]!;
      if (at + 27 + segments + body !== tail.length) continue;
      if ((tail[at + 5]! & END_OF_STREAM) !== 0) return null;
      return 'the Ogg stream has no end-of-stream page: the file looks cut short';
    }
    return 'the Ogg file ends inside a page: the file looks cut short';
  } finally {
    fs.closeSync(fd);
  }
}
