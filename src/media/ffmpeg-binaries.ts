import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

// ffmpeg and ffprobe come as static binaries inside npm packages, so a fresh clone needs no
// system install. Paths and versions are read once and recorded in custody events.
const require = createRequire(import.meta.url);

interface InstallerModule {
  path: string;
  version: string;
}

export const ffmpegPath: string = (require('@ffmpeg-installer/ffmpeg') as InstallerModule).path;
export const ffprobePath: string = (require('@ffprobe-installer/ffprobe') as InstallerModule).path;

let cachedVersions: Record<string, string> | undefined;

/** Versions of the external tools that touch evidence, for custody events. */
export function mediaToolVersions(): Record<string, string> {
  cachedVersions ??= {
    ffmpeg: firstLineVersion(ffmpegPath),
    ffprobe: firstLineVersion(ffprobePath),
  };
  return cachedVersions;
}

function firstLineVersion(binary: string): string {
  try {
    const out = execFileSync(binary, ['-version'], { encoding: 'utf8', timeout: 10_000 });
    return /version (\S+)/.exec(out)?.[1] ?? 'unknown';
  } catch {
    return 'unavailable';
  }
}
