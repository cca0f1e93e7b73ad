import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { SourceRejection } from './errors.ts';
import { RejectionCode } from './types.ts';

const READ_CHUNK = 1024 * 1024;

/**
 * Opens a file for reading without ever blocking on it: O_NONBLOCK keeps a FIFO (or a device)
 * from hanging the open, and fstat on the opened descriptor checks that what we read is the
 * regular file we walked, even if the path was swapped in between.
 */
export async function openRegularFile(file: Buffer): Promise<{ fd: number; size: number; modifiedAt: Date }> {
  let fd: number;
  try {
    fd = await new Promise<number>((resolve, reject) =>
      fs.open(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK, (error, opened) =>
        error ? reject(error) : resolve(opened),
      ),
    );
  } catch (error) {
    throw new SourceRejection(RejectionCode.Unreadable, `cannot be opened: ${describeFsError(error)}`);
  }
  const stat = fs.fstatSync(fd);
  if (!stat.isFile()) {
    fs.closeSync(fd);
    throw new SourceRejection(RejectionCode.NotARegularFile, `not a regular file (${fileKind(stat)})`);
  }
  return { fd, size: stat.size, modifiedAt: stat.mtime };
}

export async function openFileStream(file: Buffer): Promise<Readable> {
  const { fd } = await openRegularFile(file);
  return fs.createReadStream('', { fd, highWaterMark: READ_CHUNK, autoClose: true });
}

export function fileKind(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isDirectory()) return 'a directory';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'no such file (or a symbolic link pointing nowhere)';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'EISDIR':
      return 'is a directory';
    case 'EIO':
      return 'input/output error while reading';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
