/**
 * Builds the web desk into web/dist when it is missing or older than its sources, so that
 * `npm start` on a fresh clone serves the desk and a warm start costs one directory walk.
 * The build goes to a scratch folder first and is swapped in whole: a server already serving
 * web/dist never sees half a build. Run: npx tsx web/tools/ensure-desk-built.ts [--force]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { precompressDesk } from './precompress-desk.ts';

const webDir = path.resolve(import.meta.dirname, '..');
const repositoryRoot = path.resolve(webDir, '..');
export const deskDistDir = path.join(webDir, 'dist');
const SOURCES = ['src', 'index.html', 'vite.config.ts', path.join('..', 'package-lock.json')];

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target))
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Why the desk must be (re)built, or null when web/dist is current. */
export function deskBuildReason(): string | null {
  const index = path.join(deskDistDir, 'index.html');
  if (!fs.existsSync(index)) return 'web/dist is missing';
  const built = fs.statSync(index).mtimeMs;
  const newest = Math.max(...SOURCES.map((s) => newestMtime(path.join(webDir, s))));
  return newest > built ? 'web/src changed since the last build' : null;
}

export async function ensureDeskBuilt(
  options: { force?: boolean; log?: (line: string) => void } = {},
): Promise<boolean> {
  const reason = options.force ? 'forced' : deskBuildReason();
  if (!reason) return false;
  const log = options.log ?? ((line: string) => console.log(line));
  if (!canWrite(webDir) || !canWrite(path.join(repositoryRoot, 'node_modules'))) {
    // Installed by one account, run by another (a dedicated `earshot` user): this user cannot build.
    const fix = 'run `npm run build:desk` as the owner of the Earshot folder';
    if (!fs.existsSync(path.join(deskDistDir, 'index.html'))) {
      throw new Error(`web/dist is missing and this user cannot write the Earshot folder: ${fix}`);
    }
    log(
      `The web desk needs a build (${reason}), but this user cannot write the Earshot folder: serving the existing build; ${fix}.`,
    );
    return false;
  }
  log(`Building the web desk (${reason})…`);
  const scratch = path.join(
    repositoryRoot,
    'node_modules',
    '.cache',
    'earshot-desk',
    `build-${process.pid}-${Date.now()}`,
  );
  const { build } = await import('vite');
  await build({
    configFile: path.join(webDir, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: scratch, emptyOutDir: true },
  });
  const packed = precompressDesk(scratch);
  log(
    `Compressed ${packed.files} files: ${kib(packed.bytes)} → ${kib(packed.brotliBytes)} with Brotli (gzip too).`,
  );
  const old = `${scratch}-old`;
  if (fs.existsSync(deskDistDir)) fs.renameSync(deskDistDir, old);
  fs.renameSync(scratch, deskDistDir);
  fs.rmSync(old, { recursive: true, force: true });
  log('Web desk built into web/dist.');
  return true;
}

const kib = (bytes: number): string => `${Math.round(bytes / 1024)} KiB`;

function canWrite(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureDeskBuilt({ force: process.argv.includes('--force') }).catch((error: unknown) => {
    console.error(`Could not build the web desk: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
