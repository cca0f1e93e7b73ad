import { useMemo } from 'react';
import type { PlaceTrend } from '../../api/analysis.ts';
import { echarts, EChart, type ChartClick, type ChartOption } from '../../components/echart.tsx';
import regions from '../../map/regions.geo.json';
import { hrefFor, navigate } from '../../router.ts';

// Ukraine's oblasts, Russia's federal subjects and Belarus's regions, bundled (see src/map/ATTRIBUTION.md): the map
// needs no tile server and sends nothing anywhere.
const MAP_NAME = 'ua-ru-regions';
echarts.registerMap(MAP_NAME, regions as Parameters<typeof echarts.registerMap>[1]);
// ECharts keys regions by their English name; the tooltip adds the Russian one, as the calls say it.
const russianNameOf = new Map(regions.features.map((r) => [r.properties.name, r.properties.nameRu]));
// Oblasts on every side look alike, so Russia's and Belarus's are tinted: which side of a border a
// place lies on is the first thing a reader needs.
const AREA_COLORS: Partial<Record<string, string>> = { RU: '#f4efe6', BY: '#ececec' };
const tintedRegions = regions.features.flatMap((r) => {
  const areaColor = AREA_COLORS[r.properties.country];
  return areaColor ? [{ name: r.properties.name, itemStyle: { areaColor } }] : [];
});

export function PlacesMap({
  places,
  filters,
}: {
  places: PlaceTrend[];
  filters: Record<string, string | undefined>;
}) {
  const max = Math.max(1, ...places.map((p) => p.mentions));
  const option: ChartOption = useMemo(
    () => ({
      tooltip: {
        trigger: 'item',
        formatter: (p: { data?: { place?: PlaceTrend }; name?: string }) =>
          p.data?.place
            ? `${p.data.place.nameEn} / ${p.data.place.nameRu}<br/>${p.data.place.mentions} mentions in ${p.data.place.calls} calls`
            : (p.name ?? ''),
      },
      geo: {
        map: MAP_NAME,
        roam: true,
        // Ukraine and Russia's border regions (Bryansk to Krasnodar), where most places in the calls
        // are; drag and zoom for the rest. Pinned to the left edge, so that a panel wider than this
        // box shows more of Russia to the east rather than empty space west of Ukraine.
        boundingCoords: [
          [22, 54.4],
          [44.5, 43.3],
        ],
        left: 8,
        itemStyle: { areaColor: '#eef1f5', borderColor: '#a8b3c4', borderWidth: 0.5 },
        emphasis: { itemStyle: { areaColor: '#dde4ee' }, label: { show: false } },
        label: { show: false },
        regions: tintedRegions,
        // A region's own tooltip: ECharts does not pass geo regions to the chart-wide formatter.
        tooltip: {
          show: true,
          formatter: (p: { name?: string }) =>
            [p.name, russianNameOf.get(p.name ?? '')].filter(Boolean).join(' / '),
        },
      },
      series: [
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          // Places come most-called first; only the first ones are labelled so that a cluster stays legible.
          data: places.map((p, i) => ({
            name: p.nameEn,
            value: [p.lon, p.lat, p.mentions],
            place: p,
            label: { show: i < 8 },
          })),
          symbolSize: (value: number[]) => 6 + 22 * Math.sqrt((value[2] ?? 0) / max),
          itemStyle: { color: '#c2410c', opacity: 0.75, borderColor: '#fff', borderWidth: 1 },
          label: { show: true, position: 'right', formatter: '{b}', fontSize: 11, color: '#1f2937' },
          // Where two labels would overlap the less mentioned one goes (the list beside names all).
          labelLayout: { hideOverlap: true },
        },
      ],
    }),
    [places, max],
  );
  const onClick = (event: ChartClick) => {
    const place = (event.data as { place?: PlaceTrend } | undefined)?.place;
    if (place) navigate('calls', { ...filters, place: place.id });
  };
  return (
    <section className="panel chart-panel">
      <h2>Places mentioned</h2>
      <div className="map-and-list">
        <EChart option={option} onClick={onClick} height={380} testId="places-map" />
        <ol className="place-list">
          {places.slice(0, 15).map((p) => (
            <li key={p.id}>
              <a href={hrefFor('calls', { ...filters, place: p.id })}>{p.nameEn}</a>{' '}
              <span className="muted" lang="ru">
                {p.nameRu}
              </span>{' '}
              <span className="muted">
                · {p.mentions} in {p.calls} {p.calls === 1 ? 'call' : 'calls'}
              </span>
            </li>
          ))}
          {places.length === 0 ? <li className="muted">No places recognised yet.</li> : null}
        </ol>
      </div>
    </section>
  );
}
