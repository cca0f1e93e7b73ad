import { readGazetteer, type GazetteerEntry } from '../../analysis/entities/gazetteer-data.ts';
import { parseOffset } from '../../ingest/metadata/call-time.ts';
import type { IdentityMatcher } from '../protected-identity.ts';

/**
 * What a published excerpt may say of its call: the month and the region (oblast level), nothing
 * finer. No numbers, cell ids, exact times, days, towns or file names: each of them can point at
 * a person. A region is found in location_text through the committed gazetteer; a region that
 * is itself a protected place is withheld.
 */

export interface CoarseMetadata {
  /** "2022-03" in the call's own time zone; null when the call's start is unknown. */
  month: string | null;
  /** "Kharkiv Oblast", or 'unknown', or 'withheld' when the region itself is protected. */
  region: string;
}

export interface CallMetadataSource {
  call_started_at: Date | null;
  call_timezone: string | null;
  location_text: string | null;
}

export function coarsenMetadata(call: CallMetadataSource, matcher?: IdentityMatcher): CoarseMetadata {
  const region = regionOf(call.location_text);
  const protectedRegion =
    region !== 'unknown' && matcher !== undefined && matcher.findMentions(region).length > 0;
  return {
    month: monthOf(call.call_started_at, call.call_timezone),
    region: protectedRegion ? 'withheld' : region,
  };
}

/** The calendar month where the call was made (its zone: an offset or an IANA name), else UTC. */
export function monthOf(startedAt: Date | null, zone: string | null): string | null {
  if (!startedAt) return null;
  const offset = zone ? parseOffset(zone) : null;
  if (offset !== null) return new Date(startedAt.getTime() + offset * 60_000).toISOString().slice(0, 7);
  try {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone ?? 'UTC',
      year: 'numeric',
      month: '2-digit',
    }).formatToParts(startedAt);
    return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
  } catch {
    return startedAt.toISOString().slice(0, 7);
  }
}

interface RegionIndex {
  /** Lower-case names of oblast-level regions («kharkiv oblast», «харьковская область») → name. */
  regions: Map<string, string>;
  /** Lower-case names of places → their region, most populous place first. */
  places: Map<string, string>;
}

let index: RegionIndex | undefined;

function regionIndex(): RegionIndex {
  if (index) return index;
  const entries = readGazetteer();
  const regions = new Map<string, string>();
  const isRegion = (e: GazetteerEntry) => e.place.id.startsWith('iso:');
  for (const e of entries.filter(isRegion)) {
    for (const name of [e.place.nameEn, e.place.nameRu, e.place.nameUk ?? ''])
      if (name) regions.set(fold(name), e.place.nameEn);
  }
  const places = new Map<string, string>();
  const ranked = entries
    .filter((e) => !isRegion(e))
    .sort((a, b) => (b.place.population ?? 0) - (a.place.population ?? 0));
  for (const e of ranked) {
    const admin1 = e.place.admin1;
    if (!admin1) continue;
    const region = regionNamed(admin1, regions);
    for (const name of [e.place.nameEn, e.place.nameRu, e.place.nameUk ?? '']) {
      if (name && !places.has(fold(name))) places.set(fold(name), region);
    }
  }
  index = { regions, places };
  return index;
}

/** "Kharkiv" → "Kharkiv Oblast"; names that are not oblasts (Crimea, Kyiv City) stay as they are. */
function regionNamed(admin1: string, regions: ReadonlyMap<string, string>): string {
  return (
    regions.get(fold(`${admin1} oblast`)) ??
    regions.get(fold(admin1)) ??
    (/\b(city|crimea|sevastopol)\b/i.test(admin1) ? admin1 : `${admin1} Oblast`)
  );
}

function fold(text: string): string {
  return text.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
}

/**
 * The region a free-text location names: "Kharkiv oblast, Ruska Lozova" → "Kharkiv Oblast";
 * "Mariupol" → "Donetsk Oblast" (the place's region); nothing recognised → 'unknown'.
 */
export function regionOf(locationText: string | null): string {
  if (!locationText?.trim()) return 'unknown';
  const { regions, places } = regionIndex();
  const parts = locationText
    .split(/[,;()/]/)
    .map(fold)
    .filter((p) => p !== '');
  for (const part of parts) {
    const region = regions.get(part);
    if (region) return region;
    const oblast = /^(.+?) (?:oblast|obl\.?|region|область|обл\.?)$/.exec(part);
    if (oblast) return regionNamed(titleCase(oblast[1]!), regions);
  }
  for (const part of parts) {
    const words = part.split(' ');
    // "Bakhmut direction", "Kreminna forest": the place is the longest leading run of words known.
    for (let n = words.length; n > 0; n--) {
      const region = places.get(words.slice(0, n).join(' '));
      if (region) return region;
    }
  }
  return 'unknown';
}

function titleCase(text: string): string {
  return text.replace(/(^|[\s-])(\p{L})/gu, (_, gap: string, letter: string) => gap + letter.toUpperCase());
}
