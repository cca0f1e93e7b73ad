import type { SignedInApi } from '../test/helpers/signed-in-api.ts';
import { sql } from 'kysely';
import type { Db } from '../src/db/database.ts';

// Page loads of the desk's Calls and Call pages on the bench corpus, as the desk makes them
// (web/src/pages/calls/calls-page.tsx, web/src/pages/call/use-call-data.ts): each request
// alone, and the whole page with its requests sent together, the way the browser sends them.

/** The Calls page's first page: 50 calls, newest first or by triage score (PAGE_SIZE there). */
const CALLS_PAGES: [string, string[]][] = [
  ['Calls page (newest first)', ['/api/recordings?sort=call_started_at&order=desc&limit=50&offset=0']],
  ['Calls page (by triage score)', ['/api/recordings?sort=triage&order=desc&limit=50&offset=0']],
];

/** The Call page's five requests, in parallel (useCallData). */
function callPageRequests(id: string): [string, string][] {
  return [
    ['/api/recordings/:id', `/api/recordings/${id}`],
    ['/api/recordings/:id/transcript', `/api/recordings/${id}/transcript`],
    ['/api/recordings/:id/transcripts', `/api/recordings/${id}/transcripts`],
    ['/api/recordings/:id/analysis', `/api/recordings/${id}/analysis`],
    ['/api/recordings/:id/notes', `/api/recordings/${id}/notes`],
  ];
}

export type Row = (label: string, note: string, times: number[]) => void;

async function timedGet(app: SignedInApi, url: string, allowed: number[] = [200]): Promise<number> {
  const t0 = performance.now();
  const response = await app.inject({ method: 'GET', url });
  const elapsed = performance.now() - t0;
  if (!allowed.includes(response.statusCode)) {
    throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 200)}`);
  }
  return elapsed;
}

/** Times each page `runs` times after a warm-up, printing one row per request and per page. */
export async function measurePageLoads(app: SignedInApi, db: Db, runs: number, row: Row): Promise<void> {
  for (const [label, urls] of CALLS_PAGES) {
    const page: number[] = [];
    for (let i = 0; i < runs + 2; i++) {
      const t0 = performance.now();
      await Promise.all(urls.map((url) => timedGet(app, url)));
      if (i >= 2) page.push(performance.now() - t0);
    }
    row(label, '', page);
  }

  // Analysed calls, as on a desk where the pipeline has run (the corpus analyses one call in 10);
  // a different call each run, so that no run reads another's cached rows.
  const ids = await sql<{ id: string }>`
    SELECT a.recording_id AS id FROM analysis_current a ORDER BY random() LIMIT ${runs + 2}`.execute(db);
  const perRequest = new Map<string, number[]>();
  const sequential: number[] = [];
  const parallel: number[] = [];
  for (const [i, { id }] of ids.rows.entries()) {
    const requests = callPageRequests(id);
    let sum = 0;
    for (const [name, url] of requests) {
      const elapsed = await timedGet(app, url);
      sum += elapsed;
      if (i >= 2) perRequest.set(name, [...(perRequest.get(name) ?? []), elapsed]);
    }
    if (i >= 2) sequential.push(sum);
  }
  const fresh = await sql<{ id: string }>`
    SELECT a.recording_id AS id FROM analysis_current a ORDER BY random() LIMIT ${runs + 2}`.execute(db);
  for (const [i, { id }] of fresh.rows.entries()) {
    const t0 = performance.now();
    await Promise.all(callPageRequests(id).map(([, url]) => timedGet(app, url)));
    if (i >= 2) parallel.push(performance.now() - t0);
  }
  for (const [name, times] of perRequest) row(`  ${name}`, '', times);
  row('Call page, sum of its 5 requests', '', sequential);
  row('Call page, 5 requests in parallel', '', parallel);
}
