// Who the API benches act for, and timing that alternates between them so that load from
// anything else on the machine falls on each alike (the figures are compared with each other).
import { buildApiServer, type ApiServerOptions } from '../src/api/server.ts';
import { loadPrincipal } from '../src/accounts/load-principal.ts';
import type { Db } from '../src/db/database.ts';
import { grantEveryCollection } from '../test/helpers/access-fixtures.ts';
import { signedInApi, type SignedInApi } from '../test/helpers/signed-in-api.ts';

/** Each bench user signs in with a real session, so the session lookup is in every figure. */
export interface BenchApps {
  /** An admin: no collection condition at all. */
  admin: SignedInApi;
  /** An editor granted every collection: no condition either. */
  editor: SignedInApi;
  /**
   * An editor granted every collection but one that holds no calls: the collection condition
   * (`collection_id = ANY(grants)`) stays, on the same rows as the admin's — what a user granted
   * some collections pays.
   */
  scoped: SignedInApi;
  close(): Promise<void>;
}

export const PRINCIPALS = ['admin', 'editor', 'scoped'] as const;

async function emptyCollection(db: Db): Promise<void> {
  await db
    .insertInto('collections')
    .values({ name: `bench-not-granted-${crypto.randomUUID()}` })
    .execute();
}

export async function buildBenchApps(options: ApiServerOptions): Promise<BenchApps> {
  const { db } = options;
  const app = await buildApiServer(options);
  const run = crypto.randomUUID().slice(0, 8);
  const admin = await signedInApi(app, db, { name: `bench-admin-${run}` });
  const editor = await signedInApi(app, db, { name: `bench-editor-${run}`, role: 'editor' });
  const scoped = await signedInApi(app, db, { name: `bench-scoped-${run}`, role: 'editor' });
  await grantEveryCollection(db, editor.userId);
  await grantEveryCollection(db, scoped.userId);
  // Made after the grants: the editor below would then be scoped too, so it is granted it as well.
  await emptyCollection(db);
  await grantEveryCollection(db, editor.userId);
  const [e, sc] = await Promise.all([loadPrincipal(db, editor.userId), loadPrincipal(db, scoped.userId)]);
  if (!e?.everyCollectionGranted) throw new Error('the bench editor should be granted every collection');
  if (sc?.everyCollectionGranted) throw new Error('the scoped bench editor should lack one collection');
  return { admin, editor, scoped, close: () => app.close() };
}

export async function closeBenchApps(apps: BenchApps): Promise<void> {
  await apps.close();
}

export interface Timed {
  times: number[];
  /** The last answer's body, to check that every principal got the same one. */
  body: string;
}

/**
 * Times GET url for each principal in turn, runs times each after `warm` untimed rounds; the
 * principals alternate within each round. Throws on any answer but 200.
 */
export async function timeInterleaved(
  apps: BenchApps,
  url: string,
  runs: number,
  warm: number,
): Promise<Record<(typeof PRINCIPALS)[number], Timed>> {
  const result: Record<(typeof PRINCIPALS)[number], Timed> = {
    admin: { times: [], body: '' },
    editor: { times: [], body: '' },
    scoped: { times: [], body: '' },
  };
  for (let round = 0; round < warm + runs; round++) {
    // Who goes first changes each round, so no principal always follows the same one.
    for (let k = 0; k < PRINCIPALS.length; k++) {
      const name = PRINCIPALS[(round + k) % PRINCIPALS.length]!;
      const t0 = performance.now();
      const response = await apps[name].inject({ method: 'GET', url });
      const elapsed = performance.now() - t0;
      if (response.statusCode !== 200)
        throw new Error(`${url} as ${name}: ${response.statusCode} ${response.body}`);
      if (round >= warm) result[name].times.push(elapsed);
      result[name].body = response.body;
    }
  }
  return result;
}

/** The q-quantile of times (nearest rank), in ms. */
export function quantile(times: readonly number[], q: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * q) - 1))] ?? 0;
}

/** One line: admin, editor and scoped editor p50/p95, and what the scoped p95 adds to the admin's. */
export function comparisonLine(
  label: string,
  extra: string,
  timed: Record<(typeof PRINCIPALS)[number], Timed>,
): string {
  const cells = PRINCIPALS.flatMap((name) => [
    quantile(timed[name].times, 0.5),
    quantile(timed[name].times, 0.95),
  ]);
  const added = (p95: number) =>
    `${(((p95 - quantile(timed.admin.times, 0.95)) / quantile(timed.admin.times, 0.95)) * 100).toFixed(0)} %`;
  return [
    label.padEnd(50),
    extra.padStart(8),
    ...cells.map((ms) => ms.toFixed(1).padStart(8)),
    added(quantile(timed.editor.times, 0.95)).padStart(8),
    added(quantile(timed.scoped.times, 0.95)).padStart(8),
  ].join(' ');
}

export function comparisonHeader(label: string, extra: string): string {
  return [
    label.padEnd(50),
    extra.padStart(8),
    ...['adm p50', 'adm p95', 'ed p50', 'ed p95', 'sc p50', 'sc p95', 'ed +p95', 'sc +p95'].map((h) =>
      h.padStart(8),
    ),
  ].join(' ');
}
