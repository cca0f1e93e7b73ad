import fs from 'node:fs';
import path from 'node:path';
import { MediaDecodeError, makeWorkingCopies, type WorkingCopiesResult } from '../../media/transcode.ts';
import { toolVersions } from '../../runtime/tool-versions.ts';
import { writeCustodyEvents } from '../../custody/custody-log.ts';
import type { Db } from '../../db/database.ts';
import { sha256File } from '../../runtime/file-hash.ts';
import { DerivedFileKind } from '../../db/schema.ts';
import { PermanentStageError, type StageHandler } from '../stage-handler.ts';

/**
 * decode: one 16 kHz mono working copy per channel of the original, under
 * derived/<sha256>/decode/ch<N>.wav. The original is only read, and its hash is checked first so a
 * damaged store is noticed rather than silently decoded.
 */
export const decodeStage: StageHandler<'decode'> = {
  stage: 'decode',
  jobOptions: { retryLimit: 3, retryDelaySeconds: 10, expireInSeconds: 30 * 60 },
  async run({ recordingId, force }, { db, config, worker, jobId }) {
    const recording = await db
      .selectFrom('recordings')
      .select(['id', 'sha256', 'store_path'])
      .where('id', '=', recordingId)
      .executeTakeFirst();
    if (!recording) throw new PermanentStageError(`recording ${recordingId} does not exist`);

    const originalPath = path.resolve(config.originalsDir, recording.store_path);
    if (!originalPath.startsWith(config.originalsDir + path.sep)) {
      throw new PermanentStageError(`store path ${recording.store_path} leads outside the originals store`);
    }
    if (!fs.existsSync(originalPath)) {
      throw new PermanentStageError(`original ${recording.store_path} is missing from the originals store`);
    }
    const { sha256: originalSha256 } = await sha256File(originalPath);
    if (originalSha256 !== recording.sha256) {
      throw new PermanentStageError(
        `original ${recording.store_path} does not match its recorded SHA-256 (store damaged?)`,
      );
    }

    const relativeDir = path.join(recording.sha256, 'decode');
    let decoded: WorkingCopiesResult;
    try {
      decoded = await makeWorkingCopies({
        inputPath: originalPath,
        outputDir: path.join(config.derivedDir, relativeDir),
      });
    } catch (error) {
      if (error instanceof MediaDecodeError) throw new PermanentStageError(error.message);
      throw error;
    }

    const versions = toolVersions();
    const outputs = decoded.copies.map((copy) => ({
      channel: copy.channel,
      path: path.join(relativeDir, path.basename(copy.path)),
      sha256: copy.sha256,
      sizeBytes: copy.sizeBytes,
      sampleRate: copy.sampleRate,
      durationSeconds: copy.durationSeconds,
    }));
    return {
      result: {
        channels: outputs.length,
        durationSeconds: outputs[0]?.durationSeconds ?? null,
        files: outputs.map((o) => o.path),
        ...(decoded.warnings ? { warnings: decoded.warnings } : {}),
      },
      // Rows and the custody event commit together with the stage's 'done' status.
      async record(trx: Db) {
        for (const output of outputs) {
          const row = {
            recording_id: recording.id,
            stage: 'decode',
            kind: DerivedFileKind.WorkingAudio,
            channel: output.channel,
            path: output.path,
            sha256: output.sha256,
            size_bytes: output.sizeBytes,
            sample_rate: output.sampleRate,
            duration_seconds: output.durationSeconds,
            tool_versions: JSON.stringify(versions),
          };
          await trx
            .insertInto('derived_files')
            .values(row)
            .onConflict((oc) => oc.columns(['recording_id', 'kind', 'channel']).doUpdateSet(row))
            .execute();
        }
        await writeCustodyEvents(
          trx,
          {
            recordingId: recording.id,
            actor: config.actor,
            sha256: recording.sha256,
            toolVersions: versions,
          },
          [
            {
              action: 'derived',
              details: {
                stage: 'decode',
                worker,
                jobId,
                force: force === true,
                input: { path: recording.store_path, sha256: originalSha256, ...decoded.input },
                outputs,
                ffmpegArgs: decoded.ffmpegArgs,
                resampler: decoded.resampler,
              },
            },
          ],
        );
      },
    };
  },
};
