// Who the API benches act for, and timing that alternates between them so that load from
// anything else on the machine falls on each alike (the figures are compared with each other).
import type { FastifyInstance } from 'fastify';
import { loadPrincipal } from '../src/accounts/load-principal.ts';
import type { Principal } from '../src/accounts/principal.ts';
import type { ApiServerOptions } from '../src/api/server.ts';
import type { Db } from '../src/db/database.ts';
import { buildApiServerAsPrincipal } from '../test/helpers/as-principal.ts';

export interface BenchApps {
  /** An admin: no collection condition at all. */
  admin: FastifyInstance;
  /** An editor granted every collection, loaded as a request loads it: no condition either. */
  editor: FastifyInstance;
  /**
   * The same editor with the collection condition kept (`collection_id = ANY(grants)`): what a
   * user granted some collections pays, measured on the same rows as the admin's.
   */
  scoped: FastifyInstance;
}

export const PRINCIPALS = ['admin', 'editor', 'scoped'] as const;

/** A bench editor granted every collection (kept between runs on a kept corpus). */
async function benchEditor(db: Db): Promise<string> {
  const existing = await db
    .selectFrom('users')
    .select('id')
    .where('name', '=', 'bench-editor')
    .executeTakeFirst();
  const id =
    existing?.id ??
    (
      await db
        .insertInto('users')
        .values({ name: 'bench-editor', role: 'editor', created_by: 'bench' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const collections = await db.selectFrom('collections').select('id').execute();
  await db
    .insertInto('collection_grants')
    .values(collections.map((c) => ({ user_id: id, collection_id: c.id, granted_by: 'bench' })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  return id;
}

export async function buildBenchApps(options: ApiServerOptions): Promise<BenchApps> {
  const admin: Principal = { userId: 'bench-admin', name: 'bench-admin', role: 'admin', collections: 'all' };
  const editor = await loadPrincipal(options.db, await benchEditor(options.db));
  if (!editor?.everyCollectionGranted) throw new Error('the bench editor should be granted every collection');
  return {
    admin: await buildApiServerAsPrincipal(options, admin),
    editor: await buildApiServerAsPrincipal(options, editor),
    scoped: await buildApiServerAsPrincipal(options, { ...editor, everyCollectionGranted: false }),
  };
}

export async function closeBenchApps(apps: BenchApps): Promise<void> {
  for (const name of PRINCIPALS) await apps[name].close();
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
