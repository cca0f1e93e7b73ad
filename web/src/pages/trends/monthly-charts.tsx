import { useMemo } from 'react';
import type { MonthlyTrends, MonthTrend } from '../../api/analysis.ts';
import { CATEGORIES, categoryColor, categoryLabel, chartColor, type Category } from '../../api/categories.ts';
import { EChart, type ChartClick, type ChartOption } from '../../components/echart.tsx';
import { hrefFor, navigate } from '../../router.ts';

const CASUALTY_SERIES = [
  { key: 'killed', label: 'Killed', category: 'casualties_killed', color: '#b42318' },
  { key: 'wounded', label: 'Wounded', category: 'casualties_wounded', color: '#e07a1f' },
  { key: 'missing', label: 'Missing', category: 'casualties_missing', color: '#6b7280' },
] as const;

const FIRST_SHOWN = new Set<string>([
  'casualties_killed',
  'casualties_wounded',
  'refusal_to_fight',
  'desertion',
  'surrender_captivity',
]);

/** A casualty sum, or a dash where no call of the month stated one: unknown is not 0. */
function StatedCount({ count }: { count: number | null }) {
  return count === null ? (
    <span className="muted" title="No call this month states a number">
      –
    </span>
  ) : (
    <>{count}</>
  );
}

/** Opens the calls behind a month, optionally only those flagged with a category. */
function openMonth(
  month: MonthTrend,
  category: string | undefined,
  extra: Record<string, string | undefined>,
): void {
  navigate('calls', { ...extra, from: month.from, to: month.to, category });
}

export function MonthlyCharts({
  trends,
  filters,
}: {
  trends: MonthlyTrends;
  filters: Record<string, string | undefined>;
}) {
  const months = trends.months.map((m) => m.month);
  const categories = useMemo(
    () => CATEGORIES.filter((c) => trends.months.some((m) => (m.mentions[c] ?? 0) > 0)),
    [trends],
  );

  const mentionsOption: ChartOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: {
        type: 'scroll',
        top: 0,
        // The lines people check first are on; the rest are a click away in the legend.
        selected: Object.fromEntries(categories.map((c) => [categoryLabel(c), FIRST_SHOWN.has(c)])),
      },
      grid: { left: 48, right: 48, top: 40, bottom: 28 },
      xAxis: { type: 'category', data: months },
      yAxis: [
        { type: 'value', name: 'calls', minInterval: 1 },
        { type: 'value', name: 'mentions', minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        {
          name: 'Calls',
          type: 'bar',
          data: trends.months.map((m) => m.calls),
          itemStyle: { color: '#c9d3e3' },
          barMaxWidth: 36,
        },
        ...categories.map((c) => ({
          name: categoryLabel(c),
          type: 'line',
          yAxisIndex: 1,
          symbolSize: 8,
          data: trends.months.map((m) => m.mentions[c] ?? 0),
          itemStyle: { color: chartColor(c) },
          lineStyle: { color: chartColor(c), width: 2 },
        })),
      ],
    }),
    [trends, months, categories],
  );

  const casualtyOption: ChartOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', minInterval: 1, name: 'stated' },
      series: CASUALTY_SERIES.map((s) => ({
        name: s.label,
        type: 'bar',
        stack: 'casualties',
        data: trends.months.map((m) => m.casualties[s.key]),
        itemStyle: { color: s.color },
        barMaxWidth: 36,
      })),
    }),
    [trends, months],
  );

  const categoryOfSeries = (name: string | undefined): Category | undefined =>
    categories.find((c) => categoryLabel(c) === name);
  const onMentionsClick = (event: ChartClick) => {
    const month = trends.months[event.dataIndex ?? -1];
    if (month) openMonth(month, categoryOfSeries(event.seriesName), filters);
  };
  const onCasualtyClick = (event: ChartClick) => {
    const month = trends.months[event.dataIndex ?? -1];
    const series = CASUALTY_SERIES.find((s) => s.label === event.seriesName);
    if (month) openMonth(month, series?.category, filters);
  };

  return (
    <>
      <section className="panel chart-panel">
        <h2>Calls and mentions per month</h2>
        <p className="muted small-print">
          Bars: calls that month (UTC). Lines: code-word mentions per category (machine analysis). Click a
          point to open its calls.
        </p>
        <EChart option={mentionsOption} onClick={onMentionsClick} height={320} testId="monthly-chart" />
      </section>
      <section className="panel chart-panel">
        <h2>Casualties stated per month</h2>
        <EChart option={casualtyOption} onClick={onCasualtyClick} height={220} testId="casualty-chart" />
      </section>
      <section className="panel">
        <h2>Per month, as numbers</h2>
        <div className="table-scroll">
          <table className="trend-table" data-testid="monthly-table">
            <thead>
              <tr>
                <th>Month</th>
                <th className="num">Calls</th>
                {categories.map((c) => (
                  <th key={c} className="num" style={{ color: categoryColor(c) }}>
                    {categoryLabel(c)}
                  </th>
                ))}
                <th className="num">Killed</th>
                <th className="num">Wounded</th>
                <th className="num">Missing</th>
              </tr>
            </thead>
            <tbody>
              {trends.months.map((m) => (
                <tr key={m.month} data-month={m.month}>
                  <td className="mono nowrap">{m.month}</td>
                  <td className="num">
                    <a
                      href={hrefFor('calls', { ...filters, from: m.from, to: m.to })}
                      data-testid="month-calls"
                    >
                      {m.calls}
                    </a>
                  </td>
                  {categories.map((c) => (
                    <td key={c} className="num">
                      {(m.mentions[c] ?? 0) > 0 ? (
                        <a
                          href={hrefFor('calls', { ...filters, from: m.from, to: m.to, category: c })}
                          title={`${m.callsWith[c] ?? 0} calls`}
                        >
                          {m.mentions[c]}
                        </a>
                      ) : (
                        <span className="muted">0</span>
                      )}
                    </td>
                  ))}
                  {CASUALTY_SERIES.map((s) => (
                    <td key={s.key} className="num" data-casualty={s.key}>
                      <StatedCount count={m.casualties[s.key]} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {trends.undated.calls > 0 ? (
          <p className="muted small-print">
            <a href={hrefFor('calls', { ...filters, undated: 'true' })}>{trends.undated.calls} calls</a> have
            no date and are not in the months above.
          </p>
        ) : null}
      </section>
    </>
  );
}
