/**
 * Fingerprints of stored data, to prove that a refused request changed nothing. Per table
 * (or per organisation's rows): how many rows there are and the newest transaction that
 * wrote one of them (`xmin`). An insert or update leaves a row with a newer xmin, a delete
 * lowers the count, so any committed write shows, even one that wrote the same values
 * again; rows written by a transaction that rolled back are not visible. This is stricter
 * than hashing the rows' text and far cheaper: the fuzzing suite takes one after every
 * refused sample. Tables are discovered from the database, so tables added later are
 * covered without touching the tests.
 */
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../src/db/client.ts";

/** Bookkeeping that a refused request may legitimately touch (sign-in counters, sessions). */
const BOOKKEEPING = new Set(["sessions", "rate_limits"]);

async function tableNames(db: Db, where: "all" | "tenant"): Promise<string[]> {
  const result =
    where === "tenant"
      ? await db.execute(
          sql`select distinct table_name as name from information_schema.columns
              where table_schema = 'public' and column_name = 'organization_id' order by 1`,
        )
      : await db.execute(
          sql`select table_name as name from information_schema.tables
              where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
        );
  return rowsOf<{ name: string }>(result).map((r) => r.name);
}

const tablesCache = new WeakMap<Db, Promise<{ all: string[]; tenant: string[] }>>();
function tablesOf(db: Db) {
  let cached = tablesCache.get(db);
  if (!cached) {
    cached = Promise.all([tableNames(db, "all"), tableNames(db, "tenant")]).then(([all, tenant]) => ({
      all: all.filter((t) => !BOOKKEEPING.has(t)),
      tenant,
    }));
    tablesCache.set(db, cached);
  }
  return cached;
}

export type Fingerprint = Record<string, string>;

/** The newest transaction id that wrote a visible row of `t` (xid → text → bigint). */
const NEWEST_WRITE = sql.raw("coalesce(max(t.xmin::text::bigint), 0)::text");

async function hashTables(db: Db, tables: string[], organizationId?: string): Promise<Fingerprint> {
  const parts = tables.map((table) => {
    const filter = organizationId ? sql` where t.organization_id = ${organizationId}::uuid` : sql.raw("");
    return sql`select ${table} as name, count(*)::int as n, ${NEWEST_WRITE} as h
      from ${sql.identifier(table)} t${filter}`;
  });
  if (organizationId) {
    parts.push(
      sql`select 'organizations' as name, count(*)::int as n, ${NEWEST_WRITE} as h
        from organizations t where t.id = ${organizationId}::uuid`,
    );
  }
  const result = await db.execute(sql.join(parts, sql` union all `));
  const out: Fingerprint = {};
  for (const row of rowsOf<{ name: string; n: number; h: string }>(result)) {
    out[row.name] = `${row.n}:${row.h}`;
  }
  return out;
}

/** Every row of every table except sessions and sign-in counters. */
export async function instanceFingerprint(db: Db): Promise<Fingerprint> {
  return hashTables(db, (await tablesOf(db)).all);
}

/** Every row that belongs to one organisation, in every tenant table, plus the organisation. */
export async function tenantFingerprint(db: Db, organizationId: string): Promise<Fingerprint> {
  return hashTables(db, (await tablesOf(db)).tenant, organizationId);
}

/** Changed table names between two fingerprints. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => before[n] !== after[n]).sort();
}
