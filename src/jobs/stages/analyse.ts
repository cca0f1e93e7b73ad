import { analyseCall } from '../../analysis/analyse-text.ts';
import {
  findAnalysisRun,
  insertAnalysisRun,
  translationSeen,
  type AnalyserVersions,
} from '../../analysis/analysis-store.ts';
import type { Db } from '../../db/database.ts';
import { readTranscriptVersion } from '../../transcripts/transcript-store.ts';
import type { JobQueue } from '../queue.ts';
import { scheduleStage } from '../scheduling.ts';
import type { StageHandler } from '../stage-handler.ts';
import { recordSpeechCustody } from './speech-stage-support.ts';

/** The lexicon, analyser and classifier versions in use; an empty call costs nothing to analyse. */
export function currentAnalyserVersions(): AnalyserVersions {
  const { lexiconVersion, analyserVersion, classifierVersion } = analyseCall([]);
  return { lexiconVersion, analyserVersion, classifierVersion };
}

/**
 * analyse: decodes code words, extracts entities and scores triage on the recording's current
 * transcript version (machine or human; a person's correction stays current over a machine re-run), segment by segment, and stores the result as a new
 * write-once analysis run that names the transcript and the translation rows it saw.
 *
 * Done when a run exists for the current transcript version with the current lexicon, analyser and
 * meaning classifier (a forced job analyses again anyway). A recording with no transcript, or one without speech,
 * gets an empty analysis: nothing to flag is a result, not a failure.
 */
export const analyseStage: StageHandler<'analyse'> = {
  stage: 'analyse',
  jobOptions: { retryLimit: 2, retryDelaySeconds: 5, expireInSeconds: 15 * 60 },
  async run({ recordingId, force }, { db, config, worker, jobId }) {
    const latest = await readTranscriptVersion(db, recordingId);
    const transcriptId = latest?.transcript.id ?? null;
    const versions = currentAnalyserVersions();
    if (force !== true) {
      const existing = await findAnalysisRun(db, { recordingId, transcriptId, ...versions });
      if (existing !== undefined) {
        return { result: { skipped: 'already analysed', runId: existing, transcriptId, ...versions } };
      }
    }
    const translation = transcriptId === null ? null : await translationSeen(db, transcriptId);
    const analysis = analyseCall((latest?.segments ?? []).map((s) => ({ key: String(s.id), text: s.text })));
    const matches = analysis.segments.reduce((n, s) => n + s.matches.length, 0);
    const entities = analysis.segments.reduce((n, s) => n + s.entities.length, 0);
    const meaningFlags = analysis.segments.reduce((n, s) => n + s.meaning.length, 0);
    const summary = {
      transcriptId,
      version: latest?.transcript.version ?? null,
      lexiconVersion: analysis.lexiconVersion,
      analyserVersion: analysis.analyserVersion,
      classifierVersion: analysis.classifierVersion,
      segments: analysis.segments.length,
      matches,
      entities,
      meaningFlags,
      triageScore: analysis.triage.score,
    };
    return {
      result: summary,
      async record(trx: Db) {
        const runId = await insertAnalysisRun(trx, {
          recordingId,
          transcriptId,
          translation,
          createdBy: `earshot (${worker})`,
          analysis,
        });
        await recordSpeechCustody(trx, {
          recordingId,
          actor: config.actor,
          details: { stage: 'analyse', worker, jobId, force: force === true, runId, ...summary },
        });
      },
    };
  },
};

/**
 * Queues analyse again for some recordings (after a human correction adds a transcript version,
 * or a lexicon update). Forced, because the stage's run is already 'done' for them; the handler
 * then analyses whatever the latest transcript version is at the time the job runs.
 */
export async function scheduleAnalysis<N extends string>(
  queue: JobQueue<N>,
  db: Db,
  recordingIds: readonly string[],
): Promise<number> {
  const stage = 'analyse';
  if (!queue.registry.has(stage)) throw new Error('this pipeline has no analyse stage');
  return scheduleStage(queue, db, stage, recordingIds, { force: true });
}
