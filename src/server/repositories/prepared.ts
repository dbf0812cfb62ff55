import type { Queryable } from "../../db/client.ts";

/**
 * Named prepared statements for the hottest reads (every request's session, the KPI
 * board). Drizzle then builds the SQL once per database handle instead of per request,
 * and on a PostgreSQL server each connection parses and plans the statement once
 * instead of every time: together about a sixth of a board's cost. Only reads whose
 * text never changes belong here (the parameters are placeholders).
 *
 * Built lazily per handle (the database, or a transaction) and kept as long as it lives.
 */
export function preparedStatement<T>(build: (q: Queryable) => T) {
  const byHandle = new WeakMap<Queryable, T>();
  return (q: Queryable): T => {
    let statement = byHandle.get(q);
    if (!statement) {
      statement = build(q);
      byHandle.set(q, statement);
    }
    return statement;
  };
}
