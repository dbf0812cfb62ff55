/** The demo's health KPI links, written in one INSERT. */
import type { Queryable } from "../../../db/client.ts";
import { objectiveHealthKpis } from "../../../db/schema.ts";

export type SeededHealthKpiRow = typeof objectiveHealthKpis.$inferInsert;

export async function insertHealthKpiLinks(q: Queryable, rows: SeededHealthKpiRow[]): Promise<void> {
  if (rows.length === 0) return;
  await q.insert(objectiveHealthKpis).values(rows);
}
