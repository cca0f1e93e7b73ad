import { getJson, postJson } from './http.ts';
import type { GetResponse, PostBody, PostResponse } from './openapi.ts';

// The number page: the shapes are the server's own (src/api/schemas/numbers.ts → openapi-types.ts).

export type NumberPage = GetResponse<'/api/numbers/{number}'>;
export type NumberCall = NumberPage['calls'][number];
export type NumberNote = NumberPage['notes'][number];
export type NumberGraph = NumberPage['graph'];
export type NumberNoteRequest = PostBody<'/api/numbers/{number}/notes'>;
export type CreatedNumberNote = PostResponse<'/api/numbers/{number}/notes', 201>;

const numberUrl = (number: string) => `/api/numbers/${encodeURIComponent(number)}`;

export function getNumberPage(number: string, signal?: AbortSignal): Promise<NumberPage> {
  return getJson(numberUrl(number), signal);
}

export function postNumberNote(number: string, body: NumberNoteRequest): Promise<CreatedNumberNote> {
  return postJson(`${numberUrl(number)}/notes`, body);
}
