import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import { kpis } from "../../db/schema.ts";
import type { KpiRow } from "./kpi-repository.ts";
import { textArray, uuidArray } from "./sql-arrays.ts";

/**
 * KPI rows read for a write of values, locked `for no key update` until the transaction
 * ends. The lock is what lets a writer check a KPI (active, no formula, who may write)
 * and then write: an archive or definition edit (`for update`) waits for it, so the KPI
 * the check saw is the KPI the values land on. Several KPIs are locked in id order, like
 * every writer (`lockKpisForWrite`), so two writers never deadlock.
 *
 * `writeMeasurementBatch` takes no lock of its own: its callers hold one of these.
 */

/** One KPI, read and locked in one statement (entering a single value, a connector run). */
export async function lockKpiForWrite(
  q: Queryable,
  organizationId: string,
  id: string,
): Promise<KpiRow | undefined> {
  const [row] = await q
    .select()
    .from(kpis)
    .where(and(eq(kpis.organizationId, organizationId), eq(kpis.id, id)))
    .for("no key update");
  return row;
}

/** The KPIs a batch names, by id (lower case) or by key, read and locked in id order. */
export function lockKpisByIdOrKey(
  q: Queryable,
  organizationId: string,
  refs: { ids: readonly string[]; keys: readonly string[] },
): Promise<KpiRow[]> {
  return q
    .select()
    .from(kpis)
    .where(
      and(
        eq(kpis.organizationId, organizationId),
        sql`(${kpis.id} = any(${uuidArray(refs.ids)}) or ${kpis.key} = any(${textArray(refs.keys)}))`,
      ),
    )
    .orderBy(kpis.id)
    .for("no key update");
}
