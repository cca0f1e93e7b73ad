import { getJson, queryString } from './http.ts';
import type { GetQuery, GetResponse, TextParams } from './openapi.ts';
import type { CallFilters } from './recordings.ts';

// Full-text search: the shapes are the server's own, from its OpenAPI document
// (src/api/schemas/search.ts → openapi-types.ts).

type SearchQuery = GetQuery<'/api/search'>;

/** The Calls page's filters, which search takes too, as text from the page's URL. */
export type SearchFilters = TextParams<SearchQuery, keyof CallFilters>;

export type SearchParams = SearchFilters &
  Pick<SearchQuery, 'q' | 'lang'> &
  Required<Pick<SearchQuery, 'limit' | 'offset'>> & {
    /** Also search each word in the other script (sent as translit=true). */
    translit?: boolean;
  };

export type SearchResult = GetResponse<'/api/search'>;
export type SearchHit = SearchResult['hits'][number];

export function search(params: SearchParams, signal?: AbortSignal): Promise<SearchResult> {
  const { translit, ...rest } = params;
  const query = { ...rest, translit: translit ? 'true' : undefined };
  return getJson(`/api/search${queryString(query)}`, signal);
}
