import type { EntityKind, Place } from '../../../src/analysis/entities/types.ts';
import type { Category } from './categories.ts';
import { getJson, queryString, type QueryValue } from './http.ts';
import type { Casualties } from './recordings.ts';

// Analysis, lexicon and trends (session contract, H5).

// Places and entity kinds are the analyser's own types (src/analysis/entities/types.ts), sent as JSON.
export type { EntityKind, Place } from '../../../src/analysis/entities/types.ts';

export interface AnalysisMatch {
  segmentId: string;
  start: number;
  end: number;
  surface: string;
  termId: string;
  term: string;
  category: Category;
  gloss: string;
  confidence: number;
  rule: string;
  count: number | null;
}

export interface AnalysisEntity {
  segmentId: string;
  kind: EntityKind;
  start: number;
  end: number;
  surface: string;
  value: string;
  confidence: number;
  rule: string;
  place?: Place | null;
}

export interface RecordingAnalysis {
  transcriptId: string;
  transcriptVersion: number;
  createdAt: string;
  lexiconVersion: string;
  analyserVersion: string;
  language: { code: string; lexiconCovers: boolean; note?: string };
  counts: Partial<Record<Category, number>>;
  casualties: Casualties;
  triage: { score: number; reasons: string[] };
  matches: AnalysisMatch[];
  entities: AnalysisEntity[];
}

export function getRecordingAnalysis(recordingId: string): Promise<RecordingAnalysis> {
  return getJson(`/api/recordings/${encodeURIComponent(recordingId)}/analysis`);
}

export interface TrendFilters {
  collection?: string;
  from?: string;
  to?: string;
}

export interface PeriodTrend {
  calls: number;
  analysed: number;
  mentions: Partial<Record<Category, number>>;
  callsWith: Partial<Record<Category, number>>;
  casualties: { killed: number; wounded: number; missing: number };
}

export interface MonthTrend extends PeriodTrend {
  month: string;
  /** The recordings list's from/to for this month. */
  from: string;
  to: string;
  calls: number;
  mentions: Partial<Record<Category, number>>;
  callsWith: Partial<Record<Category, number>>;
  casualties: { killed: number; wounded: number; missing: number };
}

export interface MonthlyTrends {
  months: MonthTrend[];
  undated: PeriodTrend;
}

const trendQuery = (filters: TrendFilters): string =>
  queryString(filters as unknown as Record<string, QueryValue>);

export function getMonthlyTrends(filters: TrendFilters): Promise<MonthlyTrends> {
  return getJson(`/api/trends/monthly${trendQuery(filters)}`);
}

export interface PlaceTrend {
  id: string;
  nameEn: string;
  nameRu: string;
  lat: number;
  lon: number;
  country: string;
  mentions: number;
  calls: number;
}

export function getPlaceTrends(filters: TrendFilters): Promise<{ places: PlaceTrend[] }> {
  return getJson(`/api/trends/places${trendQuery(filters)}`);
}

export interface CallGraph {
  nodes: { phone: string; calls: number }[];
  edges: { caller: string; callee: string; calls: number }[];
}

export function getCallGraph(filters: TrendFilters): Promise<CallGraph> {
  return getJson(`/api/trends/call-graph${trendQuery(filters)}`);
}
