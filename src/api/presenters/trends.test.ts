import { describe, expect, it } from 'vitest';
import type { MonthRow } from '../queries/trends.ts';
import { continuousMonths, presentMonthlyTrends } from './trends.ts';

const row = (month: string | null, calls: number, killed: number | null): MonthRow => ({
  month,
  calls,
  analysed: calls,
  killed,
  wounded: null,
  missing: null,
});

describe('monthly trends as the desk charts them', () => {
  it('lists every month between the first and the last, across a year end', () => {
    expect(continuousMonths(['2022-11', '2023-02'])).toEqual(['2022-11', '2022-12', '2023-01', '2023-02']);
    expect(continuousMonths(['2024-05'])).toEqual(['2024-05']);
    expect(continuousMonths([])).toEqual([]);
  });

  it('shows a month without calls as 0 calls and unknown casualties, and keeps a stated 0', () => {
    const body = presentMonthlyTrends({
      months: [row('2022-01', 2, 0), row('2022-04', 1, null), row(null, 1, 3)],
      categories: [{ month: '2022-01', category: 'casualties_killed', mentions: 2, calls: 1 }],
    });
    expect(body.months.map((m) => [m.month, m.from, m.to, m.calls])).toEqual([
      ['2022-01', '2022-01-01', '2022-01-31', 2],
      ['2022-02', '2022-02-01', '2022-02-28', 0],
      ['2022-03', '2022-03-01', '2022-03-31', 0],
      ['2022-04', '2022-04-01', '2022-04-30', 1],
    ]);
    expect(body.months.map((m) => m.casualties.killed)).toEqual([0, null, null, null]);
    expect(body.months[0]!.mentions).toEqual({ casualties_killed: 2 });
    expect(body.months[1]!.mentions).toEqual({});
    expect(body.undated).toMatchObject({ calls: 1, casualties: { killed: 3, wounded: null } });
  });
});
