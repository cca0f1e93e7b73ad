import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { assertMay } from '../../accounts/permissions.ts';
import type { Principal } from '../../accounts/principal.ts';
import type { Db } from '../../db/database.ts';
import { buildIdentityMatcher } from '../forms/identity-matcher.ts';
import { loadProtectedIdentities } from '../register/register-store.ts';
import { planExcerpt, type ExcerptPlan } from './excerpt-plan.ts';
import { insideStore, loadCall, protectAll, writePlannedClip } from './export-excerpt.ts';
import { previewPolicy, type PreviewPolicy } from './publish-policy.ts';
import type { SelectionRequest } from './selection.ts';

/**
 * The desk's preview of an excerpt: the plan an export would follow (redacted texts, the
 * identities withheld, the audio spans) and the redacted audio, written as an MP3 into a cache
 * of the user's own under the data folder (DATA/cache/excerpt-previews/<user>/). With protectAll
 * the call's analysis is first added to the register (audited, as an export does), so the preview
 * shows what the export will. A preview publishes nothing: the policy is checked as for an export, but an admin's override is asked
 * for and recorded only when exporting. A user's previews older than an hour, and all but their
 * newest few, are removed whenever they make a new one.
 */

export interface ExcerptPreview {
  id: string;
  plan: ExcerptPlan;
  policy: PreviewPolicy;
  /** The clip's window in seconds of the call. */
  clip: { start: number; end: number; durationSeconds: number };
  /** Register entries added first (protectAll). */
  protectedAdded: number;
}

/** A preview's audio: the user's own, of this call. */
export interface PreviewAudio {
  path: string;
  sha256: string;
}

/** No such preview for this user and call (removed, or never theirs): a 404. */
export class ExcerptPreviewNotFound extends Error {
  constructor(readonly previewId: string) {
    super(`No excerpt preview ${previewId}: previews are kept for an hour; make a new one.`);
  }
}

const PREVIEW_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const KEEP_NEWEST = 4;
const MAX_AGE_MS = 60 * 60 * 1000;

interface PreviewRecord {
  recordingId: string;
  sha256: string;
  createdAt: string;
}

export async function previewExcerpt(
  db: Db,
  dirs: { originalsDir: string; dataDir: string },
  request: {
    principal: Principal;
    recordingId: string;
    selection: SelectionRequest;
    /** First add every person, number, call sign and place of the call's analysis to the register. */
    protectAll?: boolean;
    address?: string | null;
    now?: Date;
  },
): Promise<ExcerptPreview> {
  const { principal } = request;
  const { call, storePath } = await loadCall(db, request.recordingId);
  const policy = await previewPolicy(db, principal, call);
  if (request.protectAll) assertMay(principal, 'manage_register');
  const protectedAdded = request.protectAll ? await protectAll(db, call, request) : 0;
  const matcher = buildIdentityMatcher(await loadProtectedIdentities(db, call.collection_id));
  const plan = await planExcerpt(
    db,
    { principal, call, selection: request.selection, matcher, now: request.now },
    { status: policy.status, override: null },
  );
  const folder = userFolder(dirs.dataDir, principal);
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  removeOldPreviews(folder, request.now ?? new Date());
  const id = randomUUID();
  const wav = path.join(folder, `${id}.wav`);
  const mp3 = path.join(folder, `${id}.mp3`);
  try {
    const clip = await writePlannedClip(plan, insideStore(dirs.originalsDir, storePath), { wav, mp3 });
    const record: PreviewRecord = {
      recordingId: call.id,
      sha256: createHash('sha256').update(fs.readFileSync(mp3)).digest('hex'),
      createdAt: (request.now ?? new Date()).toISOString(),
    };
    fs.writeFileSync(path.join(folder, `${id}.json`), JSON.stringify(record) + '\n', { mode: 0o600 });
    return {
      id,
      plan,
      policy,
      clip: { start: clip.clipStart, end: clip.clipEnd, durationSeconds: clip.durationSeconds },
      protectedAdded,
    };
  } finally {
    fs.rmSync(wav, { force: true });
  }
}

/** The MP3 of a preview the principal made of this call. */
export function findPreviewAudio(
  dataDir: string,
  principal: Principal,
  recordingId: string,
  previewId: string,
): PreviewAudio {
  if (!PREVIEW_ID.test(previewId)) throw new ExcerptPreviewNotFound(previewId);
  const folder = userFolder(dataDir, principal);
  let record: PreviewRecord;
  try {
    record = JSON.parse(fs.readFileSync(path.join(folder, `${previewId}.json`), 'utf8')) as PreviewRecord;
  } catch {
    throw new ExcerptPreviewNotFound(previewId);
  }
  const mp3 = path.join(folder, `${previewId}.mp3`);
  if (record.recordingId !== recordingId || !fs.existsSync(mp3)) throw new ExcerptPreviewNotFound(previewId);
  return { path: mp3, sha256: record.sha256 };
}

function userFolder(dataDir: string, principal: Principal): string {
  return path.join(dataDir, 'cache', 'excerpt-previews', principal.userId);
}

/** Removes previews older than an hour and all but the newest few (every file of each). */
function removeOldPreviews(folder: string, now: Date): void {
  const previews = fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ id: name.slice(0, -5), mtime: fs.statSync(path.join(folder, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  previews.forEach((preview, index) => {
    if (index < KEEP_NEWEST - 1 && now.getTime() - preview.mtime < MAX_AGE_MS) return;
    for (const ext of ['json', 'mp3', 'wav'])
      fs.rmSync(path.join(folder, `${preview.id}.${ext}`), { force: true });
  });
}
