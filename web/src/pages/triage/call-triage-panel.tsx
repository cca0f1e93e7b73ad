import { useState } from 'react';
import type { Segment } from '../../api/transcripts.ts';
import { addTag, removeTag, setStar } from '../../api/triage.ts';
import { formatClock } from '../../format.ts';
import { AddTagForm, StarToggle, TagChips } from './tag-chips.tsx';
import type { CallTriageState } from './use-call-triage.ts';

const excerpt = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/**
 * Tags and your stars on the call and on its segments. The segment is the one playing (or picked
 * in the list), so tagging a line is: play or pick it, then tag (or tag it in the transcript
 * itself). Tags are the collection's (its readers see them); stars are yours only.
 */
export function CallTriagePanel({
  recordingId,
  triage,
  segments,
  activeSegmentId,
  onSeek,
}: {
  recordingId: string;
  /** The call's tags and stars (useCallTriage), shared with the transcript's segment tags. */
  triage: CallTriageState;
  segments: readonly Segment[];
  activeSegmentId: string | null;
  onSeek: (seconds: number) => void;
}) {
  const { info, canTag, suggestions, error, act } = triage;
  const [picked, setPicked] = useState<string | null>(null);
  const segmentId = picked ?? activeSegmentId ?? segments[0]?.id ?? null;
  const segment = segments.find((s) => s.id === segmentId);
  const tagsOn = (id: string | null) => [...triage.tagsOn(id)];
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
