import { and, eq, getTableColumns, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable, PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Queryable } from "../../db/client.ts";

/** A definition table: edits are optimistic, guarded by its `version` column. */
type VersionedTable = PgTable & { version: PgColumn };

/** `version + 1`: every change of a definition, guarded or not, moves its version on. */
export function nextVersion(table: VersionedTable): SQL {
  return sql`${table.version} + 1`;
}

/**
 * `update … set …, version = version + 1 where <key> and version = $v`: the write wins
 * only if nobody saved since the caller read `version` (a `null` version skips that
 * guard, for the system's own transitions). Tables with an `updated_at` column get `now()`
 * unless the patch sets it. Callers add `.returning(…)`: no row back means someone saved
 * first (or the key matched nothing).
 */
export function updateAtVersion<T extends VersionedTable>(
  q: Queryable,
  table: T,
  key: SQL[],
  version: number | null,
  patch: PgUpdateSetSource<T>,
) {
  const touch = "updatedAt" in getTableColumns(table) ? { updatedAt: sql`now()` } : {};
  return q
    .update(table)
    .set({ ...touch, ...patch, version: nextVersion(table) } as PgUpdateSetSource<T>)
    .where(and(...key, ...(version === null ? [] : [eq(table.version, version)])));
}
