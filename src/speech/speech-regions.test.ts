import { describe, expect, it } from 'vitest';
import { padRegions, splitRegionsBySpeaker } from './speech-regions.ts';

describe('padRegions', () => {
  it('pads, clamps to the audio and keeps regions apart by meeting halfway', () => {
    const padded = padRegions(
      [
        { start: 0.1, end: 1 },
        { start: 1.4, end: 2 },
        { start: 5, end: 9.9 },
      ],
      { before: 0.3, after: 0.6 },
      10,
    );
    expect(padded).toEqual([
      { start: 0, end: 1.2 },
      { start: 1.2, end: 2.6 },
      { start: 4.7, end: 10 },
    ]);
  });

  it('merges regions the detector reported as overlapping', () => {
    expect(
      padRegions(
        [
          { start: 1, end: 3 },
          { start: 2, end: 4 },
        ],
        { before: 0, after: 0 },
        10,
      ),
    ).toEqual([{ start: 1, end: 4 }]);
  });
});

describe('splitRegionsBySpeaker', () => {
  it('cuts a mixed region where the diarised speaker changes and labels each piece', () => {
    const pieces = splitRegionsBySpeaker(
      [{ start: 0, end: 10 }],
      [
        { start: 0.2, end: 4, speaker: 0 },
        { start: 4.5, end: 9.5, speaker: 1 },
      ],
    );
    expect(pieces).toEqual([
      { start: 0, end: 4.5, speaker: 0 },
      { start: 4.5, end: 10, speaker: 1 },
    ]);
  });

  it('leaves regions no turn touches as unknown speaker', () => {
    expect(splitRegionsBySpeaker([{ start: 20, end: 21 }], [{ start: 0, end: 5, speaker: 0 }])).toEqual([
      { start: 20, end: 21, speaker: null },
    ]);
  });
});
