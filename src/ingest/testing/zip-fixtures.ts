import fs from 'node:fs';
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
