import { useState } from 'react';
import { errorText } from '../../api/http.ts';
import type { Segment } from '../../api/transcripts.ts';
import { addTag, mayTag, removeTag, setStar, tagsInUse, triageOf } from '../../api/triage.ts';
import { formatClock } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { AddTagForm, StarToggle, TagChips } from './tag-chips.tsx';
import { useSessionInfo } from './use-session-role.ts';

const excerpt = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/**
 * Tags and your stars on the call and on its segments. The segment is the one playing (or picked
 * in the list), so tagging a line is: play or pick it, then tag. Tags are the collection's (its
 * readers see them); stars are yours only.
 */
export function CallTriagePanel({
  recordingId,
  segments,
  activeSegmentId,
  onSeek,
}: {
  recordingId: string;
  segments: readonly Segment[];
  activeSegmentId: string | null;
  onSeek: (seconds: number) => void;
}) {
  const session = useSessionInfo();
  const triage = useLoad(`call-triage:${recordingId}`, (signal) => triageOf([recordingId], signal));
  const suggestions = useLoad('tags', (signal) => tagsInUse(signal)).data?.map((t) => t.tag) ?? [];
  const [picked, setPicked] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const info = triage.data?.[0];
  const canTag = session ? mayTag(session) : false;
  const segmentId = picked ?? activeSegmentId ?? segments[0]?.id ?? null;
  const segment = segments.find((s) => s.id === segmentId);

  const act = async (action: () => Promise<unknown>) => {
    try {
      await action();
      setError(null);
      triage.refresh();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const tagsOn = (id: string | null) => info?.tags.filter((t) => t.segmentId === id).map((t) => t.tag) ?? [];
  const marked = segments.filter((s) => tagsOn(s.id).length > 0 || info?.starredSegments.includes(s.id));

  return (
    <section className="panel triage-panel" data-testid="call-triage" aria-labelledby="triage-heading">
      <h2 id="triage-heading">Tags and stars</h2>
      <div className="triage-line">
        <StarToggle
          starred={info?.starred ?? false}
          label="this call"
          onToggle={(on) => act(() => setStar(recordingId, on))}
        />
        <TagChips
          tags={tagsOn(null)}
          onRemove={canTag ? (tag) => act(() => removeTag(recordingId, tag, null)) : undefined}
        />
      </div>
      {canTag ? (
        <AddTagForm
          label="Tag this call"
          suggestions={suggestions}
          onAdd={(tag) => act(() => addTag(recordingId, tag))}
        />
      ) : null}
      {segments.length > 0 ? (
        <div className="triage-segment">
          <label className="inline">
            Segment
            <select
              value={segmentId ?? ''}
              onChange={(e) => setPicked(e.target.value)}
              aria-label="Segment to tag or star"
            >
              {segments.map((s) => (
                <option key={s.id} value={s.id}>
                  {formatClock(s.start)} {excerpt(s.text)}
                </option>
              ))}
            </select>
          </label>
          {segment ? (
            <div className="triage-line">
              <StarToggle
                starred={info?.starredSegments.includes(segment.id) ?? false}
                label={`segment at ${formatClock(segment.start)}`}
                onToggle={(on) => act(() => setStar(recordingId, on, segment.id))}
              />
              <TagChips
                tags={tagsOn(segment.id)}
                onRemove={canTag ? (tag) => act(() => removeTag(recordingId, tag, segment.id)) : undefined}
              />
            </div>
          ) : null}
          {canTag && segment ? (
            <AddTagForm
              label="Tag this segment"
              suggestions={suggestions}
              onAdd={(tag) => act(() => addTag(recordingId, tag, segment.id))}
            />
          ) : null}
        </div>
      ) : null}
      {marked.length > 0 ? (
        <ul className="triage-marked" aria-label="Tagged or starred segments">
          {marked.map((s) => (
            <li key={s.id}>
              <button type="button" className="link mono" onClick={() => onSeek(s.start)}>
                {formatClock(s.start)}
              </button>{' '}
              {info?.starredSegments.includes(s.id) ? <span aria-label="starred">★</span> : null}{' '}
              <TagChips tags={tagsOn(s.id)} />
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
