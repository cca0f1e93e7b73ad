import { describe, expect, it } from 'vitest';
import type { Segment, TranscriptResponse } from '../../api/transcripts.ts';
import { correctionOf } from './use-call-data.ts';
import { savedMessage } from './use-segment-editing.ts';

const segment = (id: string, start: number, text: string): Segment => ({
  id,
  position: 0,
  channel: Number(id) % 2,
  lane: `ch${Number(id) % 2}`,
  speaker: null,
  start,
  end: start + 2,
  text,
  language: 'ru',
  confidence: 0.8,
  words: [],
  sourceSegmentId: null,
  translation: null,
});

const transcript: TranscriptResponse = {
  transcript: {
    id: 't3',
    version: 3,
    kind: 'human',
    basedOnVersion: 2,
    createdBy: 'anna',
    createdAt: '2024-01-01T00:00:00Z',
    model: null,
    modelFiles: {},
    decoding: {},
    language: 'ru',
    isCurrent: true,
  },
  isLatest: true,
  isCurrent: true,
  segments: [segment('1', 0, 'алло'), segment('2', 2, 'да слышу')],
};

describe('a correction from the Call page', () => {
  it('sends every segment of the shown version, based on it, with only the edited one changed', () => {
    const edit = { text: 'да, слышу', lane: 'ch0', start: 2.1, end: 3.5 };
    expect(correctionOf(transcript, transcript.segments[1]!, edit)).toEqual({
      baseVersion: 3,
      segments: [
        {
          position: 0,
          sourceSegmentId: '1',
          channel: 1,
          speaker: null,
          lane: 'ch1',
          start: 0,
          end: 2,
          text: 'алло',
        },
        { position: 1, sourceSegmentId: '2', channel: 0, speaker: null, ...edit },
      ],
    });
  });

  it('says which version it became and what runs again', () => {
    const result = {
      transcript: { ...transcript.transcript, version: 4 },
      segments: { kept: 1, edited: 1, added: 0, removed: 0 },
      rerun: { stages: ['translate', 'analyse'], queued: true },
      wordTiming: { aligned: 0, estimated: 0, notes: [] },
    };
    expect(savedMessage(result)).toBe('Saved as version 4 by anna. Running again: translate, analyse.');
    expect(savedMessage({ ...result, rerun: { stages: [], queued: false } })).toBe(
      'Saved as version 4 by anna.',
    );
    expect(savedMessage({ ...result, wordTiming: { aligned: 2, estimated: 0, notes: [] } })).toBe(
      'Saved as version 4 by anna. 2 words aligned to the audio. Running again: translate, analyse.',
    );
    expect(
      savedMessage({ ...result, wordTiming: { aligned: 0, estimated: 1, notes: ['no working audio'] } }),
    ).toBe(
      'Saved as version 4 by anna. 1 word with estimated times (no working audio). Running again: translate, analyse.',
    );
  });
});
