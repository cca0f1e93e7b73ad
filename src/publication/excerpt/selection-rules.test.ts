import { describe, expect, it } from 'vitest';
import type { CallTranscript, ExcerptSourceSegment } from './call-transcript.ts';
import { selectFromTranscript, SelectionRejected, type SegmentLookup } from './selection.ts';

// The selection's rules on a transcript held in memory (the database cases: selection.test.ts).

function segment(id: string, start: number, end: number, lane = 'channel-0'): ExcerptSourceSegment {
  return {
    id,
    position: Number(id),
    channel: 0,
    lane,
    start,
    end,
    text: 'да',
    words: [],
    corrected: false,
    translation: null,
  };
}

const transcript: CallTranscript = {
  recordingId: 'rec',
  version: { id: 't1', number: 1, kind: 'machine', createdBy: 'earshot' },
  recogniser: null,
  segments: [segment('1', 0, 4), segment('2', 3, 6, 'channel-1'), segment('3', 10, 14)],
};
const nowhere: SegmentLookup = () => Promise.resolve('unknown');
const select = (request: Parameters<typeof selectFromTranscript>[2]) =>
  selectFromTranscript(transcript, 14.5, request, nowhere);

describe('selection rules', () => {
  it('takes the overlapping segment of the other lane into a segment selection', async () => {
    const result = await select({ segmentIds: ['1'] });
    expect([result.from, result.to, result.segments.map((s) => s.id)]).toEqual([0, 4, ['1', '2']]);
  });

  it('accepts an end a rounding past the call and clips it to the call', async () => {
    const result = await select({ from: 9, to: 14.53 });
    expect([result.from, result.to]).toEqual([9, 14.5]);
    await expect(select({ from: 9, to: 14.6 })).rejects.toThrow('goes beyond the call, which lasts 14.5 s');
  });

  it('refuses segments and a range together even when they do not overlap', async () => {
    await expect(select({ segmentIds: ['3'], from: 0, to: 2 })).rejects.toThrow(
      'Two selections: segments and a time range. An excerpt is one continuous range',
    );
  });

  it('refuses a range that is not numbers', async () => {
    await expect(select({ from: Number.NaN, to: 3 })).rejects.toThrow(SelectionRejected);
    await expect(select({ from: 0, to: Number.POSITIVE_INFINITY })).rejects.toThrow(
      'needs numbers of seconds',
    );
  });
});
