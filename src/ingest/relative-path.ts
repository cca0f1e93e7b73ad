/**
 * Paths that come from elsewhere and are placed under a folder of ours: zip entry names and the
 * paths of files uploaded from the desk. Windows tools write `calls\2022\x.wav`: a backslash
 * separates folders there, so it is read as one before the `..` and absolute-path checks, which
 * then see every folder. One rule for both, so an archive and an upload of the same folder agree.
 */
export function withForwardSlashes(name: string): string {
  return name.replace(/\\/g, '/');
}

/** Why a relative path must not be used (absolute, drive-qualified, climbing out), or null. */
export function unsafeRelativePath(name: string): string | null {
  const normalised = withForwardSlashes(name);
  if (normalised.startsWith('/')) return 'absolute path';
  if (/^[a-zA-Z]:/.test(normalised)) return 'drive-qualified path';
  if (normalised.split('/').includes('..')) return 'path climbs out with ".."';
  return null;
}
