import type { Db } from '../../db/database.ts';
import { DerivedFileKind } from '../../db/schema.ts';
import { storeFingerprintsAndMatch, type ChannelFingerprint } from '../../fingerprint/duplicate-matching.ts';
import { fingerprintChannels } from '../../fingerprint/channel-fingerprints.ts';
import { FingerprintError, FpcalcMissingError, locateFpcalc } from '../../fingerprint/fpcalc-engine.ts';
import { loadWorkingAudio, type ChannelSamples } from '../../speech/working-audio.ts';
import { PermanentStageError, WaitingForToolError, type StageHandler } from '../stage-handler.ts';
import { loadOrFail } from './speech-stage-support.ts';
import { writeCustodyEvents } from '../../custody/custody-log.ts';
import { toolVersions } from '../../runtime/tool-versions.ts';

/**
 * fingerprint: a Chromaprint fingerprint of every channel's working copy and, for calls with more
 * than one channel, of their mono mix (leaks often mix both sides down), then duplicate leads to
 * the calls that sound the same. It runs right after decode so leads appear before the speech
 * stages are done; without fpcalc it waits for it and the other stages go on.
 */
export const fingerprintStage: StageHandler<'fingerprint'> = {
  stage: 'fingerprint',
  jobOptions: { retryLimit: 2, retryDelaySeconds: 10, expireInSeconds: 30 * 60 },
  async run({ recordingId, force }, { db, config, worker, jobId }) {
    let version: string;
    try {
      version = locateFpcalc().version;
    } catch (error) {
      if (error instanceof FpcalcMissingError) throw new WaitingForToolError('fpcalc', error.message);
      throw error;
    }
    const channels = await loadOrFail(() =>
      loadWorkingAudio(db, config.derivedDir, recordingId, DerivedFileKind.WorkingAudio),
    );
    const fingerprints = await fingerprintOrFail(channels);
    return {
      result: {
        fpcalc: version,
        fingerprints: fingerprints.map((f) => `${f.channel}: ${f.items.length} items`),
      },
      async record(trx: Db) {
        const leads = await storeFingerprintsAndMatch(trx, recordingId, fingerprints, version);
        const { sha256 } = await trx
          .selectFrom('recordings')
          .select('sha256')
          .where('id', '=', recordingId)
          .executeTakeFirstOrThrow();
        await writeCustodyEvents(
          trx,
          { recordingId, actor: config.actor, sha256, toolVersions: { ...toolVersions(), fpcalc: version } },
          [
            {
              action: 'derived',
              details: {
                stage: 'fingerprint',
                worker,
                jobId,
                force: force === true,
                engine: 'chromaprint (fpcalc -raw -length 0)',
                inputs: Object.fromEntries(channels.map((c) => [String(c.channel), c.sha256])),
                fingerprints: fingerprints.map((f) => ({ channel: f.channel, items: f.items.length })),
                leads: leads.map((l) => ({ recordingId: l.otherRecordingId, score: l.score })),
              },
            },
          ],
        );
      },
    };
  },
};

/** fpcalc could not fingerprint these working copies: the same input fails the same way. */
async function fingerprintOrFail(channels: readonly ChannelSamples[]): Promise<ChannelFingerprint[]> {
  try {
    return await fingerprintChannels(channels);
  } catch (error) {
    if (error instanceof FingerprintError) throw new PermanentStageError(error.message);
    throw error;
  }
}
