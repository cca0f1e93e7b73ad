import { describe, expect, it } from 'vitest';
import { diffTranscripts, type DiffSegment } from './transcript-diff.ts';

const seg = (id: string, position: number, start: number, text: string, lane = 'channel-0'): DiffSegment => ({
  id,
  position,
  channel: lane === 'channel-1' ? 1 : 0,
  lane,
  speaker: null,
  start,
  end: start + 1,
  text,
});

describe('diffTranscripts', () => {
  const before = [seg('1', 0, 0, 'алло'), seg('2', 1, 2, 'груз двести'), seg('3', 2, 4, 'до связи')];

  it('pairs segments through their origin and reports each kind of change', () => {
    const after = [
      seg('11', 0, 0, 'алло'),
      seg('12', 1, 2.5, 'груз триста', 'channel-1'),
      seg('14', 2, 6, 'конец'),
    ];
    const diff = diffTranscripts(
      before,
      after,
      new Map([
        ['11', '1'],
        ['12', '2'],
      ]),
    );
    expect(diff.summary).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 1 });
    expect(diff.changes.map((c) => [c.type, c.from?.id ?? null, c.to?.id ?? null])).toEqual([
      ['unchanged', '1', '11'],
      ['changed', '2', '12'],
      ['removed', '3', null],
      ['added', null, '14'],
    ]);
    expect(diff.changes[1]).toMatchObject({
      textChanged: true,
      laneChanged: true,
      boundariesChanged: true,
      speakerChanged: false,
      words: [
        { op: 'equal', text: 'груз' },
        { op: 'delete', text: 'двести' },
        { op: 'insert', text: 'триста' },
      ],
    });
  });

  it('pairs unlinked segments with identical boundaries (a machine redo of the same regions)', () => {
    const redo = [seg('21', 0, 0, 'алло'), seg('22', 1, 2, 'груз двухсотый'), seg('23', 2, 4, 'до связи')];
    const diff = diffTranscripts(before, redo, new Map());
    expect(diff.summary).toEqual({ added: 0, removed: 0, changed: 1, unchanged: 2 });
  });

  it('reads everything as removed and added when nothing pairs', () => {
    const diff = diffTranscripts(before, [seg('31', 0, 10, 'другое')], new Map());
    expect(diff.summary).toEqual({ added: 1, removed: 3, changed: 0, unchanged: 0 });
    expect(diff.changes.at(-1)?.type).toBe('added');
  });
});
