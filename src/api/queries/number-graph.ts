import { sql } from 'kysely';
import { collectionCondition, type CollectionScope } from '../../accounts/collection-scope.ts';
import type { Db } from '../../db/database.ts';
import type { CounterpartRow } from './number-page.ts';

/** How many counterparts, and how many of their other counterparts, the graph draws at most. */
export const GRAPH_NEIGHBOURS = 20;
export const GRAPH_SECOND_HOP = 40;

export interface NumberGraphNode {
  number: string;
  /** 0: the number itself; 1: a counterpart; 2: a counterpart's other counterpart. */
  hop: 0 | 1 | 2;
  /** Calls with the hop before (for hop 0: all of its calls). */
  calls: number;
}

export interface NumberGraphEdge {
  caller: string;
  callee: string;
  calls: number;
}

/**
 * The call graph around a number, two hops out: the number, its counterparts (most calls first),
 * and their other counterparts; edges are the scoped calls between any two of those numbers.
 * Bounded (GRAPH_NEIGHBOURS, GRAPH_SECOND_HOP) so that a switchboard number stays drawable.
 */
export async function numberGraph(
  db: Db,
  number: string,
  counterparts: readonly CounterpartRow[],
  totalCalls: number,
  scope: CollectionScope,
): Promise<{ nodes: NumberGraphNode[]; edges: NumberGraphEdge[] }> {
  const first = counterparts.slice(0, GRAPH_NEIGHBOURS);
  const nodes: NumberGraphNode[] = [
    { number, hop: 0, calls: totalCalls },
    ...first.map((c) => ({ number: c.number, hop: 1 as const, calls: c.calls })),
  ];
  if (first.length === 0) return { nodes, edges: [] };
  const near = nodes.map((n) => n.number);
  const hop1 = first.map((c) => c.number);
  const inScope = collectionCondition('r.collection_id', scope);
  const second = await sql<{ number: string; calls: number }>`
    SELECT x.other AS number, count(*)::int AS calls FROM (
      SELECT r.callee_number AS other FROM recordings r
      WHERE r.caller_number = ANY(${sql.val(hop1)}::text[]) AND ${inScope}
      UNION ALL
      SELECT r.caller_number AS other FROM recordings r
      WHERE r.callee_number = ANY(${sql.val(hop1)}::text[]) AND ${inScope}
    ) x
    WHERE x.other IS NOT NULL AND NOT (x.other = ANY(${sql.val(near)}::text[]))
    GROUP BY x.other
    ORDER BY calls DESC, x.other COLLATE "C"
    LIMIT ${GRAPH_SECOND_HOP}`.execute(db);
  nodes.push(...second.rows.map((row) => ({ number: row.number, hop: 2 as const, calls: row.calls })));
  const all = nodes.map((n) => n.number);
  const edges = await sql<NumberGraphEdge>`
    SELECT r.caller_number AS caller, r.callee_number AS callee, count(*)::int AS calls
    FROM recordings r
    WHERE r.caller_number = ANY(${sql.val(all)}::text[]) AND r.callee_number = ANY(${sql.val(all)}::text[])
      AND r.caller_number <> r.callee_number AND ${inScope}
    GROUP BY 1, 2
    ORDER BY calls DESC, r.caller_number COLLATE "C", r.callee_number COLLATE "C"`.execute(db);
  return { nodes, edges: edges.rows };
}
