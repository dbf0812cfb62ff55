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

/** Any strings as one `text[]` parameter: each element quoted, so commas, quotes and braces stay text. */
export function textArray(values: readonly string[]): SQL {
  return sql`${`{${values.map(quoteArrayElement).join(",")}}`}::text[]`;
}

/** YYYY-MM-DD dates (validated upstream) as one `date[]` parameter. */
export function dateArray(dates: readonly string[]): SQL {
  return sql`${`{${dates.join(",")}}`}::date[]`;
}

/** Finite numbers as one `float8[]` parameter; JavaScript's shortest round-trip form is exact. */
export function float8Array(values: readonly number[]): SQL {
  for (const v of values) if (!Number.isFinite(v)) throw new RangeError(`not a finite number: ${v}`);
  return sql`${`{${values.join(",")}}`}::float8[]`;
}

/** An array literal element: in double quotes, with `"` and `\` escaped by a backslash. */
function quoteArrayElement(value: string): string {
  return `"${value.replace(/["\\]/g, (m) => `\\${m}`)}"`;
}
