import fs from 'node:fs';
import path from 'node:path';
import { EnvironmentError, fileSystemFix, fileSystemProblem } from './environment-error.ts';

/** Written and removed again at each start: proof that the data folder takes new files. */
export const WRITE_CHECK_FILE = '.earshot-write-check';

/**
 * Makes sure the data folder (EARSHOT_DATA_DIR) can hold Earshot's data before anything is put
 * in it: it is a folder (created if missing) and a small file can be written, synced and removed
 * there. Each way this can fail (the path is a file, the disk is read-only or full, permission
 * is denied) is an EnvironmentError that names the folder and the fix.
 */
export function prepareDataDirectory(dataDir: string): void {
  assertDataDirectoryIsAFolder(dataDir);
  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw cannotWrite(dataDir, error, 'cannot be created');
  }
  const probe = path.join(dataDir, WRITE_CHECK_FILE);
  try {
    const fd = fs.openSync(probe, 'w');
    try {
      fs.writeSync(fd, 'earshot\n');
      // A full disk may only say so when the bytes must reach it.
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    throw cannotWrite(dataDir, error, 'cannot be written to');
  } finally {
    fs.rmSync(probe, { force: true });
  }
}

/**
 * Fails when the data folder, or a folder above it, exists as something other than a folder.
 * Writes nothing: with DATABASE_URL the data folder may be read-only (a desk that only reads).
 */
export function assertDataDirectoryIsAFolder(dataDir: string): void {
  for (let dir = dataDir; ; dir = path.dirname(dir)) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(dir);
    } catch {
      if (path.dirname(dir) === dir) return;
      continue;
    }
    if (stat.isDirectory()) return;
    const what = dir === dataDir ? `The data folder ${dataDir}` : `${dir}, above the data folder ${dataDir},`;
    throw new EnvironmentError(
      `${what} is a file, not a folder. Set EARSHOT_DATA_DIR to a folder (Earshot creates it if it ` +
        `does not exist), or move the file out of the way.`,
    );
  }
}

function cannotWrite(dataDir: string, error: unknown, what: string): Error {
  const problem = fileSystemProblem(error);
  if (!problem) return error instanceof Error ? error : new Error(String(error));
  return new EnvironmentError(`The data folder ${dataDir} ${what}: ${problem}. ${fileSystemFix(error)}.`);
}
