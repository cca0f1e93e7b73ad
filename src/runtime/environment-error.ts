/**
 * A condition of this machine that the person running Earshot must fix: an occupied port, a full
 * or read-only disk, a data folder that cannot be used, a missing program. The message names the
 * path or port and says what to do; the CLI prints it as it is, without a stack trace.
 *
 * This module imports nothing, so that the CLI can recognise these errors without loading the
 * modules that raise them.
 */
export class EnvironmentError extends Error {}

/** Plain words for the errors of file-system calls that mean "this place cannot be written". */
const fileSystemProblems: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'it is on a read-only file system',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted (read-only or immutable)',
  ENOTDIR: 'a part of the path is a file, not a folder',
};

/** The plain words for a failed file-system call, or undefined when it is not a known condition. */
export function fileSystemProblem(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === undefined ? undefined : fileSystemProblems[code];
}

/** True for the errors that mean "no room left": the fix is to free space, not to change modes. */
export function isOutOfSpace(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/** What to do about a failed file-system call of the kinds above, as one sentence without a full stop. */
export function fileSystemFix(error: unknown): string {
  return isOutOfSpace(error)
    ? 'Free some space on that disk, or move the data folder to a disk with room and set EARSHOT_DATA_DIR to it'
    : 'Make it writable for this user (`chmod u+w`, `chattr -i` if it is immutable, or mount its disk ' +
        'read-write), or set EARSHOT_DATA_DIR to a folder this user can write to';
}
