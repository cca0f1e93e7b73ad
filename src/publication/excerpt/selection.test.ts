import { describe, expect, it } from 'vitest';
import {
  call,
  currentSegmentIds,
  MACHINE,
  machineSegmentIds,
  otherSegmentIds,
  plan,
  unverifiedCall,
  useExcerptFixture,
} from '../../../test/helpers/excerpt-fixture.ts';
import { SelectionRejected, type SelectionRequest } from './selection.ts';

// The selection of an excerpt against the call's current transcript, and every selection refused.

useExcerptFixture('excerpt_selection');

describe('selection', () => {
  const refused = async (selection: SelectionRequest, message: string) => {
    const attempt = plan({ selection });
    await expect(attempt).rejects.toThrow(SelectionRejected);
    await expect(plan({ selection })).rejects.toThrow(message);
  };

  it('takes the range of the selected segments and every segment of either lane inside it', async () => {
    const result = await plan({ selection: { segmentIds: [currentSegmentIds[0]!, currentSegmentIds[2]!] } });
    expect([result.from, result.to]).toEqual([0.6, 11.98]);
    expect(result.segments.map((s) => s.id)).toEqual(currentSegmentIds.slice(0, 3));
    expect(result.provenance.selection.requestedSegmentIds).toEqual([
      currentSegmentIds[0],
      currentSegmentIds[2],
    ]);
  });

  it('takes a time range, and the whole call when nothing is given', async () => {
    const ranged = await plan({ selection: { from: 60, to: 70 } });
    expect(ranged.segments.map((s) => s.id)).toEqual(currentSegmentIds.slice(3));
    const whole = await plan();
    expect([whole.from, whole.to]).toEqual([0, call.duration_seconds]);
    expect(whole.segments).toHaveLength(MACHINE.length);
  });

  it('refuses overlapping selections', async () => {
    await refused(
      { segmentIds: [currentSegmentIds[0]!], from: 2, to: 9 },
      'Overlapping selections: the segments (0.6 s–4.09 s) and the time range (2 s–9 s) overlap',
    );
    await refused(
      { segmentIds: [currentSegmentIds[1]!, currentSegmentIds[1]!] },
      `Overlapping selections: segment ${currentSegmentIds[1]} is selected more than once.`,
    );
  });

  it('refuses an empty selection', async () => {
    await refused({ segmentIds: [] }, 'Empty selection: no segment was selected.');
    await refused({ from: 30, to: 33 }, 'Empty selection: 30 s–33 s holds no transcribed speech.');
  });

  it('refuses a selection beyond the call, and one that ends before it starts', async () => {
    const duration = Number(call.duration_seconds!.toFixed(2));
    await refused(
      { from: 80, to: 200 },
      `The selection 80 s–200 s goes beyond the call, which lasts ${duration} s.`,
    );
    await refused({ from: 200, to: 210 }, 'goes beyond the call');
    await refused({ from: -1, to: 5 }, 'The selection starts before the call: from is -1 s.');
    await refused({ from: 10, to: 10 }, 'from (10 s) must be less than to (10 s)');
    await refused({ from: 12, to: 8 }, 'from (12 s) must be less than to (8 s)');
  });

  it('refuses unknown segments, segments of another call and of an older version, naming each', async () => {
    await unverifiedCall();
    await refused({ segmentIds: ['999999999'] }, 'segment 999999999 does not exist');
    await refused({ segmentIds: ['not-a-segment'] }, 'segment not-a-segment does not exist');
    await refused(
      { segmentIds: [otherSegmentIds[0]!] },
      `segment ${otherSegmentIds[0]} belongs to another call`,
    );
    await refused(
      { segmentIds: [machineSegmentIds[0]!] },
      `segment ${machineSegmentIds[0]} is of an older transcript version (the current is v2)`,
    );
  });
});
