import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Actor } from './principal.ts';

/**
 * The collections a principal's queries are limited to. Every query that reads recordings, or
 * anything hanging off them, takes one and puts collectionCondition in its SQL: counts, totals
 * and pages are then those of the visible calls, never a filtered copy of everything.
 */
export interface CollectionScope {
  /** The collection ids the rows must be in; undefined: every collection (admins). */
  visibleCollections?: readonly string[];
}

/** Every collection: for the CLI and the workers, which act for whoever runs them (localOperator). */
export const ALL_COLLECTIONS: CollectionScope = Object.freeze({});

/**
 * No condition for admins, nor for a user whose grants covered every collection when their
 * principal was loaded (this request): the same rows, without `collection_id = ANY(...)` in plans
 * that would otherwise join recordings to the analysis cache or mis-estimate a filter.
 */
export function scopeToCollections(actor: Actor): CollectionScope {
  if (actor.collections === 'all' || actor.everyCollectionGranted === true) return {};
  return { visibleCollections: actor.collections };
}

/**
 * `column = ANY(ids)` for a scope, TRUE for every collection. An empty grant list matches
 * nothing. The column is a trusted name written in the query module, never user input.
 */
export function collectionCondition(column: string, scope: CollectionScope): RawBuilder<SqlBool> {
  if (scope.visibleCollections === undefined) return sql<SqlBool>`TRUE`;
  return sql<SqlBool>`${sql.ref(column)} = ANY(${sql.val(scope.visibleCollections)}::uuid[])`;
}
