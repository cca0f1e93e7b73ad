import { describe, expect, it } from 'vitest';
import { parseColumnMap, resolveColumns } from './column-map.ts';

describe('resolveColumns', () => {
  it('finds fields by their own name, ignoring case', () => {
    const columns = resolveColumns(['File', 'CALLER', 'callee'], {});
    expect(Object.fromEntries(columns)).toEqual({ file: 'File', caller: 'CALLER', callee: 'callee' });
  });

  it('recognises common export names such as start_time, duration_s and cell_id', () => {
    const headers = [
      'file',
      'A-Number',
      'B Number',
      'start_time',
      'duration_s',
      'Cell ID',
      'location',
      'note',
    ];
    const columns = Object.fromEntries(resolveColumns(headers, {}));
    expect(columns).toMatchObject({
      caller: 'A-Number',
      callee: 'B Number',
      start: 'start_time',
      duration: 'duration_s',
      cell: 'Cell ID',
      location: 'location',
    });
    expect(Object.values(columns)).not.toContain('note');
  });

  it('uses only the --map column for a mapped field', () => {
    const map = parseColumnMap(['start="Call began"']);
    const columns = resolveColumns(['file', 'start_time', 'Call began'], map);
    expect(columns.get('start')).toBe('Call began');
    expect(resolveColumns(['file', 'start_time'], map).get('start')).toBeUndefined();
  });
});
