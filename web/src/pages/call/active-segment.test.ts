import { describe, expect, it } from 'vitest';
import type { Segment } from '../../api/transcripts.ts';
import { activeSegmentAt, linkStart } from './active-segment.ts';

const segment = (id: string, start: number, end: number): Segment => ({
  id,
  position: Number(id),
  channel: Number(id) % 2,
  lane: `channel-${Number(id) % 2}`,
  speaker: null,
  start,
  end,
  text: id,
  language: 'ru',
  confidence: 0.9,
  words: [],
  sourceSegmentId: null,
  translation: null,
});

// Two lanes talking over each other: segment 2 starts while 1 is still running.
const segments = [segment('1', 10, 14.5), segment('2', 12.344, 15), segment('3', 15, 17)];

describe('the segment being heard', () => {
  it('is the segment a search hit names, even when its rounded time lands before its start', () => {
    const t = Number((12.344).toFixed(2)); // 12.34: the link's rounded time
    expect(activeSegmentAt(segments, t, '2')?.id).toBe('2');
    // Without the name, the earlier segment is the one heard at 12.34.
    expect(activeSegmentAt(segments, t, null)?.id).toBe('1');
  });

  it('is the one that started last when two overlap', () => {
    expect(activeSegmentAt(segments, 13, null)?.id).toBe('2');
  });

  it('follows playback once it leaves the named segment', () => {
    expect(activeSegmentAt(segments, 15.5, '2')?.id).toBe('3');
    expect(activeSegmentAt(segments, 9, '2')).toBeNull();
  });

  it('starts a link at the named segment’s exact start', () => {
    expect(linkStart(segments, '2', '12.34')).toBe('12.344');
    expect(linkStart(segments, 'unknown', '12.34')).toBe('12.34');
    expect(linkStart([], null, null)).toBeNull();
  });
});
