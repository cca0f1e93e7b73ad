import fs from 'node:fs';
import path from 'node:path';
import { IngestUsageError } from './errors.ts';
import { checkName } from './printable-name.ts';
import { describeFsError, fileKind, openFileStream } from './source-file.ts';
import { RejectionCode, type IngestLimits, type RejectedInput, type WalkItem } from './types.ts';
import { readZipEntries } from './zip-entries.ts';

const SLASH = Buffer.from('/');

/** Fails before anything is ingested when an input path does not exist at all. */
export function assertInputsExist(inputs: string[]): void {
  for (const input of inputs) {
    try {
      fs.lstatSync(input);
    } catch (error) {
      throw new IngestUsageError(
        `cannot read input "${checkName(input).printable}": ${describeFsError(error)}`,
      );
    }
  }
}

/**
 * Walks the inputs (files, folders recursively, zip archives) in a stable order and yields every
 * file as a source, or as a rejection when it must not be read: symbolic links leading outside
 * the input, pipes and devices, hostile names. Paths stay raw bytes (Buffers) until printed, so a
 * name that is not UTF-8 can still be opened and reported.
 */
export async function* walkInputs(inputs: string[], limits: IngestLimits): AsyncGenerator<WalkItem> {
  for (const input of inputs) {
    const inputBuf = Buffer.from(input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(inputBuf);
    } catch (error) {
      yield rejected(
        checkName(input).printable,
        RejectionCode.Unreadable,
        `cannot be read: ${describeFsError(error)}`,
      );
      continue;
    }
    if (stat.isDirectory()) {
      const root = fs.realpathSync(inputBuf, { encoding: 'buffer' });
      yield* walkDirectory(inputBuf, root, Buffer.alloc(0), limits);
    } else {
      yield* fileItems(inputBuf, stat, Buffer.from(path.basename(input)), limits);
    }
  }
}

async function* walkDirectory(
  dir: Buffer,
  root: Buffer,
  relative: Buffer,
  limits: IngestLimits,
): AsyncGenerator<WalkItem> {
  let names: Buffer[];
  try {
    names = fs.readdirSync(dir, { encoding: 'buffer' });
  } catch (error) {
    yield rejected(
      checkName(dir).printable,
      RejectionCode.Unreadable,
      `folder cannot be listed: ${describeFsError(error)}`,
    );
    return;
  }
  names.sort((a, b) => Buffer.compare(a, b));
  for (const name of names) {
    const full = Buffer.concat([dir, SLASH, name]);
    const rel = relative.length ? Buffer.concat([relative, SLASH, name]) : name;
    const printable = checkName(full);
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(full);
    } catch (error) {
      yield rejected(
        printable.printable,
        RejectionCode.Unreadable,
        `cannot be read: ${describeFsError(error)}`,
      );
      continue;
    }
    if (stat.isDirectory()) {
      yield* walkDirectory(full, root, rel, limits);
      continue;
    }
    if (printable.problem) {
      yield rejected(
        printable.printable,
        RejectionCode.UnsafeFileName,
        `${printable.problem}; recorded as "${printable.printable}"`,
        stat.size,
      );
      continue;
    }
    if (stat.isSymbolicLink()) {
      const target = resolveLinkInside(full, root);
      if (target.kind === 'rejected') {
        yield rejected(printable.printable, target.code, target.reason);
        continue;
      }
      // A link to a folder inside the input is walked through the folder itself; following it
      // again could loop.
      if (target.stat.isDirectory()) continue;
      stat = target.stat;
    }
    yield* fileItems(full, stat, rel, limits);
  }
}

type LinkTarget = { kind: 'ok'; stat: fs.Stats } | { kind: 'rejected'; code: RejectionCode; reason: string };

function resolveLinkInside(link: Buffer, root: Buffer): LinkTarget {
  let real: Buffer;
  try {
    real = fs.realpathSync(link, { encoding: 'buffer' });
  } catch (error) {
    return {
      kind: 'rejected',
      code: RejectionCode.Unreadable,
      reason: `symbolic link cannot be followed: ${describeFsError(error)}`,
    };
  }
  const inside =
    real.equals(root) ||
    (real.length > root.length &&
      real.subarray(0, root.length).equals(root) &&
      real[root.length] === SLASH[0]);
  if (!inside) {
    return {
      kind: 'rejected',
      code: RejectionCode.SymlinkOutsideInput,
      reason: `symbolic link leads outside the input folder (to "${checkName(real).printable}"); not followed`,
    };
  }
  return { kind: 'ok', stat: fs.statSync(real) };
}

async function* fileItems(
  file: Buffer,
  stat: fs.Stats,
  relative: Buffer,
  limits: IngestLimits,
): AsyncGenerator<WalkItem> {
  const printable = checkName(file);
  // Sidecar rows and name patterns see the decoded name; the record keeps the printable one.
  const relativePath = checkName(relative).text;
  if (printable.problem) {
    yield rejected(
      printable.printable,
      RejectionCode.UnsafeFileName,
      `${printable.problem}; recorded as "${printable.printable}"`,
      stat.size,
    );
    return;
  }
  if (!stat.isFile()) {
    yield rejected(
      printable.printable,
      RejectionCode.NotARegularFile,
      `not a regular file (${fileKind(stat)})`,
    );
    return;
  }
  if (/\.zip$/i.test(printable.text)) {
    yield* readZipEntries(file, printable.printable, limits);
    return;
  }
  yield {
    kind: 'source',
    source: {
      sourcePath: printable.printable,
      relativePath,
      basename: path.basename(relativePath),
      expectedSize: stat.size,
      diskBytes: stat.size,
      modifiedAt: stat.mtime,
      archivePath: null,
      archiveEntry: null,
      archiveFacts: null,
      open: () => openFileStream(file),
    },
  };
}

function rejected(
  sourcePath: string,
  code: RejectionCode,
  reason: string,
  sizeBytes: number | null = null,
): WalkItem {
  const item: RejectedInput = { sourcePath, code, reason, sizeBytes, diskBytes: sizeBytes ?? 0 };
  return { kind: 'rejected', rejected: item };
}
