import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { EnvironmentError } from '../runtime/environment-error.ts';

// ffmpeg and ffprobe come as static binaries inside npm packages, so a fresh clone needs no
// system install. Each is looked up on first use (an install without them can still run the
// commands that need neither) and its version is recorded in custody events.
const require = createRequire(import.meta.url);

const installerPackages = {
  ffmpeg: '@ffmpeg-installer/ffmpeg',
  ffprobe: '@ffprobe-installer/ffprobe',
} as const;
type MediaTool = keyof typeof installerPackages;

interface InstallerModule {
  path: string;
  version: string;
}

const resolvedPaths = new Map<MediaTool, string>();

/** The path of ffmpeg or ffprobe; an EnvironmentError with the fix when it is not installed. */
function mediaToolPath(tool: MediaTool): string {
  const known = resolvedPaths.get(tool);
  if (known) return known;
  const packageName = installerPackages[tool];
  let binary: string;
  try {
    binary = (require(packageName) as InstallerModule).path;
    fs.accessSync(binary, fs.constants.X_OK);
  } catch (error) {
    // The installer packages throw strings as well as errors.
    const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new EnvironmentError(
      `${tool} is missing: Earshot runs the copy that npm installs (package ${packageName} and its ` +
        `part for ${os.platform()}-${os.arch()}), and it cannot be used (${detail}). Run \`npm install\` ` +
        `in the Earshot folder again, without --omit=optional.`,
    );
  }
  resolvedPaths.set(tool, binary);
  return binary;
}

export const ffmpegPath = (): string => mediaToolPath('ffmpeg');
export const ffprobePath = (): string => mediaToolPath('ffprobe');

/** Fails before any work starts (e.g. an ingest) when ffmpeg or ffprobe is missing. */
export function assertMediaToolsInstalled(): void {
  ffprobePath();
  ffmpegPath();
}

let cachedVersions: Record<string, string> | undefined;

/** Versions of the external tools that touch evidence, for custody events. */
export function mediaToolVersions(): Record<string, string> {
  cachedVersions ??= {
    ffmpeg: firstLineVersion('ffmpeg'),
    ffprobe: firstLineVersion('ffprobe'),
  };
  return cachedVersions;
}

function firstLineVersion(tool: MediaTool): string {
  try {
    const out = execFileSync(mediaToolPath(tool), ['-version'], { encoding: 'utf8', timeout: 10_000 });
    return /version (\S+)/.exec(out)?.[1] ?? 'unknown';
  } catch {
    return 'unavailable';
  }
}
