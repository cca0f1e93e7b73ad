import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ArchiveSpec } from './catalog-types.ts';
import { ModelError } from './model-store.ts';

/**
 * Unpacks only the listed members of a checksum-verified archive with the system `tar` (Node has
 * no bzip2). Member names come from the catalog, never from the archive, so a hostile archive
 * cannot write outside `intoDir`. Returns member name → extracted path.
 */
export async function extractArchiveMembers(
  archivePath: string,
  archive: ArchiveSpec,
  intoDir: string,
): Promise<Map<string, string>> {
  fs.rmSync(intoDir, { recursive: true, force: true });
  fs.mkdirSync(intoDir, { recursive: true });
  const members = Object.keys(archive.members);
  const args = [
    '-xjf',
    archivePath,
    '-C',
    intoDir,
    '--no-same-owner',
    '--no-same-permissions',
    '--',
    ...members,
  ];
  const { code, stderr } = await run('tar', args);
  if (code !== 0) {
    throw new ModelError(
      `could not unpack ${path.basename(archivePath)} with tar (exit ${code}): ${stderr.trim() || 'no message'}. ` +
        'Earshot needs `tar` with bzip2 support; or unpack the archive yourself and install with --from',
    );
  }
  const extracted = new Map<string, string>();
  for (const member of members) {
    const memberPath = path.resolve(intoDir, member);
    if (!memberPath.startsWith(path.resolve(intoDir) + path.sep)) {
      throw new ModelError(`archive member "${member}" would leave the unpack folder`);
    }
    const stat = fs.lstatSync(memberPath, { throwIfNoEntry: false });
    if (!stat?.isFile())
      throw new ModelError(`${path.basename(archivePath)} has no regular file "${member}"`);
    extracted.set(member, memberPath);
  }
  return extracted;
}

function run(command: string, args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    let stderr = '';
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => resolve({ code: -1, stderr: error.message }));
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}
