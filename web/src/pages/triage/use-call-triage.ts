import { useCallback, useMemo, useState } from 'react';
import { errorText } from '../../api/http.ts';
import { addTag, mayTag, removeTag, tagsInUse, triageOf } from '../../api/triage.ts';
import { useLoad } from '../../hooks.ts';
import { useSessionInfo } from './use-session-role.ts';

/** What a segment of the transcript needs to show and change its tags in place. */
export interface SegmentTagging {
  /** Whether the signed-in person may tag (tag_calls); everybody who reads the call sees the tags. */
  canTag: boolean;
  /** Tags in use in the person's collections, offered as they type. */
  suggestions: readonly string[];
  /** Adds a tag to a segment; a refusal is thrown for the form to show. */
  add: (segmentId: string, tag: string) => Promise<void>;
  /** Removes a tag from a segment; a refusal is thrown for the segment to show. */
  remove: (segmentId: string, tag: string) => Promise<void>;
}

const NO_TAGS: readonly string[] = [];

/**
 * The tags and the signed-in person's stars of one call, read once for the Call page: its Tags and
 * stars panel and the transcript's own segment tags show the same data, read again after a change
 * made in either.
 */
export function useCallTriage(recordingId: string) {
  const session = useSessionInfo();
  const triage = useLoad(`call-triage:${recordingId}`, (signal) => triageOf([recordingId], signal));
  const tagList = useLoad('tags', (signal) => tagsInUse(signal));
  const [error, setError] = useState<string | null>(null);
  const info = triage.data?.[0];
  const canTag = session ? mayTag(session) : false;
  const { refresh } = triage;
  const { refresh: refreshTagList } = tagList;
  const changed = useCallback(() => {
    refresh();
    refreshTagList();
  }, [refresh, refreshTagList]);

  /** Runs a change made in the panel; a refusal is shown there. */
  const act = useCallback(
    async (action: () => Promise<unknown>) => {
      try {
        await action();
        setError(null);
        changed();
      } catch (e) {
        setError(errorText(e));
      }
    },
    [changed],
  );

  const tagsBySegment = useMemo(() => {
    const bySegment = new Map<string | null, string[]>();
    for (const t of info?.tags ?? [])
      bySegment.set(t.segmentId, [...(bySegment.get(t.segmentId) ?? []), t.tag]);
    return bySegment;
  }, [info]);
  const suggestionKey = (tagList.data ?? []).map((t) => t.tag).join('\n');
  const segmentTagging = useMemo<SegmentTagging>(
    () => ({
      canTag,
      suggestions: suggestionKey ? suggestionKey.split('\n') : [],
      add: async (segmentId, tag) => {
        await addTag(recordingId, tag, segmentId);
        changed();
      },
      remove: async (segmentId, tag) => {
        await removeTag(recordingId, tag, segmentId);
        changed();
      },
    }),
    [canTag, suggestionKey, recordingId, changed],
  );

  return {
    info,
    canTag,
    suggestions: segmentTagging.suggestions,
    error,
    act,
    /** The tags on the call itself (null) or on a segment. */
    tagsOn: (segmentId: string | null): readonly string[] => tagsBySegment.get(segmentId) ?? NO_TAGS,
    segmentTagging,
  };
}

export type CallTriageState = ReturnType<typeof useCallTriage>;
