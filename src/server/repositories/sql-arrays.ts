import { type SQL, sql } from "drizzle-orm";

/**
 * Many ids as one `uuid[]` parameter, for `= any(…)`: `inArray` sends one parameter per
 * id, and building, sending and planning a statement with thousands of them costs
 * milliseconds. The ids are ours (read from the database or validated as UUIDs), so the
 * array literal holds nothing else; anything else fails the cast.
 */
export function uuidArray(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(",")}}`}::uuid[]`;
}
