import type { Db } from '../../db/database.ts';
import type { TranscriptKind, TranscriptWord } from '../../db/schema.ts';
import {
  listTranscriptVersions,
  segmentOrigins,
  segmentTranslationOf,
  segmentTranslations,
  transcriptSegments,
  type SegmentTranslation,
  type TranscriptVersion,
} from '../../transcripts/transcript-store.ts';

/**
 * What an excerpt is cut from: the CURRENT transcript version of a call, each segment with its
 * word timings and the English translation the Call page shows for it (segmentTranslations, the
 * one definition of which translation applies and whether it is stale), and which segments a
 * person changed from the machine's output.
 */

export interface ExcerptSourceSegment {
  id: string;
  position: number;
  channel: number;
  lane: string;
  start: number;
  end: number;
  /** Russian, as the current version has it. */
  text: string;
  words: readonly TranscriptWord[];
  /** A person wrote or changed this segment's text (it is not the recogniser's output). */
  corrected: boolean;
  /** stale: the English was made for an older text of the segment (a person corrected it since). */
  translation: SegmentTranslation | null;
}

export interface CallTranscript {
  recordingId: string;
  version: { id: string; number: number; kind: TranscriptKind; createdBy: string };
  /** The machine version the current one descends from (itself when it is a machine version). */
  recogniser: {
    transcriptId: string;
    version: number;
    model: string | null;
    files: Record<string, string>;
  } | null;
  segments: ExcerptSourceSegment[];
}

/** The call's current transcript with translations; undefined when it has none yet. */
export async function readCallTranscript(db: Db, recordingId: string): Promise<CallTranscript | undefined> {
  const versions = await listTranscriptVersions(db, recordingId);
  const current = versions.find((v) => v.is_current) ?? versions.at(-1);
  if (!current) return undefined;
  const machine = machineAncestor(versions, current);
  const [segments, translations, origins] = await Promise.all([
    transcriptSegments(db, current.id),
    segmentTranslations(db, current.id),
    machine && machine.id !== current.id ? segmentOrigins(db, current.id, machine.id) : undefined,
  ]);
  const machineTexts =
    machine && origins
      ? new Map((await transcriptSegments(db, machine.id)).map((s) => [String(s.id), s.text]))
      : undefined;
  return {
    recordingId,
    version: { id: current.id, number: current.version, kind: current.kind, createdBy: current.created_by },
    recogniser: machine
      ? {
          transcriptId: machine.id,
          version: machine.version,
          model: machine.model,
          files: machine.model_files,
        }
      : null,
    segments: segments.map((s) => {
      const id = String(s.id);
      // A machine version is the recogniser's own; in a human one, a segment is the machine's only
      // when it traces back to a machine segment with the very same text.
      const origin = origins?.get(id);
      const translation = translations.get(id);
      const corrected =
        current.kind === 'human' &&
        (origin === undefined || machineTexts === undefined || machineTexts.get(origin) !== s.text);
      return {
        id,
        position: s.position,
        channel: s.channel,
        lane: s.lane,
        start: s.start_seconds,
        end: s.end_seconds,
        text: s.text,
        words: s.words,
        corrected,
        translation: translation ? segmentTranslationOf(translation) : null,
      };
    }),
  };
}

function machineAncestor(
  versions: readonly TranscriptVersion[],
  from: TranscriptVersion,
): TranscriptVersion | undefined {
  const byId = new Map(versions.map((v) => [v.id, v]));
  let at: TranscriptVersion | undefined = from;
  for (let hops = 0; at && hops <= versions.length; hops++) {
    if (at.kind === 'machine') return at;
    at = at.based_on_id ? byId.get(at.based_on_id) : undefined;
  }
  return undefined;
}
