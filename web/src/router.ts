import { useSyncExternalStore } from 'react';
import type { QueryValue } from './api/http.ts';

// Hash routing (#/call/ID?t=12.5): deep links work with any static server, and the API's own
// routes never collide with the desk's.

export interface Route {
  /** Path segments after '#/', e.g. ['call', '3f…']. */
  segments: string[];
  params: URLSearchParams;
}

function readRoute(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = raw.split('?', 2);
  return {
    segments: path.split('/').filter(Boolean).map(decodeURIComponent),
    params: new URLSearchParams(query),
  };
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return readRoute(hash);
}

/** '#/calls?category=looting' from a path and parameters; empty values are left out. */
export function hrefFor(path: string, params: Record<string, QueryValue> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    search.set(key, String(value));
  }
  const query = search.toString();
  return `#/${path}${query ? `?${query}` : ''}`;
}

export function navigate(path: string, params: Record<string, QueryValue> = {}, replace = false): void {
  const href = hrefFor(path, params);
  if (replace) window.history.replaceState(null, '', href);
  else window.location.hash = href.slice(1);
  if (replace) window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** The parameters of a route as a plain object (for spreading into filters). */
export function paramsObject(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries(params.entries());
}
