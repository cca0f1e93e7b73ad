import { getJson, queryString } from './http.ts';
import type { GetQuery, GetResponse, TextParams } from './openapi.ts';

// Analysis and trends: the shapes are the server's own, from its OpenAPI document
// (src/api/schemas/analysis.ts and trends.ts → openapi-types.ts).

export type RecordingAnalysis = GetResponse<'/api/recordings/{id}/analysis'>;
export type AnalysisMatch = RecordingAnalysis['matches'][number];
export type AnalysisEntity = RecordingAnalysis['entities'][number];
/** A flag from meaning: the classifier's machine judgement on a segment, not a word found. */
export type MeaningFlag = RecordingAnalysis['meaning'][number];
export type EntityKind = AnalysisEntity['kind'];
/** A gazetteer place as the API sends it (names it does not know are null, not left out). */
export type Place = NonNullable<AnalysisEntity['place']>;

export function getRecordingAnalysis(recordingId: string, signal?: AbortSignal): Promise<RecordingAnalysis> {
  return getJson(`/api/recordings/${encodeURIComponent(recordingId)}/analysis`, signal);
}

/** The trend charts' scope, as text from the page's URL under the trend routes' parameter names. */
export type TrendFilters = TextParams<
  GetQuery<'/api/trends/monthly'>,
  'collection' | 'from' | 'to' | 'verifiedOnly'
>;

export type MonthlyTrends = GetResponse<'/api/trends/monthly'>;
export type MonthTrend = MonthlyTrends['months'][number];
export type PeriodTrend = MonthlyTrends['undated'];

export function getMonthlyTrends(filters: TrendFilters, signal?: AbortSignal): Promise<MonthlyTrends> {
  return getJson(`/api/trends/monthly${queryString(filters)}`, signal);
}

export type PlaceTrends = GetResponse<'/api/trends/places'>;
export type PlaceTrend = PlaceTrends['places'][number];

export function getPlaceTrends(filters: TrendFilters, signal?: AbortSignal): Promise<PlaceTrends> {
  return getJson(`/api/trends/places${queryString(filters)}`, signal);
}

export type CallGraph = GetResponse<'/api/trends/call-graph'>;

export function getCallGraph(filters: TrendFilters, signal?: AbortSignal): Promise<CallGraph> {
  return getJson(`/api/trends/call-graph${queryString(filters)}`, signal);
}
