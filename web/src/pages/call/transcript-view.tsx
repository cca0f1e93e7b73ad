import { memo, useEffect, useRef, useState } from 'react';
import type { AnalysisEntity, AnalysisMatch, MeaningFlag } from '../../api/analysis.ts';
import { categoryColor } from '../../api/categories.ts';
import type { Segment } from '../../api/transcripts.ts';
import { formatClock, formatPercent } from '../../format.ts';
import { SegmentEditor, type SegmentEdit } from './segment-editor.tsx';
import { SegmentEnglish } from './segment-english.tsx';
import type { TextRange } from './segment-text.ts';
import { LOW_CONFIDENCE, SegmentText, WordKeysHint } from './segment-words.tsx';
import { SegmentTags } from '../triage/segment-tags.tsx';
import type { SegmentTagging } from '../triage/use-call-triage.ts';
import { entityHref } from './analysis-marks.ts';
import { MeaningChips } from './meaning-chips.tsx';
import { laneColorIndex, laneLabel, lanesOf } from '../../lanes.ts';

interface SegmentRowProps {
  recordingId: string;
  segment: Segment;
  matches: AnalysisMatch[];
  entities: AnalysisEntity[];
  /** Flags from meaning (the classifier), most confident first. */
  meaning: MeaningFlag[];
  active: boolean;
  activeWord: number | null;
  editing: boolean;
  editable: boolean;
  lanes: string[];
  /** The segment's tags (the same array while they are unchanged, for memo). */
  tags: readonly string[];
  tagging: SegmentTagging;
  onSeek: (seconds: number) => void;
  onEdit: (segmentId: string | null) => void;
  onSave: (segment: Segment, edit: SegmentEdit) => Promise<void>;
  onNote: (segment: Segment) => void;
}

const SegmentRow = memo(function SegmentRow(props: SegmentRowProps) {
  const {
    recordingId,
    segment,
    matches,
    entities,
    meaning,
    active,
    editing,
    editable,
    lanes,
    tags,
    tagging,
    onSeek,
    onEdit,
    onSave,
    onNote,
  } = props;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (active) ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [active]);
  const lowConfidence = segment.confidence !== null && segment.confidence < LOW_CONFIDENCE;
  // The meaning flag whose phrases are highlighted: the one hovered or focused, else the one pressed.
  const [hovered, setHovered] = useState<MeaningFlag | null>(null);
  const [pinned, setPinned] = useState<MeaningFlag | null>(null);
  const shown = hovered ?? pinned;
  return (
    <div
      ref={ref}
      className={`segment lane-${laneColorIndex(segment.lane, lanes)}${active ? ' active' : ''}`}
      data-testid="segment"
      data-segment-id={segment.id}
      data-start={segment.start.toFixed(2)}
    >
      <div className="segment-gutter">
        <button
          type="button"
          className="time-link mono"
          onClick={() => onSeek(segment.start)}
          title="Play from here"
        >
          {formatClock(segment.start, true)}
        </button>
        <span className={`lane-tag lane-${laneColorIndex(segment.lane, lanes)}`}>{laneLabel(segment)}</span>
        {segment.confidence !== null ? (
          <span
            className={`conf${lowConfidence ? ' low' : ''}`}
            title="Recogniser confidence for this segment"
          >
            {formatPercent(segment.confidence)}
          </span>
        ) : null}
      </div>
      <div className="segment-source">
        {editing ? (
          <SegmentEditor
            segment={segment}
            lanes={lanes}
            onCancel={() => onEdit(null)}
            onSave={(edit) => onSave(segment, edit)}
          />
        ) : (
          <>
            <SegmentText {...props} phrases={shown?.phrases ?? NO_PHRASES} />
            <MeaningChips
              flags={meaning}
              shown={shown}
              pinned={pinned}
              onShow={setHovered}
              onPin={setPinned}
            />
            {entities.length > 0 ? (
              <div className="entity-chips">
                {entities.map((e, i) => {
                  const href = entityHref(e);
                  const title = `${e.kind} · ${e.rule} · ${formatPercent(e.confidence)}`;
                  const content = (
                    <>
                      <span className="chip-kind">{e.kind.replace('_', ' ')}</span> {e.value}
                    </>
                  );
                  // A spoken number opens its page: every call it is in, and what is known of it.
                  return href ? (
                    <a key={i} className={`chip entity-chip entity-${e.kind}`} title={title} href={href}>
                      {content}
                    </a>
                  ) : (
                    <span key={i} className={`chip entity-chip entity-${e.kind}`} title={title}>
                      {content}
                    </span>
                  );
                })}
              </div>
            ) : null}
            {matches.length > 0 ? (
              <div className="match-list">
                {matches.map((m, i) => (
                  <span key={i} className="match-gloss" style={{ color: categoryColor(m.category) }}>
                    {m.surface} — {m.gloss}
                    {m.count !== null && m.count !== undefined ? ` (×${m.count})` : ''}
                  </span>
                ))}
              </div>
            ) : null}
            <SegmentTags segmentId={segment.id} start={segment.start} tags={tags} tagging={tagging} />
          </>
        )}
      </div>
      <SegmentEnglish recordingId={recordingId} segment={segment} editable={editable} />
      <div className="segment-actions">
        {editable && !editing ? (
          <button
            type="button"
            className="small"
            data-testid="edit-segment"
            onClick={() => onEdit(segment.id)}
          >
            Edit
          </button>
        ) : null}
        <button
          type="button"
          className="small"
          onClick={() => onNote(segment)}
          title="Write a note on this segment"
        >
          Note
        </button>
      </div>
    </div>
  );
});

export function TranscriptView({
  recordingId,
  segments,
  matchesBySegment,
  entitiesBySegment,
  meaningBySegment,
  activeSegmentId,
  activeWord,
  editingId,
  editable,
  tagsOn,
  tagging,
  onSeek,
  onEdit,
  onSave,
  onNote,
}: {
  recordingId: string;
  segments: Segment[];
  matchesBySegment: Map<string, AnalysisMatch[]>;
  entitiesBySegment: Map<string, AnalysisEntity[]>;
  meaningBySegment: Map<string, MeaningFlag[]>;
  activeSegmentId: string | null;
  activeWord: number | null;
  editingId: string | null;
  editable: boolean;
  /** A segment's tags (useCallTriage), shown and changed in place. */
  tagsOn: (segmentId: string) => readonly string[];
  tagging: SegmentTagging;
  onSeek: (seconds: number) => void;
  onEdit: (segmentId: string | null) => void;
  onSave: (segment: Segment, edit: SegmentEdit) => Promise<void>;
  onNote: (segment: Segment) => void;
}) {
  const lanes = lanesOf(segments);
  if (segments.length === 0) return <div className="muted empty">No speech segments in this transcript.</div>;
  return (
    <div className="transcript" data-testid="transcript">
      <WordKeysHint />
      {segments.map((segment) => (
        <SegmentRow
          key={segment.id}
          recordingId={recordingId}
          segment={segment}
          matches={matchesBySegment.get(segment.id) ?? NO_MATCHES}
          entities={entitiesBySegment.get(segment.id) ?? NO_ENTITIES}
          meaning={meaningBySegment.get(segment.id) ?? NO_MEANING}
          active={segment.id === activeSegmentId}
          activeWord={segment.id === activeSegmentId ? activeWord : null}
          editing={segment.id === editingId}
          editable={editable}
          lanes={lanes}
          tags={tagsOn(segment.id)}
          tagging={tagging}
          onSeek={onSeek}
          onEdit={onEdit}
          onSave={onSave}
          onNote={onNote}
        />
      ))}
    </div>
  );
}

const NO_MATCHES: AnalysisMatch[] = [];
const NO_ENTITIES: AnalysisEntity[] = [];
const NO_MEANING: MeaningFlag[] = [];
const NO_PHRASES: TextRange[] = [];
